"""What the language server answers, computed from a folder's last lint and the text being edited.

Diagnostics, hover, go to definition, find references, completion, quick fixes
and the outline. Every answer comes from the engine's data: the findings it
reported, the entities and references of its model, the estate JSON Schema and
the rule catalogue; nothing here decides what is a finding. Positions are
computed in code points (`lsp_text`) and handed to the client in its units by
`Units`. Every word shown comes from the word catalogue.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Callable, NamedTuple, Optional

from lsprotocol import types

from ..i18n.messages import Text, count, render, say
from ..load.loader import Document
from ..model.estate import REFERENCE_FIELDS, Entity, Estate, references
from ..model.vocabulary import ID_SECTIONS, POINT_TO_POINT_VIAS, SECTIONS
from ..rules.catalogue import Rule
from ..rules.diagnostic import Diagnostic
from ..validate.schema import estate_schema
from . import text as lsp_text
from .text import ITEM
from .workspace import Unreadable, WorkspaceEstate

if TYPE_CHECKING:
    from pygls.workspace.position_codec import PositionCodec

# A path of keys from a file's top, or below an entity (`ITEM` for any list item, or a list position).
Steps = tuple[Any, ...]
# A schema node of the estate JSON Schema.
SchemaNode = dict[str, Any]

SOURCE = "si-lint"
WAIVER_DAYS = 90  # a new waiver's expiry: soon enough to be looked at again
MAX_CHOICES = 12  # quick fixes offered for one missing field, one per possible value

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_SYMBOL_KIND = {
    "providers": types.SymbolKind.Package,
    "infrastructure": types.SymbolKind.Struct,
    "data_stores": types.SymbolKind.Object,
    "applications": types.SymbolKind.Class,
    "integrations": types.SymbolKind.Event,
}
# The facts a hover on a reference shows, per section of the entity it names.
_KEY_FACTS = {
    "providers": ("type", "offers"),
    "infrastructure": ("type", "provider", "availability"),
    "data_stores": ("kind", "provider", "application", "availability"),
    "applications": ("usage", "delivery", "provider", "availability.target"),
}


class Span(NamedTuple):
    """A stretch of one line of a file (0-based line, code-point columns): where something is defined or named."""

    path: str
    line: int
    start: int
    end: int


class Completion(NamedTuple):
    """One completion: what it shows, its kind, a detail or None, what it inserts, and the span it replaces."""

    label: str
    kind: types.CompletionItemKind
    detail: Optional[str]
    insert: str
    start: int
    end: int


class QuickFix(NamedTuple):
    """One quick fix: its title, the finding it fixes, its edits, and whether the editor may apply it at once."""

    title: str
    finding: Diagnostic
    edits: list[Edit]
    preferred: bool


# A completion before its span is known: (label, kind, detail or None, what it inserts).
_Offer = tuple[str, types.CompletionItemKind, Optional[str], str]
# A fix before its finding is known: (title, edits, preferred).
_Fix = tuple[str, list["Edit"], bool]


class Units:
    """Code-point columns to and from the client's position units (UTF-16 unless it chose another)."""

    def __init__(self, codec: PositionCodec, lines_of: Callable[[str], list[str]]) -> None:
        self.codec = codec
        self.lines_of = lines_of

    def position(self, path: str, line: int, column: int) -> types.Position:
        lines = self.lines_of(path)
        text = lines[line] if 0 <= line < len(lines) else ""
        return types.Position(line=line, character=self.codec.client_num_units(text[:column]))

    def range(self, path: str, line: int, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(path, line, start), end=self.position(path, line, end))

    def column(self, lines: list[str], position: types.Position) -> int:
        """The code-point column of a client position."""
        text = lines[position.line] if 0 <= position.line < len(lines) else ""
        units = 0
        for column, char in enumerate(text):
            if units >= position.character:
                return column
            units += self.codec.client_num_units(char)
        return len(text)


# --- diagnostics ---------------------------------------------------------------------------


