//! Conditional form items: shown only for some answers (postal details when the result comes
//! by post, the represented person when filing for someone else, a form's dependent fields).
//!
//! Items carry `data-visible-if="<controller id>=<value>|<value>"`. Without JavaScript every
//! item is on the page, each saying when it applies, so nothing the server may ask for is out
//! of reach (issue 27). With it, the head script marks `<html class="js">` before the body is
//! painted, items the saved answers do not call for are hidden by CSS, and [`refresh`] keeps
//! them in step as the applicant answers.

use leptos::prelude::*;

/// A block of form items that applies only to some answers.
#[component]
pub fn Conditional(
    /// `<controller id>=<value>|<value>`: the control and the values that call for the block.
    rule: String,
    /// Whether the saved answers call for it (the page with JavaScript hides it otherwise).
    visible: bool,
    /// Says when to fill it in, for a reader who sees every block (JavaScript off).
    #[prop(optional, into)]
    when: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="form-item conditional" class:conditional-off=!visible data-visible-if=rule>
            {when.filter(|w| !w.is_empty()).map(|w| view! { <p class="conditional-when">{w}</p> })}
            {children()}
        </div>
    }
}

/// Re-evaluates every conditional item inside `root` (call on `change`).
#[cfg(feature = "hydrate")]
pub fn refresh(root: &web_sys::Element) {
    use leptos::wasm_bindgen::JsCast;
    use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

    let Ok(items) = root.query_selector_all("[data-visible-if]") else {
        return;
    };
    for i in 0..items.length() {
        let Some(item) = items.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let rule = item.get_attribute("data-visible-if").unwrap_or_default();
        let Some((controller, values)) = rule.split_once('=') else {
            continue;
        };
        let current = current_value(root, controller);
        let show = values.split('|').any(|v| v == current);
        let _ = item
            .class_list()
            .toggle_with_force("conditional-off", !show);
    }

    fn current_value(root: &web_sys::Element, controller: &str) -> String {
        // Radio buttons share the controller's name; a checkbox or select has its id.
        let radio = format!("input[type=radio][name=\"{controller}\"]:checked");
        if let Ok(Some(el)) = root.query_selector(&radio) {
            if let Ok(input) = el.dyn_into::<HtmlInputElement>() {
                return input.value();
            }
        }
        let Ok(Some(el)) = root.query_selector(&format!("[id=\"{controller}\"]")) else {
            return String::new();
        };
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            if input.type_() == "checkbox" {
                return input.checked().to_string();
            }
            return input.value();
        }
        el.dyn_ref::<HtmlSelectElement>()
            .map(HtmlSelectElement::value)
            .unwrap_or_default()
    }
}
