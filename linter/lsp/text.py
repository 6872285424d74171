"""Where things are written in an estate file's text, for the language server.

The loader gives where every key and list item starts; an editor also needs
where they end (diagnostic ranges), the lines an entity spans (outline,
inserting a waiver or a field), and, while the user types a file that is not
valid YAML yet, the path of keys the cursor is under (completion, hover). These
read the text line by line as YAML's block and flow styles lay it out; they
never raise on odd input, they just find less.

Lines and columns here are 0-based, columns in code points (as the loader
counts them); the server converts them to the client's units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

# A list item in a path whose index the text alone does not tell (see `locate`).
ITEM = "-"

_BREAKS = re.compile(r"\r\n|\r|\n")
_FLOW = ",[]{}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> Optional[tuple[str, int, int]]:
    """(code point as U+XXXX, 1-based line, 1-based column) of the first lone surrogate in an editor's buffer.

    JSON lets an editor send one (`"\\ud800"`); no UTF-8 file can hold it, and the YAML reader fails on it.
    """
    found = _SURROGATE.search(text)
    if found is None:
        return None
    before = text[: found.start()]
    line = len(_BREAKS.findall(before))
    column = found.start() - max(before.rfind("\n"), before.rfind("\r")) - 1
    return f"U+{ord(found.group()):04X}", line + 1, column + 1


def split_lines(text: str) -> list[str]:
    """The text's lines as LSP counts them (\\n, \\r\\n or \\r end a line)."""
    return _BREAKS.split(text)


def indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def is_blank(line: str) -> bool:
    """Nothing to read: empty, spaces, or a comment."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _in_flow(line: str, end: int) -> bool:
    """Whether `end` lies inside a [..] or {..} opened earlier on the line."""
    depth, quote = 0, None
    for i, char in enumerate(line[:end]):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'" and (i == 0 or line[i - 1] in " \t" + _FLOW):
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            break
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
    return depth > 0


def token_end(line: str, start: int) -> int:
    """Where the key or scalar starting at `start` ends: a quoted string with its quotes, a plain
    scalar up to `: `, ` #`, the end of the line (or, in a flow collection, a `,` or bracket),
    a flow collection up to its closing bracket when on this line."""
    if start >= len(line):
        return start
    char = line[start]
    if char in "\"'":
        i = start + 1
        while i < len(line):
            if char == '"' and line[i] == "\\":
                i += 2
                continue
            if line[i] == char:
                if char == "'" and line[i + 1 : i + 2] == "'":  # '' is a quote inside single quotes
                    i += 2
                    continue
                return i + 1
            i += 1
        return len(line.rstrip())
    if char in "[{":
        depth, i, quote = 0, start, None
        while i < len(line):
            current = line[i]
            if quote:
                if current == quote:
                    quote = None
            elif current in "\"'":
                quote = current
            elif current in "[{":
                depth += 1
            elif current in "]}":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return len(line.rstrip())
    if char in "|>":
        return start + 1
    flow = _in_flow(line, start)
    i = start
    while i < len(line):
        current = line[i]
        following = line[i + 1 : i + 2]
        if current == ":" and (not following or following in " \t" or (flow and following in _FLOW)):
            break
        if current == "#" and i > start and line[i - 1] in " \t":
            break
        if flow and current in _FLOW:
            break
        i += 1
    return max(start + 1, len(line[:i].rstrip())) if i > start else start


def key_colon(line: str, start: int) -> Optional[int]:
    """When a key starts at `start` (`key:` followed by a space or the line's end), the colon's column."""
    end = token_end(line, start)
    if end <= start or line[start] in "[{|>":
        return None
    i = end
    while i < len(line) and line[i] in " \t":
        i += 1
    if line[i : i + 1] == ":" and (i + 1 == len(line) or line[i + 1] in " \t" + _FLOW):
        return i
    return None


def value_span(line: str, key_start: int) -> Optional[tuple[int, int]]:
    """(start, end) of the scalar written after the key that starts at `key_start`, on the same line."""
    colon = key_colon(line, key_start)
    if colon is None:
        return None
    start = colon + 1
    while start < len(line) and line[start] in " \t":
        start += 1
    if start >= len(line) or line[start] in "#[{|>&!*" or (line[start] in _FLOW and _in_flow(line, start)):
        return None
    return start, token_end(line, start)


def span(lines: list[str], line: int, column: int) -> tuple[int, int]:
    """(start, end) columns on `line` of what a finding placed at `column` names: the key and its
    scalar value when both are on the line, the key alone when its value is a collection, or the
    value (a list item, a parser error's token)."""
    text = lines[line] if 0 <= line < len(lines) else ""
    if column >= len(text):
        return column, column
    value = value_span(text, column)
    if value is not None:
        return column, value[1]
    return column, max(column + 1, token_end(text, column))


def block_last_line(lines: list[str], line: int, min_indent: int) -> int:
    """The last line of the block that starts on `line`: the following lines indented at least
    `min_indent` (comments and blank lines inside count only when followed by a line of the block)."""
    last = line
    for number in range(line + 1, len(lines)):
        text = lines[number]
        if is_blank(text):
            continue
        if indentation(text) < min_indent:
            break
        last = number
    return last


def body_indent(lines: list[str], line: int, last: int) -> Optional[int]:
    """The indentation of the first line under `line` that holds something, up to `last`."""
    for number in range(line + 1, last + 1):
        if not is_blank(lines[number]):
            return indentation(lines[number])
    return None


# --- the path at the cursor ---------------------------------------------------------------


@dataclass(frozen=True)
class Located:
    """What the cursor is on: the path of keys from the file's top (`ITEM` for list items),
    whether it is on a key (the last step) or on a value, and the word under the cursor."""

    path: tuple[str, ...]
    on_key: bool
    word: str
    start: int  # columns of the word on the cursor's line
    end: int


_WORD = re.compile(r"[A-Za-z0-9_.@+-]*")


def _word_at(line: str, column: int) -> tuple[int, int]:
    start = column
    while start > 0 and _WORD.fullmatch(line[start - 1]):
        start -= 1
    end = column
    while end < len(line) and _WORD.fullmatch(line[end]):
        end += 1
    return start, end


def _line_steps(line: str, upto: int) -> tuple[tuple[str, ...], bool, int]:
    """The steps a line writes before column `upto`: its list dashes, its block key, and inside a
    flow collection the keys and items opened; and whether the cursor is on a key.

    Returns (steps, on_key, first_column) where first_column is where the line's content starts.
    """
    steps: list[str] = []
    i = indentation(line)
    first = i
    while line[i : i + 1] == "-" and (i + 1 == len(line) or line[i + 1] in " \t"):
        steps.append(ITEM)
        i += 1
        while i < len(line) and line[i] in " \t":
            i += 1
    colon = key_colon(line, i) if i < len(line) and line[i] not in "[{" else None
    if colon is not None:
        key = line[i : token_end(line, i)].strip("\"'")
        steps.append(key)
        if upto <= colon:
            return tuple(steps), True, first
        i = colon + 1
        while i < len(line) and line[i] in " \t":
            i += 1
    # A flow collection: follow its brackets up to the cursor.
    stack: list[list[Any]] = []  # per open bracket: [kind, key or None, on_key]
    quote = None
    token_start = i
    while i < min(upto, len(line)):
        char = line[i]
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            break
        elif char == "{":
            stack.append(["{", None, True])
            token_start = i + 1
        elif char == "[":
            stack.append(["[", None, False])
        elif char in "]}":
            if stack:
                stack.pop()
        elif char == ",":
            if stack and stack[-1][0] == "{":
                stack[-1][1:] = [None, True]
            token_start = i + 1
        elif char == ":" and stack and stack[-1][0] == "{" and stack[-1][2]:
            stack[-1][1:] = [line[token_start:i].strip().strip("\"'"), False]
        i += 1
    on_key = False
    for kind, key, key_expected in stack:
        if kind == "[":
            steps.append(ITEM)
        elif key is not None:
            steps.append(key)
        else:
            on_key = key_expected
    return tuple(steps), on_key, first


def locate(lines: list[str], line: int, column: int) -> Located:
    """The path at the cursor, read from the text alone, so that it works while the file is half typed.

    Walks up from the cursor's line to the lines that own it (less indented keys and list
    dashes), as YAML's block style nests; list items are `ITEM`, whatever their index.
    """
    text = lines[line] if 0 <= line < len(lines) else ""
    column = min(column, len(text))
    start, end = _word_at(text, column)
    steps: tuple[str, ...]
    if text.strip() == "" or (text[:column].strip() == "" and is_blank(text)):
        # An empty line: what it would hold is decided by the cursor's column.
        steps, on_key, target = (), True, column
        item = False
    else:
        steps, on_key, target = _line_steps(text, column)
        item = steps[:1] == (ITEM,)
    prefix: list[str] = []
    for number in range(line - 1, -1, -1):
        if target == 0 and not item:
            break  # a top-level key has no owner
        above = lines[number]
        if is_blank(above):
            continue
        elements = _structure(above)
        same = [e for e in elements if e[0] == target]
        if same and (same[0][1] == ITEM) == item:
            chain = [e for e in elements if e[0] < target]  # a sibling; what is left of it owns both
        elif same and item:
            chain = [e for e in elements if e[0] <= target]  # `key:` over a list at its own indentation
        elif same or not elements or elements[0][0] > target:
            continue  # deeper, or the rest of a list that belongs to the key above
        else:
            chain = [e for e in elements if e[0] < target]
            if chain and chain[-1][2]:
                chain.pop()  # `key: value` owns nothing below it
        if not chain:
            continue
        prefix[:0] = [step for _, step, _ in chain]
        target, item = chain[0][0], chain[0][1] == ITEM
    return Located(tuple(prefix) + tuple(steps), on_key, text[start:end], start, end)


def _structure(line: str) -> list[tuple[int, str, bool]]:
    """(column, step, has a value on the line) of each list dash and of the block key a line writes."""
    elements: list[list[Any]] = []  # [column, step, has a value]: the last one's value may be found after
    i = indentation(line)
    while line[i : i + 1] == "-" and (i + 1 == len(line) or line[i + 1] in " \t"):
        elements.append([i, ITEM, False])
        i += 1
        while i < len(line) and line[i] in " \t":
            i += 1
    colon = key_colon(line, i) if i < len(line) and line[i] not in "[{" else None
    if colon is not None:
        rest = line[colon + 1 :].strip()
        elements.append([i, line[i : token_end(line, i)].strip("\"'"), bool(rest) and not rest.startswith("#")])
    elif i < len(line) and not is_blank(line[i:]) and elements:
        elements[-1][2] = True  # `- value`
    return [(column, step, has_value) for column, step, has_value in elements]
