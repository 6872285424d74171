"""Finding the config file: `.si-lint.yaml`, `.si-lint.yml`, `si-lint.yaml`, `si-lint.yml`, or `pyproject.toml`
with a `[tool.si-lint]` table, in the run's root folder and then upward, stopping at the repository root (the
folder holding `.git`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from ..load.loader import CONFIG_FILE_NAMES

FILE_NAMES = CONFIG_FILE_NAMES + ("pyproject.toml",)


def discover(start: Path) -> Optional[Path]:
    folder = start.resolve()
    while True:
        for name in FILE_NAMES:
            candidate = folder / name
            if name == "pyproject.toml":
                if candidate.is_file() and _has_tool_table(candidate):
                    return candidate
            elif os.path.lexists(candidate):
                # si-lint's by its name: a dangling link or a FIFO is reported when read, not skipped.
                return candidate
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent


def _has_tool_table(path: Path) -> bool:
    """Whether the parsed TOML has `tool.si-lint`, however it is spelt (`[tool.si-lint]`, a dotted key, inline)."""
    from ..load.inputs import read_text
    from ..rules.diagnostic import InputError
    from .reading import parse_toml

    try:
        text = read_text(str(path))
    except InputError:
        return False
    try:
        data = parse_toml(text, str(path))
    except InputError:  # broken: ours if it mentions si-lint, so that the error is reported
        return "si-lint" in text
    tool = data.get("tool")
    return isinstance(tool, dict) and "si-lint" in tool
