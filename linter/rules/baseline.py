"""Baseline: record today's findings, then report only the ones that are new.

A finding is matched by its rule code and its entity, never by its line, so
editing the estate above a known finding does not bring it back. Estate-wide
findings (CLD006, DAT002, CST001: no entity) match by code and message with
every number blanked out: the message names what the finding is about (the
kind of data, the providers), while its figures (a cost sum, a count, a
position) may drift without making it a new finding. Matching counts: two
findings with the same key need two entries.

EST findings are never recorded: an estate that cannot be read right is not a
debt to carry, it must be fixed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace

from .diagnostic import InputError
from ..i18n.messages import Plural, Text

VERSION = 1
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def key(code: str, entity, message: str) -> tuple:
    if entity is not None:
        return (code, entity, None)
    return (code, None, _NUMBER.sub("#", message))


def recordable(diagnostic) -> bool:
    return not diagnostic.code.startswith("EST")


@dataclass(frozen=True)
class Baseline:
    path: str
    lang: str
    entries: list  # {"code", "entity", "message"}


def write(path: str, diagnostics, lang: str) -> int:
    entries = sorted(
        ({"code": d.code, "entity": d.entity, "message": d.message} for d in diagnostics if recordable(d)),
        key=lambda e: (e["code"], e["entity"] or "", e["message"]),
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
    if (not isinstance(document, dict) or document.get("version") != VERSION or not isinstance(entries, list)
            or not all(_entry(e) for e in entries)):
        raise InputError(Text("baseline.not_a_baseline", version=VERSION), where=path)
    return Baseline(path, str(document.get("lang", "en")), entries)


def _entry(entry) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("code"), str) and isinstance(entry.get("message"), str)
            and (entry.get("entity") is None or isinstance(entry.get("entity"), str)))


def apply(diagnostics, baseline: Baseline, lang: str) -> tuple:
    """(findings not in the baseline, how many were in it, how many entries no finding matched)."""
    if baseline.lang != lang and any(entry.get("entity") is None for entry in baseline.entries):
        raise InputError(Text("baseline.language", lang=baseline.lang), where=baseline.path)
    remaining = Counter(key(e["code"], e.get("entity"), e["message"]) for e in baseline.entries)
    new = []
    for diagnostic in diagnostics:
        found = key(diagnostic.code, diagnostic.entity, diagnostic.message)
        if recordable(diagnostic) and remaining[found] > 0:
            remaining[found] -= 1
        else:
            new.append(diagnostic)
    return new, len(diagnostics) - len(new), sum(remaining.values())


def unrecorded(result):
    """The run's result with only the findings a baseline cannot hold (EST): what is left to fix after recording."""
    return replace(result, diagnostics=[d for d in result.diagnostics if not recordable(d)])


def filter_result(result, path: str):
    """The run's result with the baseline's findings taken out, and a note saying what was hidden and fixed."""
    baseline = load(path)
    new, known, fixed = apply(result.diagnostics, baseline, result.settings.lang)
    note = Text("baseline.note", path=path, known=Plural("baseline.known", known))
    if fixed:
        note = Text("baseline.note_fixed", note=note, fixed=Plural("baseline.fixed", fixed), path=path)
    return replace(result, diagnostics=new), note
