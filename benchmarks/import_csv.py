"""Benchmark `si-lint import csv` on a spreadsheet export of 10,000 applications.

    python benchmarks/import_csv.py            # 10,000 rows
    python benchmarks/import_csv.py 100000     # chosen sizes

The inventory is written as Excel writes it in France: Windows-1252, `;`
delimiter, CRLF, quoted cells holding `;` and line breaks, a few empty rows,
duplicate names, unknown values and an unmapped column, so the run exercises
detection, mapping, reporting and writing. Each import runs as a whole process
(interpreter start-up included, as a user waits for it), best of three, in two
forms: one file per application under a folder, and one YAML file.
Target (issue 6): 10,000 rows under 5 s.
"""

from __future__ import annotations

import csv
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = [
    "Application",
    "Responsable",
    "Hébergement",
    "Accès navigateur",
    "Terminaux",
    "Utilisateurs",
    "Disponibilité cible",
    "Coût mensuel",
    "Dépendances",
    "Commentaire",
]
MAPPING = """\
columns:
  Application: name
  Responsable: owner
  Hébergement:
    field: delivery
    values: {On Prem: on-premise, Cloud (SaaS): saas, PaaS: paas}
  Accès navigateur: access.browser
  Terminaux:
    field: access.devices
    split: ";"
    values: {Tous: [windows, macos, linux, chromebook, android, ios]}
  Utilisateurs: users
  Disponibilité cible: availability.target
  Coût mensuel: cost.per_user_month
  Dépendances: depends_on
"""
DEVICES = ["Windows", "macOS", "Linux", "Chromebook", "Android", "iOS"]


def inventory(rows: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for i in range(rows):
        if i % 1000 == 999:
            writer.writerow([""] * len(HEADER))  # spreadsheets leave empty rows
            continue
        name = f"Application n°{i // 2 if i % 500 == 0 else i} – équipe {i % 40}"  # some duplicates
        writer.writerow(
            [
                name,
                f"Équipe {i % 40}",
                rng.choice(["On Prem", "Cloud (SaaS)", "PaaS", "Hybride"]),
                rng.choice(["Oui", "Non", "oui", "NON"]),
                "Tous" if i % 5 == 0 else ";".join(rng.sample(DEVICES, rng.randint(1, 5))),
                f"{rng.randint(1, 20000):,}".replace(",", " "),
                rng.choice(["99,9", "99,95", "99", "99,5 %"]),
                f"{rng.randint(1, 30)},50",
                f"Application n°{i - 1} – équipe {(i - 1) % 40}" if i % 3 == 0 else "",
                "Ligne un\r\nligne deux ; avec « guillemets »" if i % 7 == 0 else "",
            ]
        )
    return buffer.getvalue().encode("cp1252")


def timed(arguments: list) -> float:
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "si_lint", *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        raise SystemExit(f"import failed ({completed.returncode}): {completed.stderr[-2000:]}")
    return elapsed


def main(sizes: list) -> None:
    print(f"{'rows':>8} {'MB':>6} {'folder s':>9} {'file s':>7}  summary")
    with tempfile.TemporaryDirectory() as folder:
        mapping = os.path.join(folder, "mapping.yaml")
        Path(mapping).write_text(MAPPING, encoding="utf-8")
        for size in sizes:
            path = os.path.join(folder, f"inventory-{size}.csv")
            Path(path).write_bytes(inventory(size))
            folder_times, file_times = [], []
            for run in range(3):
                folder_times.append(
                    timed(["import", "csv", path, "-m", mapping, "-o", os.path.join(folder, f"out-{size}-{run}")])
                )
                file_times.append(
                    timed(["import", "csv", path, "-m", mapping, "-o", os.path.join(folder, f"out-{size}-{run}.yaml")])
                )
            completed = subprocess.run(
                [sys.executable, "-m", "si_lint", "import", "csv", path, "-m", mapping],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            summary = completed.stderr.strip().splitlines()[-1]
            megabytes = os.path.getsize(path) / 1e6
            print(
                f"{size:>8} {megabytes:>6.1f} {min(folder_times):>9.2f} {min(file_times):>7.2f}  {summary}", flush=True
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000])
