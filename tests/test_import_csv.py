"""`si-lint import csv`: spreadsheet exports as spreadsheets write them, every loss reported at row and column."""

from __future__ import annotations

import csv
import io
import textwrap

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO, lint_paths
from si_lint.cli.main import main
from si_lint.importers.csv_import import guess_field, import_csv, load_mapping
from si_lint.importers.writer import render

DATA = REPO / "tests" / "data" / "import"
FRENCH = DATA / "inventaire-fr.csv"
FRENCH_MAPPING = DATA / "mapping-fr.yaml"


def invoke(*args):
    return CliRunner().invoke(main, ["import", "csv", *[str(a) for a in args]], catch_exceptions=False)


def lost(imported) -> list:
    return sorted((p.line, p.column) for p in imported.problems if p.lost)


def by_id(imported) -> dict:
    return {entity.id: entity.data for entity in imported.entities}


# --- the French export: cp1252, ';', CRLF, quoted line breaks, empty rows, duplicates, unknown values ------------


def test_french_export_keeps_every_row_accounted_for():
    imported = import_csv(str(FRENCH), str(FRENCH_MAPPING))
    assert [e.id for e in imported.entities] == ["gestion-des-conges", "paie", "intranet", "paie-2", "elections-cse"]
    # rows in = entities out + rows reported: 8 rows below the header
    assert imported.read == 8
    assert len(imported.entities) + imported.skipped == 8
    skipped_rows = {p.line for p in imported.problems if "skipped" in str(p.message)}
    assert skipped_rows == {4, 7, 8}
    assert [str(e.source) for e in imported.entities] == [
        "inventaire-fr.csv row 2",
        "inventaire-fr.csv row 3",
        "inventaire-fr.csv row 5",
        "inventaire-fr.csv row 6",
        "inventaire-fr.csv row 9",
    ]


def test_french_export_reports_each_lost_cell_at_its_row_and_column():
    imported = import_csv(str(FRENCH), str(FRENCH_MAPPING))
    assert lost(imported) == [(5, 8), (5, 8), (6, 3), (6, 4), (6, 6), (7, 1), (9, 10)]
    messages = {(p.line, p.column): p for p in imported.problems if p.lost}
    assert "'Mainframe' is not a value of `delivery`" in str(messages[6, 3].message)
    assert "mapping-fr.yaml:5" in str(messages[6, 3].message)  # where to add it
    assert str(messages[6, 3].place).endswith("inventaire-fr.csv: row 6, column C 'Hébergement'")
    assert "'Peut-être'" in str(messages[6, 4].message)
    assert "'abc' is not a value of `users`" in str(messages[6, 6].message)
    assert "id column is empty: row skipped" in str(messages[7, 1].message)
    assert "'extra' is beyond the last named column" in str(messages[9, 10].message)
    assert imported.failed


def test_french_export_reads_accents_numbers_and_lists():
    data = by_id(import_csv(str(FRENCH), str(FRENCH_MAPPING)))
    assert data["gestion-des-conges"] == {
        "name": "Gestion des congés",
        "owner": "Équipe RH – Paris",
        "delivery": "saas",
        "access": {"browser": True, "devices": ["windows", "macos", "chromebook"]},
        "users": 250,
        "availability": {"target": 99.9},
    }
    assert data["paie"]["users"] == 1200  # "1 200"
    assert data["paie"]["availability"] == {"target": 99.5}  # "99,5"
    assert data["paie"]["depends_on"] == ["gestion-des-conges"]  # by name
    assert data["intranet"]["access"]["devices"] == ["windows", "macos", "linux", "chromebook", "android", "ios"]
    assert data["elections-cse"]["owner"] == "Cœur de métier"


def test_a_bad_cell_is_left_out_and_the_rest_of_its_row_kept():
    data = by_id(import_csv(str(FRENCH), str(FRENCH_MAPPING)))
    assert data["paie-2"] == {"name": "Paie", "owner": "Finance", "access": {"devices": ["windows"]}}


def test_duplicate_names_get_unique_ids_and_a_note():
    imported = import_csv(str(FRENCH), str(FRENCH_MAPPING))
    note = next(p for p in imported.problems if (p.line, p.column) == (6, 1))
    assert not note.lost
    assert "'paie', already taken by row 3: this row gets 'paie-2'" in str(note.message)