def diagnostics(
    folder: WorkspaceEstate, path: str, units: Units, active: list[Diagnostic], waived: list[Diagnostic]
) -> list[types.Diagnostic]:
    """The file's findings as LSP diagnostics; waived ones as hints that say so."""
    lines = units.lines_of(path)
    lang = folder.settings.lang
    shown = []
    for finding, is_waived in [(d, False) for d in active] + [(d, True) for d in waived]:
        line = finding.line - 1
        start, end = lsp_text.span(lines, line, finding.column - 1)
        rule = folder.rule(finding.code)
        rule_file = folder.rule_file(rule) if rule is not None else None
        shown.append(
            types.Diagnostic(
                range=units.range(path, line, start, end),
                severity=types.DiagnosticSeverity.Hint if is_waived else _SEVERITY[finding.severity],
                code=finding.code,
                code_description=types.CodeDescription(href=_uri(rule_file)) if rule_file else None,
                source=SOURCE,
                message=say(lang, "lsp.waived", message=finding.message) if is_waived else finding.message,
                # A finding that rests on a field the estate does not state (rules 1.1): clients may show it apart.
                data={"unstated": True} if finding.unstated else None,
            )
        )
    return shown


def unreadable_diagnostic(problem: Unreadable) -> types.Diagnostic:
    """A file the CLI could not read at all (exit 2 there): said at its place, the rest still linted.
    Its text cannot be decoded, so the column is the byte's, as the CLI gives it."""
    place = types.Position(line=problem.line - 1, character=problem.column - 1)
    return types.Diagnostic(
        range=types.Range(start=place, end=place),
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
        message=problem.message,
    )


def _uri(path: str) -> str:
    from pygls.uris import from_fs_path

    return from_fs_path(path)


# --- what the cursor is on ---------------------------------------------------------------


def _field(path: Steps) -> tuple[Any, Any, Steps]:
    """(section, field, steps below the entity) of a path inside an entity, or (section, None, ())."""
    if not path or path[0] not in SECTIONS or len(path) < 3:
        return (path[0] if path else None), None, ()
    inner = path[2:]
    return path[0], inner[0], inner


def _reference_sections(path: Steps) -> Optional[tuple[str, ...]]:
    """The sections a value at this path may name, when the path is a reference field (or its item)."""
    section, field, inner = _field(path)
    fields = REFERENCE_FIELDS.get(section)
    sections = fields.get(field) if isinstance(fields, dict) and field is not None else None
    if not isinstance(sections, tuple):  # not a reference field
        return None
    if len(inner) > 1 and field != "depends_on" and inner[1:] != (ITEM,):
        return None
    if field == "depends_on" and inner[-1] not in (ITEM, "any_of"):
        return None
    return sections


def _is_rule_code(path: Steps) -> bool:
    return len(path) >= 3 and path[-3:] == ("waivers", ITEM, "rule")


def _linted(folder: WorkspaceEstate) -> Estate:
    """The estate of the folder's last lint, for what was reached through it (an entity, a finding)."""
    assert folder.result is not None and folder.result.estate is not None, "reached through the last lint"
    return folder.result.estate


def _entity(folder: WorkspaceEstate, entity_id: str) -> Optional[Entity]:
    estate = folder.result.estate if folder.result is not None else None
    return estate.by_id.get(entity_id) if estate is not None else None


def _target(folder: WorkspaceEstate, located: lsp_text.Located) -> Optional[Entity]:
    """The entity the cursor names: an id's key, or a reference to it."""
    path, word = located.path, located.word
    if not word:
        return None
    if located.on_key and len(path) == 2 and path[0] in ID_SECTIONS and path[1] == word:
        return _entity(folder, word)
    if not located.on_key and _reference_sections(path) is not None:
        return _entity(folder, word)
    return None


# --- hover -------------------------------------------------------------------------------------


def hover(
    folder: WorkspaceEstate, path: str, lines: list[str], line: int, column: int, markdown: bool
) -> Optional[str]:
    lang = folder.settings.lang
    located = lsp_text.locate(lines, line, column)
    parts: list[str] = []
    codes: list[str] = []
    if not located.on_key and _is_rule_code(located.path) and located.word:
        codes.append(located.word.upper())
    for finding in _findings_at(folder, path, lines, line, column):
        codes.append(finding.code)
    for code in dict.fromkeys(codes):
        rule = folder.rule(code)
        if rule is not None:
            parts.append(_rule_help(rule, lang, markdown))
    entity = _target(folder, located)
    if entity is not None:
        parts.append(_entity_help(folder, entity, lang, markdown))
    elif located.path:
        field = _field_help(located.path, lang)
        if field:
            parts.append(field)
    return "\n\n---\n\n".join(parts) if parts else None


