"""Stage 3, model: merge the documents into one estate and resolve references.

Rules read `Estate`, never raw files: each entity knows its section, its id,
where its key is written, and whether it passed the schema. Dangling
references are EST004, ids defined twice EST002, dependency cycles EST006.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any, Optional, Union

from ..i18n.messages import Listing, Text, hint
from ..load.loader import Document
from ..rules.diagnostic import Problem
from .vocabulary import ID_SECTIONS, POINT_TO_POINT_VIAS

if TYPE_CHECKING:
    from .products import Product

# A path inside an entity's data: keys and list positions.
Path = tuple[Union[str, int], ...]


class Entity:
    """One provider, infrastructure component, data store, application or integration.

    `data` is what the rules read: what the estate states, with the facts of
    the application's `product` under it. `written` is what the estate states,
    where positions are found; `taken` the dotted fields that came from the product.
    """

    __slots__ = ("id", "section", "data", "written", "product", "taken", "place", "valid", "document", "facts", "needs")

    def __init__(
        self, entity_id: str, section: str, data: object, place: tuple[int, int], valid: bool, document: Document
    ) -> None:
        self.id = entity_id
        self.section = section
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}
        self.written: dict[str, Any] = self.data
        self.product: Optional[Product] = None  # the Product whose facts fill in `data`
        self.taken: frozenset[str] = frozenset()
        self.place = place  # (line, column) of its key, or of the integration's list item
        self.valid = valid and isinstance(data, dict)
        self.document = document
        self.facts: Optional[dict[str, Any]] = None  # derived values, filled once by the engine
        # (path, id) of its depends_on, read once (see `dependencies`)
        self.needs: Optional[tuple[tuple[Path, str], ...]] = None

    def states(self, dotted: str) -> bool:
        """Whether the field has a value, stated or taken from the product."""
        return self.get(dotted, _ABSENT) is not _ABSENT

    def source(self, dotted: str) -> Optional[Product]:
        """The product the field's value came from, or None when the estate states it."""
        return self.product if dotted in self.taken else None

    def get(self, dotted: str, default: Any = None) -> Any:
        """The value at `a.b.c` in this entity's data, or `default`."""
        node: Any = self.data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def __repr__(self) -> str:
        return f"<{self.section} {self.id}>"


_ABSENT = object()


class Waiver:
    """A waiver as written: on an entity, or in the top-level `waivers` list (entity None)."""

    __slots__ = ("entity", "document", "path", "data", "used")

    def __init__(self, entity: Optional[Entity], document: Document, path: Path, data: dict[str, Any]) -> None:
        self.entity, self.document, self.path, self.data = entity, document, path, data
        self.used = False  # a finding in force was waived by it


class Estate:
    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.sections: dict[str, dict[str, Entity]] = {name: {} for name in ID_SECTIONS}
        self.by_id: MutableMapping[str, Entity] = {}  # the plan's what-ifs layer a few changed entities over it
        self.integrations: list[Entity] = []
        self.organization: Optional[str] = None
        self.organization_place: Optional[tuple[Document, Path]] = None  # (document, path) of the `organization` key
        # (document, position, data) of the top-level `waivers` lists
        self.top_waivers: list[tuple[Document, int, dict[str, Any]]] = []
        self.workforce: Optional[tuple[int, Document]] = None  # (people, document stating it)

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

    def lookup(self, entity_id: object, section: Optional[str] = None) -> Optional[Entity]:
        if not isinstance(entity_id, str):
            return None
        entity = self.by_id.get(entity_id)
        if entity is None or (section is not None and entity.section != section):
            return None
        return entity

    def position(self, entity: Optional[Entity], path: Path = ()) -> tuple[str, int, int]:
        """file, line, column of `path` inside `entity`; the entity's key when the path is absent."""
        if entity is None:
            return (self.documents[0].path,) + self.documents[0].root if self.documents else ("", 1, 1)
        document = entity.document
        if not path:
            return (document.path,) + entity.place
        default = entity.place
        if entity.product is not None and ".".join(str(step) for step in path[:2]) in entity.taken:
            default = document.index.place(entity.written, ("product",), entity.place)  # the fact's source
        return (document.path,) + document.index.place(entity.written, path, default)

    def anchor(self) -> tuple[str, int, int]:
        """file, line, column an estate-wide finding points at: `organization`, else the first file's `version`."""
        if self.organization_place is not None:
            document, path = self.organization_place
            return (document.path,) + document.place(path)
        for document in self.documents:
            if isinstance(document.data, dict) and "version" in document.data:
                return (document.path,) + document.place(("version",))
        return self.position(None)


