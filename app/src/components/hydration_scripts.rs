//! The scripts that load and start the WebAssembly client, each carrying this response's
//! Content-Security-Policy nonce.
//!
//! Leptos's own `HydrationScripts` (0.8) puts the nonce on its `<script>` but not on the
//! `<link rel="modulepreload">` (it lands in `crossorigin`), so under a policy without `'self'`
//! the preload is refused and, since a failed module fetch is remembered, so is the import that
//! starts hydration. This is the same markup with the nonce where CSP looks for it.

use leptos::config::LeptosOptions;
use leptos::nonce::use_nonce;
use leptos::prelude::*;

/// Starts the client once the page has loaded: imports the JS glue, instantiates the wasm and
/// calls `hydrate()` (Leptos 0.8's `hydration_script.js`, without the idle deferral).
const START: &str = "((root, pkg, js, wasm) => { import(`${root}/${pkg}/${js}.js`).then((m) => \
     m.default({ module_or_path: `${root}/${pkg}/${wasm}.wasm` }).then(() => m.hydrate())); })";

/// `<link rel="modulepreload">`, the wasm preload and the start script, for `<head>`.
#[component]
pub fn HydrationScripts(
    /// The site's options: package folder and output name.
    options: LeptosOptions,
) -> impl IntoView {
    let nonce = use_nonce();
    let pkg = options.site_pkg_dir.to_string();
    let js = options.output_name.to_string();
    // wasm-bindgen names the module `<name>_bg.wasm` (as Leptos assumes without file hashes).
    let wasm = format!("{js}_bg");
    let start = format!("{START}(\"\", {pkg:?}, {js:?}, {wasm:?});");
    view! {
        // Runs before the body is painted: conditional form items can then start hidden for
        // pages with a script, and stay on the page for those without (see `conditional`).
        <script nonce=nonce.clone()>"document.documentElement.classList.add('js')"</script>
        <link rel="modulepreload" href=format!("/{pkg}/{js}.js") nonce=nonce.clone() />
        <link
            rel="preload"
            href=format!("/{pkg}/{wasm}.wasm")
            r#as="fetch"
            r#type="application/wasm"
            crossorigin=""
        />
        <script type="module" nonce=nonce>
            {start}
        </script>
    }
}
