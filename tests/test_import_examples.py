"""The worked examples of docs/import.md: the files shown are the files shipped, and the commands shown
produce exactly the report and estate shown, which lint as the text says."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import REPO, lint_paths
from si_lint.cli.main import main

EXAMPLES = REPO / "examples" / "import"
DOC = (REPO / "docs" / "import.md").read_text(encoding="utf-8")

COMMANDS = {
    "csv": ["import", "csv", "inventory.csv", "--mapping", "mapping.yaml"],
    "backstage": ["import", "backstage", "catalog-info.yaml"],
}
SHOWN = {
    "csv": ["inventory.csv", "mapping.yaml", "report.txt", "estate.yaml"],
    "backstage": ["catalog-info.yaml", "components.yaml", "resources.yaml", "org.yaml", "report.txt", "estate.yaml"],
}
# What the doc says `si-lint estate.yaml` finds, by entity.
FINDINGS = {
    "csv": {"messagerie": {"GOV001", "CLD002"}, "paie": {"GOV001", "CLD001", "ACC001", "ACC002"}},
    "backstage": {"webshop": set(), "payments": {"GOV001", "ACC001", "ACC002", "ACC003", "AVL004"}},
}


def text_of(path) -> str:
    # as an editor shows it: the CSV's BOM and CRLF line ends are not part of the text
    return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


@pytest.mark.parametrize("example", sorted(COMMANDS))
def test_the_command_gives_the_report_and_estate_shown(example, monkeypatch):
    folder = EXAMPLES / example
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, COMMANDS[example], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr == text_of(folder / "report.txt")
    assert result.stdout == text_of(folder / "estate.yaml")


@pytest.mark.parametrize("example", sorted(SHOWN))
def test_the_doc_shows_the_shipped_files(example):
    for name in SHOWN[example]:
        block = "```{}\n{}```".format(
            "text" if name.endswith((".csv", ".txt")) else "yaml", text_of(EXAMPLES / example / name)
        )
        assert block in DOC, f"docs/import.md does not show examples/import/{example}/{name} as it is"


@pytest.mark.parametrize("example", sorted(FINDINGS))
def test_the_imported_estate_lints_as_the_doc_says(example):
    diagnostics = lint_paths([EXAMPLES / example / "estate.yaml"]).diagnostics
    assert not [d for d in diagnostics if d.code.startswith("EST")]
    for entity, codes in FINDINGS[example].items():
        found = {d.code for d in diagnostics if d.entity == entity}
        assert codes <= found if codes else found == set(), (entity, found)
