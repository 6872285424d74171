"""Stage 3, model: merge the documents into one estate and resolve references.

Rules read `Estate`, never raw files: each entity knows its section, its id,
where its key is written, and whether it passed the schema. Dangling
references are EST004, ids defined twice EST002, dependency cycles EST006.
"""

from __future__ import annotations

from typing import Iterator, Optional

from .diagnostic import Problem
from .loader import Document
from .messages import Listing, Text
from .vocabulary import ID_SECTIONS, POINT_TO_POINT_VIAS


class Entity:
    """One provider, infrastructure component, data store, application or integration."""

    __slots__ = ("id", "section", "data", "place", "valid", "document", "facts")

    def __init__(self, entity_id: str, section: str, data, place: tuple, valid: bool, document: Document) -> None:
        self.id = entity_id
        self.section = section
        self.data = data if isinstance(data, dict) else {}
        self.place = place  # (line, column) of its key, or of the integration's list item
        self.valid = valid and isinstance(data, dict)
        self.document = document
        self.facts: Optional[dict] = None  # derived values, filled once by the engine

    def get(self, dotted: str, default=None):
        """The value at `a.b.c` in this entity's data, or `default`."""
        node = self.data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def __repr__(self) -> str:
        return f"<{self.section} {self.id}>"


class Estate:
    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.sections: dict[str, dict[str, Entity]] = {name: {} for name in ID_SECTIONS}
        self.by_id: dict[str, Entity] = {}
        self.integrations: list[Entity] = []
        self.organization: Optional[str] = None

    @property
    def providers(self) -> dict[str, Entity]:
        return self.sections["providers"]

    @property
    def infrastructure(self) -> dict[str, Entity]:
        return self.sections["infrastructure"]

    @property
    def data_stores(self) -> dict[str, Entity]:
        return self.sections["data_stores"]

    @property
    def applications(self) -> dict[str, Entity]:
        return self.sections["applications"]

    def entities(self, section: str) -> Iterator[Entity]:
        if section == "integrations":
            return iter(self.integrations)
        return iter(self.sections[section].values())

    def lookup(self, entity_id, section: Optional[str] = None) -> Optional[Entity]:
        if not isinstance(entity_id, str):
            return None
        entity = self.by_id.get(entity_id)
        if entity is None or (section is not None and entity.section != section):
            return None
        return entity

    def position(self, entity: Optional[Entity], path: tuple = ()) -> tuple[str, int, int]:
        """file, line, column of `path` inside `entity`; the entity's key when the path is absent."""
        if entity is None:
            return (self.documents[0].path,) + self.documents[0].root if self.documents else ("", 1, 1)
        document = entity.document
        if not path:
            return (document.path,) + entity.place
        return (document.path,) + document.index.place(entity.data, path, entity.place)


def build(documents: list[Document], invalid: set[int]) -> tuple[Estate, list[Problem]]:
    estate = Estate(documents)
    problems: list[Problem] = []
    for document in documents:
        data = document.data
        if not isinstance(data, dict):
            continue
        if estate.organization is None and isinstance(data.get("organization"), str):
            estate.organization = data["organization"]
        for section in ID_SECTIONS:
            entities = data.get(section)
            if not isinstance(entities, dict):
                continue
            places = _places(document, entities)
            for position, (entity_id, body) in enumerate(entities.items()):
                if not isinstance(entity_id, str):  # a tagged key: EST003 says so, it names nothing
                    continue
                entity = Entity(entity_id, section, body, places[position], id(body) not in invalid, document)
                first = estate.by_id.get(entity_id)
                if first is not None:
                    problems.append(_problem(
                        estate, entity, (), "EST002",
                        Text("ref.duplicate_id", id=entity_id, place=_place(estate, first), section=first.section),
                    ))
                    continue
                estate.by_id[entity_id] = entity
                estate.sections[section][entity_id] = entity
        flows = data.get("integrations")
        if isinstance(flows, list):
            places = _places(document, flows)
            for position, body in enumerate(flows):
                name = f"{body.get('from')}->{body.get('to')}" if isinstance(body, dict) else f"#{position + 1}"
                estate.integrations.append(
                    Entity(name, "integrations", body, places[position], id(body) not in invalid, document)
                )
    problems.extend(_references(estate))
    problems.extend(_cycles(estate))
    return estate, problems


def _places(document: Document, container) -> list:
    """(line, column) of each key or item of a section, the document's start when not recorded."""
    from .loader import unpack

    marks = document.index.marks.get(id(container))
    if marks is None:
        return [document.root] * len(container)
    return [unpack(mark) for mark in marks]


