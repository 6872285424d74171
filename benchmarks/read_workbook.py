"""Measure the spreadsheet readers on an inventory sheet of 10,000 rows, to choose one for `si-lint import`.

    python benchmarks/read_workbook.py            # 10,000 rows
    python benchmarks/read_workbook.py 50000      # chosen sizes

The sheet is the inventory of `benchmarks/import_csv.py` with typed cells, as
a spreadsheet holds them once people have typed into it: whole numbers,
availability as percent-formatted numbers (`99,9 %` is 0.999 in the file),
costs as currency-formatted numbers, an Excel date column, booleans, text with
line breaks. It is written once as .xlsx (openpyxl) and once as .ods (odfpy),
then each reader reads every cell of it in a fresh process (interpreter
start-up and imports included, as a user waits for them), best of three, with
the peak memory (max RSS) of that process:

  calamine    python-calamine: `CalamineWorkbook.from_filelike(...).get_sheet_by_name(...).to_python()`
  openpyxl    openpyxl read-only, values and number formats (needed to tell a percent from a fraction)
  odfpy       odfpy's DOM, value types and values of every cell (.ods only)
  si-lint     the whole `si-lint import csv FILE --mapping ... --output FILE.yaml` (guards, reading, mapping, writing)

Needs `pip install python-calamine openpyxl odfpy` (openpyxl and odfpy are
test dependencies of si-lint, python-calamine a main one).
"""

from __future__ import annotations

import datetime
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from import_csv import DEVICES
from import_csv import MAPPING as CSV_MAPPING

HEADER = [
    "Application",
    "Responsable",
    "Hébergement",
    "Accès navigateur",
    "Terminaux",
    "Utilisateurs",
    "Disponibilité cible",
    "Coût mensuel",
    "Mise en service",
    "Dépendances",
    "Commentaire",
]


def rows(count: int, seed: int = 1) -> list:
    """The inventory's rows, typed: (value, kind) with kind None, 'percent', 'currency' or 'date'."""
    rng = random.Random(seed)
    table = []
    for i in range(count):
        table.append(
            [
                (f"Application n°{i} – équipe {i % 40}", None),
                (f"Équipe {i % 40}", None),
                (rng.choice(["On Prem", "Cloud (SaaS)", "PaaS", "Hybride"]), None),
                (rng.random() < 0.7, None),
                ("Tous" if i % 5 == 0 else ";".join(rng.sample(DEVICES, rng.randint(1, 5))), None),
                (rng.randint(1, 20000), None),
                (rng.choice([0.999, 0.9995, 0.99, 0.995]), "percent"),
                (rng.randint(100, 3000) / 100, "currency"),
                (datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randint(0, 5000)), "date"),
                (f"Application n°{i - 1} – équipe {(i - 1) % 40}" if i % 3 == 0 else "", None),
                ("Ligne un\nligne deux ; avec « guillemets »" if i % 7 == 0 else "", None),
            ]
        )
    return table


def write_xlsx(path: str, table: list) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Inventaire")
    sheet.append(HEADER)
    formats = {"percent": "0.0%", "currency": '#,##0.00\\ "€"', "date": "dd/mm/yyyy"}
    for row in table:
        cells = []
        for value, kind in row:
            cell = WriteOnlyCell(sheet, value=value if value != "" else None)
            if kind:
                cell.number_format = formats[kind]
            cells.append(cell)
        sheet.append(cells)
    workbook.save(path)


def write_ods(path: str, table: list) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    sheet = Table(name="Inventaire")

    def add(cells) -> None:
        row = TableRow()
        for value, kind in cells:
            if value == "":
                cell = TableCell()
            elif isinstance(value, bool):
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
            if value != "":
                cell.addElement(P(text=str(value)))
            row.addElement(cell)
        sheet.addElement(row)

    add([(name, None) for name in HEADER])
    for cells in table:
        add(cells)
    document.spreadsheet.addElement(sheet)
    document.save(path)


READERS = {
    "calamine": (
        "import io, sys\nfrom python_calamine import CalamineWorkbook\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name('Inventaire').to_python("
        "skip_empty_area=False)\n"
        "assert len(rows) > 1\n"
    ),
    "openpyxl": (
        "import io, sys\nfrom openpyxl import load_workbook\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)\n"
        "rows = [[(c.value, c.number_format) for c in row] for row in book['Inventaire'].iter_rows()]\n"
        "assert len(rows) > 1\n"
    ),
    "odfpy": (
        "import sys\nfrom odf.opendocument import load\nfrom odf.table import Table, TableRow, TableCell\n"
        "from odf.namespaces import OFFICENS\n"
        "document = load(sys.argv[1])\n"
        "sheet = document.spreadsheet.getElementsByType(Table)[0]\n"
        "rows = [[(c.attributes.get((OFFICENS, 'value-type')), c.attributes.get((OFFICENS, 'value')))\n"
        "         for c in row.getElementsByType(TableCell)] for row in sheet.getElementsByType(TableRow)]\n"
        "assert len(rows) > 1\n"
    ),
}
# import_csv.py's mapping, with the sheet's extra columns: the date, and the comment left out.
MAPPING = (
    CSV_MAPPING.replace("  Dépendances: depends_on\n", "  Mise en service: description\n  Dépendances: depends_on\n")
    + "ignore: [Commentaire]\n"
)
IMPORT = (
    "import sys\nfrom si_lint.cli.main import main\n"
    "sys.argv = ['si-lint', 'import', 'csv', sys.argv[1], '-m', sys.argv[1] + '.map.yaml', '-o', sys.argv[1] + "
    "'.yaml']\n"
    "try:\n    main()\nexcept SystemExit as stop:\n    assert stop.code in (0, 1), stop.code\n"
)
READERS["si-lint"] = IMPORT
REPORT_PEAK = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: sys.stderr.write('PEAK_KB %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
)


def timed(code: str, path: str) -> tuple:
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", REPORT_PEAK + code, path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"reader failed: {completed.stderr[-2000:]}")
    peak = [line for line in completed.stderr.splitlines() if line.startswith("PEAK_KB ")]
    return elapsed, int(peak[-1].split()[1]) / 1024


def main(sizes: list) -> None:
    print(f"{'rows':>7} {'file':>5} {'MB':>5} {'reader':>9} {'seconds':>8} {'peak MB':>8}")
    baseline = timed("pass\n", sys.executable)
    print(f"{'':>7} {'':>5} {'':>5} {'(python)':>9} {baseline[0]:>8.2f} {baseline[1]:>8.0f}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            table = rows(size)
            for suffix, writer, readers in (
                ("xlsx", write_xlsx, ("calamine", "openpyxl", "si-lint")),
                ("ods", write_ods, ("calamine", "odfpy", "si-lint")),
            ):
                path = os.path.join(folder, f"inventory-{size}.{suffix}")
                writer(path, table)
                with open(path + ".map.yaml", "w", encoding="utf-8") as handle:
                    handle.write(MAPPING)
                megabytes = os.path.getsize(path) / 1e6
                for reader in readers:
                    results = [timed(READERS[reader], path) for _ in range(3)]
                    seconds = min(r[0] for r in results)
                    peak = max(r[1] for r in results)
                    print(
                        f"{size:>7} {suffix:>5} {megabytes:>5.1f} {reader:>9} {seconds:>8.2f} {peak:>8.0f}", flush=True
                    )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000])
