#!/usr/bin/env bash
# Installs what the build (and, with `test`/`bench`, the tests or benchmarks) need and is
# missing, from Debian, npm and crates.io only. Idempotent: a second run only checks and takes
# seconds. Usage: scripts/setup.sh [build|test|bench]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
purpose="${1:-build}"

need_apt=()
want_pkg() { dpkg -s "$1" >/dev/null 2>&1 || need_apt+=("$1"); }

# The wasm client: rustup's wasm32 target where it exists (a contributor's laptop), otherwise
# Debian's browser-building Rust with its standard library sources (see shared/TOOLCHAIN.md).
if ! rustup_has_wasm; then
  for p in rustc-web cargo-web rust-web-src rust-web-clippy lld-22; do want_pkg "$p"; done
fi
want_pkg brotli
if [ "$purpose" = test ] || [ "$purpose" = bench ]; then
  want_pkg chromium
  want_pkg postgresql
  # Real outside services the tests start: ClamAV's daemon (EICAR checks), poppler's
  # pdftotext (reads the receipt PDF back), Python's venv for the S3 and SMTP test servers.
  for p in clamav clamav-daemon poppler-utils openssl python3-venv; do want_pkg "$p"; done
  # sqlite3: the wallboard's end-to-end test moves a due date into the past, as time would.
  want_pkg sqlite3
fi
if [ "$purpose" = bench ]; then
  want_pkg wrk
  want_pkg nginx-light
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need_apt[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

# npm tools pinned by package-lock.json: sass, wasm-opt (binaryen 132; Debian's 108 corrupts
# wasm-bindgen's reference-types output), playwright-core, axe-core.
stamp="$ROOT/node_modules/.lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
  echo "setup: installing npm packages"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$stamp"
fi

# The test servers from PyPI (moto's S3 server, aiosmtpd), pinned in requirements-test.txt, in a
# virtualenv outside the clone so that warm runs reuse it.
if [ "$purpose" = test ] || [ "$purpose" = bench ]; then
  venv="$HOME/.cache/dichvucong/venv"
  want="$ROOT/scripts/requirements-test.txt"
  if [ ! -x "$venv/bin/python" ] || ! cmp -s "$want" "$venv/.requirements-stamp"; then
    echo "setup: installing the test servers from PyPI into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$want"
    cp "$want" "$venv/.requirements-stamp"
  fi
fi

# wasm-bindgen's CLI must equal the library version in Cargo.lock.
want_wb="$(wasm_bindgen_version)"
have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wb" != "$want_wb" ]; then
  echo "setup: installing wasm-bindgen-cli $want_wb (was: ${have_wb:-none})"
  # Not --locked: its lockfile pins a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$want_wb" --quiet
fi
echo "setup ($purpose): ok"
