"""Write imported entities as estate YAML that people read and edit.

The text is written by hand rather than by `yaml.safe_dump` for three things
the dumper does not do: a comment above each entity naming its source, short
lists in flow style (`[windows, macos]`), and multi-line text as `|` blocks.
Scalars are written plain only when they read back as the same string;
everything else is double-quoted with escapes, so the output always loads.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Optional

from ..i18n.messages import Text
from ..i18n.messages import render as words
from ..load.loader import plain_scalar
from ..rules.diagnostic import InputError
from . import SECTION_ORDER, Entity, Imported

WIDTH = 100
# Plain style is kept for text that starts with a letter and holds no YAML indicator
# (all indicators are ASCII: printable non-ASCII text such as "–" or "€" is safe).
_WIDE = "\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff"
_PLAIN = re.compile(rf"[^\W\d_][\w .,:/()'&+@{_WIDE}-]*")
_PLAIN_IN_FLOW = re.compile(rf"[^\W\d_][\w ./()'&+@{_WIDE}-]*")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _needs_escape(character: str) -> bool:
    code = ord(character)
    return (
        (code < 0x20 and character != "\t")
        or 0x7F <= code <= 0x9F
        or character in "\u2028\u2029\ufeff"
        or (0xD800 <= code <= 0xDFFF)
        or code in (0xFFFE, 0xFFFF)
    )


def _quoted(text: str) -> str:
    out: list[str] = []
    for character in text:
        if character in _ESCAPES:
            out.append(_ESCAPES[character])
        elif _needs_escape(character):
            code = ord(character)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
        else:
            out.append(character)
    return '"' + "".join(out) + '"'


def scalar(value: Any, flow: bool = False) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        mantissa, _, exponent = text.partition("e")
        # YAML 1.1 reads 1e-05 as a string: the mantissa needs a dot.
        return f"{mantissa}.0e{exponent}" if exponent and "." not in mantissa else text
    text = str(value)
    pattern = _PLAIN_IN_FLOW if flow else _PLAIN
    if pattern.fullmatch(text) and not text.endswith((" ", ":")) and ": " not in text and plain_scalar(text) == text:
        return text
    return _quoted(text)


def _literal(text: str) -> bool:
    """Whether `text` is best written as a `|` block: several lines, nothing to escape."""
    return (
        "\n" in text
        and not text.startswith((" ", "\t", "\n"))
        and not text.endswith("\n\n")
        and not any(c != "\n" and _needs_escape(c) for c in text)
    )


def _flow(items: list[Any]) -> Optional[str]:
    if any(isinstance(item, (dict, list)) for item in items):
        return None
    return "[" + ", ".join(scalar(item, flow=True) for item in items) + "]"


def _mapping(data: dict[Any, Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for key, value in data.items():
        head = f"{pad}{scalar(key)}:"
        if isinstance(value, dict):
            if value:
                lines.append(head)
                _mapping(value, indent + 2, lines)
            else:
                lines.append(f"{head} {{}}")
        elif isinstance(value, list):
            flow = _flow(value)
            if flow is not None and len(head) + 1 + len(flow) <= WIDTH:
                lines.append(f"{head} {flow}")
            else:
                lines.append(head)
                _sequence(value, indent + 2, lines)
        elif isinstance(value, str) and _literal(value):
            lines.append(f"{head} |" if value.endswith("\n") else f"{head} |-")
            lines.extend(f"{pad}  {line}" if line else "" for line in value.rstrip("\n").split("\n"))
        else:
            lines.append(f"{head} {scalar(value)}")


def _sequence(items: list[Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            nested: list[str] = []
            _mapping(item, indent + 2, nested)
            nested[0] = f"{pad}- {nested[0][indent + 2 :]}"
            lines.extend(nested)
        elif isinstance(item, list):
            lines.append(f"{pad}- {_flow(item) or '[]'}")
        else:
            lines.append(f"{pad}- {scalar(item)}")


def _comment(text: str) -> str:
    """`text` on one comment line: line breaks and control characters escaped."""
    return "# " + "".join(_quoted(c)[1:-1] if c in "\n\r" or _needs_escape(c) else c for c in text)


def _document(entities: list[Entity], header: str, lang: str) -> str:
    lines = [_comment(header), "version: 1"]
    for section in SECTION_ORDER:
        chosen = [entity for entity in entities if entity.section == section]
        if not chosen:
            continue
        lines.append(f"{section}:")
        for entity in chosen:
            lines.append("  " + _comment(words(lang, entity.source)))
            if entity.data:
                lines.append(f"  {scalar(entity.id)}:")
                _mapping(entity.data, 4, lines)
            else:
                lines.append(f"  {scalar(entity.id)}: {{}}")
    return "\n".join(lines) + "\n"


def header(imported: Imported, lang: str) -> str:
    return words(lang, Text("import.header", origin=imported.origin))


def render(imported: Imported, lang: str = "en") -> str:
    """The whole import as one YAML document, its comments in `lang`."""
    return _document(imported.entities, header(imported, lang), lang)


def write_directory(imported: Imported, directory: str, lang: str = "en") -> list[str]:
    """One file per application, `_infrastructure.yaml` and `_data_stores.yaml` for the rest.

    The underscore keeps those two names apart from every application id
    (ids start with a letter). The folder must be new or empty: files left by
    an earlier import would be merged by `si-lint` and redefine every id.
    Returns the paths written.
    """
    folder = Path(directory)
    try:
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise InputError(Text("import.not_empty_folder", path=directory))
        folder.mkdir(parents=True, exist_ok=True)
        written: list[str] = []
        title = header(imported, lang)
        for section in SECTION_ORDER:
            chosen = [entity for entity in imported.entities if entity.section == section]
            if section == "applications":
                for entity in chosen:
                    written.append(_write(folder / f"{entity.id}.yaml", _document([entity], title, lang)))
            elif chosen:
                written.append(_write(folder / f"_{section}.yaml", _document(chosen, title, lang)))
        return written
    except OSError as error:
        raise InputError(
            Text("cli.cannot_write", path=error.filename or directory, reason=error.strerror or str(error))
        ) from None


def _write(path: Path, text: str) -> str:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return os.fspath(path)


def write_file(imported: Imported, path: str, lang: str = "en") -> None:
    try:
        _write(Path(path), render(imported, lang))
    except OSError as error:
        raise InputError(Text("cli.cannot_write", path=path, reason=error.strerror or str(error))) from None
