#!/usr/bin/env bash
# The action's lint step, from the repository root: the findings as annotations on the pull request
# (--format github), the markdown report as the job summary, SARIF when asked; then si-lint's exit
# code, so the job fails as it says (0 clean, 1 findings, 2 bad config or estate, 3 a bug).
set -uo pipefail
set -f  # paths and arguments are split on blanks, never expanded as file patterns
# shellcheck disable=SC2206  # splitting is the point
paths=($SI_LINT_PATHS)
# shellcheck disable=SC2206
args=($SI_LINT_ARGS)
case "${SI_LINT_SARIF:-false}" in
  true | false) ;;
  *) echo "::error title=si-lint action::sarif: '$SI_LINT_SARIF' is not one of true, false"; exit 2 ;;
esac

si-lint "${paths[@]}" "${args[@]}" --format github
code=$?

# The job summary: the report, or what stopped si-lint (its error is already in the log above).
report="$RUNNER_TEMP/si-lint-report.md"
errors="$RUNNER_TEMP/si-lint-errors.txt"
rm -f "$report"
if si-lint "${paths[@]}" "${args[@]}" --format markdown --output "$report" 2> "$errors" || [ -s "$report" ]; then
  cat "$report" >> "$GITHUB_STEP_SUMMARY"
else
  { echo '```text'; cat "$errors"; echo '```'; } >> "$GITHUB_STEP_SUMMARY"
fi

if [ "${SI_LINT_SARIF:-false}" = true ]; then
  si-lint "${paths[@]}" "${args[@]}" --format sarif --output "$SI_LINT_SARIF_FILE" 2> /dev/null
  [ -s "$SI_LINT_SARIF_FILE" ] && echo "sarif-file=$SI_LINT_SARIF_FILE" >> "$GITHUB_OUTPUT"
fi
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
exit "$code"
