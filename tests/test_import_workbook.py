"""`si-lint import csv` reads .xlsx and .ods workbooks directly: the same rows as a CSV export give the same estate
and the same reports, with cells typed as spreadsheets type them (numbers, percentages, currencies, dates).

The workbooks are written here by openpyxl and odfpy (test dependencies: python-calamine, which si-lint reads
them with, cannot write), with typed cells, as people leave them after typing `99,9 %` or `4,00 €` in French.
"""

from __future__ import annotations

import datetime

import pytest
from click.testing import CliRunner
from si_lint.cli.main import main
from si_lint.importers.csv_import import import_csv

HEADER = [
    "Application",
    "Responsable",
    "Hébergement",
    "Accès navigateur",
    "Utilisateurs",
    "Disponibilité",
    "Coût mensuel",
    "Mise en service",
    "Dépend de",
    "Commentaire",
]
# (CSV text, workbook value, workbook kind) per cell; kind: None (as it is), percent, currency or date.
ROWS = [
    [
        ("Messagerie", "Messagerie", None),
        ("Poste de travail", "Poste de travail", None),
        ("Cloud (SaaS)", "Cloud (SaaS)", None),
        ("Oui", True, None),
        ("1 800", 1800, None),
        ("99,9 %", 0.999, "percent"),
        ("4,00 €", 4, "currency"),
        ("2019-09-01", datetime.date(2019, 9, 1), "date"),
        ("", None, None),
        ("Historique", "Historique", None),
    ],
    [
        ("Paie", "Paie", None),
        ("RH", "RH", None),
        ("On Prem", "On Prem", None),
        ("Non", False, None),
        ("1 200", 1200, None),
        ("99,5 %", 0.995, "percent"),
        ("12 €/mois", "12 €/mois", None),
        ("2008-01-15", datetime.datetime(2008, 1, 15), "date"),
        ("Messagerie", "Messagerie", None),
        ("", None, None),
    ],
    [("", None, None)] * len(HEADER),  # an empty row, as spreadsheets keep them
    [
        ("Entrepôt", "Entrepôt", None),
        ("Logistique", "Logistique", None),
        ("Hybride", "Hybride", None),
        ("oui", "oui", None),
        ("150", 150, None),
        ("99", 99, None),
        ("3,5", 3.5, "currency"),
        ("2021-06-30", datetime.date(2021, 6, 30), "date"),
        ("Paie; Annuaire", "Paie; Annuaire", None),
        ("", None, None),
    ],
]
MAPPING = """\
columns:
  Application: name
  Responsable: owner
  Hébergement:
    field: delivery
    values: {Cloud (SaaS): saas, On Prem: on-premise}
  Accès navigateur: access.browser
  Utilisateurs: users
  Disponibilité: availability.target
  Coût mensuel: cost.per_user_month
  # No estate field is a date yet (lifecycle.end_of_support comes with format 1.1): a text field shows how a
  # date cell reads.
  Mise en service: description
  Dépend de: depends_on
ignore: [Commentaire]
"""
EXPECTED = {
    "messagerie": {
        "name": "Messagerie",
        "description": "2019-09-01",
        "owner": "Poste de travail",
        "delivery": "saas",
        "access": {"browser": True},
        "users": 1800,
        "availability": {"target": 99.9},
        "cost": {"per_user_month": 4},
    },
    "paie": {
        "name": "Paie",
        "description": "2008-01-15",
        "owner": "RH",
        "delivery": "on-premise",
        "access": {"browser": False},
        "users": 1200,
        "availability": {"target": 99.5},
        "cost": {"per_user_month": 12},
        "depends_on": ["messagerie"],
    },
    "entrepot": {
        "name": "Entrepôt",
        "description": "2021-06-30",
        "owner": "Logistique",
        "access": {"browser": True},
        "users": 150,
        "availability": {"target": 99},
        "cost": {"per_user_month": 3.5},
        "depends_on": ["paie"],
    },
}
FORMATS = {"percent": "0.0%", "currency": '#,##0.00\\ "€"', "date": "dd/mm/yyyy"}


def write_csv(path) -> str:
    import csv

    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows([text for text, _, _ in row] for row in ROWS)
    return str(path)


