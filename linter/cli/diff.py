"""`si-lint diff OLD.json NEW.json`: what a change to the estate fixed, what it broke, how the scores moved.

Both files are json reports (`si-lint --format json`). Lines move when the
estate is edited, so a finding is recognised by its rule, section and entity,
and by its message when one entity has several findings of one rule.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Literal, Optional, TypedDict, Union

import click

from ..i18n.messages import Text, percent, say
from ..load.inputs import read_json
from ..report import one_line
from ..rules.diagnostic import InputError
from .shared import Command, lang_in_force, lang_option, run, write_output

# A finding as a json report holds it (report.schema.json), a report's scores, and a row of the score table:
# (category or "estate", score before, score after).
_Finding = dict[str, Any]
_Row = tuple[str, Optional[float], Optional[float]]
_Kind = Literal["fixed", "new", "now_waived", "reopened"]


class Changes(TypedDict):
    """What `compare` found between two reports, for `text` and `markdown` to write."""

    fixed: list[_Finding]
    now_waived: list[_Finding]
    new: list[_Finding]
    reopened: list[_Finding]
    unchanged: int
    scores: Optional[list[_Row]]


@click.command("diff", cls=Command, help="help.cmd.diff", epilog="help.exit.diff")
@click.argument("old", type=click.Path(dir_okay=False), metavar="help.var.old")
@click.argument("new", type=click.Path(dir_okay=False), metavar="help.var.new")
@click.option(
    "--format", "format_name", type=click.Choice(["text", "markdown"]), default="text", help="help.opt.format.diff"
)
@lang_option
def diff_command(old, new, format_name, lang):
    def body():
        before, after = read_report(old), read_report(new)
        words = lang_in_force(lang)
        for document in (before, after):
            reword(document, words)
        changes = compare(before, after)
        write = markdown if format_name == "markdown" else text
        write_output(write(changes, words), None)
        return 1 if changes["new"] or changes["reopened"] else 0

    sys.exit(run(body, lang))


# --- reading ---------------------------------------------------------------------


def read_report(path: str) -> dict[str, Any]:
    """The report in `path`, checked against the report schema; InputError (exit 2) says what is wrong."""
    document = read_json(path, "diff.not_json")
    problem = _schema_problem(document)
    if problem:
        raise InputError(Text("diff.not_a_report", problem=problem), where=path)
    return document


def _schema_problem(document: Any) -> Optional[Text]:
    from importlib import resources

    import jsonschema

    from ..validate.schema import wordings

    schema = json.loads(resources.files("si_lint").joinpath("schemas/report.schema.json").read_text("utf-8"))
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(document))
    if error is None:
        return None
    # worded as EST003 words the estate's, in the user's language (jsonschema's message is English only)
    steps, problem = next(iter(wordings(error)), (tuple(error.absolute_path), error.message))
    where: Union[Text, str] = "/".join(str(step) for step in steps) or Text("schema.top_level")
    return Text("diff.at", where=where, problem=problem)


def reword(document: dict[str, Any], lang: str) -> None:
    """Give each finding the words to show in `lang`: its message when the report is in that language (or does
    not say which it is in), else its rule's title, the one text si-lint has in both languages."""
    written = document.get("lang")
    if written in (None, lang):
        return
    from ..rules.catalogue import load_catalogue

    rules = load_catalogue().rules
    for finding in document["diagnostics"] + document.get("waived", []):
        rule = rules.get(finding["code"])
        if rule is not None:
            finding["shown"] = rule.text("title", lang)


# --- comparing -------------------------------------------------------------------


def _key(finding: _Finding) -> tuple[str, str, str]:
    return finding["code"], finding["section"], finding["entity"]


def unmatched(findings: list[_Finding], others: list[_Finding]) -> list[_Finding]:
    """The findings with no counterpart in `others`: same rule and entity, the same message first."""
    pool: dict[tuple[str, str, str], list[str]] = {}
    for other in others:
        pool.setdefault(_key(other), []).append(other["message"])
    left: list[_Finding] = []
    for finding in findings:  # first pass: identical findings
        messages = pool.get(_key(finding))
        if messages and finding["message"] in messages:
            messages.remove(finding["message"])
        else:
            left.append(finding)
    alone: list[_Finding] = []
    for finding in left:  # second pass: same rule and entity, the message changed (a figure, a list)
        messages = pool.get(_key(finding))
        if messages:
            messages.pop(0)
        else:
            alone.append(finding)
    return alone


