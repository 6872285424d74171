"""Every format of `check` and `plan` on the three examples, byte for byte (tests/golden/update.py writes them)."""

from __future__ import annotations

import importlib.util

import pytest
from click.testing import CliRunner
from conftest import REPO
from si_lint.cli.main import main

_SPEC = importlib.util.spec_from_file_location("golden_update", REPO / "tests" / "golden" / "update.py")
assert _SPEC and _SPEC.loader
golden = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(golden)

CASES = list(golden.cases())


def test_every_golden_file_has_a_case():
    kept = {p.relative_to(golden.HERE).as_posix() for p in golden.HERE.rglob("*") if p.is_file() and p.suffix != ".py"}
    assert kept == {name for name, _ in CASES}


@pytest.mark.parametrize(("name", "args"), CASES, ids=[name for name, _ in CASES])
def test_output_is_the_golden_one(name, args, monkeypatch):
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code in (0, 1)
    expected = (golden.HERE / name).read_bytes()
    assert result.stdout_bytes == expected, f"{name} changed: run `python tests/golden/update.py` if that is meant"
