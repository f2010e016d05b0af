#!/usr/bin/env bash
# Builds, measures and tests Sourcelight. Every subcommand installs what it needs and skips
# what is already there, so that a fresh machine (or CI) needs nothing done by hand.
#
#   ./build.sh            set up, build the wasm and serve the demo page on 127.0.0.1 (port 8000;
#                         choose another with ./build.sh serve 8080 or PORT=8080 ./build.sh)
#   ./build.sh test       set up and run every test: Rust, wasm in Node, browsers
#   ./build.sh eval       print the scorer's tables on the seed article and PolNeAR (train, dev)
#   ./build.sh frames     print what each rule of the finder is worth on the seed article and PolNeAR dev
#   ./build.sh bench      print the engine's speed and growth (release build)
#   ./build.sh bench-web  time the wasm (init, analyze) in headless Chromium next to the native engine
#   ./build.sh bench-extension  time the extension from click to painted highlights (Chromium)
#   ./build.sh wasm       build the WebAssembly module into www/pkg and extension/pkg
#   ./build.sh package    build the extension zips for the Chrome and Firefox stores into dist/
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
SHARED=${SHARED:-$ROOT/../shared}
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen version pinned in Cargo.toml; the CLI must be the same.
wasm_bindgen_version() { sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml; }

setup_rust() {
  command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup" >&2; exit 1; }
  local components; components=$(rustup component list --installed)
  for c in rustfmt clippy; do
    grep -q "^$c" <<<"$components" || { log "adding the $c component"; rustup component add "$c"; }
  done
  rustup target list --installed | grep -qx wasm32-unknown-unknown || { log "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  local want; want=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$want" ]; then
    log "installing wasm-bindgen-cli $want (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

setup_browsers() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  command -v geckodriver >/dev/null || { log "installing geckodriver (about 2 minutes, once)"; cargo install geckodriver; }
  if [ ! -d node_modules ] || [ package.json -nt node_modules ]; then
    log "installing npm packages"
    npm install --no-audit --no-fund --loglevel=error
    touch node_modules
  fi
}

build_wasm() {
  setup_rust
  log "building the wasm module"
  cargo build --release --target wasm32-unknown-unknown --lib
  local wasm=target/wasm32-unknown-unknown/release/sourcelight.wasm
  # Size: opt-level "s" or "z" made the module larger than release's level 3 (measured
  # November 2026), so the wasm uses the release profile as it is. The engine has no regex
  # crate; its lexicons are plain word lists (about 50 KB of the data section). The symbol
  # name section (about 40 KB) is dropped: panics still reach JS with their message.
  rm -rf www/pkg && wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir www/pkg --out-name sourcelight "$wasm"
  rm -rf extension/pkg && cp -r www/pkg extension/pkg
  rm -rf extension/shared && cp -r www/shared extension/shared
  local raw gz
  raw=$(stat -c %s www/pkg/sourcelight_bg.wasm)
  gz=$(gzip -9 -c www/pkg/sourcelight_bg.wasm | wc -c)
  log "wasm size: $((raw / 1024)) KiB raw, $((gz / 1024)) KiB gzipped"
}

eval_corpora() {
  cargo build --release --quiet
  local pred; pred=$(mktemp)
  for set in seed/gold polnear/train polnear/dev; do
    local gold=$SHARED/corpus/$set.jsonl
    [ -f "$gold" ] || { echo "skipped $set: $gold is missing"; continue; }
    echo "== $set"
    ./target/release/sourcelight analyze --jsonl "$gold" >"$pred"
    python3 "$SHARED/eval/score.py" --gold "$gold" --pred "$pred"
  done
  rm -f "$pred"
}

serve() {
  build_wasm
  local port=${1:-${PORT:-8000}}
  log "demo page: http://127.0.0.1:$port/"
  cd www && exec python3 -m http.server "$port" --bind 127.0.0.1
}

run_tests() {
  setup_rust
  setup_browsers
  log "house style: cargo fmt --check, cargo clippy -D warnings"
  cargo fmt --check
  cargo clippy --release --all-targets --quiet -- -D warnings
  log "Rust tests"
  if [ -d "$SHARED/corpus" ]; then
    log "accuracy gates run on $SHARED/corpus"
  else
    log "accuracy gates SKIPPED: $SHARED/corpus is missing (tests/accuracy.rs measures nothing)"
  fi
  SOURCELIGHT_SHARED="$SHARED" cargo test --release
  build_wasm
  log "browser and wasm tests"
  node --test --test-concurrency=1 tests/
}

case "${1:-serve}" in
  serve) serve "${2:-}" ;;
  test) run_tests ;;
  eval) eval_corpora ;;
  frames) cargo build --release --quiet && SOURCELIGHT_SHARED="$SHARED" ./target/release/sourcelight frames ;;
  bench) cargo build --release --quiet && ./target/release/sourcelight bench "${2:-$SHARED/corpus/polnear/dev.jsonl}" ;;
  bench-web) setup_browsers && build_wasm && cargo build --release --quiet && node tests/bench-web.mjs ;;
  bench-extension) setup_browsers && build_wasm && node tests/bench-extension.mjs ;;
  wasm) build_wasm ;;
  package) build_wasm && bash extension/package.sh ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
