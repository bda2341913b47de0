#!/usr/bin/env bash
# `make bench-statistics` (and the end of `make bench`): the public statistics at national
# scale (issue 24). Generates COUNT (default 10,000,000) dossiers filed over three years on a
# PostgreSQL of its own, makes their statistics rollups, serves the release build on it and
# measures `/thong-ke` for the whole province over the last full year and the Decision 766
# index of every agency, with one connection (p50, p99) and eight (requests/s, p99). Writes the
# section between the statistics markers of BENCHMARKS.md (appended when absent).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
count="${COUNT:-10000000}"
scripts/setup.sh bench >/dev/null
cargo build --release -p server --features bench -q
[ -d build/site/pkg ] || scripts/build-site.sh >/dev/null
portal="$CARGO_TARGET_DIR/release/portal"

dir="$(mktemp -d)"
pgdir="$(mktemp -d)"; chown postgres "$pgdir" 2>/dev/null || true
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pgport="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$pgdir"
}
trap cleanup EXIT
run_pg "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres >/dev/null
run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w start \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c work_mem=64MB -c maintenance_work_mem=256MB" >/dev/null
pg_version="$("$pgbin/postgres" --version | awk '{print $3}')"
export PORTAL_DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/postgres" PORTAL_FILES_DIR="$dir/files" \
  PORTAL_OUTBOX_DIR="$dir/outbox" PORTAL_SITE_ROOT="$ROOT/build/site" PORTAL_LOG_LEVEL=warn
"$portal" migrate >/dev/null
"$portal" seed >/dev/null

t0=$(date +%s)
generated=$("$portal" generate-dossiers --count "$count" --days 1095 2>"$dir/gen.err") \
  || { echo "generate-dossiers failed:" >&2; tail -5 "$dir/gen.err" >&2; exit 1; }
rollups=$("$portal" generate-rollups 2>"$dir/gen.err") \
  || { echo "generate-rollups failed:" >&2; tail -5 "$dir/gen.err" >&2; exit 1; }
t1=$(date +%s)
db_size=$(run_pg "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -Atc \
  "SELECT pg_size_pretty(pg_database_size('postgres'))")

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
PORTAL_LISTEN_ADDR="127.0.0.1:$port" "$portal" serve >/dev/null &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
year=$(( $(date +%Y) - 1 ))
province="000.00.00.H53"
# The pages must show figures (not a refusal) before they are timed.
page=$(curl -s "$base/thong-ke?agency=$province&period=$year")
grep -q 'class="stat-table"' <<<"$page" || { echo "bench: /thong-ke did not render figures" >&2; exit 1; }
page=$(curl -s "$base/thong-ke/chi-so-766?period=$year")
grep -q 'index-table' <<<"$page" || { echo "bench: the index did not render" >&2; exit 1; }
received=$(curl -s "$base/api/v1/statistics?agency=$province&period=$year" \
  | python3 -c "import json,sys; print(json.load(sys.stdin)['figures']['received'])")
ranked=$(curl -s "$base/api/v1/statistics/index766?period=$year" \
  | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")

row() { # label url -> | label | p50 1 conn | p99 1 conn | req/s 8 conn | p99 8 conn | non-2xx |
  local one many
  one=$(wrk -t1 -c1 -d10s --latency -H 'Accept-Encoding: br' "$2")
  many=$(wrk -t2 -c8 -d10s --latency -H 'Accept-Encoding: br' "$2")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" \
    "$(echo "$one" | awk '/ 50%/ {print $2}')" "$(echo "$one" | awk '/ 99%/ {print $2}')" \
    "$(echo "$many" | awk '/Requests\/sec/ {print $2}')" "$(echo "$many" | awk '/ 99%/ {print $2}')" \
    "$( (echo "$one"; echo "$many") | awk '/Non-2xx/ {n += $5} END {print n + 0}')"
}
rows="$(row "\`/thong-ke?agency=$province&period=$year\` (the province's tree, a year, with the year before)" "$base/thong-ke?agency=$province&period=$year")
$(row "\`/thong-ke/chi-so-766?period=$year\` (every agency ranked, with the year before)" "$base/thong-ke/chi-so-766?period=$year")
$(row "\`/thong-ke?period=$year-Q4&procedure=TN.ATTP.001\` (one procedure, a quarter)" "$base/thong-ke?period=$year-Q4&procedure=TN.ATTP.001")
$(row "\`/api/v1/statistics?agency=$province&period=$year\` (open data, JSON)" "$base/api/v1/statistics?agency=$province&period=$year")
$(row "\`/api/v1/statistics/index766?period=$year\` (JSON)" "$base/api/v1/statistics/index766?period=$year")"

gen_text=$(python3 - "$generated" "$rollups" <<'PY'
import json, sys
g, r = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"{g['dossiers']:,} dossiers filed over three years (generated and analysed in {g['seconds']:.0f} s); "
      f"{r['rows']:,} rollup rows made from them in {r['seconds']:.0f} s")
PY
)
section=$(cat <<MD
<!-- statistics:start -->
## Public statistics over ten million dossiers (PostgreSQL ${pg_version}, release build)

Command: \`make bench-statistics\` (also run by \`make bench\`; \`COUNT=…\` for another size) on
$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB. ${gen_text}; ${db_size} in all,
$(( t1 - t0 )) s from the first generated row to the last rollup. The year measured is ${year}:
${received} dossiers received by the province's agencies, ${ranked} agencies ranked. Every
figure is summed from the rollups (\`domain::statistics\`): whole months from the month rows,
the stocks from the months before plus the days of the last month; nothing counts dossiers.
Latency with one connection (\`wrk -t1 -c1 -d10s --latency\`), throughput with eight
(\`wrk -t2 -c8 -d10s --latency\`) sharing the cores with the portal and PostgreSQL.

| request | p50, 1 conn. | p99, 1 conn. | requests/s, 8 conn. | p99, 8 conn. | non-2xx |
|---|---|---|---|---|---|
${rows}

Goal: p99 < 100 ms for \`/thong-ke\` of a province-year and for the index of every agency.
<!-- statistics:end -->
MD
)
python3 - "$section" <<'PY'
import re, sys
section = sys.argv[1]
try:
    text = open("BENCHMARKS.md").read()
except FileNotFoundError:
    text = "# Benchmarks\n"
pattern = re.compile(r"<!-- statistics:start -->.*?<!-- statistics:end -->", re.S)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open("BENCHMARKS.md", "w").write(text)
PY
echo "bench-statistics: BENCHMARKS.md updated"
