#!/usr/bin/env bash
# Builds the browser side into build/site: the wasm client (size-optimised), its JS glue, the
# CSS, public assets, and brotli/gzip copies served to browsers that accept them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
site="$ROOT/build/site"
pkg="$site/pkg"
mkdir -p "$pkg"

profile=wasm-release
if rustup_has_wasm; then
  cargo build -p frontend --lib --target wasm32-unknown-unknown --profile "$profile"
else
  # Debian's Rust 1.96 with std rebuilt for wasm32 (rustup here has no wasm32 target).
  debian_wasm_linker
  PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc \
    /usr/bin/cargo build -p frontend --lib --target wasm32-unknown-unknown --profile "$profile" \
    -Zbuild-std=std,panic_abort
fi
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/$profile/frontend.wasm"

if [ ! -f "$pkg/site_bg.wasm" ] || [ "$wasm" -nt "$pkg/site_bg.wasm" ]; then
  tmp="$(mktemp -d)"
  wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name site "$wasm"
  # Leptos 0.8's hydration script loads /pkg/site.js and /pkg/site_bg.wasm.
  wasm-opt -Oz --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue \
    "$tmp/site_bg.wasm" -o "$pkg/site_bg.wasm"
  cp "$tmp/site.js" "$pkg/site.js"
  # wasm-opt drops the function names; `make bench` reads them from this copy (wasm_top.py).
  cp "$tmp/site_bg.wasm" "$CARGO_TARGET_DIR/site_bg.names.wasm"
  rm -rf "$tmp"
fi

sass --no-source-map --style=compressed "$ROOT/style/main.scss" "$pkg/site.css"
cp -r "$ROOT/public/." "$site/"

for f in "$pkg/site_bg.wasm" "$pkg/site.js" "$pkg/site.css"; do
  brotli -f -q 11 -o "$f.br" "$f"
  gzip -f -9 -k "$f"
done
printf 'site: wasm %s B (brotli %s B), js %s B, css %s B\n' \
  "$(stat -c %s "$pkg/site_bg.wasm")" "$(stat -c %s "$pkg/site_bg.wasm.br")" \
  "$(stat -c %s "$pkg/site.js")" "$(stat -c %s "$pkg/site.css")"
