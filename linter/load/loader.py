"""Stage 1, load: YAML files -> plain Python data plus the position of every node.

The tree is built from the parser's event stream with an explicit stack rather
than with PyYAML's composer. Skipping the intermediate Node objects makes
loading several times faster than `yaml.load`, and an explicit stack keeps
depth in our hands: older libyaml builds recursed in the composer and crashed
the process on deeply nested input (current ones stop at 1,000 levels with
their own error); `MAX_DEPTH` refuses far less than either, with our words.

Each file is loaded on its own into a `Document` with its own `Index` of
positions, so a document can be kept and linted again with others (an editor
re-reads only the file that changed; `history` only the files a commit changed).
"""

from __future__ import annotations

import gc
import os
import re
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Callable, Optional, Protocol, Union

import yaml
from yaml import events as ev

from ..i18n.messages import Text
from ..rules.diagnostic import InputError, Place, Problem
from . import inputs
from .inputs import read_stdin, read_text, require_regular

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Aliases may share a subtree; past this many nodes after expansion the file
# is refused (the "billion laughs" attack expands to 10^9 nodes from 1 KB).
MAX_EXPANDED_NODES = 5_000_000
ALIAS_EXPANSION_FACTOR = 10
# The format nests six levels at most; far deeper input is an attack or an accident.
MAX_DEPTH = 100

# A position packed in one 64-bit array item: 32 bits of line, 32 of column.
_COLUMN_BITS = 32
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1
# Mappings with more keys than this get a key -> position table on their first lookup.
_SCAN_LIMIT = 16


def pack(line: int, column: int) -> int:
    return (line << _COLUMN_BITS) | column


def unpack(packed: int) -> tuple[int, int]:
    """(line, column), both 1-based."""
    return packed >> _COLUMN_BITS, packed & _COLUMN_MASK


class Index:
    """Where every node of one document was written: for each mapping and list, the packed
    `(line, column)` of its keys or items, in order, kept beside the data (keyed by `id()`)."""

    __slots__ = ("marks", "_positions")

    def __init__(self) -> None:
        self.marks: dict[int, array[int]] = {}
        self._positions: dict[int, dict[Any, int]] = {}

    def key_mark(self, mapping: dict[Any, Any], key: object) -> Optional[int]:
        marks = self.marks.get(id(mapping))
        if marks is None:
            return None
        if len(mapping) <= _SCAN_LIMIT:
            for position, candidate in enumerate(mapping):
                if candidate == key:
                    return marks[position]
            return None
        # A section of 10,000 entities is looked up once per finding: index it once.
        positions = self._positions.get(id(mapping))
        if positions is None:
            positions = self._positions[id(mapping)] = {name: i for i, name in enumerate(mapping)}
        found = positions.get(key)
        return marks[found] if found is not None else None

    def item_mark(self, sequence: list[Any], position: int) -> Optional[int]:
        marks = self.marks.get(id(sequence))
        if marks is None or position >= len(marks):
            return None
        return marks[position]

    def place(self, root: Any, path: Iterable[Union[str, int]], default: tuple[int, int]) -> tuple[int, int]:
        """(line, column) of where `path` below `root` is written, or `default` when it leads nowhere.

        A key's place is where the key is written; a list item's is where the item starts.
        """
        mark: Optional[int] = None
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
        return unpack(mark) if mark is not None else default


class Document:
    """One loaded file: its data, the positions of its nodes, and what loading it found (EST001, EST002).

    `readable` is False when the file is not YAML at all (EST001 says where);
    its data is then None and nothing else is reported about it.
    """

    __slots__ = ("path", "data", "index", "root", "readable", "problems", "checked")

    def __init__(
        self, path: str, data: Any, index: Index, root: tuple[int, int], readable: bool, problems: list[Problem]
    ) -> None:
        self.path = path
        self.data = data
        self.index = index
        self.root = root  # (line, column) where the top-level node starts
        self.readable = readable
        self.problems = problems
        # its schema problems (and the entities that failed), kept by `validate` for when it is linted again
        self.checked: Optional[tuple[list[Problem], set[int]]] = None

    def place(self, path: tuple[Union[str, int], ...], default: Optional[tuple[int, int]] = None) -> tuple[int, int]:
        return self.index.place(self.data, path, default or self.root)


# --- scalars -----------------------------------------------------------------

_WORDS: dict[str, Optional[bool]] = {}
for _word, _value in (
    ("true", True),
    ("false", False),
    ("yes", True),
    ("no", False),
    ("on", True),
    ("off", False),
    ("null", None),
    ("~", None),
    ("", None),
):
    for _variant in {_word, _word.capitalize(), _word.upper()}:
        _WORDS[_variant] = _value
