"""Stage 5, report: pure functions `Report -> str`, one per output format.

Reporters know nothing of rules or of the estate: they get a `views.Report`,
plain data, and return text. The table below also feeds the CLI's `--format`
choice and says what each format needs computed; each module is imported only
when its format is asked for.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..views import Report


@dataclass(frozen=True)
class Format:
    module: str  # in this package, defines `render(report) -> str`
    scores: bool = False  # shows the scores (docs/scoring.md): the summary carries them
    view: bool = False  # shows applications, waivers and availability chains: the estate view is built


FORMATS = {
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