def test_ambiguous_and_unknown_dependencies_are_reported():
    imported = import_csv(str(FRENCH), str(FRENCH_MAPPING))
    messages = [str(p.message) for p in imported.problems if (p.line, p.column) == (5, 8)]
    assert messages == [
        "'Paie' names 2 applications (paie, paie-2): write the id instead; left out of depends_on",
        "'Annuaire' is neither the name nor the id of an application of this inventory; left out of depends_on",
    ]
    assert "depends_on" not in by_id(imported)["intranet"]


def test_the_encoding_guess_is_said():
    notes = [str(p.message) for p in import_csv(str(FRENCH), str(FRENCH_MAPPING)).problems if p.line is None]
    assert notes == ["not UTF-8: read as Windows-1252 (cp1252); give --encoding if accented letters look wrong"]


# --- the same table however the spreadsheet saved it --------------------------------------------------------------


def french_rows() -> list:
    text = FRENCH.read_bytes().decode("cp1252")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.mark.parametrize(
    "encoding, delimiter, newline",
    [
        ("cp1252", ";", "\r\n"),
        ("utf-8-sig", ";", "\r\n"),  # Excel's "CSV UTF-8"
        ("utf-8", ",", "\n"),  # LibreOffice's default
        ("utf-8-sig", ",", "\n"),
        ("latin-1", ";", "\n"),  # no curly quote or euro sign: Latin-1 and cp1252 agree on these rows
        ("utf-16", "\t", "\r\n"),  # Excel's "Unicode text"
    ],
)
def test_encodings_and_delimiters_are_detected(tmp_path, encoding, delimiter, newline):
    rows = [[cell.replace("’", "'").replace("–", "-").replace("œ", "oe") for cell in row] for row in french_rows()]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    path = tmp_path / "export.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    imported = import_csv(str(path), str(FRENCH_MAPPING))
    data = by_id(imported)
    assert list(data) == ["gestion-des-conges", "paie", "intranet", "paie-2", "elections-cse"]
    assert data["gestion-des-conges"]["owner"] == "Équipe RH - Paris"
    assert data["elections-cse"]["name"] == "Élections CSE"
    assert lost(imported) == [(5, 8), (5, 8), (6, 3), (6, 4), (6, 6), (7, 1), (9, 10)]