_BOOLEANS = {word: value for word, value in _WORDS.items() if isinstance(value, bool)}
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(
    r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
    r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"
)
_FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_constructor = yaml.constructor.SafeConstructor()


def _yaml_int(text: str) -> int:
    if not _INT.match(text):
        raise ValueError(text)
    return _constructor.construct_yaml_int(yaml.ScalarNode("", text))


def _yaml_float(text: str) -> float:
    if not (_FLOAT.match(text) or _INT.match(text)) or text in (".", "-", "+"):
        raise ValueError(text)
    return _constructor.construct_yaml_float(yaml.ScalarNode("", text))


def _yaml_bool(text: str) -> bool:
    return _BOOLEANS[text]  # KeyError: not a boolean


def _yaml_null(text: str) -> None:
    if _WORDS.get(text, False) is not None:
        raise ValueError(text)
    return None


# Explicit tags that build plain values; dates stay strings, as the format's JSON Schema expects.
_TAGGED: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": _yaml_int,
    "tag:yaml.org,2002:float": _yaml_float,
    "tag:yaml.org,2002:bool": _yaml_bool,
    "tag:yaml.org,2002:null": _yaml_null,
    "tag:yaml.org,2002:timestamp": str,
}


def plain_scalar(value: str) -> Any:
    """Resolve an untagged plain scalar as YAML 1.1 (PyYAML's SafeLoader) does.

    One departure: dates stay strings ("2027-06-30"), as the format's JSON
    Schema expects, instead of becoming `datetime.date`. An integer too long
    for Python to convert (over 4,300 digits) raises ValueError.
    """
    if value in _WORDS:
        return _WORDS[value]
    if value[0] not in _NUMBER_START:
        return value
    if _INT.match(value):
        return _constructor.construct_yaml_int(yaml.ScalarNode("", value))
    if _FLOAT.match(value) and value not in (".", "-", "+"):
        return _constructor.construct_yaml_float(yaml.ScalarNode("", value))
    return value


class _Mark(Protocol):
    """Where the parser stopped, 0-based: PyYAML's Mark or one of ours."""

    line: int
    column: int


class _Refused(Exception):
    """A well-formed YAML construct this loader will not build (reported as EST001)."""

    def __init__(self, text: Text, mark: _Mark) -> None:
        super().__init__(text.key)
        self.text, self.mark = text, mark


