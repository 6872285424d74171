"""Issue 22's property tests: the surfaces beyond `check`'s reports.

- Type-confused estates (a field's value replaced by one of another type: `provider: {a: 1}`) through
  `plan` and every format of `check`: exit 0 or 1 (or 2 for unreadable input), never 3.
- Workbooks with flipped, cut or repeated bytes: read, or refused as unreadable, never a crash.
- The language server's estate model, driven by random edits of open buffers: its findings after the last
  edit are the CLI's on the same texts (the memo of one lint never leaks into the next).
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st
from si_lint.cli.main import main

LEGACY = yaml.safe_load((REPO / "examples" / "legacy" / "estate.yaml").read_text(encoding="utf-8"))
SECTIONS = ("providers", "infrastructure", "data_stores", "applications")
OTHER_TYPE = st.one_of(
    st.dictionaries(st.sampled_from(["a", "id", "name"]), st.integers(), min_size=1, max_size=2),
    st.lists(st.sampled_from(["aws", "gcp", "x"]), min_size=1, max_size=3),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=True),
)


@st.composite
def type_confused(draw) -> dict:
    """The legacy example with one to three fields of its entities given a value of another type."""
    estate = json.loads(json.dumps(LEGACY, default=str))
    for _ in range(draw(st.integers(1, 3))):
        section = draw(st.sampled_from(SECTIONS))
        entity = estate[section][draw(st.sampled_from(sorted(estate[section])))]
        field = draw(st.sampled_from(sorted(entity) + ["provider", "hosted_on", "depends_on"]))
        entity[field] = draw(OTHER_TYPE)
    return estate


def _run(*args) -> int:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, env={"LC_ALL": "C", "LANG": "C"})
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "internal error" not in output, output[-2000:]
    return result.exit_code


FORMATS = ["text", "json", "table", "sarif", "junit", "github", "gitlab", "markdown", "csv"]


@pytest.mark.slow
@given(type_confused())
def test_every_format_of_check_on_a_type_confused_estate_exits_0_1_or_2(estate):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "estate.yaml"
        path.write_text(yaml.safe_dump(estate, allow_unicode=True), encoding="utf-8")
        codes = {_run("check", path, "--today", "2026-11-23", "--format", name) for name in FORMATS}
        assert len(codes) == 1 and codes <= {0, 1, 2}


@pytest.mark.slow
@given(type_confused())
def test_plan_and_the_html_report_on_a_type_confused_estate_exit_0_1_or_2(estate):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "estate.yaml"
        path.write_text(yaml.safe_dump(estate, allow_unicode=True), encoding="utf-8")
        assert _run("check", path, "--today", "2026-11-23", "--format", "html") in (0, 1, 2)
        for name in ("text", "json", "csv", "markdown"):
            assert _run("plan", path, "--today", "2026-11-23", "--format", name) in (0, 1, 2)


# --- workbooks ---------------------------------------------------------------------------------------------


def _workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Hosting", "Owner"])
    for i in range(30):
        sheet.append([f"App {i}", "SaaS" if i % 2 else "On premises", f"team-{i % 4}"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WORKBOOK = _workbook()


@st.composite
def damaged_workbooks(draw) -> bytes:
    data = bytearray(WORKBOOK)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "repeat"]))
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 64))]
        if not data:
            break
    return bytes(data)


@given(damaged_workbooks())
def test_a_damaged_workbook_is_read_or_refused_in_words(data):
    from si_lint.importers.workbook import read_sheet
    from si_lint.rules.diagnostic import InputError

    try:
        rows, _, _ = read_sheet(data, "inventory.xlsx", None)
    except InputError:
        return
    assert all(isinstance(cell, str) for row in rows for cell in row)


# --- the language server's estate: random edits, then the CLI's findings ---------------------------------------

BASE = {
    "estate.yaml": "version: 1\norganization: X\nproviders:\n  p: {name: P, type: public-cloud, offers: [saas]}\n",
    "apps.yaml": "version: 1\napplications:\n  a: {usage: business, name: A, provider: p}\n"
    "  b: {usage: business, name: B}\n",
}
PIECES = [
    "  c: {usage: business}\n",
    "  a: {usage: internal}\n",
    "provider: p",
    "[",
    "}",
    "\n",
    ": ",
    "x",
    "\ud800",
    "  d: {depends_on: [a, zz]}\n",
    "offers: [iaas, iaas]",
    "\t",
    "!!int x",
    "---\n",
]


@st.composite
def edit_sessions(draw) -> list:
    """(file, new text) of each edit, in order: a piece inserted at, or a span deleted from, a random place."""
    texts = dict(BASE)
    session = []
    for _ in range(draw(st.integers(1, 6))):
        file = draw(st.sampled_from(sorted(texts)))
        text = texts[file]
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        texts[file] = text
        session.append((file, text))
    return session


def _shown(found: dict, root: Path) -> list:
    return sorted(
        (str(Path(path).relative_to(root)), d.code, d.line, d.column, d.message)
        for path, (active, _) in found.items()
        for d in active
    )


@pytest.mark.slow
@given(edit_sessions())
def test_the_servers_findings_after_random_edits_are_the_clis(session):
    from si_lint.lsp.workspace import WorkspaceEstate
    from si_lint.rules.engine import lint

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder).resolve()
        for file, text in BASE.items():
            (root / file).write_text(text, encoding="utf-8")
        estate = WorkspaceEstate(str(root), "en")
        estate.configure()
        buffers = {}
        for file, text in session:
            buffers[str(root / file)] = text
            found = estate.lint(buffers)
        if any("\ud800" in text for text in buffers.values()):
            return  # no file can hold it: the server says so on the buffer (test_lsp_robustness.py)
        for path, text in buffers.items():
            Path(path).write_text(text, encoding="utf-8")
        import os

        previous = os.getcwd()
        os.chdir(root)  # `si-lint .` run in the folder, as the server lints it
        try:
            result = lint(["."], estate.settings)
        finally:
            os.chdir(previous)
        cli: dict = {}
        for d in result.diagnostics:
            cli.setdefault(str(root / d.file), ([], []))[0].append(d)
        assert _shown(found, root) == _shown(cli, root)