def build(
    documents: list[Document], invalid: set[int], products: Optional[dict[str, Product]] = None
) -> tuple[Estate, list[Problem]]:
    """The estate of `documents`; `products` (id -> Product) fills in what applications naming one leave out."""
    estate = Estate(documents)
    problems: list[Problem] = []
    for document in documents:
        data = document.data
        if not isinstance(data, dict):
            continue
        if estate.organization is None and isinstance(data.get("organization"), str):
            estate.organization = data["organization"]
            estate.organization_place = (document, ("organization",))
        workforce = data.get("workforce")
        if estate.workforce is None and isinstance(workforce, int) and not isinstance(workforce, bool):
            estate.workforce = (workforce, document)
        if isinstance(data.get("waivers"), list):
            estate.top_waivers.extend(
                (document, position, waiver)
                for position, waiver in enumerate(data["waivers"])
                if isinstance(waiver, dict) and id(waiver) not in invalid
            )
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
                    problems.append(
                        _problem(
                            estate,
                            entity,
                            (),
                            "EST002",
                            Text(
                                "ref.duplicate_id",
                                id=entity_id,
                                place=_place(estate, first),
                                section=Text("ref.in." + first.section),
                            ),
                        )
                    )
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
    problems.extend(_products(estate, products or {}))
    problems.extend(_cycles(estate))
    return estate, problems


def _products(estate: Estate, products: dict[str, Product]) -> Iterator[Problem]:
    """Fill in each application naming a known product; an unknown product id is EST004 with the closest ids."""
    from .products import merged

    for app in estate.applications.values():
        name = app.written.get("product")
        if not app.valid or not isinstance(name, str):
            continue
        product = products.get(name)
        if product is None:
            yield _problem(
                estate,
                app,
                ("product",),
                "EST004",
                Text("ref.unknown_product", target=name, hint=hint(name, products, n=3)),
            )
            continue
        app.product = product
        app.data, app.taken = merged(product, app.written)


def _places(document: Document, container: Union[dict[Any, Any], list[Any]]) -> list[tuple[int, int]]:
    """(line, column) of each key or item of a section, the document's start when not recorded."""
    from ..load.loader import unpack

    marks = document.index.marks.get(id(container))
    if marks is None:
        return [document.root] * len(container)
    return [unpack(mark) for mark in marks]


def _place(estate: Estate, entity: Entity) -> str:
    file, line, _ = estate.position(entity)
    return f"{file}:{line}"


def _problem(estate: Estate, entity: Entity, path: Path, code: str, text: Text) -> Problem:
    file, line, column = estate.position(entity, path)
    return Problem(code, text, file, line, column, entity.section, entity.id)


# What each reference field may name: section -> field -> sections of the ids it names.
# `depends_on` items may be `{any_of: [ids]}` groups; `via` may also be a point-to-point keyword.
_COMPONENTS = ("applications", "infrastructure", "data_stores")
REFERENCE_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "infrastructure": {"provider": ("providers",)},
    "data_stores": {"provider": ("providers",), "application": ("applications",), "exported_to": ("data_stores",)},
    "applications": {"provider": ("providers",), "data": ("data_stores",), "depends_on": _COMPONENTS},
    "integrations": {"from": ("applications",), "to": ("applications",), "via": ("infrastructure",)},
}
_LIST_FIELDS = ("exported_to", "data")


