"""`si-lint diff OLD.json NEW.json`: what a change to the estate fixed, what it broke, how the scores moved.

Both files are json reports (`si-lint --format json`). Lines move when the
estate is edited, so a finding is recognised by its rule, section and entity,
and by its message when one entity has several findings of one rule.
"""

from __future__ import annotations

import json
import sys
from typing import Optional

import click

from .diagnostic import InputError

EXIT_HELP = """\b
Exit codes:
  0  no new finding in NEW
  1  NEW has findings that OLD did not have
  2  a file is missing or is not a si-lint json report
"""

WORDS = {
    "en": {
        "title": "si-lint: changes to the estate", "score": "Estate score", "category": "category",
        "before": "before", "after": "after", "change": "change", "no_scores": "Scores: not in both reports "
        "(write them with a si-lint that has `summary.scores`).", "fixed": "Fixed", "new": "New",
        "now_waived": "Now waived, accepted but not fixed", "reopened": "Back in force, its waiver ended",
        "unchanged": "{n} findings unchanged.", "nothing": "No finding fixed, none new.", "na": "n/a",
    },
    "fr": {
        "title": "si-lint : évolution du patrimoine", "score": "Score du patrimoine", "category": "catégorie",
        "before": "avant", "after": "après", "change": "écart", "no_scores": "Scores : absents d'un des rapports "
        "(les écrire avec un si-lint qui produit `summary.scores`).", "fixed": "Corrigés", "new": "Nouveaux",
        "now_waived": "Désormais dérogés, acceptés mais non corrigés",
        "reopened": "De nouveau en vigueur, dérogation terminée",
        "unchanged": "{n} constats inchangés.", "nothing": "Aucun constat corrigé, aucun nouveau.", "na": "s.o.",
    },
}


@click.command("diff", epilog=EXIT_HELP)
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--format", "format_name", type=click.Choice(["text", "markdown"]), default="text",
              show_default=True, help="markdown: for a merge-request comment.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None, help="Language (default: from LANG).")
def diff_command(old, new, format_name, lang):
    """Compare two json reports (si-lint --format json): fixed and new findings, score change."""
    from .cli import _run, default_lang

    def run():
        before, after = read_report(old), read_report(new)
        changes = compare(before, after)
        words = WORDS[lang or default_lang()]
        render = markdown if format_name == "markdown" else text
        click.echo(render(changes, words), nl=False)
        return 1 if changes["new"] or changes["reopened"] else 0

    sys.exit(_run(run))


# --- reading ---------------------------------------------------------------------

def read_report(path: str) -> dict:
    """The report in `path`, checked against the report schema; InputError (exit 2) says what is wrong."""
    try:
        with open(path, encoding="utf-8") as handle:
            content = handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; give two reports written by `si-lint --format json`") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "not UTF-8 text"
        raise InputError(f"{path}: cannot read it ({reason})") from None
    try:
        document = json.loads(content)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:{error.lineno}:{error.colno}: not JSON ({error.msg}); give a report written "
                         "by `si-lint --format json`") from None
    problem = _schema_problem(document)
    if problem:
        raise InputError(f"{path}: not a si-lint json report: {problem}")
    return document


def _schema_problem(document) -> Optional[str]:
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("si_lint").joinpath("schemas/report.schema.json").read_text("utf-8"))
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(document))
    if error is None:
        return None
    where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
    return f"at {where}: {error.message}"


# --- comparing -------------------------------------------------------------------

def _key(finding: dict) -> tuple:
    return finding["code"], finding["section"], finding["entity"]


def unmatched(findings: list, others: list) -> list:
    """The findings with no counterpart in `others`: same rule and entity, the same message first."""
    pool: dict = {}
    for other in others:
        pool.setdefault(_key(other), []).append(other["message"])
    left = []
    for finding in findings:  # first pass: identical findings
        messages = pool.get(_key(finding))
        if messages and finding["message"] in messages:
            messages.remove(finding["message"])
        else:
            left.append(finding)
    alone = []
    for finding in left:  # second pass: same rule and entity, the message changed (a figure, a list)
        messages = pool.get(_key(finding))
        if messages:
            messages.pop(0)
        else:
            alone.append(finding)
    return alone