def compare(before: dict[str, Any], after: dict[str, Any]) -> Changes:
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


def _scores(before: Optional[dict[str, Any]], after: Optional[dict[str, Any]]) -> Optional[list[_Row]]:
    """(label, before, after) for the estate, then each category."""
    if not before or not after:
        return None
    rows: list[_Row] = [("estate", before["estate"]["score"], after["estate"]["score"])]
    for category in list(before["categories"]) + [c for c in after["categories"] if c not in before["categories"]]:
        old = (before["categories"].get(category) or {}).get("score")
        new = (after["categories"].get(category) or {}).get("score")
        rows.append((category, old, new))
    return rows


# --- writing ---------------------------------------------------------------------


def _percent(value: Optional[float], lang: str) -> str:
    return say(lang, "word.na") if value is None else percent(lang, value, 1)


def _change(old: Optional[float], new: Optional[float], lang: str) -> str:
    if old is None or new is None:
        return ""
    delta = round(new - old, 1)
    if not delta:
        return "="
    text = f"{delta:+.1f}"
    return text.replace(".", ",") if lang == "fr" else text


def _place(finding: _Finding) -> str:
    return f"{one_line(finding['file'])}:{finding['line']}:{finding['column']}"


def _shown(finding: _Finding) -> str:
    return finding["shown"] if "shown" in finding else finding["message"]


_KINDS: tuple[_Kind, ...] = ("fixed", "new", "now_waived", "reopened")


def text(changes: Changes, lang: str) -> str:
    lines: list[str] = []
    rows = changes["scores"]
    if rows is None:
        lines.append(say(lang, "diff.no_scores"))
    else:
        _, old, new = rows[0]
        lines.append(
            say(
                lang,
                "diff.score_line",
                before=_percent(old, lang),
                after=_percent(new, lang),
                change=_change(old, new, lang),
            )
        )
        for label, old, new in rows[1:]:
            if old != new:
                lines.append(
                    f"  {one_line(label):<6} {_percent(old, lang)} -> {_percent(new, lang)} ({_change(old, new, lang)})"
                )
    for key in _KINDS:
        if changes[key]:
            lines += ["", say(lang, "diff.heading", kind=Text("diff." + key), n=len(changes[key]))]
            lines += [
                f"  {_place(f)}: {one_line(f['code'])} [{say(lang, 'severity.' + f['severity'])}] {one_line(_shown(f))}"
                for f in changes[key]
            ]
    lines += [
        "",
        say(lang, "diff.unchanged", n=changes["unchanged"])
        if any(changes[k] for k in _KINDS)
        else say(lang, "diff.nothing"),
    ]
    return "\n".join(lines) + "\n"


def _md(value: str) -> str:
    """Text that markdown shows as written (no emphasis, links, tables or html), on one line."""
    value = one_line(value)
    for char in "\\`*_[]<>|#":
        value = value.replace(char, "\\" + char)
    return value


def markdown(changes: Changes, lang: str) -> str:
    lines = [f"### {say(lang, 'diff.title')}", ""]
    rows = changes["scores"]
    if rows is None:
        lines.append(_md(say(lang, "diff.no_scores")))
    else:
        lines += [
            "| "
            + " | ".join(say(lang, "diff." + column) for column in ("category", "before", "after", "change"))
            + " |",
            "|---|---:|---:|---:|",
        ]
        for label, old, new in rows:
            name = f"**{say(lang, 'diff.score')}**" if label == "estate" else _md(label)
            if label == "estate" or old != new:
                lines.append(f"| {name} | {_percent(old, lang)} | {_percent(new, lang)} | {_change(old, new, lang)} |")
    for key in _KINDS:
        if changes[key]:
            lines += ["", f"**{_md(say(lang, 'diff.heading_md', kind=Text('diff.' + key), n=len(changes[key])))}**", ""]
            lines += [
                f"- `{one_line(f['code'])}` {say(lang, 'severity.' + f['severity'])} `{_place(f)}` {_md(_shown(f))}"
                for f in changes[key]
            ]
    lines += [
        "",
        _md(
            say(lang, "diff.unchanged", n=changes["unchanged"])
            if any(changes[k] for k in _KINDS)
            else say(lang, "diff.nothing")
        ),
    ]
    return "\n".join(lines) + "\n"