def _findings_at(folder: WorkspaceEstate, path: str, lines: list[str], line: int, column: int) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for finding in folder.findings().get(path, ([], []))[0]:
        if finding.line - 1 == line:
            start, end = lsp_text.span(lines, line, finding.column - 1)
            if start <= column <= end:
                found.append(finding)
    return found


def _rule_help(rule: Rule, lang: str, markdown: bool) -> str:
    """What `si-lint explain CODE` says, as the rule docs write it in markdown."""
    from ..cli.explain import explain_rule, rule_markdown

    return rule_markdown(rule, lang) if markdown else explain_rule(rule, lang)


def _entity_help(folder: WorkspaceEstate, entity: Entity, lang: str, markdown: bool) -> str:
    file, line, _ = _linted(folder).position(entity)
    name = entity.data.get("name")
    user = markdown_text if markdown else (lambda text: text)
    lines = [
        say(
            lang,
            "lsp.hover.entity",
            id=user(entity.id),
            what=Text("word." + entity.section),
            place=user(f"{file}:{line}"),
        )
    ]
    if isinstance(name, str):
        lines[0] += f" · {user(name)}"
    for fact in _KEY_FACTS.get(entity.section, ()):
        value = entity.get(fact)
        if value is not None:
            shown = ", ".join(str(v) for v in value) if isinstance(value, list) else render(lang, value)
            lines.append(f"- `{fact}`: {user(shown)}")
    return "\n".join(lines)


# What makes Markdown of text in the middle of a line: emphasis, code, links, images, autolinks (`://`),
# strike-through.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]~|]|:(?=//))")


def markdown_text(value: str) -> str:
    """A user's value, shown as itself in Markdown: no link, no emphasis, no HTML, on one line."""
    text = " ".join(str(value).split())  # a line break would start a heading or a list
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def schema_at(path: Steps) -> tuple[Optional[SchemaNode], Optional[str], Optional[SchemaNode]]:
    """(schema node, name of the $defs entry it belongs to, the enclosing object's schema) at a path of the
    estate; None when the schema has no such place."""
    root = estate_schema()
    node: SchemaNode = root
    owner: Optional[str] = None
    parent: Optional[SchemaNode] = None
    for step in path:
        node, owner = _resolved(node, owner)
        if step == ITEM:
            candidates = [node.get("items")]
        else:
            candidates = [node.get("properties", {}).get(step)]
            if candidates[0] is None and isinstance(node.get("additionalProperties"), dict):
                candidates = [node["additionalProperties"]]
        candidates += [
            branch.get("properties", {}).get(step) for branch in node.get("anyOf", ()) if isinstance(branch, dict)
        ]
        found = next((c for c in candidates if isinstance(c, dict)), None)
        if found is None:
            return None, owner, None
        parent, node = node, found
    node, owner = _resolved(node, owner)
    return node, owner, parent


def _resolved(node: SchemaNode, owner: Optional[str]) -> tuple[SchemaNode, Optional[str]]:
    while isinstance(node, dict) and "$ref" in node:
        owner = node["$ref"].rsplit("/", 1)[-1]
        node = estate_schema()["$defs"][owner]
    return node, owner


def _values(node: Optional[SchemaNode]) -> list[Any]:
    """The values a schema node allows, when they are few: an enum's, a list of enums', true/false."""
    if not isinstance(node, dict):
        return []
    if "enum" in node:
        return list(node["enum"])
    if "const" in node:
        return [node["const"]]
    if node.get("type") == "boolean":
        return [True, False]
    items = node.get("items")
    if isinstance(items, dict) and "enum" in items:
        return list(items["enum"])
    return []


def _description(owner: Optional[str], dotted: str, node: SchemaNode, lang: str) -> Optional[str]:
    """The field's description, from the word catalogue, as `si-lint schema` gives it."""
    from ..i18n.messages import template

    try:
        return template(lang, f"field.{owner}.{dotted}" if owner else f"field.{dotted}")
    except KeyError:
        return None


