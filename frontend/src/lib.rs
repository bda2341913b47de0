//! The WebAssembly entry point: Leptos's hydration script calls [`hydrate`] once the
//! server-rendered page has loaded, and the page becomes interactive.

// Leptos view types nest deeply; the default limit (128) is too low for whole pages.
#![recursion_limit = "256"]

/// Attaches the app to the server-rendered DOM, then marks `<html data-hydrated="true">` so
/// that end-to-end tests (and CSS, if ever needed) can tell a hydrated page from a static one.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    if let Some(html) = leptos::prelude::document().document_element() {
        // Only a test marker: failing to set it must not break the page.
        let _ = html.set_attribute("data-hydrated", "true");
    }
}
