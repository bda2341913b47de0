#!/usr/bin/env bash
# `make bench`: measures the release build and the running portal on this machine and writes
# BENCHMARKS.md (machine, commands, figures). Loads come from wrk on loopback only, bounded in
# time. Cold build figures are those `make test` recorded on its last run in this cache.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
scripts/setup.sh bench >/dev/null

t0=$(date +%s.%N); cargo build --release -p server --features bench -q; t1=$(date +%s.%N)
scripts/build-site.sh >/dev/null; t2=$(date +%s.%N)
warm_server=$(python3 -c "print(round($t1 - $t0, 1))")
warm_site=$(python3 -c "print(round($t2 - $t1, 1))")

pkg="$ROOT/build/site/pkg"
size() { stat -c %s "$1"; }
kb() { python3 -c "print(f'{$1 / 1024:.1f} KB')"; }

dir="$(mktemp -d)"
portal="$CARGO_TARGET_DIR/release/portal"
export PORTAL_DATABASE_URL="sqlite://$dir/portal.db?mode=rwc" PORTAL_FILES_DIR="$dir/files" \
  PORTAL_OUTBOX_DIR="$dir/outbox" PORTAL_SITE_ROOT="$ROOT/build/site" PORTAL_LOG_LEVEL=warn
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export PORTAL_LISTEN_ADDR="127.0.0.1:$port" PORTAL_TRUST_FORWARDED_FOR=127.0.0.1
"$portal" migrate >/dev/null
"$portal" seed >/dev/null
"$portal" serve >/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"

# Lighthouse first, while nothing else loads the machine (scores depend on the CPU).
lighthouse_table="$(node scripts/lighthouse.mjs "$base")"
wasm_top="$(python3 scripts/wasm_top.py "$CARGO_TARGET_DIR/site_bg.names.wasm" 15)"
html_raw=$(curl -s "$base/" | wc -c)
html_br=$(curl -s -H 'Accept-Encoding: br' "$base/" | wc -c)
html_gz=$(curl -s -H 'Accept-Encoding: gzip' "$base/" | wc -c)

rps() { # url -> requests/second (wrk, 2 threads, 32 connections, 10 s)
  wrk -t2 -c32 -d10s -H 'Accept-Encoding: br' "$1" | awk '/Requests\/sec/ {print $2}'
}
lat() { wrk -t2 -c32 -d10s --latency -H 'Accept-Encoding: br' "$1" | awk '/ 99%/ {print $2}'; }
home_rps=$(rps "$base/"); health_rps=$(rps "$base/health")
# Sign-in: the demo citizen's right password, each request from another address (the portal
# trusts X-Forwarded-For from loopback, wrk's side, in this run) so that the per-address limit does not turn the load into
# 429s; every answer is a real Argon2id check plus a new session row.
cat > "$dir/sign_in.lua" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["Cookie"] = "csrf=bench-csrf-token",
    ["X-Forwarded-For"] = "10." .. (counter % 250) .. "." .. math.random(0, 250) .. "." .. math.random(1, 250),
  }
  local body = "identifier=congdan%40dichvucong.localhost&password=Demo%402026&csrf_token=bench-csrf-token"
  return wrk.format("POST", "/api/ui/sign_in", headers, body)
end
LUA
sign_in_out=$(wrk -t2 -c8 -d10s --latency -s "$dir/sign_in.lua" "$base/")
sign_in_rps=$(echo "$sign_in_out" | awk '/Requests\/sec/ {print $2}')
sign_in_p50=$(echo "$sign_in_out" | awk '/ 50%/ {print $2}')
sign_in_p99=$(echo "$sign_in_out" | awk '/ 99%/ {print $2}')
sign_in_bad=$(echo "$sign_in_out" | awk '/Non-2xx/ {print $5}'); sign_in_bad=${sign_in_bad:-0}
password_json=$("$portal" bench-password --rounds 100)
pw() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$password_json" "$1"; }
pw_p50=$(pw p50_ms); pw_p99=$(pw p99_ms)
home_p99=$(lat "$base/")
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
kill $pid; wait $pid 2>/dev/null || true