def _shortened(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


# --- the tree ----------------------------------------------------------------


class _Frame:
    """A mapping or list being built: its marks, the key waiting for its value, merges to apply."""

    __slots__ = ("container", "marks", "is_mapping", "key", "key_mark", "key_is_merge", "merges", "size", "anchor")

    # `container`: a dict when `is_mapping`, else a list; Any, as the flag tells which (no isinstance on a hot path).
    def __init__(self, container: Any, marks: array[int], is_mapping: bool, anchor: Optional[str]) -> None:
        self.container = container
        self.marks = marks
        self.is_mapping = is_mapping
        self.key: Any = _NO_KEY  # a mapping's key read, its value not yet
        self.key_mark = 0
        self.key_is_merge = False
        self.merges: list[tuple[Any, int]] = []  # (value, mark) of `<<` entries, applied when the mapping ends
        self.size = 1  # nodes below, aliases expanded: the alias-bomb budget
        self.anchor = anchor


_NO_KEY = object()


class _Builder:
    """Consumes one document's events (after DocumentStart, up to DocumentEnd) into plain data."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.root_mark = pack(1, 1)
        # name -> (value, size); size None while the collection is still open
        self.anchors: dict[str, tuple[Any, Optional[int]]] = {}
        self.expanded = 0  # nodes, aliases expanded
        self.literal = 0  # nodes written
        self.duplicates: list[tuple[Any, int, Optional[int]]] = []  # (key, mark, mark of the first one)
        # The same keys and short values recur in every entity: one shared string
        # each saves a third of the memory of a large estate.
        self.strings: dict[str, str] = {}

    def build(self, loader: Any) -> tuple[Any, int]:
        get_event = loader.get_event
        scalar_event, alias_event = ev.ScalarEvent, ev.AliasEvent
        mapping_start, sequence_start = ev.MappingStartEvent, ev.SequenceStartEvent
        mapping_end, sequence_end = ev.MappingEndEvent, ev.SequenceEndEvent
        while True:
            event = get_event()
            cls = event.__class__
            if cls is scalar_event:
                self.scalar(event)
            elif cls is mapping_start or cls is sequence_start:
                self.start(event, cls is mapping_start)
            elif cls is mapping_end or cls is sequence_end:
                self.end()
            elif cls is alias_event:
                self.alias(event)
            else:  # DocumentEnd: the tree is complete
                return self.root, self.root_mark

    def scalar(self, event: Any) -> None:
        start = event.start_mark
        mark = ((start.line + 1) << _COLUMN_BITS) | (start.column + 1)
        tag = event.tag
        frame = self.stack[-1] if self.stack else None
        is_merge = False
        if tag is None or tag == "!":
            text = event.value
            if len(text) < 48:
                text = self.strings.setdefault(text, text)
            if frame is not None and frame.is_mapping and frame.key is _NO_KEY:
                # Keys stay the text written: `on:` or `2024:` are names here.
                value = text
                is_merge = value == "<<" and event.implicit[0] and not event.style
            elif event.implicit[0] and not event.style:
                try:
                    value = plain_scalar(text)
                except ValueError:  # more digits than Python converts
                    raise _Refused(Text("load.number_too_long", digits=len(text)), start) from None
            else:
                value = text
        elif tag in _TAGGED:
            try:
                value = _TAGGED[tag](event.value)
            except (ValueError, KeyError, IndexError, yaml.YAMLError):
                raise _Refused(
                    Text("load.bad_scalar", value=_shortened(event.value), kind=tag.rsplit(":", 1)[-1]), start
                ) from None
        else:
            raise _Refused(Text("load.tag", tag=tag), start)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self.literal += 1
        self.expanded += 1
        self.attach(value, mark, 1, is_merge)

    def start(self, event: Any, is_mapping: bool) -> None:
        start = event.start_mark
        if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            raise _Refused(Text("load.tag", tag=event.tag), start)
        container: Union[dict[Any, Any], list[Any]] = {} if is_mapping else []
        marks = array("Q")
        self.index.marks[id(container)] = marks
        self.literal += 1
        self.expanded += 1
        # Attach first so that keys keep their order and the parent's mark of
        # this collection is its key, then descend.
        self.attach(container, ((start.line + 1) << _COLUMN_BITS) | (start.column + 1), 0, False)
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused(Text("load.too_deep", limit=MAX_DEPTH), start)
        self.stack.append(_Frame(container, marks, is_mapping, event.anchor))
        if event.anchor:
            self.anchors[event.anchor] = (container, None)

    def end(self) -> None:
        frame = self.stack.pop()
        if frame.merges:
            self.merge(frame)
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, frame.size)
        if self.stack:
            self.stack[-1].size += frame.size

    def alias(self, event: Any) -> None:
        start = event.start_mark
        if event.anchor not in self.anchors:
            raise _Refused(Text("load.alias_unknown", name=event.anchor), start)
        value, size = self.anchors[event.anchor]
        if size is None:
            raise _Refused(Text("load.alias_loop", name=event.anchor), start)
        self.expanded += size
        if self.expanded > MAX_EXPANDED_NODES and self.expanded > ALIAS_EXPANSION_FACTOR * self.literal:
            raise _Refused(Text("load.alias_bomb", limit=MAX_EXPANDED_NODES), start)
        self.attach(value, ((start.line + 1) << _COLUMN_BITS) | (start.column + 1), size, False)

    def attach(self, value: Any, mark: int, size: int, is_merge: bool) -> None:
        if not self.stack:
            self.root, self.root_mark = value, mark
            return
        frame = self.stack[-1]
        frame.size += size
        if not frame.is_mapping:
            frame.container.append(value)
            frame.marks.append(mark)
            return
        key = frame.key
        if key is _NO_KEY:  # this value is a key
            if isinstance(value, (dict, list)):
                raise _Refused(Text("load.key_not_scalar"), _MarkAt(mark))
            frame.key, frame.key_mark, frame.key_is_merge = value, mark, is_merge
            return
        frame.key = _NO_KEY
        if frame.key_is_merge:
            frame.merges.append((value, mark))
            return
        container = frame.container
        if key in container:
            self.duplicates.append((key, frame.key_mark, self.index.key_mark(container, key)))
            return
        container[key] = value
        frame.marks.append(frame.key_mark)

    def merge(self, frame: _Frame) -> None:
        """Apply `<<: *anchor` (or a list of them): keys written in place win."""
        container, marks = frame.container, frame.marks
        for value, mark in frame.merges:
            sources = value if isinstance(value, list) else [value]
            for source in sources:
                if not isinstance(source, dict):
                    raise _Refused(Text("load.merge_value"), _MarkAt(mark))
                source_marks = self.index.marks.get(id(source))
                for position, (key, item) in enumerate(source.items()):
                    if key not in container:
                        container[key] = item
                        marks.append(source_marks[position] if source_marks is not None else mark)


class _MarkAt:
    """A parser-style mark (0-based) rebuilt from a packed one."""

    def __init__(self, packed: int) -> None:
        line, column = unpack(packed)
        self.line, self.column = line - 1, column - 1


# --- files ---------------------------------------------------------------------


# si-lint's own configuration is not part of the estate, even when it sits in the linted folder.
# si-lint's own config files, in the order a folder's are looked for (config.discovery, which also reads a
# pyproject.toml's [tool.si-lint]): never estate files, and an editor reloads its settings when one changes.
CONFIG_FILE_NAMES = (".si-lint.yaml", ".si-lint.yml", "si-lint.yaml", "si-lint.yml")


def _below(path: str, folders: tuple[str, ...]) -> bool:
    return any(path.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)


def _is_estate_file(path: Path, root: Path) -> bool:
    """A *.yaml/*.yml entry below `root`, outside hidden folders (.git, .github, ...) and not hidden itself,
    that is not a folder: a dangling link, a link loop or a FIFO is one, and `discover` refuses it.

    Hidden files are tools' settings (`.pre-commit-config.yaml`, `.si-lint.yaml`), as
    are workflow files under `.github/`: linting a repository root must not read them.
    """
    if path.suffix not in (".yaml", ".yml") or path.name in CONFIG_FILE_NAMES:
        return False
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return False
    return not path.is_dir()


def discover(paths: Iterable[str], skip: Iterable[str] = ()) -> list[str]:
    """Expand folders into their estate files, sorted, recursively; files named are always read.

    A missing or unreadable path is an InputError, never silently skipped: named on the
    command line or met in a folder, a dangling link, a link loop or a FIFO stops the run.
    `skip`: folders a folder's expansion leaves out (the config's rule and product folders).
    """
    found = estate_paths(paths, skip)
    for path in found:
        require_regular(path)
    return found


def estate_paths(paths: Iterable[str], skip: Iterable[str] = ()) -> list[str]:
    """`discover`'s files, the unreadable ones included: the language server reports each where it is
    (its reading fails there) and lints the others, where the command line stops at the first."""
    found: list[str] = []
    skipped = tuple(os.path.abspath(folder) for folder in skip)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                str(p) for p in path.rglob("*") if _is_estate_file(p, path) and not _below(os.path.abspath(p), skipped)
            )
            if not files:
                raise InputError(Text("input.no_estate_files", path=raw))
            found.extend(files)
        elif os.path.lexists(path):
            found.append(str(path))
        else:
            raise InputError(Text("input.missing", path=raw))
    return list(dict.fromkeys(os.path.normpath(p) for p in found))


def load_text(text: str, path: str) -> Document:
    """Parse one file's text; YAML problems become the document's EST001/EST002 problems."""
    return _load(text, path, several=False)[0]


def load_bytes(raw: bytes, path: str) -> Document:
    """`load_text` of bytes read elsewhere than the disk (a file at a past commit): bytes that are not
    UTF-8 are the document's EST001 at the first bad byte, as a YAML error is, not an end of the run."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem, line, column = inputs.not_utf8(raw, error)
        return Document(path, None, Index(), (1, 1), False, [Problem("EST001", problem, path, line, column)])
    return load_text(text, path)


def load_stream(text: str, path: str) -> list[Document]:
    """Every document of a text that may hold several (`---`), as Backstage catalogs do.

    Each is built, bounded (aliases, depth) and placed as `load_text` builds
    one. A YAML error ends the stream: the documents before it are kept, and
    an unreadable Document says where it happened.
    """
    return _load(text, path, several=True)


def _load(text: str, path: str, several: bool) -> list[Document]:
    loader = Loader(text)
    documents: list[Document] = []
    gc_was_enabled = gc.isenabled()
    # The collector would rescan the growing tree again and again for nothing:
    # a tree of plain dicts, lists and scalars has no garbage cycles.
    gc.disable()
    try:
        loader.get_event()  # StreamStart
        while not loader.check_event(ev.StreamEndEvent):
            if documents and not several:
                raise _Refused(Text("load.second_document"), loader.peek_event().start_mark)
            loader.get_event()  # DocumentStart
            index = Index()
            builder = _Builder(index)
            data, root_mark = builder.build(loader)  # up to DocumentEnd
            problems: list[Problem] = []
            for key, mark, first in builder.duplicates:
                line, column = unpack(mark)
                place = path if first is None else "{}:{}:{}".format(path, *unpack(first))
                problems.append(Problem("EST002", Text("load.duplicate_key", key=key, place=place), path, line, column))
            documents.append(Document(path, data, index, unpack(root_mark), True, problems))
    except yaml.MarkedYAMLError as error:
        failed = _unreadable(path, error.problem_mark or error.context_mark, yaml_problem(error))
    except yaml.YAMLError as error:  # reader errors: control characters and the like
        failed = _unreadable(
            path, getattr(error, "mark", None) or _position_of_reader_error(error, text), _reader_problem(error)
        )
    except _Refused as error:
        failed = _unreadable(path, error.mark, error.text)
    else:
        if not documents and not several:
            documents.append(Document(path, None, Index(), (1, 1), True, []))
        return documents
    finally:
        loader.dispose()
        if gc_was_enabled:
            gc.enable()
    return documents + [failed] if several else [failed]


# What PyYAML says of a file it cannot parse, in our words for both languages (its own text is English only).
_YAML_PROBLEMS = {  # the beginnings of what libyaml and PyYAML's own parser say
    "mapping values are not allowed": "load.yaml.mapping_here",
    "could not find expected ':'": "load.yaml.colon",
    "found a tab character": "load.yaml.tab",
    "found character '\\t'": "load.yaml.tab",
    "found character": "load.yaml.bad_start",
    "did not find expected key": "load.yaml.key",
    "did not find expected '-' indicator": "load.yaml.dash",
    "did not find expected node content": "load.yaml.value",
    "found unexpected end of stream": "load.yaml.end",
    "expected <block end>": "load.yaml.indentation",
    "did not find expected ',' or ']'": "load.yaml.list",
    "expected ',' or ']'": "load.yaml.list",
    "did not find expected ',' or '}'": "load.yaml.mapping",
    "expected ',' or '}'": "load.yaml.mapping",
    "found unknown escape character": "load.yaml.escape",
    "block sequence entries are not allowed": "load.yaml.dash_here",
    "found unexpected ':'": "load.yaml.colon_here",
    "did not find expected alphabetic or numeric character": "load.yaml.anchor",
    "expected alphabetic or numeric character": "load.yaml.anchor",
}


def yaml_problem(error: yaml.MarkedYAMLError) -> Union[Text, str]:
    """The parser's problem in our words; one we have not worded yet keeps the parser's text and context."""
    problem = error.problem or ""
    key = next((key for start, key in _YAML_PROBLEMS.items() if problem.startswith(start)), None)
    if key is not None:
        return Text(key)
    text = problem or str(error)
    return f"{text} ({error.context})" if error.context else text


def _unreadable(path: str, mark: Optional[_Mark], problem: Union[Text, str]) -> Document:
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    return Document(path, None, Index(), (1, 1), False, [Problem("EST001", problem, path, line, column)])


class _Position:
    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


def _position_of_reader_error(error: yaml.YAMLError, text: str) -> Optional[_Position]:
    position = getattr(error, "position", None)
    if position is None:
        return None
    line = text.count("\n", 0, position)
    return _Position(line, position - (text.rfind("\n", 0, position) + 1))


def _reader_problem(error: yaml.YAMLError) -> Union[Text, str]:
    character = getattr(error, "character", None)
    if isinstance(character, str):
        return Text("load.bad_character", character=repr(character), code=f"#x{ord(character):04x}")
    return str(error).splitlines()[0]


def refuse_problems(document: Document) -> None:
    """For files that are not the estate (config, rule files): their first load problem is an InputError."""
    if document.problems:
        first = document.problems[0]
        text = Text("load.invalid_yaml", problem=first.text) if first.code == "EST001" else first.text
        # Problems the loader finds always carry their words (EST001, EST002); None is for other stages' codes.
        assert text is not None
        raise InputError(text, where=Place(first.file, first.line, first.column))


def load_file(path: str) -> Document:
    return load_text(read_text(path), path)


STDIN = "-"


def load_paths(paths: Iterable[str], stdin_name: Optional[str] = None, skip: Iterable[str] = ()) -> list[Document]:
    """Load the estate's files; `-` is the estate piped on standard input, named `stdin_name` in findings.

    `skip`: folders that a folder's expansion leaves out (see `discover`)."""
    paths = list(paths)
    documents = [load_text(read_stdin(), stdin_name or "<stdin>")] if STDIN in paths else []
    return documents + [load_file(path) for path in discover((p for p in paths if p != STDIN), skip)]