def compare(before: dict, after: dict) -> dict:
    gone = unmatched(before["diagnostics"], after["diagnostics"])
    fixed = unmatched(gone, after.get("waived", []))
    came = unmatched(after["diagnostics"], before["diagnostics"])
    new = unmatched(came, before.get("waived", []))
    fixed_ids, new_ids = {id(f) for f in fixed}, {id(f) for f in new}
    return {
        "fixed": fixed,
        "now_waived": [f for f in gone if id(f) not in fixed_ids],
        "new": new,
        "reopened": [f for f in came if id(f) not in new_ids],
        "unchanged": len(after["diagnostics"]) - len(came),
        "scores": _scores(before["summary"].get("scores"), after["summary"].get("scores")),
    }


def _scores(before: Optional[dict], after: Optional[dict]) -> Optional[list]:
    """(label, before, after) for the estate, then each category."""
    if not before or not after:
        return None
    rows = [("estate", before["estate"]["score"], after["estate"]["score"])]
    for category in list(before["categories"]) + [c for c in after["categories"] if c not in before["categories"]]:
        old = (before["categories"].get(category) or {}).get("score")
        new = (after["categories"].get(category) or {}).get("score")
        rows.append((category, old, new))
    return rows


# --- writing ---------------------------------------------------------------------

def _percent(value) -> Optional[str]:
    return None if value is None else f"{value:.1f}%"


def _change(old, new) -> str:
    if old is None or new is None:
        return ""
    delta = round(new - old, 1)
    return f"{delta:+.1f}" if delta else "="


def _place(finding: dict) -> str:
    return f"{finding['file']}:{finding['line']}:{finding['column']}"


def text(changes: dict, words: dict) -> str:
    lines = []
    rows = changes["scores"]
    if rows is None:
        lines.append(words["no_scores"])
    else:
        _, old, new = rows[0]
        na = words["na"]
        lines.append(f"{words['score']}: {_percent(old) or na} -> {_percent(new) or na} ({_change(old, new)})")
        for label, old, new in rows[1:]:
            if old != new:
                lines.append(f"  {label:<6} {_percent(old) or na} -> {_percent(new) or na} ({_change(old, new)})")
    for key in ("fixed", "new", "now_waived", "reopened"):
        if changes[key]:
            lines += ["", f"{words[key]} ({len(changes[key])}):"]
            lines += [f"  {_place(f)}: {f['code']} [{f['severity']}] {f['message']}" for f in changes[key]]
    lines += ["", words["unchanged"].format(n=changes["unchanged"]) if any(
        changes[k] for k in ("fixed", "new", "now_waived", "reopened")) else words["nothing"]]
    return "\n".join(lines) + "\n"


def _md(value: str) -> str:
    """Text that markdown shows as written (no emphasis, links, tables or html)."""
    for char in "\\`*_[]<>|#":
        value = value.replace(char, "\\" + char)
    return value


def markdown(changes: dict, words: dict) -> str:
    lines = [f"### {words['title']}", ""]
    rows = changes["scores"]
    if rows is None:
        lines.append(_md(words["no_scores"]))
    else:
        na = words["na"]
        lines += [f"| {words['category']} | {words['before']} | {words['after']} | {words['change']} |",
                  "|---|---:|---:|---:|"]
        for label, old, new in rows:
            name = f"**{words['score']}**" if label == "estate" else label
            if label == "estate" or old != new:
                lines.append(f"| {name} | {_percent(old) or na} | {_percent(new) or na} | {_change(old, new)} |")
    for key in ("fixed", "new", "now_waived", "reopened"):
        if changes[key]:
            lines += ["", f"**{_md(words[key])} ({len(changes[key])})**", ""]
            lines += [f"- `{f['code']}` {f['severity']} `{_place(f)}` {_md(f['message'])}" for f in changes[key]]
    lines += ["", _md(words["unchanged"].format(n=changes["unchanged"]) if any(
        changes[k] for k in ("fixed", "new", "now_waived", "reopened")) else words["nothing"])]
    return "\n".join(lines) + "\n"
