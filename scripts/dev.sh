#!/usr/bin/env bash
# `make dev`: the edit loop after a first `make run`. Builds the debug server with incremental
# compilation (after editing one page or one domain service it rebuilds in seconds, not the
# minute a clean-slate build of the three workspace crates takes: BENCHMARKS.md), builds the
# site only when it is missing, then migrates, loads the demo data and serves like `make run`.
# Incremental caches stay out of `make test` and CI (scripts/lib.sh says why).
set -euo pipefail
export CARGO_INCREMENTAL=1
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
[ -f build/site/pkg/site_bg.wasm ] || { stage "build site (wasm, css)"; scripts/build-site.sh; stage_done; }
stage "build server (debug, incremental)"; cargo build -p server; stage_done
mkdir -p var
portal="$CARGO_TARGET_DIR/debug/portal"
"$portal" migrate
"$portal" seed
exec "$portal" serve
