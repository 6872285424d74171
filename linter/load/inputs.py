"""The one reader of the user's files: regular files only, bounded, decoded as UTF-8.

Every file si-lint reads on the user's behalf (estate files, config, rule
files, baselines, reports to compare, inventories, mappings, catalogs) goes
through `read_bytes`, so a FIFO, a device or `/dev/zero` named by mistake is
refused at once instead of blocking or filling memory (`tests/test_one_reader.py`
checks that no other module opens files). JSON files (baselines, reports) are
parsed here too, so that what Python's `json` accepts beyond JSON (NaN,
Infinity), integers past Python's conversion limit and absurd nesting are
refused with a message rather than crashing the command that reads them.
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
from typing import Any, NoReturn, Optional

from ..i18n.messages import Text
from ..rules.diagnostic import InputError, Place

# Far above any estate (10,000 applications take 9 MB) and below what would exhaust memory.
MAX_BYTES = 256 * 1024 * 1024


def read_bytes(path: str, limit: int = MAX_BYTES, name: Optional[str] = None) -> bytes:
    """The file's bytes; `name` is how messages name it (default: `path`), as the user would write it."""
    name = name or path
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not block before we can refuse it.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise InputError(_os_problem(path, error, name)) from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise InputError(Text("input.not_regular", path=name))
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputError(_os_problem(path, error, name)) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise InputError(Text("input.too_big", path=name, limit=limit // (1024 * 1024)))
    return data


def require_regular(path: str) -> None:
    """Refuse, as `read_bytes` would, what is not a regular file: for listing files before reading them."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise InputError(_os_problem(path, error)) from None
    if not stat.S_ISREG(mode):
        raise InputError(Text("input.not_regular", path=path))


def _os_problem(path: str, error: OSError, name: Optional[str] = None) -> Text:
    name = name or path
    if isinstance(error, FileNotFoundError):
        return Text("input.dangling_link" if os.path.islink(path) else "input.no_file", path=name)
    if error.errno == errno.ELOOP:
        return Text("input.link_loop", path=name)
    if isinstance(error, IsADirectoryError):
        return Text("input.not_regular", path=name)
    return Text("input.unreadable", path=name, reason=error.strerror or str(error))


def decode(raw: bytes, path: str) -> str:
    """UTF-8 (a BOM is allowed); anything else is an InputError at the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem, line, column = not_utf8(raw, error)
        raise InputError(problem, where=Place(path, line, column)) from None


def not_utf8(raw: bytes, error: UnicodeDecodeError) -> tuple:
    """(problem, line, column) of the first byte that is not UTF-8."""
    line = raw.count(b"\n", 0, error.start) + 1
    column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
    return Text("input.not_utf8", byte=f"0x{raw[error.start]:02x}"), line, column


def read_text(path: str, limit: int = MAX_BYTES, name: Optional[str] = None) -> str:
    return decode(read_bytes(path, limit, name), name or path)


def read_stdin(limit: int = MAX_BYTES) -> str:
    """The estate piped on standard input (`si-lint -`), bounded and decoded like a file."""
    import sys

    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(Text("input.too_big", path="-", limit=limit // (1024 * 1024)))
    return decode(data, "-")


# A si-lint report nests six levels; this leaves room for any JSON si-lint reads and none for a bomb.
MAX_JSON_DEPTH = 64
# Python refuses to convert longer integers (sys.get_int_max_str_digits) with an error of its own.
MAX_JSON_DIGITS = 4300


class _Refused(ValueError):
    def __init__(self, text: Text) -> None:
        super().__init__(text.key)
        self.text = text


def _json_int(written: str) -> int:
    if len(written.lstrip("-")) > MAX_JSON_DIGITS:
        raise _Refused(Text("input.json_long_number", digits=len(written.lstrip("-"))))
    return int(written)


def _json_float(written: str) -> float:
    value = float(written)
    if not math.isfinite(value):  # 1e999
        raise _Refused(Text("input.json_not_a_number", value=written))
    return value


def _json_constant(written: str) -> NoReturn:
    raise _Refused(Text("input.json_not_a_number", value=written))  # NaN, Infinity: not JSON


# What Python's JSON decoder says (its messages, stable since Python 2), in our words for both languages;
# a message it adds later is "invalid JSON syntax", still at its place.
_JSON_PROBLEMS = {
    "Expecting value": "input.json.value",
    "Expecting property name": "input.json.key",
    "Expecting ':'": "input.json.colon",
    "Expecting ',' delimiter": "input.json.comma",
    "Extra data": "input.json.extra",
    "Unterminated string": "input.json.unterminated",
    "Invalid control character": "input.json.control",
    "Invalid \\": "input.json.escape",
    "Illegal trailing comma": "input.json.trailing_comma",
}


def json_problem(message: str) -> Text:
    """The decoder's message in our words."""
    key = next((key for start, key in _JSON_PROBLEMS.items() if message.startswith(start)), "input.json.syntax")
    return Text(key)


def read_json(path: str, not_json: str) -> Any:
    """The JSON document in `path`; InputError `Text(not_json, problem=...)` when it is not plain JSON."""
    text = read_text(path)
    try:
        document = json.loads(text, parse_int=_json_int, parse_float=_json_float, parse_constant=_json_constant)
    except json.JSONDecodeError as error:
        raise InputError(
            Text(not_json, problem=json_problem(error.msg)), where=Place(path, error.lineno, error.colno)
        ) from None
    except _Refused as error:
        raise InputError(Text(not_json, problem=error.text), where=path) from None
    except RecursionError:
        raise InputError(
            Text(not_json, problem=Text("input.json_too_deep", limit=MAX_JSON_DEPTH)), where=path
        ) from None
    if _too_deep(document):
        raise InputError(Text(not_json, problem=Text("input.json_too_deep", limit=MAX_JSON_DEPTH)), where=path)
    return document


def _too_deep(document: Any) -> bool:
    level = [document]
    for _ in range(MAX_JSON_DEPTH):
        level = [
            child
            for node in level
            if isinstance(node, (dict, list))
            for child in (node.values() if isinstance(node, dict) else node)
        ]
        if not level:
            return False
    return any(isinstance(node, (dict, list)) for node in level)