def write_xlsx(path, sheets=None) -> str:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in (sheets or {"Inventaire": ROWS}).items():
        sheet = book.create_sheet(title)
        sheet.append(HEADER)
        for number, row in enumerate(rows, start=2):
            for column, (_, value, kind) in enumerate(row, start=1):
                if value is None:
                    continue
                cell = sheet.cell(row=number, column=column, value=value)
                if kind:
                    cell.number_format = FORMATS[kind]
    book.save(path)
    return str(path)


def write_ods(path) -> str:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    sheet = Table(name="Inventaire")
    for row in [[(name, name, None) for name in HEADER], *ROWS]:
        line = TableRow()
        for text, value, kind in row:
            if value is None:
                line.addElement(TableCell())
                continue
            if isinstance(value, bool):
                cell = TableCell(valuetype="boolean", booleanvalue="true" if value else "false")
            elif kind == "date":
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
            elif kind == "percent":
                cell = TableCell(valuetype="percentage", value=str(value))
            elif kind == "currency":
                cell = TableCell(valuetype="currency", currency="EUR", value=str(value))
            elif isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=str(value))
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=text))  # what the spreadsheet shows; the reader takes the value
            line.addElement(cell)
        sheet.addElement(line)
    document.spreadsheet.addElement(sheet)
    document.save(str(path))
    return str(path)


@pytest.fixture
def sources(tmp_path):
    (tmp_path / "map.yaml").write_text(MAPPING, encoding="utf-8")
    return {
        "csv": write_csv(tmp_path / "inventaire.csv"),
        "xlsx": write_xlsx(tmp_path / "inventaire.xlsx"),
        "ods": write_ods(tmp_path / "inventaire.ods"),
        "mapping": str(tmp_path / "map.yaml"),
    }


def invoke(*args):
    return CliRunner().invoke(main, ["import", "csv", *[str(a) for a in args]], catch_exceptions=False)


def reports(imported) -> list:
    return [(p.line, p.column, p.lost, str(p.message)) for p in imported.problems]


# --- the same rows give the same estate -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods"])
def test_currency_percent_decimal_commas_and_dates_are_read_without_a_values_table(sources, kind):
    imported = import_csv(sources[kind], sources["mapping"])
    assert {entity.id: entity.data for entity in imported.entities} == EXPECTED


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_workbook_imports_to_the_same_estate_with_the_same_reports_as_its_csv(sources, kind):
    from si_lint.importers.writer import render

    csv_import = import_csv(sources["csv"], sources["mapping"])
    workbook = import_csv(sources[kind], sources["mapping"])
    assert render(workbook).replace(f"inventaire.{kind}", "inventaire.csv") == render(csv_import)
    assert (
        reports(workbook)
        == reports(csv_import)
        == [
            (4, None, False, "row 4 is empty: skipped"),
            (
                5,
                3,
                True,
                "'Hybride' is not a value of `delivery`: expected one of saas, paas, serverless, iaas, "
                f"on-premise, desktop (the mapping knows 'Cloud (SaaS)', 'On Prem'); add it under `values:` of "
                f"column 'Hébergement' in {sources['mapping']}:4, or fix the cell",
            ),
            (
                5,
                9,
                True,
                "'Annuaire' is neither the name nor the id of an application of this inventory; left out of depends_on",
            ),
        ]
    )
    assert (workbook.read, workbook.skipped) == (csv_import.read, csv_import.skipped) == (4, 1)


def test_places_name_the_workbook_and_its_sheet(sources):
    result = invoke(sources["xlsx"], "--mapping", sources["mapping"], "--output", sources["mapping"] + ".out.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1].startswith(
        f"{sources['xlsx']}, sheet 'Inventaire': row 5, column C 'Hébergement': error: 'Hybride' is not a value"
    )
    assert result.stderr.splitlines()[-1] == (
        f"si-lint: imported 3 applications from 4 rows, 1 skipped into {sources['mapping']}.out.yaml; "
        "2 problems reported above"
    )


