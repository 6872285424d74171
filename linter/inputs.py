"""The one reader of the user's files: regular files only, bounded, decoded as UTF-8.

Every file si-lint reads on the user's behalf (estate files, config, rule
files, baselines, reports to compare, inventories, mappings, catalogs) goes
through `read_bytes`, so a FIFO, a device or `/dev/zero` named by mistake is
refused at once instead of blocking or filling memory.
"""

from __future__ import annotations

import os
import stat

from .diagnostic import InputError
from .messages import Text

# Far above any estate (10,000 applications take 9 MB) and below what would exhaust memory.
MAX_BYTES = 256 * 1024 * 1024


def read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not block before we can refuse it.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise InputError(_os_problem(path, error)) from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise InputError(Text("input.not_regular", path=path))
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputError(_os_problem(path, error)) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise InputError(Text("input.too_big", path=path, limit=limit // (1024 * 1024)))
    return data


def _os_problem(path: str, error: OSError) -> Text:
    if isinstance(error, FileNotFoundError):
        return Text("input.no_file", path=path)
    if isinstance(error, IsADirectoryError):
        return Text("input.not_regular", path=path)
    return Text("input.unreadable", path=path, reason=error.strerror or str(error))


def decode(raw: bytes, path: str) -> str:
    """UTF-8 (a BOM is allowed); anything else is an InputError at the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(Text("input.not_utf8", byte=f"0x{raw[error.start]:02x}"),
                         where=f"{path}:{line}:{column}") from None


def read_text(path: str, limit: int = MAX_BYTES) -> str:
    return decode(read_bytes(path, limit), path)


def read_stdin(limit: int = MAX_BYTES) -> str:
    """The estate piped on standard input (`si-lint -`), bounded and decoded like a file."""
    import sys

    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(Text("input.too_big", path="-", limit=limit // (1024 * 1024)))
    return decode(data, "-")
