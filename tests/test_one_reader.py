"""Every file si-lint reads for its user goes through `inputs` (regular files only, bounded, decoded once).

The scan looks at every module of the package for the calls that open or read a file. Besides
`load/inputs.py`, what it may find is package data read through `importlib.resources`, files si-lint
writes, and the short list below, each with its reason.
"""

from __future__ import annotations

import ast

import pytest
from conftest import REPO

PACKAGE = REPO / "linter"

READERS = {"open", "fdopen", "read_text", "read_bytes"}
PARSERS = {("json", "load"), ("yaml", "load"), ("yaml", "safe_load"), ("tomllib", "load"), ("tomli", "load")}

ALLOWED = {
    # The built-in rule files: package data listed by builtin_rule_files() through importlib.resources.
    ("rules/catalogue.py", "load_catalogue"),
    # Creates the starter files (flags O_WRONLY | O_CREAT | O_EXCL, in a variable) from package data.
    ("cli/starter.py", "write_starter"),
    # The built-in product catalogue: package data, through importlib.resources.
    ("model/products.py", "builtin_products"),
    # A member of a workbook's ZIP archive, whose bytes inputs already read: streamed to bound memory.
    ("importers/workbook.py", "_check_size"),
}


def _name(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _package_data(node) -> bool:
    """A call on something built from `resources.files(...)`: si-lint's own files."""
    while isinstance(node, (ast.Call, ast.Attribute)):
        if isinstance(node, ast.Call):
            function = node.func
            if (
                _name(function) == "files"
                and isinstance(function, ast.Attribute)
                and _name(function.value) == "resources"
            ):
                return True
            node = function
        else:
            node = node.value
    return False


def _writes(call: ast.Call) -> bool:
    """open(path, "w"...) or os.open(path, O_WRONLY | ...): a file si-lint writes, not one it reads."""
    function = _name(call.func)
    if function == "open" and isinstance(call.func, ast.Attribute) and _name(call.func.value) == "os":
        flags = {_name(node) for node in ast.walk(call.args[1])} if len(call.args) > 1 else set()
        return "O_WRONLY" in flags and "O_RDWR" not in flags
    # open(path, mode), io.open(path, mode); a Path's .open(mode), os.fdopen(fd, mode)
    position = (
        0
        if isinstance(call.func, ast.Attribute)
        and _name(call.func.value) not in ("io", "codecs")
        and function == "open"
        else 1
    )
    mode = (
        call.args[position]
        if len(call.args) > position
        else next((k.value for k in call.keywords if k.arg == "mode"), None)
    )
    return (
        isinstance(mode, ast.Constant)
        and isinstance(mode.value, str)
        and set(mode.value) & set("wax")
        and "+" not in mode.value
    )


def readers(source: str, filename: str) -> list:
    """(function, line, call) of every call in `source` that may open or read a file for reading."""
    found = []
    tree = ast.parse(source, filename)
    guarded = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[-1] == "inputs"
        for alias in node.names
    }

    def visit(node, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            if isinstance(child, ast.Call):
                call = _name(child.func)
                owner = _name(child.func.value) if isinstance(child.func, ast.Attribute) else ""
                through_inputs = isinstance(child.func, ast.Name) and call in guarded or owner == "inputs"
                if (
                    (call in READERS or (owner, call) in PARSERS)
                    and not through_inputs
                    and not _package_data(child)
                    and not _writes(child)
                ):
                    found.append((function, child.lineno, ast.unparse(child.func)))
            visit(child, name)

    visit(tree, "")
    return found


def test_no_module_but_inputs_reads_the_user_s_files():
    unexpected = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        if module == "load/inputs.py":
            continue
        for function, line, call in readers(path.read_text(encoding="utf-8"), module):
            if (module, function) not in ALLOWED:
                unexpected.append(f"linter/{module}:{line}: {call}() in {function or 'the module'}")
    assert unexpected == [], "read the user's files with si_lint.load.inputs.read_bytes / read_text / read_json"


def test_every_allowed_exception_still_exists():
    """An exception whose code is gone must leave the list, or it would let a new reader in unseen."""
    present = {
        (path.relative_to(PACKAGE).as_posix(), function)
        for path in PACKAGE.rglob("*.py")
        for function, _, _ in readers(path.read_text(encoding="utf-8"), path.name)
    }
    assert present >= ALLOWED


@pytest.mark.parametrize(
    "source, flagged",
    [
        ("def f(p):\n    return open(p).read()\n", True),
        ("def f(p):\n    return Path(p).read_text()\n", True),
        ("def f(p):\n    with open(p, 'rb') as h:\n        return json.load(h)\n", True),
        ("def f(p):\n    return os.fdopen(os.open(p, os.O_RDONLY))\n", True),
        ("def f(p):\n    return yaml.safe_load(p)\n", True),
        ("def f(p, t):\n    with open(p, 'w', encoding='utf-8') as h:\n        h.write(t)\n", False),
        ("def f(p):\n    return os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL)\n", False),
        ("def f(p):\n    return p.open()\n", True),
        ("def f(p):\n    return p.open('w')\n", False),
        ("def f(p):\n    return os.fdopen(3, 'w')\n", False),
        ("def f():\n    return resources.files('si_lint').joinpath('x.json').read_text('utf-8')\n", False),
        ("from .inputs import read_text\ndef f(p):\n    return read_text(p)\n", False),
        ("from .inputs import read_json\ndef f(p):\n    return read_text(p)\n", True),
    ],
)
def test_the_scan_finds_what_reads_and_only_that(source, flagged):
    assert bool(readers(source, "example.py")) is flagged
