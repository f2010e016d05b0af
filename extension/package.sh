#!/usr/bin/env bash
# Packages the extension for the Chrome Web Store and addons.mozilla.org, after `./build.sh wasm`
# (which `./build.sh package` runs first). Writes into dist/:
#   sourcelight-chrome-<version>.zip    the extension, for the Chrome Web Store
#   sourcelight-firefox-<version>.zip   the same files, for addons.mozilla.org
#   sourcelight-source-<version>.zip    the sources and BUILD.md, for Mozilla's review (the
#                                       wasm, its glue and the content script bundle are
#                                       generated, so reviewers rebuild them)
# Both stores get the very same manifest: it declares a service worker for Chrome and module
# scripts for Firefox. Archives are reproducible (sorted entries, fixed dates), so a reviewer
# who follows BUILD.md gets a byte-identical extension zip. `web-ext lint` must report no error.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
[ -f extension/pkg/sourcelight_bg.wasm ] && [ -f extension/shared/render.js ] && [ -f extension/content.js ] || { echo "run ./build.sh wasm first" >&2; exit 1; }
VERSION=$(python3 -c 'import json; print(json.load(open("extension/manifest.json"))["version"])')
DIST=$ROOT/dist
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$DIST"

# What the browser loads: the manifest, the scripts and pages (content.js as bundled), the
# icons, the wasm, the shared renderers. Not package.sh, not the icon's SVG source, not the
# content script's modules (extension/content/), which are in the bundle.
mkdir -p "$STAGE/ext/icons"
cp extension/manifest.json extension/*.js extension/*.html extension/*.css "$STAGE/ext/"
cp extension/icons/*.png "$STAGE/ext/icons/"
cp -r extension/pkg extension/shared "$STAGE/ext/"

zipdir() { # zipdir <folder> <archive>: every file under <folder>, sorted, dated 1980-01-01
  python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
base, out = sys.argv[1], sys.argv[2]
files = sorted(os.path.relpath(os.path.join(d, f), base) for d, _, fs in os.walk(base) for f in fs)
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name in files:
        info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(base, name), 'rb') as f:
            z.writestr(info, f.read())
PY
}

rm -f "$DIST"/sourcelight-*.zip
zipdir "$STAGE/ext" "$DIST/sourcelight-chrome-$VERSION.zip"
zipdir "$STAGE/ext" "$DIST/sourcelight-firefox-$VERSION.zip"

# The source archive: the tracked files that go into the extension, and how to rebuild it. A
# copy unpacked from that archive has no git: there this script rebuilds the store zips only.
source_archive() {
  mkdir -p "$STAGE/src"
  git ls-files -z Cargo.toml Cargo.lock build.sh package.json package-lock.json src www/shared extension \
    | xargs -0 -I{} cp --parents {} "$STAGE/src/"
  RUST=$(rustc --version 2>/dev/null || echo "rustc (stable)")
  BINDGEN=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
  cat > "$STAGE/src/BUILD.md" <<MD
# Building the Sourcelight extension $VERSION from source

The extension's JavaScript, HTML and CSS are in \`extension/\` and \`www/shared/\` as written (no
minifier). Two things are generated:
- \`extension/pkg/\`: the WebAssembly engine, compiled from the Rust sources in \`src/\`, and its
  JavaScript glue from wasm-bindgen;
- \`extension/content.js\`: the content script, which cannot import modules, bundled by esbuild
  (the version pinned in package-lock.json) from the modules in \`extension/content/\`, the
  shared ones in \`www/shared/\` (copied to \`extension/shared/\`) and one third-party library,
  Mozilla's Readability (npm \`@mozilla/readability\`, Apache-2.0, the version pinned in
  package-lock.json, unmodified), unminified.

Tools: $RUST with the \`wasm32-unknown-unknown\` target, wasm-bindgen-cli $BINDGEN (the
same version as the crate pinned in Cargo.toml), Python 3, Node 20 with npm (esbuild, and
\`web-ext lint\`). Linux (Debian) was used. \`bash build.sh wasm\` installs the Rust target,
wasm-bindgen-cli and the npm packages of package-lock.json if they are missing.

    bash build.sh wasm              # cargo build --release --target wasm32-unknown-unknown, wasm-bindgen --target web, esbuild
    bash extension/package.sh       # writes dist/sourcelight-firefox-$VERSION.zip

The zip is reproducible: the same sources and tools give the same bytes.
MD
  zipdir "$STAGE/src" "$DIST/sourcelight-source-$VERSION.zip"
}
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then source_archive; fi

if [ -x node_modules/.bin/web-ext ]; then
  node_modules/.bin/web-ext lint --source-dir "$STAGE/ext" --output text 2>&1 | grep -E '^(errors|warnings|notices) ' || true
  node_modules/.bin/web-ext lint --source-dir "$STAGE/ext" --output json 2>/dev/null \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); n=r["summary"]["errors"]; sys.exit(f"web-ext lint: {n} errors" if n else 0)'
fi
ls -l "$DIST"/sourcelight-*.zip | awk '{printf "%8d  %s\n", $5, $9}'
