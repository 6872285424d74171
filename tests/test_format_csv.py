"""`--format csv`: one row per finding for a spreadsheet, read back here with the `csv` module as Excel reads it
(UTF-8 with a BOM, `,` or `;`), headers and words in the run's language."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from click.testing import CliRunner
from conftest import REPO
from si_lint.cli.main import main
from si_lint.report import render
from si_lint.rules.diagnostic import Diagnostic
from test_formats import EXPECTED, report

HEADERS = {
    "en": ["code", "severity", "entity", "section", "file", "line", "column", "message", "waived", "unstated"],
    "fr": [
        "code",
        "gravité",
        "élément",
        "section",
        "fichier",
        "ligne",
        "colonne",
        "message",
        "dérogation",
        "non indiqué",
    ],
}


def read_back(data: bytes, delimiter: str = ",") -> list:
    """The rows as Excel gets them: the BOM says UTF-8, and is not part of the first header."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_one_row_per_finding_with_the_waived_ones_marked(lang):
    rows = read_back(render("csv", report(lang=lang)).encode("utf-8"))
    assert rows[0] == HEADERS[lang]
    found = [dict(zip(HEADERS["en"], row)) for row in rows[1:]]
    assert [(r["code"], r["entity"], int(r["line"]), int(r["column"])) for r in found] == [
        *((code, entity, line, column) for code, _, entity, line, column in EXPECTED),
        ("GOV002", "erp", 10, 3),
    ]
    yes, no = ("oui", "non") if lang == "fr" else ("yes", "no")
    assert [r["waived"] for r in found] == [no, no, no, yes]
    reference = report(lang=lang)
    assert [r["unstated"] for r in found] == [
        yes if d.unstated else no for d in [*reference.diagnostics, *reference.waived]
    ]
    assert yes in [r["unstated"] for r in found]  # GOV002 on erp: no owner stated
    assert {r["section"] for r in found} == {"applications"}
    assert {r["file"] for r in found} == {"estate/estate.yaml"}
    severity = {
        "en": ["error", "warning", "error", "warning"],
        "fr": ["erreur", "avertissement", "erreur", "avertissement"],
    }
    assert [r["severity"] for r in found] == severity[lang]
    reference = report(lang=lang)
    assert [r["message"] for r in found] == [d.message for d in [*reference.diagnostics, *reference.waived]]


def test_semicolons_for_french_excel_from_the_command_line(tmp_path):
    out = tmp_path / "findings.csv"
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(REPO / "examples" / "legacy" / "estate.yaml"),
            "--format",
            "csv",
            "--lang",
            "fr",
            "--csv-delimiter",
            ";",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 1
    rows = read_back(out.read_bytes(), ";")
    assert rows[0] == HEADERS["fr"]
    assert all(len(row) == len(HEADERS["fr"]) for row in rows)
    json_result = CliRunner().invoke(
        main, ["check", str(REPO / "examples" / "legacy" / "estate.yaml"), "--format", "json"]
    )
    import json

    document = json.loads(json_result.stdout)
    assert len(rows) - 1 == len(document["diagnostics"]) + len(document["waived"])
    assert [row[0] for row in rows[1 : len(document["diagnostics"]) + 1]] == [
        d["code"] for d in document["diagnostics"]
    ]


def test_a_clean_estate_is_the_header_alone():
    assert read_back(render("csv", report("version: 1\n")).encode("utf-8")) == [HEADERS["en"]]


def test_cells_with_delimiters_quotes_line_breaks_and_formulas_read_back_intact_and_inert():
    hostile = Diagnostic(
        "X001", "error", 'a; b, "quoted"\nnext line', '=HYPERLINK("x").yaml', 3, 4, "applications", "@entity"
    )
    found = replace(report(), diagnostics=[hostile], waived=[])
    for delimiter in (",", ";"):
        rows = read_back(render("csv", replace(found, csv_delimiter=delimiter)).encode("utf-8"), delimiter)
        assert rows[1][:8] == [
            "X001",
            "error",
            "'@entity",
            "applications",
            '\'=HYPERLINK("x").yaml',
            "3",
            "4",
            'a; b, "quoted"\nnext line',
        ]


@pytest.mark.parametrize("command", ["check", "plan", "history"])
def test_the_delimiter_needs_the_csv_format(command):
    result = CliRunner().invoke(
        main, [command, str(REPO / "examples" / "compliant" / "estate.yaml"), "--csv-delimiter", ";", "--lang", "fr"]
    )
    assert result.exit_code == 2
    assert result.stderr == "si-lint: erreur : --csv-delimiter va avec --format csv\n"