def _place(estate: Estate, entity: Entity) -> str:
    file, line, _ = estate.position(entity)
    return f"{file}:{line}"


def _problem(estate: Estate, entity: Entity, path: tuple, code: str, text: Text) -> Problem:
    file, line, column = estate.position(entity, path)
    return Problem(code, text, file, line, column, entity.section, entity.id)


# What each reference field may name: field -> allowed sections.
_COMPONENTS = ("applications", "infrastructure", "data_stores")


def _references(estate: Estate) -> Iterator[Problem]:
    def check(entity: Entity, path: tuple, target, allowed: tuple, what: str):
        if not isinstance(target, str):
            return None  # wrong type: the schema already said so
        found = estate.by_id.get(target)
        if found is not None and found.section in allowed:
            return found
        if found is None:
            import difflib

            known = [i for s in allowed for i in estate.sections[s]]
            close = difflib.get_close_matches(target, known, n=1)
            hint = Text("word.did_you_mean", close=close[0]) if close else ""
            problem = Text("ref.undefined", what=Text("word." + what), target=target, hint=hint)
        else:
            problem = Text("ref.wrong_section", what=Text("word." + what), target=target,
                           found=Text("word." + found.section),
                           allowed=Listing((Text("word." + s) for s in allowed), "or"))
        problems.append(_problem(estate, entity, path, "EST004", problem))
        return None

    problems: list[Problem] = []
    for section in ("infrastructure", "data_stores", "applications"):
        for entity in estate.sections[section].values():
            data = entity.data
            if "provider" in data:
                check(entity, ("provider",), data["provider"], ("providers",), "providers")
            if section == "data_stores":
                if "application" in data:
                    check(entity, ("application",), data["application"], ("applications",), "applications")
                for i, target in enumerate(_list(data.get("exported_to"))):
                    check(entity, ("exported_to", i), target, ("data_stores",), "data_stores")
            if section == "applications":
                for i, target in enumerate(_list(data.get("data"))):
                    check(entity, ("data", i), target, ("data_stores",), "data_stores")
                for i, item in enumerate(_list(data.get("depends_on"))):
                    if isinstance(item, dict):
                        for j, member in enumerate(_list(item.get("any_of"))):
                            check(entity, ("depends_on", i, "any_of", j), member, _COMPONENTS, "component")
                    else:
                        check(entity, ("depends_on", i), item, _COMPONENTS, "component")
    for flow in estate.integrations:
        data = flow.data
        for end in ("from", "to"):
            if end in data:
                check(flow, (end,), data[end], ("applications",), "applications")
        via = data.get("via")
        if isinstance(via, str) and via not in POINT_TO_POINT_VIAS:
            platform = check(flow, ("via",), via, ("infrastructure",), "integration_platform")
            if platform is not None and platform.data.get("type") != "integration-platform":
                problems.append(_problem(
                    estate, flow, ("via",), "EST004",
                    Text("ref.via_not_platform", target=via, type=platform.data.get("type")),
                ))
    return iter(problems)


def _list(value) -> list:
    return value if isinstance(value, list) else []


def dependencies(entity: Entity) -> Iterator[tuple[tuple, str]]:
    """(path, id) of every id in an application's depends_on, groups included."""
    for i, item in enumerate(_list(entity.data.get("depends_on"))):
        if isinstance(item, dict):
            for j, member in enumerate(_list(item.get("any_of"))):
                if isinstance(member, str):
                    yield ("depends_on", i, "any_of", j), member
        elif isinstance(item, str):
            yield ("depends_on", i), item


def _cycles(estate: Estate) -> Iterator[Problem]:
    """Find depends_on cycles among applications, iteratively (estates can be deep)."""
    applications = estate.applications
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    found: list[Problem] = []
    for start in sorted(applications):
        if start in state:
            continue
        path: list[str] = [start]
        state[start] = 1
        iterators = [dependencies(applications[start])]
        while iterators:
            step = next(iterators[-1], None)
            if step is None:
                iterators.pop()
                state[path.pop()] = 2
                continue
            where, target = step
            if target not in applications:
                continue
            if state.get(target) == 1:
                loop = path[path.index(target):] + [target]
                owner = applications[path[-1]]
                found.append(_problem(estate, owner, where, "EST006", Text("ref.cycle", loop=" -> ".join(loop))))
            elif target not in state:
                state[target] = 1
                path.append(target)
                iterators.append(dependencies(applications[target]))
    return iter(found)