def _field_help(path: Steps, lang: str) -> Optional[str]:
    """Hover on a field (its key or its value): its description and the values it allows."""
    if len(path) == 2 and path[0] in ID_SECTIONS:
        return None  # an id: the entity hover says it
    field_path = path[:-1] if path[-1] == ITEM else path
    node, owner, parent = schema_at(field_path)
    if node is None:
        return None
    if len(field_path) == 1:
        inner, owner = list(field_path), None
    else:
        # The name the format's tables give it, below its entity (a waiver's fields below the waiver).
        inner = [str(step) for step in field_path[2:] if step != ITEM]
        if owner == "Waiver":
            inner = inner[-1:]
    if not inner:
        return None
    dotted = ".".join(inner)
    text = [f"**{dotted}**"]
    description = _description(owner, dotted, node, lang)
    if description:
        text.append(description)
    values = _values(node)
    if values:
        text.append(say(lang, "lsp.hover.values", values=", ".join(f"`{_yaml(v)}`" for v in values)))
    if parent is not None and inner[-1] in parent.get("required", ()):
        text.append(say(lang, "lsp.hover.required"))
    return "\n\n".join(text)


def _yaml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --- definition and references -----------------------------------------------------------


def definition(folder: WorkspaceEstate, lines: list[str], line: int, column: int) -> Optional[Span]:
    """Where what the cursor names is defined: an entity's key, a rule's file."""
    located = lsp_text.locate(lines, line, column)
    entity = _target(folder, located)
    if entity is not None:
        return _key_place(folder, entity)
    if not located.on_key and _is_rule_code(located.path) and located.word:
        rule = folder.rule(located.word.upper())
        rule_file = folder.rule_file(rule) if rule is not None else None
        if rule_file:
            return Span(rule_file, 0, 0, 0)
    return None


def _key_place(folder: WorkspaceEstate, entity: Entity) -> Span:
    file, line, column = _linted(folder).position(entity)
    path = folder.path(file)
    text = folder.texts.get(path, "")
    entity_line = lsp_text.split_lines(text)[line - 1] if text else ""
    return Span(path, line - 1, column - 1, lsp_text.token_end(entity_line, column - 1))


def find_references(folder: WorkspaceEstate, lines: list[str], line: int, column: int, declaration: bool) -> list[Span]:
    """Every reference to the entity the cursor names, across the estate."""
    located = lsp_text.locate(lines, line, column)
    entity = _target(folder, located)
    if entity is None:
        return []
    found = [_key_place(folder, entity)] if declaration else []
    estate = _linted(folder)
    split: dict[str, list[str]] = {}
    for section in SECTIONS:
        for source in estate.entities(section):
            for ref_path, target, _ in references(source):
                if target != entity.id:
                    continue
                document = source.document
                at_line, at_column = document.index.place(source.data, ref_path, source.place)
                path = folder.path(document.path)
                if path not in split:
                    split[path] = lsp_text.split_lines(folder.texts.get(path, ""))
                text = split[path][at_line - 1] if at_line - 1 < len(split[path]) else ""
                if isinstance(ref_path[-1], int):
                    start = at_column - 1
                    found.append(Span(path, at_line - 1, start, lsp_text.token_end(text, start)))
                else:
                    value = lsp_text.value_span(text, at_column - 1) or (at_column - 1, at_column - 1)
                    found.append(Span(path, at_line - 1, *value))
    return found


# --- completion --------------------------------------------------------------------------------


def completion(folder: WorkspaceEstate, lines: list[str], line: int, column: int) -> list[Completion]:
    """What may be written at the cursor."""
    lang = folder.settings.lang
    located = lsp_text.locate(lines, line, column)
    path = located.path
    if not path:
        return []
    items: list[_Offer] = []
    if located.on_key:
        node, _, _ = schema_at(path[:-1] if located.word and path[-1] == located.word else path)
        for name in (node or {}).get("properties") or {}:
            items.append((name, types.CompletionItemKind.Field, None, f"{name}: "))
    elif _is_rule_code(path):
        section = path[0] if len(path) > 3 else "estate"  # top-level waivers are for estate-wide rules
        rules: Iterable[Rule] = folder.catalogue or ()
        for rule in rules:
            if _waivable(rule) and (rule.scope == "estate" if section == "estate" else section in rule.sections):
                items.append((rule.code, types.CompletionItemKind.Constant, rule.text("title", lang), rule.code))
    else:
        allowed = _reference_sections(path)
        if allowed is not None:
            items.extend(_ids(folder, path, allowed, lang))
        else:
            node, _, _ = schema_at(path)
            for value in _values(node):
                items.append((_yaml(value), types.CompletionItemKind.EnumMember, None, _yaml(value)))
    return [Completion(*item, located.start, located.end) for item in items]