# A national-size catalogue (6,800 procedures: the demo ones and generated variations).
"$portal" generate-catalogue --count 6800 --out "$dir/national.json" >/dev/null
cp -r "$ROOT/seed/templates" "$ROOT/seed/forms" "$dir/" 2>/dev/null || cp -r "$ROOT/seed/templates" "$dir/"  # files the rows refer to
"$portal" import-catalogue "$dir/national.json" >/dev/null
search_json=$("$portal" bench-search --rounds 200)
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$search_json" "$1"; }
search_p50=$(field p50_us); search_p99=$(field p99_us); search_max=$(field max_us); searches=$(field searches)
"$portal" serve >/dev/null &
pid=$!
for _ in $(seq 50); do curl -sf "$base/health" >/dev/null && break; sleep 0.2; done
api="$base/api/v1/procedures?q=giay+phep+xay+dung"
page="$base/thu-tuc?q=giay+phep&online=1"
curl -sf "$api" >/dev/null; curl -sf "$page" >/dev/null   # warm up: index built, page cached
api_lat=$(wrk -t2 -c32 -d10s --latency "$api")
api_rps=$(echo "$api_lat" | awk '/Requests\/sec/ {print $2}')
api_p50=$(echo "$api_lat" | awk '/ 50%/ {print $2}')
api_p99=$(echo "$api_lat" | awk '/ 99%/ {print $2}')
mkdir -p "$dir/www"
curl -s "$page" > "$dir/www/catalogue.html"
page_bytes=$(stat -c %s "$dir/www/catalogue.html")
page_rps=$(wrk -t2 -c32 -d10s "$page" | awk '/Requests\/sec/ {print $2}')
nport="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat > "$dir/nginx.conf" <<NGINX
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$nport; root $dir/www; location / { try_files /catalogue.html =404; } }
}
NGINX
nginx -c "$dir/nginx.conf" -p "$dir" &
npid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nport/" >/dev/null && break; sleep 0.2; done
nginx_rps=$(wrk -t2 -c32 -d10s "http://127.0.0.1:$nport/thu-tuc" | awk '/Requests\/sec/ {print $2}')
kill $npid 2>/dev/null || true
ratio=$(python3 -c "print(f'{100 * $page_rps / $nginx_rps:.0f}')")

# Online filing over the API: start a draft, save its parts, upload one 1 MB document and three
# of 20 KB, submit. 300 filings, 16 in flight, on SQLite (this portal) and on PostgreSQL.
jq_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
filing_sqlite=$("$portal" bench-filing --url "$base" --count 300 --concurrency 16 2>"$dir/filing.err") \
  || { echo "bench-filing (SQLite) failed:" >&2; tail -5 "$dir/filing.err" >&2; exit 1; }
pgdir="$(mktemp -d)"; chown postgres "$pgdir" 2>/dev/null || true
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pgport="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
run_pg "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres >/dev/null
run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w start \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null
pg_version="$("$pgbin/postgres" --version | awk '{print $3}')"
pgurl="postgres://postgres@127.0.0.1:$pgport/postgres"
port2="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
PORTAL_DATABASE_URL="$pgurl" "$portal" migrate >/dev/null
PORTAL_DATABASE_URL="$pgurl" "$portal" seed >/dev/null
PORTAL_DATABASE_URL="$pgurl" PORTAL_LISTEN_ADDR="127.0.0.1:$port2" PORTAL_FILES_DIR="$dir/files-pg" \
  "$portal" serve >/dev/null &
pid2=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port2/health" >/dev/null && break; sleep 0.2; done
filing_pg=$(PORTAL_DATABASE_URL="$pgurl" "$portal" bench-filing --url "http://127.0.0.1:$port2" --count 300 --concurrency 16 2>"$dir/filing.err") \
  || { echo "bench-filing (PostgreSQL) failed:" >&2; tail -5 "$dir/filing.err" >&2; exit 1; }
# The staff queue over a million dossiers on PostgreSQL: generate them, sign in as the intake
# clerk of the busiest desk (one dossier in five), and load the queue pages with his session.
queue_gen=$(PORTAL_DATABASE_URL="$pgurl" "$portal" generate-dossiers --count 1000000 2>"$dir/queue.err") \
  || { echo "generate-dossiers failed:" >&2; tail -5 "$dir/queue.err" >&2; exit 1; }
pgbase="http://127.0.0.1:$port2"
curl -s -c "$dir/staff.cookies" -b 'csrf=bench-csrf-token' -H 'Accept: application/json' \
  --data 'identifier=tiepnhan.hcc%40dichvucong.localhost&password=Demo%402026&csrf_token=bench-csrf-token' \
  "$pgbase/api/ui/sign_in" >/dev/null
sid=$(awk '$6 == "sid" {print $7}' "$dir/staff.cookies")
[ -n "$sid" ] || { echo "bench: the staff sign-in gave no session" >&2; exit 1; }
sample_code=$(curl -s -H "Cookie: sid=$sid" "$pgbase/api/v1/staff/queue?queue=all" \
  | python3 -c "import json,sys; print(json.load(sys.stdin)['items'][0]['code'])")
