"""Stage 1, load: YAML files -> plain Python data plus the position of every node.

The tree is built from the parser's event stream with an explicit stack rather
than with PyYAML's composer: libyaml's C composer recurses and crashes the
process on deeply nested input, and skipping the intermediate Node objects
also makes loading several times faster than `yaml.load`.

Positions are kept outside the data, in `Index`: for every mapping and list,
an array of packed `(file, line, column)` values aligned with its keys or items.
"""

from __future__ import annotations

import gc
import os
import re
from array import array
from pathlib import Path
from typing import Iterable, Optional

import yaml
from yaml import events as ev

from .diagnostic import Diagnostic, InputError
from .messages import say

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Aliases may share a subtree; past this many nodes after expansion the file
# is refused (the "billion laughs" attack expands to 10^9 nodes from 1 KB).
MAX_EXPANDED_NODES = 5_000_000
ALIAS_EXPANSION_FACTOR = 10
# The format nests six levels at most; far deeper input is an attack or an accident.
MAX_DEPTH = 100

_LINE_BITS = 20
_FILE_SHIFT = 48


def pack(file_no: int, line: int, column: int) -> int:
    return (file_no << _FILE_SHIFT) | (line << _LINE_BITS) | column


class Index:
    """Where every node came from: file, 1-based line and column."""

    def __init__(self) -> None:
        self.files: list[str] = []
        self.marks: dict[int, array] = {}

    def unpack(self, packed: int) -> tuple[str, int, int]:
        return (
            self.files[packed >> _FILE_SHIFT],
            (packed >> _LINE_BITS) & ((1 << (_FILE_SHIFT - _LINE_BITS)) - 1),
            packed & ((1 << _LINE_BITS) - 1),
        )

    def key_mark(self, mapping: dict, key) -> Optional[int]:
        marks = self.marks.get(id(mapping))
        if marks is None:
            return None
        for position, candidate in enumerate(mapping):
            if candidate == key:
                return marks[position]
        return None

    def item_mark(self, sequence: list, position: int) -> Optional[int]:
        marks = self.marks.get(id(sequence))
        if marks is None or position >= len(marks):
            return None
        return marks[position]

    def mark_of(self, root, path: Iterable, default: int) -> int:
        """The mark of the last step of `path` below `root` that exists.

        A key's mark is where the key is written; a list item's is where the
        item starts. When the path leads nowhere, `default` is returned.
        """
        mark = default
        node = root
        for step in path:
            if isinstance(node, dict) and step in node:
                found = self.key_mark(node, step)
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                found = self.item_mark(node, step)
            else:
                return default
            if found is not None:
                mark = found
            node = node[step]
        return mark


class Document:
    """One loaded file: its data (None when unreadable as YAML) and its number in the index."""

    __slots__ = ("path", "file_no", "data", "root_mark")

    def __init__(self, path: str, file_no: int, data, root_mark: int) -> None:
        self.path = path
        self.file_no = file_no
        self.data = data
        self.root_mark = root_mark


# --- scalars -----------------------------------------------------------------

_WORDS = {}
for _word, _value in (
    ("true", True), ("false", False), ("yes", True), ("no", False), ("on", True), ("off", False),
    ("null", None), ("~", None), ("", None),
):
    for _variant in {_word, _word.capitalize(), _word.upper()}:
        _WORDS[_variant] = _value
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_TIMESTAMP = re.compile(r"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?$")
_constructor = yaml.constructor.SafeConstructor()
_TAGGED = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": lambda v: _constructor.construct_yaml_int(yaml.ScalarNode("", v)),
    "tag:yaml.org,2002:float": lambda v: _constructor.construct_yaml_float(yaml.ScalarNode("", v)),
    "tag:yaml.org,2002:bool": lambda v: _constructor.construct_yaml_bool(yaml.ScalarNode("", v)),
    "tag:yaml.org,2002:null": lambda v: None,
    "tag:yaml.org,2002:timestamp": str,
}


def plain_scalar(value: str):
    """Resolve an untagged plain scalar as YAML 1.1 (PyYAML's SafeLoader) does.

    One departure: dates stay strings ("2027-06-30"), as the format's JSON
    Schema expects, instead of becoming `datetime.date`.
    """
    if value in _WORDS:
        return _WORDS[value]
    if value[0] not in _NUMBER_START:
        return value
    if _INT.match(value):
        return _TAGGED["tag:yaml.org,2002:int"](value)
    if _FLOAT.match(value) and value not in (".", "-", "+"):
        return _TAGGED["tag:yaml.org,2002:float"](value)
    return value


class _Refused(Exception):
    """A well-formed YAML construct this loader will not build (reported as EST001)."""

    def __init__(self, key: str, mark, **params) -> None:
        super().__init__(key)
        self.key, self.mark, self.params = key, mark, params


# --- the tree ----------------------------------------------------------------


