"""What a check is: its registration by name, the finding it yields, and a message clause it may fill."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar

from ...i18n.messages import render
from ...model.estate import Entity, Path

if TYPE_CHECKING:
    from ...load.loader import Document


@dataclass(frozen=True)
class Finding:
    entity: Optional[Entity]  # None for estate-wide findings
    path: Path = ()  # where inside the entity (or the anchor) the finding points
    params: dict[str, Any] = field(default_factory=dict)  # values for the message template
    anchor: Optional[Entity] = None  # where an estate-wide finding points; None: the estate's anchor
    # the fields whose absence alone makes it fire: worded with the rule's `unstated` text
    missing: tuple[str, ...] = ()
    # for a finding at the top level of a file (top-level waivers): the path is from there
    document: Optional[Document] = None
    # what an estate-wide finding is about (ids, a kind): for its action
    about: dict[str, Any] = field(default_factory=dict)


# A check: check(estate, settings), or check(entity, estate, settings) for an entity check.
CheckT = TypeVar("CheckT", bound=Callable[..., Iterator[Finding]])

CHECKS: dict[str, Callable[..., Iterator[Finding]]] = {}  # name -> check(estate, settings)
ENTITY_CHECKS: set[str] = set()  # the names of CHECKS registered with `entity_check`


def check(name: str) -> Callable[[CheckT], CheckT]:
    def register(function: CheckT) -> CheckT:
        CHECKS[name] = function
        return function

    return register


def entity_check(name: str) -> Callable[[CheckT], CheckT]:
    """A check that looks at one entity at a time: check(entity, estate, settings), called by the engine for
    each valid entity of its rule's scope.

    It reads the entity's data (stated, and from its product), its provider's type and the
    options, nothing else, and its findings are about that entity: so an editor keeps what it
    found on an entity that did not change (engine.Memo), as for declarative rules.
    """

    def register(function: CheckT) -> CheckT:
        CHECKS[name] = function
        ENTITY_CHECKS.add(name)
        return function

    return register


class Clause:
    """A message parameter that may be empty, so the rule file keeps the wording in both languages.

    In a template, `{missing:; no figure for * (counted as 100%)}` gives the
    text after the colon with `*` replaced by the listing, or nothing when
    there is nothing to list. Its values are put into words by the engine.
    """

    def __init__(self, values: Iterable[Any]) -> None:
        self.values = tuple(values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Clause) and self.values == other.values

    def __hash__(self) -> int:
        return hash(self.values)

    def worded(self, lang: str) -> Clause:
        return Clause(render(lang, value) for value in self.values)

    def __format__(self, spec: str) -> str:
        if not self.values:
            return ""
        listing = ", ".join(str(value) for value in self.values)
        return spec.replace("*", listing) if spec else listing
