//! Moving through a list of dossiers with the keyboard, for clerks who work the queue all day:
//! on a row's link, the up and down arrows go to the previous and next row, Home and End to
//! the first and last, and Enter opens it (the link's own behaviour).
//!
//! Only keys that type no character are used, and only while focus is on a row (WCAG 2.1.4:
//! single-character shortcuts would fire while a screen-reader user navigates). Without
//! JavaScript the rows are plain links, reached with Tab; the hint appears only when the keys
//! work.

use leptos::prelude::*;

use crate::i18n::{use_locale, Key};

/// The list's table with its keys: `children` is the table, rendered on the server, whose row
/// links carry the class `row-link`; `hint_id` is for the table's `aria-describedby`.
#[component]
pub fn RowKeys(hint_id: &'static str, children: Children) -> impl IntoView {
    let t = use_locale();
    view! {
        <RowKeysIsland hint=t.t(Key::BoKeysHint).to_owned() hint_id=hint_id.to_owned()>
            {children()}
        </RowKeysIsland>
    }
}

/// The island: the hint (shown once the keys work) and the `keydown` listener around the table.
#[island]
fn RowKeysIsland(hint: String, hint_id: String, children: Children) -> impl IntoView {
    let ready = RwSignal::new(false);
    // Effects run only in the browser, after hydration: the server renders the hint hidden.
    Effect::new(move |_| ready.set(true));
    view! {
        <p class="hint" id=hint_id hidden=move || !ready.get()>{hint}</p>
        <div class="row-keys" on:keydown=step>{children()}</div>
    }
}

/// The `keydown` handler: moves focus between the links marked `row-link`.
fn step(ev: leptos::ev::KeyboardEvent) {
    #[cfg(feature = "hydrate")]
    client::step(&ev);
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

/// Where `key` moves from row `here` of `rows`; `None` for any other key.
pub fn target(key: &str, here: u32, rows: u32) -> Option<u32> {
    let last = rows.checked_sub(1)?;
    match key {
        "ArrowDown" => Some((here + 1).min(last)),
        "ArrowUp" => Some(here.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use leptos::wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement, KeyboardEvent};

    pub(super) fn step(ev: &KeyboardEvent) {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        let Some(on) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if !on.class_list().contains("row-link") {
            return;
        }
        let Some(table) = on.closest("table").ok().flatten() else {
            return;
        };
        let Ok(links) = table.query_selector_all("a.row-link") else {
            return;
        };
        let here = (0..links.length()).find(|i| {
            links
                .item(*i)
                .is_some_and(|l| l.is_same_node(Some(on.as_ref())))
        });
        let Some(to) = here.and_then(|h| super::target(&ev.key(), h, links.length())) else {
            return;
        };
        ev.prevent_default();
        if let Some(link) = links
            .item(to)
            .and_then(|l| l.dyn_into::<HtmlElement>().ok())
        {
            let _ = link.focus();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::target;

    #[test]
    fn arrows_stop_at_the_ends_and_other_keys_do_nothing() {
        assert_eq!(target("ArrowDown", 0, 3), Some(1));
        assert_eq!(target("ArrowDown", 2, 3), Some(2));
        assert_eq!(target("ArrowUp", 0, 3), Some(0));
        assert_eq!(target("ArrowUp", 2, 3), Some(1));
        assert_eq!(target("Home", 2, 3), Some(0));
        assert_eq!(target("End", 0, 3), Some(2));
        assert_eq!(target("j", 0, 3), None);
        assert_eq!(target("ArrowDown", 0, 0), None);
    }
}