queue_row() { # label url -> a Markdown row: p50 and p99 for one clerk, then requests/s, p99 and non-2xx for eight at once
  local one many
  one=$(wrk -t1 -c1 -d10s --latency -H "Cookie: sid=$sid" -H 'Accept-Encoding: br' "$2")
  many=$(wrk -t2 -c8 -d10s --latency -H "Cookie: sid=$sid" -H 'Accept-Encoding: br' "$2")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" \
    "$(echo "$one" | awk '/ 50%/ {print $2}')" "$(echo "$one" | awk '/ 99%/ {print $2}')" \
    "$(echo "$many" | awk '/Requests\/sec/ {print $2}')" "$(echo "$many" | awk '/ 99%/ {print $2}')" \
    "$( (echo "$one"; echo "$many") | awk '/Non-2xx/ {n += $5} END {print n + 0}')"
}
# Read the page whole first: `grep -q` stops at the first match, and under pipefail the
# SIGPIPE that then ends curl would fail the check on a page that did render.
# The "all" page lists the dossiers in the API's order, so the API's first one is on it.
queue_page=$(curl -s -H "Cookie: sid=$sid" "$pgbase/mot-cua?hang-doi=all")
grep -q "$sample_code" <<<"$queue_page" && grep -q 'class="queue-table"' <<<"$queue_page" \
  || { echo "bench: the queue page did not render for the clerk" >&2; exit 1; }
queue_rows="$(queue_row '`/mot-cua` (default queue of the intake clerk, "new": 25 rows and the nine queue counts)' "$pgbase/mot-cua")
$(queue_row '`/mot-cua?hang-doi=overdue`' "$pgbase/mot-cua?hang-doi=overdue")
$(queue_row '`/mot-cua?hang-doi=all` (every open dossier the desk holds)' "$pgbase/mot-cua?hang-doi=all")
$(queue_row "\`/mot-cua?q=$sample_code\` (search by code)" "$pgbase/mot-cua?q=$sample_code")
$(queue_row '`/mot-cua?q=072100012345` (search by citizen ID)' "$pgbase/mot-cua?q=072100012345")
$(queue_row '`/mot-cua?q=bench+12345` (search by part of a name, through the trigram indexes; every generated name contains "bench")' "$pgbase/mot-cua?q=bench+12345")
$(queue_row '`/api/v1/staff/queue?queue=all` (JSON)' "$pgbase/api/v1/staff/queue?queue=all")
$(queue_row "\`/api/v1/lookup/$sample_code?factor=${sample_code: -4}\` (public lookup, no sign-in; the generated citizen IDs end in the code's digits)" "$pgbase/api/v1/lookup/$sample_code?factor=${sample_code: -4}")"
kill $pid2 2>/dev/null || true; wait $pid2 2>/dev/null || true
run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"

# Memory while 1 GB is uploaded: 100 filings with a 10 MB document each, 8 at a time, against
# the SQLite portal, sampling its resident memory every 100 ms.
rss_of() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
rss_idle=$(rss_of $pid)
( peak=0; while kill -0 $pid 2>/dev/null && [ ! -f "$dir/upload-done" ]; do
    r=$(rss_of $pid); [ -n "$r" ] && [ "$r" -gt "$peak" ] && peak=$r; echo "$peak" > "$dir/rss-peak"; sleep 0.1; done ) &
sampler=$!
filing_big=$("$portal" bench-filing --url "$base" --count 100 --concurrency 8 --size 10485760 2>"$dir/filing.err") \
  || { echo "bench-filing (1 GB) failed:" >&2; tail -5 "$dir/filing.err" >&2; exit 1; }
touch "$dir/upload-done"; wait $sampler 2>/dev/null || true
rss_peak=$(cat "$dir/rss-peak"); rss_after=$(rss_of $pid)
mb() { python3 -c "print(f'{$1 / 1024:.1f} MB')"; }

times=""
for kind in cold warm; do
  f="$STATS_DIR/test-stage-times-$kind.txt"
  [ -f "$f" ] && times="$times$(cat "$f")"$'\n\n'
done
[ -n "$times" ] || times="(no make test run recorded in this build cache yet)"

rebuild_table="$(scripts/bench-rebuild.sh)"
cat > BENCHMARKS.md <<MD
# Benchmarks

