#!/usr/bin/env bash
# Debug rebuild times after touching one page and one domain service, as a developer meets
# them: the portal binary with the features `make test` builds it with (so the cache it reuses
# is the one `make test` filled), and all test binaries after a page change. Prints a Markdown
# table; scripts/bench.sh puts it in BENCHMARKS.md. Run after `make test` (warm cache).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
page=app/src/pages/dossier/filed.rs
service=domain/src/payments/fees.rs
build() { cargo test --workspace --exclude frontend --no-run -q "$@" >/dev/null 2>&1; }
timed() {
  local t0 t1 ms
  t0=$(date +%s%N); build "$@"; t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 )); printf '%d.%d' $(( ms / 1000 )) $(( ms % 1000 / 100 ))
}
build                      # bring everything up to date first
touch "$page";    page_portal=$(timed --bin portal)
touch "$service"; service_portal=$(timed --bin portal)
touch "$page";    page_all=$(timed)
size_mb=$(( $(stat -c %s "$CARGO_TARGET_DIR/debug/portal") / 1024 / 1024 ))
cat <<MD
| debug rebuild (\`cargo test --workspace --exclude frontend --no-run\`, warm cache) | time |
|---|---|
| touch one page (\`$page\`), portal binary only (\`--bin portal\`) | ${page_portal} s |
| touch one domain service (\`$service\`), portal binary only | ${service_portal} s |
| touch one page, every test binary | ${page_all} s |
| size of the debug portal binary | ${size_mb} MB |
MD
