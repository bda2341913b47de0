//! Form items that follow the answers while the applicant fills the form in: conditional
//! blocks (see [`conditional`](super::conditional)) and the commune list, which follows the
//! chosen province (`<select data-communes-for="<commune select id>">`).
//!
//! Without JavaScript the page is complete as rendered: every conditional block is shown with a
//! line saying when it applies, and a save refreshes the commune list. This island only listens
//! to `change` events bubbling from its server-rendered children, so it ships no text and no
//! markup of its own to the browser.

use leptos::prelude::*;

/// Wraps the fields of one form.
#[island]
pub fn LiveForm(children: Children) -> impl IntoView {
    view! { <div class="live-form" on:change=follow>{children()}</div> }
}

/// Re-evaluates the conditional blocks and, when a province changed, loads its communes.
fn follow(ev: leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    client::follow(&ev);
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

#[cfg(feature = "hydrate")]
mod client {
    use leptos::wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlOptionElement, HtmlSelectElement};

    use crate::server_fns::account::communes_of;

    pub(super) fn follow(ev: &leptos::ev::Event) {
        if let Some(root) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<Element>().ok())
        {
            crate::components::conditional::refresh(&root);
        }
        let Some(province) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        else {
            return;
        };
        let Some(commune_id) = province.get_attribute("data-communes-for") else {
            return;
        };
        let Some(communes) = leptos::prelude::document()
            .get_element_by_id(&commune_id)
            .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        else {
            return;
        };
        let code = province.value();
        leptos::task::spawn_local(async move {
            // On a failure the list stays as it was; the save then says what is missing.
            let Ok(list) = communes_of(code).await else {
                return;
            };
            // The first option is the "choose a commune" prompt.
            communes.set_length(1);
            for (value, label) in list {
                if let Ok(option) = HtmlOptionElement::new_with_text_and_value(&label, &value) {
                    let _ = communes.append_child(&option);
                }
            }
        });
    }
}
