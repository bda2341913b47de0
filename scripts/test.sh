#!/usr/bin/env bash
# `make test`: installs what is missing, then runs every gate and test, printing each stage's
# time: formatting, clippy (server side and wasm client separately), the wasm build, unit and
# integration tests on SQLite and on a throwaway PostgreSQL cluster, then end-to-end tests in
# headless Chromium.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
total_start=$(date +%s)
# Whether this run starts from an empty build cache (recorded with the stage times for bench).
if [ -d "$CARGO_TARGET_DIR/debug" ]; then cache=warm; else cache=cold; fi

stage "setup"; scripts/setup.sh test; stage_done
# Tests that start a real outside service (clamd, an S3 server, an SMTP server, pdftotext) fail
# instead of skipping when it is missing: setup installed them all.
export PORTAL_REQUIRE_ALL_SERVICES=1

stage "cargo fmt --check"; cargo fmt --all -- --check; stage_done

stage "seed data checks"; python3 scripts/seed/validate.py; stage_done

stage "no module circles (domain, documents, app, server)"
for crate in domain documents app server; do python3 scripts/module_circles.py "$crate/src"; done
stage_done

stage "clippy (server side)"
cargo clippy --workspace --exclude frontend --all-targets -- -D warnings
stage_done

stage "production build: no simulators, no bench code, no test fixtures"
# What production builds (`cargo build --release -p server --no-default-features`, README):
# it must compile warning-free, and its feature tree must carry none of the development parts.
cargo clippy -p server --no-default-features -- -D warnings
production_features="$(cargo tree -p server --no-default-features -e normal -f '{p} [{f}]')"
ours="$(echo "$production_features" | grep -E '^server |── domain ' | sort -u)"
echo "$ours"
if echo "$ours" | grep -E 'simulators|bench|testing'; then
  echo "the production build carries simulators, bench code or test fixtures" >&2
  exit 1
fi
stage_done

stage "clippy (wasm client)"
if rustup_has_wasm; then
  cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
else
  debian_wasm_linker
  PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo clippy -p frontend \
    --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort -- -D warnings
fi
stage_done

stage "build site (wasm, css)"; scripts/build-site.sh; stage_done

stage "tests on SQLite"
cargo test --workspace --exclude frontend
stage_done

stage "tests on PostgreSQL"
pgdir="$(mktemp -d)"
chown postgres "$pgdir" 2>/dev/null || true
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pgport="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap stop_pg EXIT
run_pg "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres >/dev/null
run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w start \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" >/dev/null
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport"
PORTAL_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/postgres" \
  cargo test --workspace --exclude frontend
stop_pg; trap - EXIT
stage_done

stage "end-to-end tests (headless Chromium)"
# The binary `cargo test` built for the server's integration tests: building it again with
# `cargo build -p server` would unify features differently and recompile half the dependencies.
test -x "$CARGO_TARGET_DIR/debug/portal"
PORTAL_BIN="$CARGO_TARGET_DIR/debug/portal" PORTAL_SITE_ROOT="$ROOT/build/site" \
  node --test --test-concurrency=1 end2end/tests/
stage_done

# The shared build cache keeps every test binary it ever linked (about 1 GB each in debug);
# keep only the newest of each name so that it does not fill the disk run after run.
prune_test_binaries

total="$(( $(date +%s) - total_start ))"
printf '\nStage times:\n%b' "$STAGE_TIMES"
printf 'Total: %ss\n' "$total"
mkdir -p "$STATS_DIR"
{ echo "make test, $cache cache, $(date -u +%Y-%m-%dT%H:%MZ)"; printf '%b' "$STAGE_TIMES"; printf '%-40s %5ss\n' "total" "$total"; } \
  > "$STATS_DIR/test-stage-times-$cache.txt"
