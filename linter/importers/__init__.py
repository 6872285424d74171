"""Importers: turn what a company already has (a spreadsheet inventory, a Backstage
catalog) into estate YAML that `si-lint` reads.

An importer returns an `Imported` value: the entities it could build, each with
the place it came from, and a `Problem` for everything it could not carry over,
so that nothing is dropped in silence. `writer` turns the entities into YAML;
the CLI prints the problems and picks the exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Optional, Union

from ..i18n.messages import Text, render
from ..rules.diagnostic import InputError

# The order in which sections are written, as in the format's description.
SECTION_ORDER = ("infrastructure", "data_stores", "applications")


@dataclass
class Entity:
    section: str  # infrastructure, data_stores or applications
    id: str
    data: dict[str, Any]
    # where it came from, written as a comment: Text "inventory.csv row 5", or "catalog.yaml:12"
    source: Union[Text, str]


@dataclass(frozen=True)
class Problem:
    """Something of the source that is not in the output, or a note about how it was read.

    `place` is what users read (a Text such as "inventory.csv: row 5, column C
    'Hosting'", or "catalog.yaml:12:5"); `message` is a Text; `row`/`column`
    (CSV) or `line`/`column` (YAML) let tests and tools check the position.
    """

    place: Union[Text, str]
    message: Text
    lost: bool = True  # False for notes: nothing of the source is missing from the output
    line: Optional[int] = None  # CSV: the spreadsheet row; YAML: the 1-based line
    column: Optional[int] = None
    file: Optional[str] = None

    def render(self, lang: str) -> str:
        key = "import.line.error" if self.lost else "import.line.note"
        return render(lang, Text(key, place=self.place, message=self.message))

    def __str__(self) -> str:
        return self.render("en")


class InputErrors(InputError):
    """Several problems of one input, each at its place: a mapping with three mistakes says all three (exit 2)."""

    def __init__(self, heading: Text, problems: Sequence[tuple[str, Union[Text, str]]]) -> None:
        super().__init__(heading)
        self.problems = problems  # (place, Text)

    def render(self, lang: str) -> str:
        from ..report import one_line

        lines = [render(lang, self.message)]
        lines += [f"{place}: {render(lang, text)}" for place, text in self.problems]
        return "\n".join(one_line(line) for line in lines)  # one problem a line, whatever the values hold


@dataclass
class Imported:
    entities: list[Entity] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    origin: Union[Text, str] = ""  # what was read (a Text), for the header comment of written files
    read: int = 0  # records read (CSV rows after the header, empty ones included)
    skipped: int = 0  # records that gave no entity, each reported

    @property
    def failed(self) -> bool:
        return any(problem.lost for problem in self.problems)
