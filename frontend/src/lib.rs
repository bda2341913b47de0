//! The WebAssembly entry point. The page's island script calls [`hydrate`] once the module is
//! instantiated, then wakes each `<leptos-island>` through the exports `#[island]` generates in
//! the `app` crate (which is why `app` must stay linked here).

// Leptos view types nest deeply; the default limit (128) is too low for whole pages.
#![recursion_limit = "256"]

#[allow(unused_imports)]
use app::*;

/// Sets up the root owner that islands hydrate under; renders nothing by itself.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
