//! The catalogue's live filters. The list, its filters and their counts are rendered on the
//! server (see [`catalogue_browser`](super::catalogue_browser)); this island fetches the same
//! page for the filters the reader just chose and puts the new results, counts and summary in
//! place, then writes the URL with `history.replaceState` so that the back button and a shared
//! link show the same list. The page is never reloaded, so focus stays in the search field
//! while the reader types.
//!
//! Fetching the page rather than data keeps the browser's share small: no list markup, no
//! texts, no date or number formatting in the WebAssembly.

use leptos::prelude::*;

/// Wraps the filter form and the `#catalogue-results` region; `base` is the page's path.
#[island]
pub fn LiveCatalogue(base: String, children: Children) -> impl IntoView {
    let typed = {
        let base = base.clone();
        move |ev: leptos::ev::Event| {
            #[cfg(feature = "hydrate")]
            client::typed(&ev, &base);
            #[cfg(not(feature = "hydrate"))]
            let _ = (ev, &base);
        }
    };
    let chose = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        client::chose(&ev, &base);
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, &base);
    };
    view! { <div class="live-catalogue" on:input=typed on:change=chose>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod client {
    use std::cell::Cell;

    use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{
        Document, Element, Event, FormData, HtmlFormElement, HtmlInputElement, UrlSearchParams,
        XmlHttpRequest, XmlHttpRequestResponseType,
    };

    /// Milliseconds of quiet after a keystroke before the list is asked for.
    const QUIET_MS: i32 = 300;

    thread_local! {
        /// The pending keystroke timer.
        static TIMER: Cell<Option<i32>> = const { Cell::new(None) };
        /// The latest request's number: answers to older ones are dropped, since they can
        /// arrive out of order.
        static LATEST: Cell<u32> = const { Cell::new(0) };
    }

    /// A keystroke in the search field: asks once the reader pauses.
    pub(super) fn typed(ev: &Event, base: &str) {
        let is_search = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|i| i.type_() == "search");
        let (Some(root), Some(window), true) = (root_of(ev), web_sys::window(), is_search) else {
            return;
        };
        if let Some(timer) = TIMER.take() {
            window.clear_timeout_with_handle(timer);
        }
        let base = base.to_owned();
        let fire = Closure::once_into_js(move || {
            TIMER.set(None);
            refresh(&root, &base);
        });
        TIMER.set(
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    fire.unchecked_ref(),
                    QUIET_MS,
                )
                .ok(),
        );
    }

    /// A filter chosen (a select or the check box): asks at once.
    pub(super) fn chose(ev: &Event, base: &str) {
        let is_search = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|i| i.type_() == "search");
        if let (Some(root), false) = (root_of(ev), is_search) {
            refresh(&root, base);
        }
    }

    fn root_of(ev: &Event) -> Option<Element> {
        ev.current_target()
            .and_then(|t| t.dyn_into::<Element>().ok())
    }

    /// `base?q=…&field=…` from the form, without empty filters or a page number.
    fn url_of(form: &HtmlFormElement, base: &str) -> Option<String> {
        let data = FormData::new_with_form(form).ok()?;
        let all = UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
        let kept = UrlSearchParams::new().ok()?;
        for name in ["q", "field", "agency", "level", "online"] {
            if let Some(value) = all.get(name).filter(|v| !v.trim().is_empty()) {
                kept.append(name, &value);
            }
        }
        let query = String::from(kept.to_string());
        Some(if query.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{query}")
        })
    }

    fn refresh(root: &Element, base: &str) {
        let Some(form) = root
            .query_selector("form.catalogue-filters")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let (Some(url), Ok(xhr)) = (url_of(&form, base), XmlHttpRequest::new()) else {
            return;
        };
        if xhr.open("GET", &url).is_err() {
            return;
        }
        xhr.set_response_type(XmlHttpRequestResponseType::Document);
        let number = LATEST.get() + 1;
        LATEST.set(number);
        let done = {
            let (xhr, root) = (xhr.clone(), root.clone());
            Closure::once_into_js(move || {
                if LATEST.get() != number || xhr.status().unwrap_or(0) != 200 {
                    return;
                }
                if let Some(page) = xhr.response_xml().ok().flatten() {
                    put_in_place(&root, &page);
                    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
                    }
                }
            })
        };
        xhr.set_onloadend(Some(done.unchecked_ref()));
        let _ = xhr.send();
    }

    /// Copies the new page's results, filter options and summary into this page. The count
    /// heading (a live region) keeps its element and takes the new text, so screen readers
    /// announce it; the elements that may have focus (the field, the selects) stay in place.
    fn put_in_place(root: &Element, page: &Document) {
        let here = |selector: &str| root.query_selector(selector).ok().flatten();
        let there = |selector: &str| page.query_selector(selector).ok().flatten();
        match (
            here("#catalogue-results .result-count"),
            there("#catalogue-results .result-count"),
            here("#catalogue-list"),
            there("#catalogue-list"),
        ) {
            (Some(count), Some(new_count), Some(list), Some(new_list)) => {
                count.set_text_content(new_count.text_content().as_deref());
                list.set_inner_html(&new_list.inner_html());
            }
            _ => {
                if let (Some(old), Some(new)) =
                    (here("#catalogue-results"), there("#catalogue-results"))
                {
                    old.set_inner_html(&new.inner_html());
                }
            }
        }
        for selector in [
            "#filter-field",
            "#filter-agency",
            "#filter-level",
            ".filter-more > summary",
        ] {
            if let (Some(old), Some(new)) = (here(selector), there(selector)) {
                old.set_inner_html(&new.inner_html());
            }
        }
    }
}