def _build(loader, file_no: int, index: Index):
    """Consume one document's events and return (data, packed mark of its root)."""
    get_event = loader.get_event
    marks_of = index.marks
    scalar_event = ev.ScalarEvent
    mapping_start = ev.MappingStartEvent
    sequence_start = ev.SequenceStartEvent
    mapping_end = ev.MappingEndEvent
    sequence_end = ev.SequenceEndEvent
    alias_event = ev.AliasEvent
    file_bits = file_no << _FILE_SHIFT

    anchors: dict = {}
    expanded = 0
    literal = 0
    duplicates: list = []
    strings: dict = {}

    # A frame: [container, marks, is_mapping, pending_key, pending_key_mark, merges, size, anchor]
    stack: list = []
    root = None
    root_mark = file_bits | (1 << _LINE_BITS) | 1

    def attach(value, mark, size):
        nonlocal root, root_mark
        if not stack:
            root, root_mark = value, mark
            return
        frame = stack[-1]
        frame[6] += size
        if frame[2]:
            key = frame[3]
            if key is _NO_KEY:
                if isinstance(value, (dict, list)):
                    raise _Refused("key_not_scalar", _MarkAt(index, mark))
                frame[3], frame[4] = value, mark
                return
            frame[3] = _NO_KEY
            container = frame[0]
            if key == "<<" and frame[4] & _MERGE_FLAG:
                frame[5].append((value, mark))
                return
            key_mark = frame[4] & ~_MERGE_FLAG
            if key in container:
                duplicates.append((key, key_mark, index.key_mark(container, key)))
                return
            container[key] = value
            frame[1].append(key_mark)
        else:
            frame[0].append(value)
            frame[1].append(mark)

    while True:
        event = get_event()
        cls = event.__class__
        if cls is scalar_event:
            start = event.start_mark
            mark = file_bits | ((start.line + 1) << _LINE_BITS) | (start.column + 1)
            tag = event.tag
            if tag is None or tag == "!":
                text = event.value
                # The same keys and short values recur in every entity: one
                # shared string each saves a third of the memory of a large estate.
                if len(text) < 48:
                    text = strings.setdefault(text, text)
                if stack and stack[-1][2] and stack[-1][3] is _NO_KEY:
                    # Keys stay the text written: `on:` or `2024:` are names here.
                    value = text
                    if value == "<<" and event.implicit[0] and not event.style:
                        mark |= _MERGE_FLAG
                elif event.implicit[0] and not event.style:
                    value = plain_scalar(text)
                else:
                    value = text
            elif tag in _TAGGED:
                try:
                    value = _TAGGED[tag](event.value)
                except (ValueError, yaml.YAMLError):
                    raise _Refused("bad_scalar", start, value=event.value, kind=tag.rsplit(":", 1)[-1])
            else:
                raise _Refused("tag", start, tag=tag)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            literal += 1
            expanded += 1
            attach(value, mark, 1)
        elif cls is mapping_start or cls is sequence_start:
            start = event.start_mark
            mark = file_bits | ((start.line + 1) << _LINE_BITS) | (start.column + 1)
            if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                raise _Refused("tag", start, tag=event.tag)
            container = {} if cls is mapping_start else []
            marks = array("Q")
            marks_of[id(container)] = marks
            literal += 1
            expanded += 1
            # Attach first so that keys keep their order and the parent's mark
            # of this collection is its key, then descend.
            attach(container, mark, 0)
            if len(stack) >= MAX_DEPTH:
                raise _Refused("too_deep", start, limit=MAX_DEPTH)
            stack.append([container, marks, cls is mapping_start, _NO_KEY, 0, [], 1, event.anchor])
            if event.anchor:
                anchors[event.anchor] = (container, None)
        elif cls is mapping_end or cls is sequence_end:
            frame = stack.pop()
            container, size = frame[0], frame[6]
            if frame[5]:
                _merge(container, frame[1], frame[5], index)
            if frame[7]:
                anchors[frame[7]] = (container, size)
            if stack:
                stack[-1][6] += size
        elif cls is alias_event:
            start = event.start_mark
            if event.anchor not in anchors:
                raise _Refused("alias_unknown", start, name=event.anchor)
            value, size = anchors[event.anchor]
            if size is None:
                raise _Refused("alias_loop", start, name=event.anchor)
            expanded += size
            if expanded > MAX_EXPANDED_NODES and expanded > ALIAS_EXPANSION_FACTOR * literal:
                raise _Refused("alias_bomb", start, limit=MAX_EXPANDED_NODES)
            mark = file_bits | ((start.line + 1) << _LINE_BITS) | (start.column + 1)
            attach(value, mark, size)
        else:  # DocumentEnd: the tree is complete
            return root, root_mark, duplicates


_NO_KEY = object()
# Set on the mark of a plain `<<` key so that it acts as a YAML merge key; marks
# stay below 2**62 so the flag never collides with a real position.
_MERGE_FLAG = 1 << 62


def _merge(container: dict, marks: array, merges: list, index: Index) -> None:
    """Apply `<<: *anchor` (or a list of them): keys written in place win."""
    for value, mark in merges:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                raise _Refused("merge_value", _MarkAt(index, mark))
            source_marks = index.marks.get(id(source))
            for position, (key, item) in enumerate(source.items()):
                if key not in container:
                    container[key] = item
                    marks.append(source_marks[position] if source_marks is not None else mark)


