#!/usr/bin/env bash
# Debug rebuild times after changing one page and one domain service, as a developer meets
# them, in the two ways the tree is built:
# - the edit loop (`make dev`, incremental compilation): a real edit in a function body (one
#   string changed), then the portal binary rebuilt;
# - `make test` and CI (no incremental caches, scripts/lib.sh says why): the file touched, so
#   its crate and every crate above it are compiled again from scratch; the portal binary,
#   then every test binary.
# Prints a Markdown table; scripts/bench.sh puts it in BENCHMARKS.md. Run after `make test`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
page=app/src/pages/dossier/filed.rs
page_from='class="container narrow dossier"'
page_to='class="container narrow dossier filed"'
service=domain/src/payments/fees.rs
service_from='"the dossier is no longer open"'
service_to='"the dossier is no longer open."'
backup=$(mktemp -d)
cp -p "$page" "$backup/page.rs"; cp -p "$service" "$backup/service.rs"
# Restored without keeping the backup's time stamp, so that cargo sees the files changed again.
restore() { cp "$backup/page.rs" "$page"; cp "$backup/service.rs" "$service"; rm -rf "$backup"; }
trap restore EXIT

build() { cargo test --workspace --exclude frontend --no-run -q "$@" >/dev/null 2>&1; }
timed() {
  local t0 t1 ms
  t0=$(date +%s%N); build "$@"; t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 )); printf '%d.%d' $(( ms / 1000 )) $(( ms % 1000 / 100 ))
}
# Replaces $2 by $3 in file $1, and fails when $2 is not there (the bench must edit something).
edit() {
  grep -qF -- "$2" "$1" || { echo "bench-rebuild: '$2' is no longer in $1" >&2; exit 1; }
  local from to
  from=$(printf '%s' "$2" | sed 's/[.[\*^$/]/\\&/g'); to=$(printf '%s' "$3" | sed 's/[&/]/\\&/g')
  sed -i "s/$from/$to/" "$1"
}

# `make test` and CI: no incremental caches.
build
touch "$page";    page_portal=$(timed --bin portal)
touch "$service"; service_portal=$(timed --bin portal)
touch "$page";    page_all=$(timed)
size_mb=$(( $(stat -c %s "$CARGO_TARGET_DIR/debug/portal") / 1024 / 1024 ))

# The edit loop: incremental, real edits.
export CARGO_INCREMENTAL=1
build --bin portal                # bring the incremental caches up to date first
edit "$page" "$page_from" "$page_to";             inc_page=$(timed --bin portal)
edit "$service" "$service_from" "$service_to";    inc_service=$(timed --bin portal)
restore; trap - EXIT
build --bin portal                # leave the caches matching the tree

cat <<MD
| debug rebuild of the portal binary (\`cargo test --workspace --exclude frontend --no-run --bin portal\`, warm cache) | \`make dev\` (incremental, one string edited) | \`make test\` / CI (no incremental cache, file touched) |
|---|---|---|
| one page (\`$page\`) | ${inc_page} s | ${page_portal} s |
| one domain service (\`$service\`) | ${inc_service} s | ${service_portal} s |
| one page, every test binary (CI) | | ${page_all} s |
| size of the debug portal binary | | ${size_mb} MB |
MD