def _ids(folder: WorkspaceEstate, path: Steps, allowed: tuple[str, ...], lang: str) -> list[_Offer]:
    estate = folder.result.estate if folder.result is not None else None
    if estate is None:
        return []
    items: list[_Offer] = []
    via = path[2:3] == ("via",)
    for section in allowed:
        for entity in estate.sections[section].values():
            if via and entity.data.get("type") != "integration-platform" or entity.id == path[1]:
                continue  # only platforms after `via`; never the entity itself
            detail = render(lang, Text("word." + section))
            name = entity.data.get("name")
            items.append(
                (
                    entity.id,
                    types.CompletionItemKind.Reference,
                    f"{detail} · {name}" if isinstance(name, str) else detail,
                    entity.id,
                )
            )
    if via:
        items.extend((keyword, types.CompletionItemKind.Keyword, None, keyword) for keyword in POINT_TO_POINT_VIAS)
    return items


def _waivable(rule: Rule) -> bool:
    return rule.family != "EST" and rule.scope not in ("file", "waivers")


# --- document symbols -----------------------------------------------------------------------


def symbols(folder: WorkspaceEstate, path: str, text: str, units: Units) -> list[types.DocumentSymbol]:
    """The outline of one file: its sections, and in each its entities."""
    document = folder.document(path, text)
    data = document.data
    if not isinstance(data, dict):
        return []
    lines = units.lines_of(path)
    lang = folder.settings.lang
    outline: list[types.DocumentSymbol] = []
    for section in SECTIONS:
        entities = data.get(section)
        if not isinstance(entities, (dict, list)) or not entities:
            continue
        section_line, section_column = document.place((section,))
        children: list[types.DocumentSymbol] = []
        items = entities.items() if isinstance(entities, dict) else enumerate(entities)
        for key, body in items:
            line, column = document.place((section, key))
            if isinstance(key, int):
                name = f"{body.get('from')}->{body.get('to')}" if isinstance(body, dict) else f"#{key + 1}"
                last = lsp_text.block_last_line(lines, line - 1, column - 1)
                end = lsp_text.token_end(lines[line - 1], column - 1) if line - 1 < len(lines) else column
            else:
                name = str(key)
                last = lsp_text.block_last_line(lines, line - 1, column)
                end = column - 1 + len(str(key))
            children.append(
                types.DocumentSymbol(
                    name=name,
                    kind=_SYMBOL_KIND[section],
                    detail=_symbol_detail(section, body),
                    range=_block_range(units, path, lines, line - 1, column - 1, last),
                    selection_range=units.range(path, line - 1, column - 1, end),
                )
            )
        last = lsp_text.block_last_line(lines, section_line - 1, section_column)
        outline.append(
            types.DocumentSymbol(
                name=section,
                kind=types.SymbolKind.Namespace,
                detail=count(lang, "lsp.symbols.entries", len(children)),
                range=_block_range(units, path, lines, section_line - 1, section_column - 1, last),
                selection_range=units.range(
                    path, section_line - 1, section_column - 1, section_column - 1 + len(section)
                ),
                children=children,
            )
        )
    return outline


def _symbol_detail(section: str, body: object) -> Optional[str]:
    if not isinstance(body, dict):
        return None
    field = {
        "providers": "type",
        "infrastructure": "type",
        "data_stores": "kind",
        "applications": "delivery",
        "integrations": "via",
    }[section]
    value = body.get(field)
    return str(value) if isinstance(value, (str, int, float)) else None


def _block_range(units: Units, path: str, lines: list[str], line: int, column: int, last: int) -> types.Range:
    end_text = lines[last] if last < len(lines) else ""
    return types.Range(start=units.position(path, line, column), end=units.position(path, last, len(end_text.rstrip())))


# --- quick fixes ---------------------------------------------------------------------------------


class Edit:
    """One text edit in code points: replace (line, start)-(end_line, end) by `text`."""

    def __init__(self, line: int, start: int, end_line: int, end: int, text: str) -> None:
        self.line, self.start, self.end_line, self.end, self.text = line, start, end_line, end, text


