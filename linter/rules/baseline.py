"""Baseline: record today's findings, then report only the ones that are new.

A finding is recognised by what it is about, never by its line or its words:
its rule code, its entity (section and id) and the field it points at; an
estate-wide finding (CLD006, DAT002, CST001...: no entity) by its code and its
subject, what its check says it is about in no language (the kind of data, the
providers). So editing the estate above a known finding does not bring it back,
a changed figure does not make it new, and a baseline written in English is read
in French. Matching counts: two findings with the same key need two entries.
Each entry keeps the finding's message, in the language it was written in, for
the people who read the file.

EST findings are never recorded: an estate that cannot be read right is not a
debt to carry, it must be fixed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Optional, TypedDict

from ..i18n.messages import Plural, Text
from .diagnostic import Diagnostic, InputError

if TYPE_CHECKING:
    from .engine import Result

# Version 1 recognised estate-wide findings by their message, so in one language: such a file is refused
# with how to write it again (`baseline.old_version`), as its entries cannot be told apart in another language.
VERSION = 2


class Entry(TypedDict):
    """One recorded finding, as the file holds it."""

    code: str
    section: Optional[str]
    entity: Optional[str]
    field: str
    subject: list[str]
    message: str


def key(entry: Entry) -> tuple[object, ...]:
    """What recognises a finding: an entry of the file, or a Diagnostic's `entry()`."""
    subject = tuple(entry.get("subject") or ())
    if entry.get("entity") is None:
        return (entry["code"], subject)
    return (entry["code"], entry.get("section"), entry["entity"], entry.get("field") or "", subject)


def entry(diagnostic: Diagnostic) -> Entry:
    return {
        "code": diagnostic.code,
        "section": diagnostic.section,
        "entity": diagnostic.entity,
        "field": diagnostic.field,
        "subject": list(diagnostic.subject),
        "message": diagnostic.message,
    }


def recordable(diagnostic: Diagnostic) -> bool:
    return not diagnostic.code.startswith("EST")


@dataclass(frozen=True)
class Baseline:
    path: str
    entries: list[Entry]  # {"code", "section", "entity", "field", "subject", "message"}


def write(path: str, diagnostics: Iterable[Diagnostic], lang: str) -> int:
    """Record the findings; `lang` is the language of their messages, kept for the people who read the file."""
    entries = sorted(
        (entry(d) for d in diagnostics if recordable(d)),
        key=lambda e: (e["code"], e["entity"] or "", e["field"], e["subject"], e["message"]),
    )
    document = {"version": VERSION, "tool": "si-lint", "lang": lang, "findings": entries}
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        raise InputError(Text("baseline.cannot_write", reason=error.strerror or str(error)), where=path) from None
    return len(entries)


def load(path: str) -> Baseline:
    import os

    from ..load.inputs import read_json

    if not os.path.exists(path):  # named by the config before it was first written, most likely
        raise InputError(Text("baseline.missing", path=path), where=path)
    document = read_json(path, "baseline.not_json")
    entries = document.get("findings") if isinstance(document, dict) else None
    if isinstance(document, dict) and document.get("version") == 1 and isinstance(entries, list):
        raise InputError(Text("baseline.old_version", path=path), where=path)
    if (
        not isinstance(document, dict)
        or document.get("version") != VERSION
        or not isinstance(entries, list)
        or not all(_entry(e) for e in entries)
    ):
        raise InputError(Text("baseline.not_a_baseline", version=VERSION), where=path)
    return Baseline(path, entries)


def _entry(entry: object) -> bool:
    if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
        return False
    subject = entry.get("subject", [])
    return (
        all(entry.get(name) is None or isinstance(entry[name], str) for name in ("section", "entity", "field"))
        and isinstance(subject, list)
        and all(isinstance(part, str) for part in subject)
    )


def apply(diagnostics: list[Diagnostic], baseline: Baseline) -> tuple[list[Diagnostic], int, int]:
    """(findings not in the baseline, how many were in it, how many entries no finding matched)."""
    remaining = Counter(key(e) for e in baseline.entries)
    new = []
    for diagnostic in diagnostics:
        found = key(entry(diagnostic))
        if recordable(diagnostic) and remaining[found] > 0:
            remaining[found] -= 1
        else:
            new.append(diagnostic)
    return new, len(diagnostics) - len(new), sum(remaining.values())


def unrecorded(result: Result) -> Result:
    """The run's result with only the findings a baseline cannot hold (EST): what is left to fix after recording."""
    return replace(result, diagnostics=[d for d in result.diagnostics if not recordable(d)])


def filter_result(result: Result, path: str) -> tuple[Result, Text]:
    """The run's result with the baseline's findings taken out, and a note saying what was hidden and fixed."""
    baseline = load(path)
    new, known, fixed = apply(result.diagnostics, baseline)
    note = Text("baseline.note", path=path, known=Plural("baseline.known", known))
    if fixed:
        note = Text("baseline.note_fixed", note=note, fixed=Plural("baseline.fixed", fixed), path=path)
    return replace(result, diagnostics=new), note