def references(entity: Entity) -> Iterator[tuple[Path, object, tuple[str, ...]]]:
    """(path, target, sections it may name) of every reference an entity writes, in field order.

    Targets are as written (not always text); `via` keywords such as `file-transfer` are not references.
    """
    fields = REFERENCE_FIELDS.get(entity.section, {})
    data = entity.data
    for name, allowed in fields.items():
        if name not in data:
            continue
        value = data[name]
        if name == "depends_on":
            yield from ((path, target, allowed) for path, target in _dependency_items(value))
        elif name in _LIST_FIELDS:
            yield from (((name, i), target, allowed) for i, target in enumerate(_list(value)))
        elif not (name == "via" and value in POINT_TO_POINT_VIAS):
            yield (name,), value, allowed


def _dependency_items(value: object) -> Iterator[tuple[Path, object]]:
    for i, item in enumerate(_list(value)):
        if isinstance(item, dict):
            for j, member in enumerate(_list(item.get("any_of"))):
                yield ("depends_on", i, "any_of", j), member
        else:
            yield ("depends_on", i), item


def _references(estate: Estate) -> Iterator[Problem]:
    problems: list[Problem] = []
    for section in ("infrastructure", "data_stores", "applications", "integrations"):
        for entity in estate.entities(section):
            for path, target, allowed in references(entity):
                if not isinstance(target, str):
                    continue  # wrong type: the schema already said so
                if path == ("via",):
                    found = _check(estate, entity, path, target, allowed, "integration_platform", problems)
                    if found is not None and found.data.get("type") != "integration-platform":
                        problems.append(
                            _problem(
                                estate,
                                entity,
                                path,
                                "EST004",
                                Text("ref.via_not_platform", target=target, type=found.data.get("type")),
                            )
                        )
                else:
                    what = "component" if allowed == _COMPONENTS else allowed[0]
                    _check(estate, entity, path, target, allowed, what, problems)
    return iter(problems)


def _check(
    estate: Estate,
    entity: Entity,
    path: Path,
    target: str,
    allowed: tuple[str, ...],
    what: str,
    problems: list[Problem],
) -> Optional[Entity]:
    """The entity `target` names when it is of an allowed section; else EST004 is added to `problems`."""
    found = estate.by_id.get(target)
    if found is not None and found.section in allowed:
        return found
    if found is None:
        known = [i for s in allowed for i in estate.sections[s]]
        problem = Text("ref.undefined." + what, target=target, hint=hint(target, known))
    else:
        problem = Text(
            "ref.wrong_section",
            target=target,
            found=Text("ref.a." + found.section),
            allowed=Listing((Text("ref.a." + s) for s in allowed), "or"),
        )
    problems.append(_problem(estate, entity, path, "EST004", problem))
    return None


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def dependencies(entity: Entity) -> tuple[tuple[Path, str], ...]:
    """(path, id) of every id in an application's depends_on, groups included.

    Several stages walk the dependency graph (cycles, availability, shared stores): read once per entity.
    """
    if entity.needs is None:
        entity.needs = tuple(
            (path, target)
            for path, target in _dependency_items(entity.data.get("depends_on"))
            if isinstance(target, str)
        )
    return entity.needs


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
        iterators = [iter(dependencies(applications[start]))]
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
                loop = path[path.index(target) :] + [target]
                owner = applications[path[-1]]
                found.append(_problem(estate, owner, where, "EST006", Text("ref.cycle", loop=" -> ".join(loop))))
            elif target not in state:
                state[target] = 1
                path.append(target)
                iterators.append(iter(dependencies(applications[target])))
    return iter(found)


def is_number(value: object) -> bool:
    """A figure the estate states: an int or a float, never a bool (YAML's true is not 1)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)
