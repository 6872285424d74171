#!/usr/bin/env bash
# Package the VS Code extension into editors/vscode/si-lint.vsix (install it with
# `code --install-extension si-lint.vsix`); nothing is published to the marketplace.
# Needs Node.js and npm; CI runs it when npm is there.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
npx --no-install @vscode/vsce package --allow-missing-repository --out si-lint.vsix
