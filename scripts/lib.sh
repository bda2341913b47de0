# Shared helpers for the project's scripts (sourced, not run).

# Where cargo builds: outside the clone so that fresh clones (CI) reuse the cache.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dichvucong/target}"
# Incremental caches are kept per source path: every fresh clone (CI) would add gigabytes to the
# shared target directory and gain nothing, since each clone builds once.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
# Where scripts/test.sh records its stage times for BENCHMARKS.md.
export STATS_DIR="${STATS_DIR:-$HOME/.cache/dichvucong}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Prints a stage banner and remembers when it started.
stage() {
  STAGE_NAME="$1"
  STAGE_START=$(date +%s)
  printf '\n==> %s\n' "$1"
}

# Prints how long the current stage took.
stage_done() {
  local took=$(( $(date +%s) - STAGE_START ))
  printf '<== %s: %ss\n' "$STAGE_NAME" "$took"
  STAGE_TIMES="${STAGE_TIMES:-}$(printf '%-40s %5ss' "$STAGE_NAME" "$took")\n"
}

# Runs a command as root (directly when root, else through sudo).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# True when rustup's toolchain can build wasm32 without rebuilding std.
rustup_has_wasm() {
  command -v rustup >/dev/null 2>&1 \
    && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

# Debian's rustc-web links wasm with `rust-lld`, which its current package (1.96.0+dfsg1-1~deb12u2)
# no longer installs ("linker `rust-lld` not found"): point cargo at lld-22's wasm-ld instead,
# which setup.sh installs. rustup's own wasm32 target (the other route) keeps its rust-lld.
debian_wasm_linker() {
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER:-/usr/lib/llvm-22/bin/wasm-ld}"
}

# The wasm-bindgen version pinned by Cargo.lock (the CLI must match it exactly).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Deletes older copies of test executables in the debug build cache, keeping the newest per
# name (`<name>-<hash>`); libraries and build scripts are left alone.
prune_test_binaries() {
  local deps="$CARGO_TARGET_DIR/debug/deps"
  [ -d "$deps" ] || return 0
  find "$deps" -maxdepth 1 -type f -perm -u+x ! -name '*.so' ! -name '*.rlib' ! -name '*.rmeta' ! -name '*.d' \
    -printf '%T@ %f\n' | sort -rn | awk '{ name = $2; sub(/-[0-9a-f]+$/, "", name); if (seen[name]++) print $2 }' \
    | while read -r old; do rm -f "$deps/$old"; done
}