Written by \`make bench\` (scripts/bench.sh) on $(date -u +%Y-%m-%d).

**Machine:** $(lscpu | awk -F: '/Model name/ {gsub(/^ +/,"",$2); print $2}'), $(nproc) cores,
$(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"); rustc
$(rustc --version | awk '{print $2}') (server), Debian rustc-web $(/usr/bin/rustc --version 2>/dev/null | awk '{print $2}') (wasm).
wrk and the portal share the same 2 cores, so the request rates are lower bounds.

## Build

| what | time |
|---|---|
| release build of the server at the start of this run (warm cache; recompiles only what changed since the last release build) | ${warm_server} s |
| site build at the start of this run (wasm, wasm-bindgen, wasm-opt, sass, compression; warm cache) | ${warm_site} s |

$rebuild_table

\`make test\` stage times, last run on an empty (cold) and on a filled (warm) build cache, as
recorded by scripts/test.sh:

\`\`\`
$times\`\`\`

## Page weight

| asset | raw | gzip | brotli |
|---|---|---|---|
| site_bg.wasm | $(kb "$(size "$pkg/site_bg.wasm")") | $(kb "$(size "$pkg/site_bg.wasm.gz")") | $(kb "$(size "$pkg/site_bg.wasm.br")") |
| site.js | $(kb "$(size "$pkg/site.js")") | $(kb "$(size "$pkg/site.js.gz")") | $(kb "$(size "$pkg/site.js.br")") |
| site.css | $(kb "$(size "$pkg/site.css")") | $(kb "$(size "$pkg/site.css.gz")") | $(kb "$(size "$pkg/site.css.br")") |
| home page HTML (\`/\`, seeded demo data) | $(kb "$html_raw") | $(kb "$html_gz") | $(kb "$html_br") |

The wasm is the one bundle of islands (see README, "Islands"); a page without an island fetches
neither it nor \`site.js\`. \`make test\` fails when the home page or the catalogue fetches more
than 150 KB of it (brotli, as Chromium receives it) or the home page's HTML and CSS exceed 30 KB
gzip (\`end2end/tests/budget.test.mjs\`). Before islands (issue 29) the whole app was hydrated:
3,873,671 B raw, 939,532 B brotli.

What the wasm holds (\`scripts/wasm_top.py\`, \`twiggy top\`-style, from wasm-bindgen's output
before \`wasm-opt\` drops the names, so sizes are shares before its shrinking):

$wasm_top

## Lighthouse 12.2.3 (mobile emulation, Debian's Chromium, release build, SQLite)

Command: \`node scripts/lighthouse.mjs http://127.0.0.1:PORT\` (the filing step and the dossier
page signed in as the demo citizen, with a dossier filed through the API first). "Transferred"
is what loaded before Lighthouse ended its trace; islands load when the page is idle, so a page
may be measured before its module arrives (on pages with islands it adds about 128 KiB).

$lighthouse_table

## Requests per second (release build, SQLite, loopback)

Command: \`wrk -t2 -c32 -d10s -H 'Accept-Encoding: br' URL\`.

| endpoint | requests/s | p99 latency |
|---|---|---|
| \`/\` (home page, server-rendered with database queries) | ${home_rps} | ${home_p99} |
| \`/health\` | ${health_rps} | — |

## Sign-in

| measure | figure |
|---|---|
| one Argon2id password check (m = 19 MiB, t = 2, p = 1), in-process, one core (\`portal bench-password\`, 100 checks) | p50 ${pw_p50} ms, p99 ${pw_p99} ms |
| \`POST /api/ui/sign_in\` with the right password (wrk -t2 -c8 -d10s, scripts/bench.sh's Lua script; each request a new session) | ${sign_in_rps} req/s, p50 ${sign_in_p50}, p99 ${sign_in_p99}; non-2xx answers: ${sign_in_bad} |

The sign-in rate is bounded by Argon2id on purpose (about one check per core per
${pw_p50} ms); a guessing attack meets the per-address limit (20 per 5 minutes) and the
lock-out (5 wrong passwords lock password sign-in for 15 minutes) long before that.

Server resident memory after the runs: $(python3 -c "print(f'{$rss_kb / 1024:.1f} MB')").

## Catalogue search at national size (6,800 procedures)

Generated by \`portal generate-catalogue --count 6800\` (the 249 demo procedures and variations
of them) and loaded with \`portal import-catalogue\`.

| measure | figure |
|---|---|
| in-process search, first page with facets and highlights (\`portal bench-search\`, $searches searches of 16 queries) | p50 ${search_p50} µs, p99 ${search_p99} µs, max ${search_max} µs |
| over HTTP: \`GET /api/v1/procedures?q=giay+phep+xay+dung\` (wrk -t2 -c32 -d10s --latency) | ${api_rps} req/s, p50 ${api_p50}, p99 ${api_p99} |
| catalogue page \`/thu-tuc?q=giay+phep&online=1\` served by the portal (${page_bytes} bytes, identity) | ${page_rps} req/s |
| the same HTML as a static file served by nginx on loopback, same run | ${nginx_rps} req/s |
| portal ÷ nginx | **${ratio}%** (goal ≥ 50%) |

The portal serves public catalogue pages for visitors who are not signed in from its page cache
(invalidated by the catalogue revision); the first request for a URL renders it. The cache is the
outermost layer and keeps one finished copy per content coding.

## Online filing (release build, loopback)

Each filing is what the mobile API does (\`portal bench-filing\`): create a draft, save the applicant,
form and delivery parts, upload one 1 MB PDF and three of 20 KB (streamed to the local file
store, SHA-256 on the way, type checked by content), mark the documents done, submit (dossier
code from the per-agency daily counter, timeline event, audit entry, confirmation e-mail queued).
300 filings, 16 in flight: first every draft is prepared with its documents, then every draft
is submitted, so the submissions' own rate is measured apart from the uploads before them.

| database | submissions/s (1 MB attachment each) | submit call p50 | submit call p99 | complete filings/s (uploads included) | failures |
|---|---|---|---|---|---|
| SQLite (one file, WAL) | $(echo "$filing_sqlite" | jq_field submissions_per_sec) | $(echo "$filing_sqlite" | jq_field submit_p50_ms) ms | $(echo "$filing_sqlite" | jq_field submit_p99_ms) ms | $(echo "$filing_sqlite" | jq_field filings_per_sec) | $(( $(echo "$filing_sqlite" | jq_field filings) - $(echo "$filing_sqlite" | jq_field submitted) )) |
| PostgreSQL ${pg_version} (local, default settings) | $(echo "$filing_pg" | jq_field submissions_per_sec) | $(echo "$filing_pg" | jq_field submit_p50_ms) ms | $(echo "$filing_pg" | jq_field submit_p99_ms) ms | $(echo "$filing_pg" | jq_field filings_per_sec) | $(( $(echo "$filing_pg" | jq_field filings) - $(echo "$filing_pg" | jq_field submitted) )) |

Goal: ≥ 200 submissions/s on PostgreSQL. A complete filing is 8 requests and 1.06 MB of upload;
the bench client, the portal and PostgreSQL share the same 2 cores.

**Memory while 1 GB is uploaded** (100 filings with a 10 MB document each, 8 in flight,
$(python3 -c "print(round($(echo "$filing_big" | jq_field uploaded_bytes) / 1e9, 2))") GB sent in
$(echo "$filing_big" | jq_field seconds) s): server resident memory $(mb "$rss_idle") before,
$(mb "$rss_peak") at the peak, $(mb "$rss_after") after. Uploads are streamed to storage in
5 MB parts, so memory does not grow with the file size.

## Staff queue over a million dossiers (PostgreSQL ${pg_version}, release build)

\`portal generate-dossiers --count 1000000\` fills the PostgreSQL database above with generated
filed dossiers over every agency (one in five at the public administration centre), two years
of filing dates and a steady-state status mix (about 90% returned, 8% open):
$(echo "$queue_gen" | python3 -c "import json,sys; g=json.load(sys.stdin); print(f\"{g['dossiers']:,} dossiers, {g['in_bench_agency']:,} held by the centre, {g['open_in_bench_agency']:,} of them open; generated and analysed in {g['seconds']:.0f} s.\")")
The intake clerk of the centre is signed in; each request is a whole server-rendered page (or
the JSON API) with his session. Latency is measured with one connection (one clerk loading
pages back to back: \`wrk -t1 -c1 -d10s --latency\`), throughput with eight at once
(\`wrk -t2 -c8 -d10s --latency\`), where the p99 also includes waiting for one of the 2 cores
that wrk, the portal and PostgreSQL share.

| request | p50, 1 conn. | p99, 1 conn. | requests/s, 8 conn. | p99, 8 conn. | non-2xx |
|---|---|---|---|---|---|
${queue_rows}

Goals: p99 < 20 ms for the staff queue page, < 5 ms for the public lookup. The page's tab counts are read from the desk tally
kept as dossiers move (\`domain::dossiers::tally\`), the clock's counts (due soon, overdue) and
"mine" are counted live over partial indexes, the page's 25 ids are read from an index in the
queue's order, and a search by part of a name or code uses \`pg_trgm\` GIN indexes.
MD
echo "BENCHMARKS.md written"
cat BENCHMARKS.md
