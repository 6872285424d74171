"""What `pip install .` ships: every sub-package of linter/, the rule files and the product catalogue,
under si_lint only."""

from __future__ import annotations

import pytest
from conftest import REPO


def test_every_code_folder_is_a_declared_package():
    tomllib = pytest.importorskip("tomllib", reason="tomllib needs Python 3.11")
    declared = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        "si_lint." + ".".join(p.parent.relative_to(REPO / "linter").parts)
        for p in (REPO / "linter").rglob("*.py")
        if p.parent != REPO / "linter"
    }
    assert found | {"si_lint", "si_lint.rules.builtin", "si_lint.products"} <= declared


def test_every_rule_file_and_schema_is_package_data():
    from importlib import resources

    shipped = sorted(p.name for p in resources.files("si_lint.rules.builtin").iterdir() if p.name.endswith(".yaml"))
    assert shipped and shipped == sorted(p.name for p in (REPO / "rules").glob("*.yaml"))
    for name in ("estate", "rule", "report", "product", "condition"):
        assert resources.files("si_lint").joinpath(f"schemas/{name}.schema.json").is_file()


def test_product_catalogue_is_package_data():
    from importlib import resources

    shipped = sorted(p.name for p in resources.files("si_lint.products").iterdir() if p.name.endswith(".yaml"))
    in_repo = sorted(p.name for p in (REPO / "products").glob("*.yaml"))
    assert shipped and shipped == in_repo
