//! The script that loads the WebAssembly client and wakes the page's islands, carrying this
//! response's Content-Security-Policy nonce.
//!
//! Pages are rendered on the server only; the browser hydrates just the `#[island]` components
//! (`<leptos-island>` elements). This is Leptos 0.8's `island_script.js` with three changes:
//! the nonce is where CSP looks for it (Leptos puts it in `crossorigin`), a page without an
//! island fetches no WebAssembly at all (most pages, and every page of a reader without
//! JavaScript, cost 0 bytes of it), and `<html data-hydrated="true">` is set once every island
//! is awake, so that end-to-end tests wait for the islands and not just for the module.

use leptos::config::LeptosOptions;
use leptos::nonce::use_nonce;
use leptos::prelude::*;

/// Wakes the islands once the page is idle: imports the JS glue, instantiates the wasm, then
/// walks the body and calls each island's export (children islands after their parent, whose
/// context they see).
const START: &str = r#"((pkg, js, wasm) => {
  const done = () => { document.documentElement.dataset.hydrated = "true"; };
  if (!document.querySelector("leptos-island")) { done(); return; }
  const stack = [];
  async function wake(el, mod) {
    const f = mod[el.dataset.component];
    if (!f) { console.warn(`no island ${el.dataset.component}`); return; }
    const cb = stack[stack.length - 1];
    if (cb) cb();
    const r = f(el);
    if (r && r.then) await r;
  }
  async function walk(node, mod) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = node.tagName.toLowerCase();
    if (tag === "leptos-island") await wake(node, mod);
    if (tag === "leptos-children") stack.push(node.$$on_hydrate);
    for (const child of node.children) await walk(child, mod);
    if (tag === "leptos-children") stack.pop();
  }
  const idle = window.requestIdleCallback || ((c) => setTimeout(c, 1));
  idle(() => import(`/${pkg}/${js}.js`).then((mod) =>
    mod.default({ module_or_path: `/${pkg}/${wasm}.wasm` }).then(() => {
      mod.hydrate();
      window.__hydrateIsland = (el) => wake(el, mod);
      return walk(document.body, mod);
    })).then(done));
})"#;

/// The `js` class (before the body is painted) and the island start script, for `<head>`.
///
/// On the server this also turns hydration bookkeeping off outside islands, as Leptos's own
/// `HydrationScripts islands=true` does: only island bodies are then marked for hydration and
/// only their resources are written into the page, so the ids match the browser's.
#[component]
pub fn HydrationScripts(
    /// The site's options: package folder and output name.
    options: LeptosOptions,
) -> impl IntoView {
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let nonce = use_nonce();
    let pkg = options.site_pkg_dir.to_string();
    let js = options.output_name.to_string();
    // wasm-bindgen names the module `<name>_bg.wasm` (as Leptos assumes without file hashes).
    let wasm = format!("{js}_bg");
    let start = format!("{START}({pkg:?}, {js:?}, {wasm:?});");
    view! {
        // Runs before the body is painted: conditional form items can then start hidden for
        // pages with a script, and stay on the page for those without (see `conditional`).
        <script nonce=nonce.clone()>"document.documentElement.classList.add('js')"</script>
        <script type="module" nonce=nonce>
            {start}
        </script>
    }
}
