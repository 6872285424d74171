"""docs/configuration.md: its examples are configs si-lint accepts, meaning what the text says."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, TODAY
from si_lint.cli.main import main
from si_lint.config import resolve

DOC = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")


def block(kind: str, number: int = 0) -> str:
    return re.findall(rf"```{kind}\n(.*?)```", DOC, re.S)[number]


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "policy" / "rules").mkdir(parents=True)
    shutil.copy(
        REPO / "tests" / "data" / "custom_rules" / "ACME002-content-on-linux.yaml", tmp_path / "policy" / "rules"
    )
    monkeypatch.chdir(tmp_path)
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return tmp_path


def test_the_yaml_and_pyproject_examples_say_the_same(project):
    (project / ".si-lint.yaml").write_text(block("yaml"), encoding="utf-8")
    from_yaml = resolve({}, None, "en", TODAY, Path.cwd()).settings
    (project / ".si-lint.yaml").unlink()
    (project / "pyproject.toml").write_text(block("toml"), encoding="utf-8")
    from_toml = resolve({}, None, "en", TODAY, Path.cwd()).settings
    assert from_yaml == from_toml
    assert (from_yaml.fail_on, from_yaml.ignore, from_yaml.severity) == ("error", ("COL005",), {"CLD005": "info"})
    assert from_yaml.rules_dirs == (str(project.resolve() / "policy" / "rules"),)
    assert from_yaml.options["min_availability"] == 99.95


def test_the_config_command_prints_what_the_doc_shows(project):
    (project / ".si-lint.yaml").write_text(block("yaml"), encoding="utf-8")
    shown = [line for line in block("text", 0).splitlines() if line != "..."]
    printed = CliRunner().invoke(main, ["config"]).stdout.splitlines()
    assert printed[: len(shown)] == shown


# The configs behind each error the doc shows, in its order.
ERRORS = [
    "select: [ACC]\nfail_on: error\n",
    "select: [ACC001, ACX]\n",
    "options:\n  required_devices:\n    - windows\n    - amiga\n",
]


def test_the_errors_the_doc_shows_are_the_ones_si_lint_prints(project):
    shown = block("text", 1).splitlines()
    assert len(shown) == len(ERRORS)
    for config, line in zip(ERRORS, shown):
        (project / ".si-lint.yaml").write_text(config, encoding="utf-8")
        result = CliRunner().invoke(main, ["config"])
        assert (result.exit_code, result.stderr) == (2, line + "\n")
