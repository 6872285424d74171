"""The README's sample output is what the legacy example really prints."""

from __future__ import annotations

import re

from click.testing import CliRunner
from conftest import REPO
from si_lint.cli.main import main


def test_readme_excerpt_of_the_legacy_report_is_true(monkeypatch):
    monkeypatch.chdir(REPO)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    excerpt = re.search(r"the report begins:\n\n```text\n(.*?)```", readme, re.S).group(1).splitlines()
    # A fixed day, so that the legacy waivers expiring later do not change the report.
    result = CliRunner().invoke(main, ["examples/legacy/estate.yaml", "--lang", "en", "--today", "2026-11-23"])
    lines = result.output.splitlines()
    shown = [line for line in excerpt if line != "..."]
    assert result.exit_code == 1
    assert shown[:-1] == lines[: len(shown) - 1]
    assert shown[-1] == lines[-1]