def code_actions(folder: WorkspaceEstate, path: str, lines: list[str], findings: list[Diagnostic]) -> list[QuickFix]:
    """The quick fixes for these findings of one file."""
    actions: list[QuickFix] = []
    for finding in findings:
        for title, edits, preferred in _fixes(folder, path, lines, finding):
            actions.append(QuickFix(title, finding, edits, preferred))
    return actions


def _fixes(folder: WorkspaceEstate, path: str, lines: list[str], finding: Diagnostic) -> Iterator[_Fix]:
    lang = folder.settings.lang
    estate = folder.result.estate if folder.result is not None else None
    if estate is None:
        return
    entity = _finding_entity(folder, finding)
    if finding.code in ("EST003", "EST004", "EST005") and entity is not None:
        where = _path_at(entity, finding.line, finding.column)
        if where is not None:
            yield from _replacements(folder, lines, finding, entity, where, lang)
            if finding.code == "EST003":
                yield from _missing_fields(folder, lines, finding, entity, where, lang)
    elif finding.code == "EST003" and finding.entity is None:
        document = folder.document(path, folder.texts.get(path, ""))
        if isinstance(document.data, dict) and "version" not in document.data:
            yield (say(lang, "lsp.fix.add_field", field="version", value="1"), [Edit(0, 0, 0, 0, "version: 1\n")], True)
    rule = folder.rule(finding.code)
    if rule is not None and _waivable(rule):
        edits = _waiver_edits(folder, path, lines, finding, rule, entity, lang)
        if edits:
            title = (
                say(lang, "lsp.fix.waive_estate", code=finding.code)
                if rule.scope == "estate"
                else say(lang, "lsp.fix.waive", code=finding.code, entity=finding.entity)
            )
            yield title, edits, False


def _finding_entity(folder: WorkspaceEstate, finding: Diagnostic) -> Optional[Entity]:
    """The entity a finding is about (for integrations, the one whose lines hold it)."""
    if finding.entity is None or finding.section is None:
        return None
    estate = _linted(folder)
    if finding.section != "integrations":
        entity = estate.sections.get(finding.section, {}).get(finding.entity)
        return entity if entity is not None and entity.document.path == finding.file else None
    candidates = [
        flow
        for flow in estate.integrations
        if flow.document.path == finding.file and flow.id == finding.entity and flow.place[0] <= finding.line
    ]
    return max(candidates, key=lambda flow: flow.place, default=None)