def test_places_in_french(sources):
    result = invoke(sources["ods"], "--mapping", sources["mapping"], "--lang", "fr")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"{sources['ods']}, feuille « Inventaire » : ligne 4 : remarque : la ligne 4 est vide : écartée"
    assert lines[1].startswith(
        f"{sources['ods']}, feuille « Inventaire » : ligne 5, colonne C « Hébergement » : "
        "erreur : « Hybride » n'est pas une valeur de `delivery` ; attendu : l'une des valeurs"
    )
    assert lines[-1] == (
        "si-lint : import terminé, 3 applications depuis 4 lignes (dont 1 écartée) ; 2 problèmes signalés ci-dessus"
    )
    assert result.stdout.startswith(
        "# Importé par si-lint depuis inventaire.ods : ce que la source ne dit pas est laissé de côté"
    )
    assert "  # inventaire.ods ligne 2\n  messagerie:\n" in result.stdout


# --- sheets -----------------------------------------------------------------------------------------------------------


def test_the_first_visible_sheet_is_read_and_said_and_sheet_picks_another(tmp_path, sources):
    other = [[("Compta", "Compta", None), *[("", None, None)] * (len(HEADER) - 1)]]
    path = write_xlsx(tmp_path / "two.xlsx", {"Lisez-moi": [], "Inventaire": ROWS, "Archives": other})
    imported = import_csv(path, sources["mapping"])
    assert str(imported.problems[0]) == (
        f"{path}: note: read the sheet 'Lisez-moi', the first of 3: give --sheet to read another ('Lisez-moi', "
        "'Inventaire', 'Archives')"
    )
    assert imported.entities == [] and imported.read == 0
    imported = import_csv(path, sources["mapping"], sheet="Inventaire")
    assert {entity.id: entity.data for entity in imported.entities} == EXPECTED
    assert [e.id for e in import_csv(path, sources["mapping"], sheet="Archives").entities] == ["compta"]


def test_a_hidden_first_sheet_is_passed_over(tmp_path, sources):
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "hidden.xlsx", {"Brouillon": [], "Inventaire": ROWS})
    book = load_workbook(path)
    book["Brouillon"].sheet_state = "hidden"
    book.save(path)
    imported = import_csv(path, sources["mapping"])
    assert len(imported.entities) == 3
    assert "read the sheet 'Inventaire', the first of 2" in str(imported.problems[0])


@pytest.mark.parametrize(
    "args, expected",
    [
        (
            ["--sheet", "Inventair"],
            "--sheet Inventair: no such sheet in {xlsx} (did you mean 'Inventaire'?); its sheets: 'Inventaire'",
        ),
        (["--encoding", "cp1252"], "--encoding and --delimiter are for CSV text; {xlsx} is a workbook"),
        (["--delimiter", ";"], "--encoding and --delimiter are for CSV text; {xlsx} is a workbook"),
    ],
)
def test_wrong_options_for_a_workbook_exit_2(sources, args, expected):
    result = invoke(sources["xlsx"], "--mapping", sources["mapping"], *args)
    assert result.exit_code == 2
    assert result.stderr == f"si-lint: error: {expected.format(**sources)}\n"


def test_sheet_for_a_csv_file_exits_2(sources):
    result = invoke(sources["csv"], "--mapping", sources["mapping"], "--sheet", "Inventaire")
    assert result.exit_code == 2
    assert (
        result.stderr == f"si-lint: error: --sheet picks a sheet of a workbook (.xlsx, .ods); {sources['csv']} "
        "is CSV text\n"
    )