def test_given_encoding_and_delimiter_win(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("Nom|Hébergement\nPaie|SaaS\n".replace("|", ",").encode("cp1252"))
    mapping = write(tmp_path, "columns:\n  Nom: name\n  Hébergement: delivery\n")
    assert by_id(import_csv(str(path), mapping, encoding="cp1252", delimiter=","))["paie"] == {
        "name": "Paie",
        "delivery": "saas",
    }


def test_bom_and_comma_inventory_imports_clean():
    imported = import_csv(str(DATA / "inventory-bom.csv"), str(DATA / "mapping-en.yaml"))
    assert imported.problems == []
    data = by_id(imported)
    assert data["label-printer-legacy"]["name"] == 'Label printer, "legacy"'
    assert data["label-printer-legacy"]["depends_on"] == ["warehouse", "crm"]
    assert data["crm"]["access"]["devices"] == ["windows", "macos", "chromebook", "android", "ios"]


def test_consecutive_empty_rows_make_one_note(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text("Name,Owner\nA,x\n,\n\n , \nB,y\n")
    imported = import_csv(str(path), write(tmp_path, "columns: {Name: name, Owner: owner}\n"))
    assert [(p.line, str(p.message), p.lost) for p in imported.problems] == [
        (3, "rows 3 to 5 are empty: skipped", False)
    ]
    assert (imported.read, len(imported.entities), imported.skipped) == (5, 2, 3)
    assert not imported.failed


# --- cells and values ---------------------------------------------------------------------------------------------


def write(folder, text: str, name: str = "map.yaml") -> str:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def test_values_match_whatever_the_case_and_spacing(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text("Name,Hosting\nA,  on   PREM \nB,N/A\nC,Saas\n")
    mapping = write(
        tmp_path,
        """\
        columns:
          Name: name
          Hosting:
            field: delivery
            values: {On Prem: on-premise, N/A: ~}
        """,
    )
    imported = import_csv(str(path), mapping)
    assert imported.problems == []  # N/A says nothing, on purpose; Saas is read as it is
    assert by_id(imported) == {
        "a": {"name": "A", "delivery": "on-premise"},
        "b": {"name": "B"},
        "c": {"name": "C", "delivery": "saas"},
    }


def test_a_list_keeps_its_good_items_and_reports_the_bad_one(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text('Name,Devices\nA,"Windows, Toaster, iOS, windows"\n')
    imported = import_csv(str(path), write(tmp_path, "columns: {Name: name, Devices: access.devices}\n"))
    assert by_id(imported)["a"] == {"name": "A", "access": {"devices": ["windows", "ios"]}}
    assert lost(imported) == [(2, 2)]
    assert "'Toaster' is not a value of `access.devices`" in str(imported.problems[0].message)


def test_unmapped_column_is_reported_once_at_the_header(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text("Name,Notes,Empty\nA,first,\nB,second,\nC,,\n")
    imported = import_csv(str(path), write(tmp_path, "columns: {Name: name}\n"))
    assert [(p.line, p.column, p.lost) for p in imported.problems] == [(1, 2, True)]
    assert "its 2 non-empty cells are not imported" in str(imported.problems[0].message)


def test_ignored_columns_are_not_reported(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text("Name,Notes\nA,first\n")
    assert import_csv(str(path), write(tmp_path, "columns: {Name: name}\nignore: [Notes]\n")).problems == []


def test_ids_from_an_id_column_and_names_that_are_yaml_words(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text("Code,Name\nAPP 01,On\n,Off\n2FA,Yes\n")
    imported = import_csv(str(path), write(tmp_path, "id: Code\ncolumns: {Name: name}\n"))
    assert by_id(imported) == {"app-01": {"name": "On"}, "app-2fa": {"name": "Yes"}}
    assert lost(imported) == [(3, 1)]
    text = render(imported)
    assert yaml.safe_load(text)["applications"]["app-01"] == {"name": "On"}


# --- bad input: exit 2, a message with the place, never a traceback ------------------------------------------------


def test_unterminated_quote_is_refused_with_its_line(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text('Name\n"A\nB\n')
    result = invoke(path, "--mapping", write(tmp_path, "columns: {Name: name}\n"))
    assert result.exit_code == 2
    assert f"{path}:3: not readable as CSV" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "content, option, expected",
    [
        ("Nom\nCongés\n".encode("cp1252"), ["--encoding", "utf-8"], "inv.csv:2: byte 0xe9 is not utf-8"),
        (b"Name\nA\n", ["--encoding", "klingon"], "unknown encoding 'klingon'"),
        (b"PK\x03\x04rest", [], "inv.csv: not readable as a workbook (not a ZIP archive)"),
        (b"Na\x00me\n", [], "inv.csv: a binary file, neither CSV text nor a workbook (.xlsx, .ods)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", [], "inv.csv: an Excel 97-2003 workbook (.xls): save it as .xlsx"),
        (b"", [], "no header row"),
        (b"\n;;\n", [], "no header row"),
    ],
)
def test_unreadable_inventories_exit_2(tmp_path, content, option, expected):
    path = tmp_path / "inv.csv"
    path.write_bytes(content)
    result = invoke(path, "--mapping", write(tmp_path, "columns: {Name: name}\n"), *option)
    assert result.exit_code == 2
    assert expected in result.stderr


def test_missing_inventory_exits_2(tmp_path):
    result = invoke(tmp_path / "nothing.csv", "--mapping", write(tmp_path, "columns: {Name: name}\n"))
    assert result.exit_code == 2
    assert "nothing.csv: no such file" in result.stderr


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "columns:\n  Name: name\n  Hosting: delivry\n",
            "map.yaml:3:3: `delivry` is not a field a column can feed: did you mean `delivery`?",
        ),
        (
            "columns:\n  Name: name\n  Hosting:\n    field: delivery\n    values:\n      On Prem: onprem\n",
            "map.yaml:6:7: 'onprem' is not a value of `delivery`: expected one of saas, paas",
        ),
        (
            "columns:\n  Name: name\n  Exceptions: waivers\n",
            "map.yaml:3:3: `waivers` is not a field a column can feed: "
            "waivers are decisions, not facts of an inventory",
        ),
        ("colums:\n  Name: name\n", "map.yaml:1:1: unknown key `colums`: did you mean `columns`?"),
        (
            "columns:\n  Name: name\n  Hosting:\n    field: delivery\n    values:\n      X: [saas]\n",
            "map.yaml:6:7: `delivery` holds one value, not a list",
        ),
        (
            "columns:\n  Name: name\n  Hosting:\n    field: delivery\n    split: ','\n",
            "map.yaml:5:5: `split` is for list fields",
        ),
        (
            "columns:\n  Name: name\n  Hosting: {field: delivery, colour: red}\n",
            "map.yaml:3:30: unknown key `colour` for column 'Hosting'",
        ),
        ("columns:\n  Hosting: delivery\n", "map.yaml:1: no column feeds `name` and no `id:` column is given"),
        ("columns:\n  Name: name\n  Hosting: name\n", "map.yaml:3: field `name` is already fed by column 'Name'"),
        ("columns:\n  Name: name\nignore: [Name]\n", "map.yaml:3: column 'Name' is both mapped and ignored"),
        ("columns:\n  Name: name\n  Name: owner\n", "map.yaml:3:3: duplicate key 'Name': already defined at "),
        ("columns: [Name]\n", "map.yaml:1:1: `columns` maps each column name to a field"),
        ("columns:\n  Name: [name\n", "map.yaml:3:1: invalid YAML"),
        ("- Name\n", "a mapping file is a YAML mapping with a `columns:` entry"),
    ],
)
def test_bad_mappings_exit_2_with_their_place(tmp_path, text, expected):
    path = tmp_path / "inv.csv"
    path.write_text("Name,Hosting\nA,SaaS\n")
    result = invoke(path, "--mapping", write(tmp_path, text))
    assert result.exit_code == 2, result.output
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_mapping_not_in_utf8_exits_2(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text("Name\nA\n")
    mapping = tmp_path / "map.yaml"
    mapping.write_bytes("columns:\n  Nom: name\n  Hébergement: delivery\n".encode("cp1252"))
    result = invoke(path, "--mapping", mapping)
    assert result.exit_code == 2
    assert "map.yaml:3:4: not UTF-8 (byte 0xe9): save the file as UTF-8" in result.stderr


def test_mapping_naming_a_column_the_inventory_lacks(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text("Name,Hosting\nA,SaaS\n")
    result = invoke(path, "--mapping", write(tmp_path, "columns:\n  Name: name\n  Hostng: delivery\n"))
    assert result.exit_code == 2
    assert "map.yaml:3: no column 'Hostng' in" in result.stderr
    assert "did you mean 'Hosting'?" in result.stderr


def test_mapping_is_required_unless_suggesting(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text("Name\nA\n")
    result = invoke(path)
    assert result.exit_code == 2
    assert "--suggest-mapping" in result.stderr


# --- a starting mapping -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header, field",
    [
        ("Application", "name"),
        ("Nom de l'application", "name"),
        ("Application owner", "owner"),
        ("Responsable", "owner"),
        ("Hébergement", "delivery"),
        ("Browser access (Y/N)", "access.browser"),
        ("Accès navigateur", "access.browser"),
        ("Nombre d'utilisateurs", "users"),
        ("SLA", "availability.target"),
        ("Dépendances", "depends_on"),
        ("Commentaire", None),
        ("Last review", None),
    ],
)
def test_headers_are_guessed(header, field):
    assert guess_field(header) == field


def test_suggested_mapping_loads_and_imports(tmp_path):
    result = invoke("--suggest-mapping", FRENCH, "--output", tmp_path / "map.yaml")
    assert result.exit_code == 0
    text = (tmp_path / "map.yaml").read_text(encoding="utf-8")
    assert "      Cloud (SaaS): saas\n      On Prem: on-premise\n      # Mainframe: \n" in text
    assert "      Tous: [windows, macos, linux, chromebook, android, ios]\n" in text
    assert "ignore:\n  - Commentaire\n" in text
    mapping = load_mapping(str(tmp_path / "map.yaml"))
    assert [(c.name, getattr(c.field, "path", c.field)) for c in mapping.columns] == [
        ("Application", "name"),
        ("Responsable", "owner"),
        ("Hébergement", "delivery"),
        ("Accès navigateur", "access.browser"),
        ("Terminaux", "access.devices"),
        ("Utilisateurs", "users"),
        ("Disponibilité cible", "availability.target"),
        ("Dépendances", "depends_on"),
    ]
    imported = import_csv(str(FRENCH), str(tmp_path / "map.yaml"))
    assert len(imported.entities) + imported.skipped == imported.read == 8


# --- the output lints -----------------------------------------------------------------------------------------------


def test_output_folder_has_one_file_per_application_and_lints(tmp_path):
    out = tmp_path / "estate"
    result = invoke(FRENCH, "--mapping", FRENCH_MAPPING, "--output", out)
    assert result.exit_code == 1  # written, with losses reported
    assert sorted(p.name for p in out.iterdir()) == [
        "elections-cse.yaml",
        "gestion-des-conges.yaml",
        "intranet.yaml",
        "paie-2.yaml",
        "paie.yaml",
    ]
    assert (out / "paie.yaml").read_text(encoding="utf-8").startswith("# Imported by si-lint from inventaire-fr.csv")
    assert "  # inventaire-fr.csv row 3\n  paie:\n" in (out / "paie.yaml").read_text(encoding="utf-8")
    assert "imported 5 applications from 8 rows, 3 skipped into 5 files" in result.stderr
    codes = {d.code for d in lint_paths([out]).diagnostics}
    assert not {c for c in codes if c.startswith("EST")}
    assert {"ACC001", "CLD001", "GOV001"} <= codes  # what the inventory lacks or gets wrong


def test_output_folder_must_be_new_or_empty(tmp_path):
    (tmp_path / "estate").mkdir()
    (tmp_path / "estate" / "old.yaml").write_text("version: 1\n")
    result = invoke(FRENCH, "--mapping", FRENCH_MAPPING, "--output", tmp_path / "estate")
    assert result.exit_code == 2
    assert "not an empty folder" in result.stderr


def test_output_to_one_file_or_stdout(tmp_path):
    result = invoke(DATA / "inventory-bom.csv", "--mapping", DATA / "mapping-en.yaml", "-o", tmp_path / "e.yaml")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "nothing left out" in result.stderr
    result = invoke(DATA / "inventory-bom.csv", "--mapping", DATA / "mapping-en.yaml")
    assert result.stdout == (tmp_path / "e.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(result.stdout)["applications"]["warehouse"]["depends_on"] == ["crm"]


def test_a_column_without_header_is_reported_when_it_holds_cells(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text("Name,,Owner\nA,lost,x\nB,,y\n")
    imported = import_csv(str(path), write(tmp_path, "columns: {Name: name, Owner: owner}\n"))
    assert [(p.line, p.column, str(p.message)) for p in imported.problems] == [
        (1, 2, "this column has no header: its one non-empty cell is not imported; give it a header and map it")
    ]


def test_a_real_process_imports_without_traceback(tmp_path):
    import subprocess
    import sys

    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "si_lint",
            "import",
            "csv",
            str(FRENCH),
            "-m",
            str(FRENCH_MAPPING),
            "-o",
            str(tmp_path / "estate.yaml"),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    assert completed.stderr.splitlines()[-1] == (
        f"si-lint: imported 5 applications from 8 rows, 3 skipped into {tmp_path / 'estate.yaml'}; "
        "7 problems reported above"
    )


# --- in French ---------------------------------------------------------------------------------------------------


def test_reports_and_the_summary_in_french(tmp_path):
    result = invoke(FRENCH, "--mapping", FRENCH_MAPPING, "--lang", "fr", "-o", tmp_path / "estate.yaml")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert (
        f"{FRENCH} : remarque : pas en UTF-8 : lu en Windows-1252 (cp1252) ; indiquer --encoding si les lettres "
        "accentuées s'affichent mal" in lines
    )
    assert (
        f"{FRENCH} : ligne 6, colonne F « Utilisateurs » : erreur : « abc » n'est pas une valeur de `users` ; "
        "attendu : un nombre entier d'au moins 0 ; l'ajouter sous `values:` de la colonne « Utilisateurs » "
        f"({FRENCH_MAPPING}:16), ou corriger la cellule" in lines
    )
    assert (
        f"{FRENCH} : ligne 7, colonne A « Application » : erreur : la colonne des identifiants est vide : ligne "
        "écartée, aucune de ses cellules n'est importée" in lines
    )
    assert lines[-1] == (
        f"si-lint : import terminé, 5 applications depuis 8 lignes (dont 3 écartées), dans "
        f"{tmp_path / 'estate.yaml'} ; 7 problèmes signalés ci-dessus"
    )
    written = (tmp_path / "estate.yaml").read_text(encoding="utf-8")
    assert written.startswith(
        "# Importé par si-lint depuis inventaire-fr.csv : ce que la source ne dit pas est "
        "laissé de côté, et `si-lint` le signale\n"
    )


@pytest.mark.parametrize(
    "args, expected",
    [
        (
            ["--mapping", "{map}"],
            "si-lint: erreur : table de correspondance invalide :\n{map}:3:3: `delivry` n'est pas un "
            "champ qu'une colonne peut alimenter : vouliez-vous dire `delivery` ?\n",
        ),
        (
            ["--mapping", "{good}", "--encoding", "rot13"],
            "si-lint: erreur : 'rot13' n'est pas un encodage de texte (il "
            "transforme des octets en octets) : essayer utf-8, cp1252 ou "
            "latin-1\n",
        ),
        (
            [],
            "si-lint: erreur : indiquer la table de correspondance avec --mapping MAP.yaml, "
            "ou en écrire une pour commencer avec `si-lint import csv --suggest-mapping INVENTAIRE.csv`\n",
        ),
    ],
)
def test_errors_in_french(tmp_path, args, expected):
    path = tmp_path / "inv.csv"
    path.write_text("Name,Hosting\nA,SaaS\n")
    mapping = write(tmp_path, "columns:\n  Name: name\n  Hosting: delivry\n")
    good = write(tmp_path, "columns:\n  Name: name\n  Hosting: delivery\n", "good.yaml")
    result = invoke(path, *[a.format(map=mapping, good=good) for a in args], "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr == expected.format(map=mapping)


def test_suggested_mapping_in_french_recognises_dependencies_owners_providers_and_data(tmp_path):
    path = tmp_path / "inv.csv"
    path.write_text(
        "Application;Propriétaire;Dépend de;Hébergeur;Fournisseur;Données;Remarques\nPaie;RH;;OVH;ADP;Salaires;\n",
        encoding="utf-8",
    )
    result = invoke("--suggest-mapping", path, "--lang", "fr")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Table de correspondance pour inv.csv, proposée par")
    # Providers and data stores are fields a column feeds (1.2); the second provider column is left to the user.
    assert (
        "columns:\n  Application: name\n  Propriétaire: owner\n  Dépend de: depends_on\n  Hébergeur: provider\n"
        "  Données: data\n"
    ) in result.stdout
    assert result.stdout.endswith("ignore:\n  - Fournisseur\n  - Remarques\n")
    mapping = tmp_path / "map.yaml"
    mapping.write_text(result.stdout, encoding="utf-8")
    imported = import_csv(str(path), str(mapping))
    [payroll] = imported.entities
    assert (payroll.data["provider"], payroll.data["data"]) == ("ovh", ["salaires"])
    # What the estate must still define is said, as notes: nothing of the source is lost.
    assert [(p.line, p.column, p.lost, p.message.key) for p in imported.problems] == [
        (2, 4, False, "import.csv.undefined.providers"),
        (2, 6, False, "import.csv.undefined.data_stores"),
    ]


@pytest.mark.parametrize(
    "header, field",
    [
        ("Dépend de", "depends_on"),
        ("Dépendances", "depends_on"),
        ("Données", "data"),
        ("Hébergeur", "provider"),
        ("Fournisseur", "provider"),
        ("Propriétaire", "owner"),
        ("Données traitées", "data"),
        ("Dépend des applications", "depends_on"),
        ("Product owner", "owner"),
    ],
)
def test_french_headers_of_dependencies_and_data_are_guessed(header, field):
    assert guess_field(header) == field


# --- 1.2: providers, data stores and products from columns; IaaS with no provider is said -----------

HOSTED = (
    "Application;Hébergement;Hébergeur;Données;Produit;Dépend de\n"
    "ERP;Colocation;;;;\n"
    "CRM;IaaS;;;;\n"
    "Mail;On Prem;OVHcloud;Mail DB;exchange-2016;ERP\n"
    "Wiki;Colocation;OVHcloud;Wiki DB, Mail DB;confluence-x;\n"
)
HOSTED_MAPPING = (
    "columns:\n  Application: name\n  Hébergement:\n    field: delivery\n"
    "    values: {Colocation: iaas, On Prem: on-premise}\n"
    "  Hébergeur: provider\n  Données: data\n  Produit: product\n  Dépend de: depends_on\n"
)


def _hosted(tmp_path, inventory: str = HOSTED, mapping: str = HOSTED_MAPPING):
    (tmp_path / "inv.csv").write_text(inventory, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(mapping, encoding="utf-8")
    return import_csv(str(tmp_path / "inv.csv"), str(tmp_path / "map.yaml"))


def test_provider_data_and_product_columns_name_entities(tmp_path):
    imported = _hosted(tmp_path)
    apps = by_id(imported)
    assert apps["mail"] == {
        "name": "Mail",
        "delivery": "on-premise",
        "provider": "ovhcloud",
        "data": ["mail-db"],
        "depends_on": ["erp"],
        "product": "exchange-2016",
    }
    assert (apps["wiki"]["provider"], apps["wiki"]["data"], apps["wiki"]["product"]) == (
        "ovhcloud",
        ["wiki-db", "mail-db"],
        "confluence-x",
    )
    # Each entity the estate must still define, once, at the first cell naming it; a known product is not said.
    notes = [(p.line, p.column, p.message.key) for p in imported.problems if not p.lost]
    assert notes == [
        (3, 2, "import.csv.iaas_without_provider"),
        (4, 3, "import.csv.undefined.providers"),
        (4, 4, "import.csv.undefined.data_stores"),
        (5, 4, "import.csv.undefined.data_stores"),
        (5, 5, "import.csv.unknown_product"),
    ]


def test_a_colocation_cell_read_as_iaas_with_no_provider_is_reported(tmp_path):
    imported = _hosted(tmp_path)
    # "Colocation" said more than IaaS: lost, so the import exits 1; "IaaS" itself is a note (row 3, above).
    assert lost(imported) == [(2, 2)]
    [problem] = [p for p in imported.problems if p.lost]
    assert problem.message.params["text"] == "Colocation"
    assert problem.message.params["what"].key == "import.csv.fill_provider"  # the mapping has a provider column
    result = invoke(tmp_path / "inv.csv", "--mapping", tmp_path / "map.yaml", "--lang", "fr")
    assert result.exit_code == 1
    assert (
        "inv.csv : ligne 2, colonne B « Hébergement » : erreur : « Colocation » devient `delivery` iaas, sans "
        "fournisseur : CLD001 ne peut distinguer un cloud public d'une colocation ou d'un centre de données "
        "privé ; remplir sa cellule `provider`\n"
    ) in result.stderr


def test_without_a_provider_column_the_report_says_what_to_map(tmp_path):
    imported = _hosted(
        tmp_path,
        "Application;Hébergement\nERP;Colocation\nCRM;SaaS\n",
        "columns:\n  Application: name\n  Hébergement:\n    field: delivery\n    values: {Colocation: iaas}\n",
    )
    [problem] = imported.problems
    assert (problem.line, problem.column, problem.lost) == (2, 2, True)
    assert problem.message.params["what"].key == "import.csv.map_provider"


def test_iaas_with_its_provider_and_other_deliveries_are_not_reported(tmp_path):
    imported = _hosted(
        tmp_path,
        "Application;Hébergement;Hébergeur\nERP;Colocation;Equinix\nCRM;SaaS;\n",
        "columns:\n  Application: name\n  Hébergement:\n    field: delivery\n"
        "    values: {Colocation: iaas}\n  Hébergeur: provider\n",
    )
    assert [p.message.key for p in imported.problems] == ["import.csv.undefined.providers"]
    assert lost(imported) == []
