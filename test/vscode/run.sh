#!/usr/bin/env bash
# `npm run test:vscode` (after `npm run build`): tests the extension in a real VS Code.
#
# Why: unit and LSP tests cannot show that VS Code really loads, activates and displays the
# extension. We cannot download VS Code desktop here, so code-server (VS Code 1.139 from
# npm) runs it and Debian's Chromium shows it (see scripts/vscode-test/install.sh).
# Part A runs mocha tests in the extension host; part B installs dist/netpol-lens.vsix and
# reads the Problems count in the UI. Args pass through: `run.sh host` or `run.sh user`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

# First run on a fresh machine takes ~3 min (apt + code-server's native builds); cached after.
timeout --foreground 1800 bash scripts/vscode-test/install.sh

# VSCODE_TEST_EXTENSION_ROOT/VSCODE_TEST_VSIX point the harness at a throwaway extension.
if [ -z "${VSCODE_TEST_EXTENSION_ROOT:-}" ]; then
  if [ ! -f dist/client/extension.js ]; then
    echo "dist/client/extension.js is missing: run \`npm run build\` first" >&2
    exit 1
  fi
  # Part B needs the .vsix: package when it is missing or older than anything in dist/.
  vsix=dist/netpol-lens.vsix
  wants_vsix=true
  if [ $# -gt 0 ] && [[ " $* " != *" user "* ]]; then wants_vsix=false; fi
  if [ "$wants_vsix" = true ] && [ -z "${VSCODE_TEST_VSIX:-}" ] &&
     { [ ! -f "$vsix" ] || [ -n "$(find dist -type f -newer "$vsix" ! -name '*.vsix' -print -quit)" ]; }; then
    echo "[run] packaging $vsix (npm run package) ..."
    mkdir -p test-results/vscode
    npm run --silent package >test-results/vscode/package.log 2>&1 ||
      { cat test-results/vscode/package.log; exit 1; }
  fi
fi

# Hard limit for both parts; the runner kills code-server's process groups on SIGTERM.
# --foreground keeps it in the terminal's process group, so Ctrl+C reaches it too.
exec timeout --foreground --kill-after=15 900 node test/vscode/runner/main.mjs "$@"