@pytest.mark.parametrize("content", [b"PK\x03\x04" + b"\x00" * 100, b"PK\x03\x04not a zip at all"])
def test_a_broken_workbook_exits_2(tmp_path, sources, content):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    result = invoke(path, "--mapping", sources["mapping"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"si-lint: error: {path}: not readable as a workbook (")


def test_a_zip_that_is_not_a_workbook_exits_2(tmp_path, sources):
    import zipfile

    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    result = invoke(path, "--mapping", sources["mapping"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"si-lint: error: {path}: not readable as a workbook (")
    assert result.stderr.endswith("): open it in the spreadsheet and save it again as .xlsx or .ods\n")


def test_a_workbook_that_unpacks_too_big_exits_2(tmp_path, sources, monkeypatch):
    from si_lint.importers import workbook

    monkeypatch.setattr(workbook, "MAX_UNPACKED_BYTES", 1000)
    result = invoke(sources["xlsx"], "--mapping", sources["mapping"])
    assert result.exit_code == 2
    assert (
        result.stderr == f"si-lint: error: {sources['xlsx']}: unpacks to more than 0 MB: si-lint reads "
        "inventories, not archives\n"
    )


def test_suggest_mapping_reads_a_workbook(sources):
    result = invoke("--suggest-mapping", sources["ods"])
    assert result.exit_code == 0
    assert "  Hébergement:\n    field: delivery" in result.stdout
    assert "  Dépend de: depends_on\n" in result.stdout
    assert "  Disponibilité: availability.target\n" in result.stdout  # 0.999 reads as 99.9: nothing to translate
    assert "ignore:\n  - Mise en service\n  - Commentaire\n" in result.stdout


@pytest.mark.parametrize(
    "value, text",
    [
        (1800.0, "1800"),
        (0.1 + 0.2, "0.3"),
        (99.9, "99.9"),
        (1e20, "1e+20"),
        (True, "true"),
        (False, "false"),
        (datetime.date(2024, 3, 31), "2024-03-31"),
        (datetime.datetime(2024, 3, 31), "2024-03-31"),
        (datetime.datetime(2024, 3, 31, 12, 30), "2024-03-31 12:30:00"),
        (datetime.time(8, 0), "08:00:00"),
        ("  text ", "  text "),
        (None, ""),
    ],
)
def test_cells_read_as_a_csv_export_writes_them(value, text):
    from si_lint.importers.workbook import cell_text

    assert cell_text(value) == text


# --- sheets whose rectangle would exhaust memory -------------------------------------------------------------------


def test_an_xlsx_cell_typed_far_away_is_refused_before_it_is_read(tmp_path, sources):
    from openpyxl import load_workbook

    path = tmp_path / "far.xlsx"
    book = load_workbook(sources["xlsx"])
    book["Inventaire"]["XFD1048576"] = "oops"
    book.save(path)
    result = invoke(path, "--mapping", sources["mapping"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"si-lint: error: {path}: a sheet reaches row 1,048,576 and column XFD: more than "
        "5,000,000 cells to read; delete what lies beyond the inventory and save it again\n"
    )


def ods_with(path, rows_before: int, columns_before: int, trailing: bool) -> str:
    """An .ods whose header row is followed by `rows_before` empty rows, then a value after `columns_before` empty
    cells; `trailing` adds what LibreOffice writes after the last value (empty cells and rows repeated to the
    sheet's edge)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    def cell(text):
        found = TableCell(valuetype="string")
        found.addElement(P(text=text))
        return found

    document = OpenDocumentSpreadsheet()
    sheet = Table(name="Inventaire")
    header = TableRow()
    header.addElement(cell("Application"))
    sheet.addElement(header)
    if rows_before:
        sheet.addElement(TableRow(numberrowsrepeated=rows_before))
    row = TableRow()
    if columns_before:
        row.addElement(TableCell(numbercolumnsrepeated=columns_before))
    row.addElement(cell("Paie"))
    if trailing:
        row.addElement(TableCell(numbercolumnsrepeated=16000))
    sheet.addElement(row)
    if trailing:
        sheet.addElement(TableRow(numberrowsrepeated=1048000))
    document.spreadsheet.addElement(sheet)
    document.save(str(path))
    return str(path)


def test_an_ods_whose_repeats_reach_far_is_refused_and_trailing_repeats_are_not_counted(tmp_path, sources):
    mapping = tmp_path / "app.yaml"
    mapping.write_text("columns: {Application: name}\n")
    normal = ods_with(tmp_path / "normal.ods", 0, 0, trailing=True)
    assert [e.id for e in import_csv(normal, str(mapping)).entities] == ["paie"]
    far = ods_with(tmp_path / "far.ods", 1_000_000, 100, trailing=False)
    result = invoke(far, "--mapping", mapping)
    assert result.exit_code == 2
    assert result.stderr == (
        f"si-lint: error: {far}: a sheet reaches row 1,000,002 and column CW: more than "
        "5,000,000 cells to read; delete what lies beyond the inventory and save it again\n"
    )
