#!/usr/bin/env bash
# The action's install step: si-lint in a virtual environment of its own, put on the job's PATH.
# SI_LINT_VERSION: empty for the action's own checkout, a version (`0.1.0`), or a pip requirement.
set -euo pipefail
venv="$RUNNER_TEMP/si-lint-venv"
"${SI_LINT_PYTHON:-python3}" -m venv "$venv"
version="${SI_LINT_VERSION:-}"
if [ -z "$version" ]; then
  requirement="$GITHUB_ACTION_PATH"  # the revision named in `uses:`, checked out by the runner
elif [[ "$version" =~ ^[0-9][0-9A-Za-z.+!-]*$ ]]; then
  requirement="si-lint==$version"
else
  requirement="$version"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "$requirement"
echo "$venv/bin" >> "$GITHUB_PATH"
"$venv/bin/si-lint" --version
