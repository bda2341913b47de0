#!/usr/bin/env bash
# `make run`: installs what is missing, builds the release server and the site, creates the
# SQLite database and file store under ./var, migrates, loads the reference and demo data, and
# serves the portal (address from PORTAL_LISTEN_ADDR, default 127.0.0.1:3000).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
stage "setup"; scripts/setup.sh build; stage_done
stage "build site (wasm, css)"; scripts/build-site.sh; stage_done
stage "build server (release)"; cargo build --release -p server; stage_done
mkdir -p var
portal="$CARGO_TARGET_DIR/release/portal"
stage "migrate"; "$portal" migrate; stage_done
stage "load reference and demo data"; "$portal" seed; stage_done
exec "$portal" serve