class _MarkAt:
    """A parser-style mark (0-based) rebuilt from a packed one."""

    def __init__(self, index: Index, packed: int) -> None:
        _, line, column = index.unpack(packed)
        self.line, self.column = line - 1, column - 1


# --- files ---------------------------------------------------------------------


# si-lint's own configuration is not part of the estate, even when it sits in the linted folder.
CONFIG_FILE_NAMES = ("si-lint.yaml", "si-lint.yml")


def _is_estate_file(path: Path, root: Path) -> bool:
    """A *.yaml/*.yml file below `root`, outside hidden folders (.git, .github, ...) and not hidden itself.

    Hidden files are tools' settings (`.pre-commit-config.yaml`, `.si-lint.yaml`), as
    are workflow files under `.github/`: linting a repository root must not read them.
    """
    if path.suffix not in (".yaml", ".yml") or path.name in CONFIG_FILE_NAMES:
        return False
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return False
    return path.is_file()


def discover(paths: Iterable[str]) -> list[str]:
    """Expand folders into their estate files, sorted, recursively; files named are always read.

    A missing or unreadable path is an InputError, never silently skipped.
    """
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(str(p) for p in path.rglob("*") if _is_estate_file(p, path))
            if not files:
                raise InputError(f"{raw}: no *.yaml or *.yml file in this folder")
            found.extend(files)
        elif path.is_file():
            found.append(str(path))
        elif path.exists():
            raise InputError(f"{raw}: not a regular file or folder")
        else:
            raise InputError(f"{raw}: no such file or folder")
    unique = list(dict.fromkeys(os.path.normpath(p) for p in found))
    return unique


def read_text(path: str) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"{path}:{line}:{column}: not UTF-8 (byte 0x{raw[error.start]:02x}): save the file as UTF-8"
        ) from None


def load_text(text: str, path: str, index: Index, lang: str = "en") -> tuple[Document, list[Diagnostic]]:
    """Parse one file's text; YAML problems become EST001/EST002 diagnostics."""
    file_no = len(index.files)
    index.files.append(path)
    loader = Loader(text)
    diagnostics: list[Diagnostic] = []
    gc_was_enabled = gc.isenabled()
    # The collector would rescan the growing tree again and again for nothing:
    # a tree of plain dicts, lists and scalars has no garbage cycles.
    gc.disable()
    try:
        data, root_mark = None, pack(file_no, 1, 1)
        loader.get_event()  # StreamStart
        if not loader.check_event(ev.StreamEndEvent):
            loader.get_event()  # DocumentStart
            data, root_mark, duplicates = _build(loader, file_no, index)  # up to DocumentEnd
            for key, mark, first in duplicates:
                _, line, column = index.unpack(mark)
                first_place = "" if first is None else ":%d:%d" % index.unpack(first)[1:]
                diagnostics.append(Diagnostic(
                    "EST002", "error", say(lang, "duplicate_key", key=key, place=path + first_place),
                    path, line, column, rule="duplicate-key",
                ))
            if not loader.check_event(ev.StreamEndEvent):
                start = loader.peek_event().start_mark
                raise _Refused("second_document", start)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or str(error)
        if error.context:
            problem = f"{problem} ({error.context})"
        return Document(path, file_no, None, 0), [_syntax(path, mark, problem, lang)]
    except yaml.YAMLError as error:  # reader errors: control characters and the like
        mark = getattr(error, "mark", None) or _position_of_reader_error(error, text)
        return Document(path, file_no, None, 0), [_syntax(path, mark, _reader_problem(error), lang)]
    except _Refused as error:
        return Document(path, file_no, None, 0), [_syntax(path, error.mark, say(lang, error.key, **error.params), lang)]
    finally:
        loader.dispose()
        if gc_was_enabled:
            gc.enable()
    return Document(path, file_no, data, root_mark), diagnostics


def _syntax(path: str, mark, problem: str, lang: str) -> Diagnostic:
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    return Diagnostic("EST001", "error", say(lang, "syntax", problem=problem), path, line, column,
                      rule="yaml-syntax")


class _Position:
    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


def _position_of_reader_error(error, text: str):
    position = getattr(error, "position", None)
    if position is None:
        return None
    line = text.count("\n", 0, position)
    return _Position(line, position - (text.rfind("\n", 0, position) + 1))


def _reader_problem(error) -> str:
    character = getattr(error, "character", None)
    if isinstance(character, str):
        return f"the character {character!r} (#x{ord(character):04x}) is not allowed in YAML: remove it"
    return str(error).splitlines()[0]


def load_paths(paths: Iterable[str], lang: str = "en") -> tuple[list[Document], Index, list[Diagnostic]]:
    index = Index()
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    for path in discover(paths):
        document, found = load_text(read_text(path), path, index, lang)
        documents.append(document)
        diagnostics.extend(found)
    return documents, index, diagnostics
