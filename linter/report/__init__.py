"""Stage 5, report: pure functions `Report -> str`, one per output format.

Reporters know nothing of rules or of the estate: they get a `views.Report`,
plain data, and return text. The table below also feeds the CLI's `--format`
choice and says what each format needs computed; each module is imported only
when its format is asked for.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass

from .views import Report


@dataclass(frozen=True)
class Format:
    module: str  # in this package, defines `render(report) -> str`
    scores: bool = False  # shows the scores (docs/scoring.md): the summary carries them
    view: bool = False  # shows applications, waivers and availability chains: the estate view is built


FORMATS: dict[str, Format] = {
    "text": Format("text"),
    "json": Format("json_format", scores=True),
    "table": Format("table"),
    "html": Format("html", scores=True, view=True),
    "sarif": Format("sarif"),
    "junit": Format("junit"),
    "github": Format("github"),
    "gitlab": Format("gitlab"),
    "markdown": Format("markdown"),
    "csv": Format("csv_format"),
}


def render(format_name: str, report: Report) -> str:
    module = importlib.import_module(f"{__name__}.{FORMATS[format_name].module}")
    return module.render(report)


# Characters a reader cannot see for what they are: controls (C0, DEL, C1: a newline would start what
# looks like another finding, a carriage return or an escape sequence rewrites the terminal), the
# Unicode line and paragraph separators, the bidirectional overrides that reorder what is shown, and
# what XML 1.0 forbids (noncharacters, lone surrogates).
_HIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    return _NAMED.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def one_line(text: str) -> str:
    """`text` as one line of visible characters: every hidden one written as its escape (`\\n`, `\\x1b`).

    Every human format (text, table, markdown, junit, `diff`, error messages) shows values from the
    estate through this, so that a finding is always one line and shows what the file holds.
    """
    return _HIDDEN.sub(_escape, text) if _HIDDEN.search(text) else text
