"""What `pip install .` ships: every sub-package of linter/ and the rule files, under si_lint only."""

from __future__ import annotations

import pytest

from conftest import REPO


def test_every_code_folder_is_a_declared_package():
    tomllib = pytest.importorskip("tomllib", reason="tomllib needs Python 3.11")
    declared = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {"si_lint." + ".".join(p.parent.relative_to(REPO / "linter").parts)
             for p in (REPO / "linter").rglob("*.py") if p.parent != REPO / "linter"}
    assert found | {"si_lint", "si_lint.rules"} <= declared


def test_rule_files_and_schemas_are_package_data():
    from importlib import resources

    assert len([p for p in resources.files("si_lint.rules").iterdir() if p.name.endswith(".yaml")]) == 36
    for name in ("estate", "rule", "report", "condition"):
        assert resources.files("si_lint").joinpath(f"schemas/{name}.schema.json").is_file()
