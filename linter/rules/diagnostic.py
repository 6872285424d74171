"""The one value every stage produces: a finding at a place in the estate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional, TypedDict, Union

if TYPE_CHECKING:
    from ..i18n.messages import Text

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


class DiagnosticDict(TypedDict):
    """A finding as the json report and the editor's data carry it."""

    code: str
    rule: str
    severity: str
    message: str
    file: str
    line: int
    column: int
    section: Optional[str]
    entity: Optional[str]
    field: str
    unstated: bool


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: str
    message: str
    file: str
    line: int  # 1-based
    column: int  # 1-based
    section: Optional[str] = None  # applications, data_stores, ... or None
    entity: Optional[str] = None  # the id, FROM->TO for integrations, None estate-wide
    rule: str = ""  # the rule's kebab-case name
    field: str = ""  # the dotted field it points at inside its entity (or anchor), "" for the entity itself
    unstated: bool = False  # fires only because a field it reads is not stated (rules 1.1)
    # What the finding is about beyond its entity, as (name, value) pairs: the ids or the kind of data the
    # action that fixes it changes (a finding of CLD006 names the providers to leave). Not part of any output.
    about: tuple[tuple[str, Any], ...] = ()

    def about_value(self, name: str, default: Any = ()) -> Any:
        return dict(self.about).get(name, default)

    @property
    def subject(self) -> tuple[str, ...]:
        """What it is about beyond its entity and field, in no language: a baseline recognises it by this."""
        parts: list[object] = []
        for _, value in sorted(self.about):
            parts.extend(value if isinstance(value, tuple) else (value,))
        return tuple(str(part) for part in parts)

    def identity(self) -> str:
        """What the finding is about, stable across edits: rule, section, entity and field, never line or words.

        GitLab and SARIF fingerprints are built from it, so a changed figure does not make a finding new.
        """
        return ":".join((self.code, self.section or "", self.entity or "", self.field))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.entity or "")

    def as_dict(self) -> DiagnosticDict:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "section": self.section,
            "entity": self.entity,
            "field": self.field,
            "unstated": self.unstated,
        }


@dataclass(frozen=True)
class Problem:
    """What the stages that read the estate find (the EST rules): placed, not yet worded.

    `text` fills the `{problem}` of the rule's message; the engine turns a
    Problem into a Diagnostic through the catalogue, so that the rule file
    gives the code's name, severity and wording, as for any other rule.
    """

    code: str
    # messages.Text, or the parser's own words: the message's {problem}; None when not used
    text: Union[Text, str, None]
    file: str
    line: int
    column: int
    section: Optional[str] = None
    entity: Optional[str] = None
    # (name, value) pairs for rules whose message has its own placeholders (EST005)
    params: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Place:
    """Where an input error is: a file, and its line and column when known (1-based)."""

    file: str
    line: Optional[int] = None
    column: Optional[int] = None

    def __str__(self) -> str:
        return ":".join(str(part) for part in (self.file, self.line, self.column) if part is not None)


class InputError(Exception):
    """Input that cannot be read at all (missing path, not UTF-8, bad option): exit 2.

    Carries a `messages.Text` (or plain words) and where it happened (a Place, or a file's name), and is
    put into words in the run's language by the command line; an editor reads the Place's line and column.
    """

    def __init__(self, message: Union[Text, str], where: Union[Place, str, None] = None) -> None:
        super().__init__(message)
        self.message = message
        self.place: Optional[Place] = Place(where) if isinstance(where, str) else where

    @property
    def where(self) -> Optional[str]:
        return str(self.place) if self.place is not None else None

    def render(self, lang: str) -> str:
        from ..i18n.messages import render
        from ..report import one_line  # the user's values it quotes show their control characters escaped

        words = render(lang, self.message)
        return one_line(f"{self.where}: {words}" if self.where else words)

    def __str__(self) -> str:
        return self.render("en")