def _path_at(entity: Entity, line: int, column: int) -> Optional[Steps]:
    """The path inside the entity whose key or item is written at (line, column); () for the entity itself."""
    if entity.place == (line, column):
        return ()
    index = entity.document.index
    found: Optional[Steps] = None
    stack: list[tuple[Steps, Any]] = [((), entity.data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            steps = list(node)
            marks = [index.key_mark(node, key) for key in steps]
        elif isinstance(node, list):
            steps = list(range(len(node)))
            marks = [index.item_mark(node, i) for i in steps]
        else:
            continue
        from ..load.loader import pack

        target = pack(line, column)
        for step, mark in zip(steps, marks):
            if mark == target:
                found = path + (step,)
            stack.append((path + (step,), node[step]))
    return found


def _value_at(entity: Entity, inner: Steps) -> Any:
    node = entity.data
    for step in inner:
        node = node[step]
    return node


def _entity_path(entity: Entity, inner: Steps) -> Steps:
    """The path from the file's top, for the schema: integrations are items of their list."""
    head = ("integrations", ITEM) if entity.section == "integrations" else (entity.section, entity.id)
    return head + tuple(ITEM if isinstance(step, int) else step for step in inner)


def _replacements(
    folder: WorkspaceEstate, lines: list[str], finding: Diagnostic, entity: Entity, inner: Steps, lang: str
) -> Iterator[_Fix]:
    """Replace a misspelt value, id, rule code or field name by the closest one si-lint knows, found
    with the same `difflib` call as the finding's own "did you mean"."""
    if not inner:
        return
    value = _value_at(entity, inner)
    line, column = finding.line - 1, finding.column - 1
    text = lines[line] if line < len(lines) else ""
    full = _entity_path(entity, inner)
    value_range: Optional[tuple[int, int]]
    if isinstance(inner[-1], int):
        value_range = (column, lsp_text.token_end(text, column))
    else:
        value_range = lsp_text.value_span(text, column)
    candidates: list[str] = []
    replaced = value
    if finding.code == "EST004" and isinstance(value, str):
        allowed = _reference_sections(full) or ()
        estate = _linted(folder)
        candidates = [i for s in allowed for i in estate.sections[s]]
    elif _is_rule_code(full) and isinstance(value, str):  # EST005, or EST003 when not even shaped like a code
        candidates = [code for code, rule in folder.current_catalogue().rules.items() if _waivable(rule)]
    elif finding.code == "EST003":
        node, _, parent = schema_at(full)
        if node is None and parent is None:
            # A field the schema does not know: its name is what is misspelt.
            known, _, _ = schema_at(full[:-1])
            candidates = list((known or {}).get("properties") or ())
            replaced, value_range = inner[-1], (column, lsp_text.token_end(text, column))
        elif isinstance(value, str) and node is not None and "enum" in node:
            candidates = [str(option) for option in node["enum"]]
    if not candidates or not isinstance(replaced, str) or value_range is None:
        return
    close = difflib.get_close_matches(replaced, candidates, n=1)
    if close and close[0] != replaced:
        start, end = value_range
        yield (say(lang, "lsp.fix.replace", old=replaced, new=close[0]), [Edit(line, start, line, end, close[0])], True)


def _missing_fields(
    folder: WorkspaceEstate, lines: list[str], finding: Diagnostic, entity: Entity, inner: Steps, lang: str
) -> Iterator[_Fix]:
    """Add a required field the mapping at the finding lacks: one fix per value it may take."""
    mapping = _value_at(entity, inner) if inner else entity.data
    if not isinstance(mapping, dict):
        return
    node, _, _ = schema_at(_entity_path(entity, inner))
    for field in (node or {}).get("required", ()):
        if field in mapping:
            continue
        field_path = _entity_path(entity, inner) + (field,)
        for value in _choices(folder, field_path, field, lang)[:MAX_CHOICES]:
            edits = _insert_field(
                lines,
                finding.line - 1,
                finding.column - 1,
                field,
                value,
                inner == () and entity.section != "integrations",
            )
            if edits:
                yield say(lang, "lsp.fix.add_field", field=field, value=value), edits, False


def _choices(folder: WorkspaceEstate, path: Steps, field: str, lang: str) -> list[str]:
    """What a missing required field may be set to, written as YAML."""
    if field == "expires":
        return [(datetime.date.today() + datetime.timedelta(days=WAIVER_DAYS)).isoformat()]
    if field == "reason":
        return [json.dumps(say(lang, "lsp.waiver.reason"), ensure_ascii=False)]
    allowed = _reference_sections(path)
    if allowed is not None:
        return [label for label, *_ in _ids(folder, path, allowed, lang)]
    node, _, _ = schema_at(path)
    return [_yaml(value) for value in _values(node)]


def _insert_field(lines: list[str], line: int, column: int, field: str, value: str, is_entity: bool) -> list[Edit]:
    """Edits that add `field: value` to the mapping whose key (an entity) or item starts at (line, column)."""
    text = lines[line] if line < len(lines) else ""
    if is_entity:
        span = lsp_text.value_span(text, column)
        colon = lsp_text.key_colon(text, column)
        start = colon + 1 if colon is not None else len(text)
        rest = text[start:].lstrip()
        if rest.startswith("{"):
            return _flow_insert(text, line, len(text) - len(rest), f"{field}: {value}")
        if span is not None:
            return []
        last = lsp_text.block_last_line(lines, line, column + 1)
        body = lsp_text.body_indent(lines, line, last)
        indent = body if body is not None else column + 2
    else:
        if text[column : column + 1] == "{":
            return _flow_insert(text, line, column, f"{field}: {value}")
        last = lsp_text.block_last_line(lines, line, column)
        indent = column
    return (
        [Edit(last + 1, 0, last + 1, 0, " " * indent + f"{field}: {value}\n")]
        if last + 1 < len(lines)
        else [Edit(last, len(lines[last]), last, len(lines[last]), "\n" + " " * indent + f"{field}: {value}")]
    )


def _flow_insert(text: str, line: int, opening: int, entry: str) -> list[Edit]:
    """Add an entry to the flow mapping or list that opens at `opening` and closes on the same line."""
    end = lsp_text.token_end(text, opening)
    if end <= opening or text[end - 1] not in "}]":
        return []
    inside = text[opening + 1 : end - 1].strip()
    return [Edit(line, end - 1, line, end - 1, (", " if inside else "") + entry)]


def _waiver_edits(
    folder: WorkspaceEstate,
    path: str,
    lines: list[str],
    finding: Diagnostic,
    rule: Rule,
    entity: Optional[Entity],
    lang: str,
) -> list[Edit]:
    """A waiver skeleton for the finding, in the list rules.md 1.1 says it belongs to: the entity's
    `waivers`, or the top-level `waivers` of the file for estate-wide rules."""
    expires = (datetime.date.today() + datetime.timedelta(days=WAIVER_DAYS)).isoformat()
    fields = [
        ("rule", rule.code),
        ("reason", json.dumps(say(lang, "lsp.waiver.reason"), ensure_ascii=False)),
        ("expires", expires),
        ("approved_by", json.dumps(say(lang, "lsp.waiver.approved_by"), ensure_ascii=False)),
    ]
    flow = "{" + ", ".join(f"{k}: {v}" for k, v in fields) + "}"
    if rule.scope == "estate":
        document = folder.document(path, folder.texts.get(path, ""))
        if not isinstance(document.data, dict):
            return []
        return _append_waiver(lines, document, document.data, None, fields, flow, top=True)
    if entity is None or entity.document.path != folder.name(path):
        return []
    return _append_waiver(
        lines,
        entity.document,
        entity.data,
        entity.place,
        fields,
        flow,
        top=False,
        item=entity.section == "integrations",
    )


def _append_waiver(
    lines: list[str],
    document: Document,
    mapping: dict[str, Any],
    place: Optional[tuple[int, int]],
    fields: list[tuple[str, str]],
    flow: str,
    top: bool,
    item: bool = False,
) -> list[Edit]:
    def block(indent: int) -> str:
        first, *rest = fields
        text = " " * indent + f"- {first[0]}: {first[1]}\n"
        return text + "".join(" " * (indent + 2) + f"{k}: {v}\n" for k, v in rest)

    waivers = mapping.get("waivers")
    if "waivers" in mapping:
        if not isinstance(waivers, list):
            return []
        key_line, key_column = document.index.place(mapping, ("waivers",), (1, 1))
        text = lines[key_line - 1]
        colon = lsp_text.key_colon(text, key_column - 1)
        rest = text[colon + 1 :].lstrip() if colon is not None else ""
        if rest.startswith("["):
            return _flow_insert(text, key_line - 1, len(text) - len(rest), flow)
        if not waivers:
            return []
        item_line, item_column = document.index.place(mapping, ("waivers", len(waivers) - 1), (1, 1))
        last = lsp_text.block_last_line(lines, item_line - 1, item_column - 1)
        dash = lines[item_line - 1].rfind("-", 0, item_column - 1)
        return [_line_insert(lines, last, block(max(dash, 0)))]
    if top:
        return [_line_insert(lines, _last_line(lines), "waivers:\n" + block(2))]
    assert place is not None, "an entity's waivers: the entity is placed"
    line, column = place[0] - 1, place[1] - 1
    text = lines[line]
    if item:
        if text[column : column + 1] == "{":
            return _flow_insert(text, line, column, f"waivers: [{flow}]")
        last = lsp_text.block_last_line(lines, line, column)
        indent = column
    else:
        colon = lsp_text.key_colon(text, column)
        rest = text[colon + 1 :].lstrip() if colon is not None else ""
        if rest.startswith("{"):
            return _flow_insert(text, line, len(text) - len(rest), f"waivers: [{flow}]")
        last = lsp_text.block_last_line(lines, line, column + 1)
        body = lsp_text.body_indent(lines, line, last)
        indent = body if body is not None else column + 2
    return [_line_insert(lines, last, " " * indent + "waivers:\n" + block(indent + 2))]


def _line_insert(lines: list[str], after: int, text: str) -> Edit:
    """Insert whole lines (`text` ends with a line break) after line `after`."""
    if after + 1 < len(lines):
        return Edit(after + 1, 0, after + 1, 0, text)
    end = len(lines[after])  # the last line, with no line break after it
    return Edit(after, end, after, end, "\n" + text.rstrip("\n"))


def _last_line(lines: list[str]) -> int:
    """The last line that holds text (a file ending with a line break has an empty line after it)."""
    return len(lines) - 2 if len(lines) > 1 and lines[-1] == "" else len(lines) - 1
