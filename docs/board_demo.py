"""The legacy example's year of work, as a git history: the trend and plan of docs/report-board.png.

    python docs/board_demo.py                  # builds the repository, the report and the screenshot
    python docs/board_demo.py --keep /tmp/demo # and keeps the repository there, to try `si-lint history`

Each commit does one thing the plan of the legacy example asks (and one adds
an application with findings of its own), dated through 2026; then it runs
`si-lint history`, writes the html report of the last commit with
`--history`, and takes the screenshot with headless Chromium
(`--window-size=1280,2200`, as the other docs/report-*.png).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

DOCS = Path(__file__).resolve().parent
LEGACY = DOCS.parent / "examples" / "legacy" / "estate.yaml"
TODAY = "2026-11-23"
EVERY_DEVICE = ["windows", "macos", "linux", "chromebook", "android", "ios"]


def saas(app: dict) -> None:
    app.update(delivery="saas", tenancy="multi", updates="vendor", provider="microsoft", platform="web")
    app["access"] = {"browser": True, "devices": EVERY_DEVICE, "offline": "sync"}


STEPS = [
    ("2026-01-12", "The estate as inventoried", lambda d: None),
    ("2026-02-02", "crm: the vendor's multitenant offer", lambda d: d["applications"]["crm"].update(tenancy="multi")),
    (
        "2026-02-23",
        "Owners for reporting and label-printing",
        lambda d: [d["applications"][a].update(owner="it-operations") for a in ("reporting", "label-printing")],
    ),
    (
        "2026-03-16",
        "Active Directory moved to a cloud identity service",
        lambda d: d["infrastructure"]["active-directory"].update(provider="azure", availability=99.99),
    ),
    ("2026-04-13", "The office suite in SaaS", lambda d: saas(d["applications"]["office-desktop"])),
    (
        "2026-05-11",
        "A kiosk for the plant 2 reception",
        lambda d: d["applications"].update(
            kiosk={"usage": "support", "delivery": "desktop", "access": {"browser": False, "devices": ["windows"]}}
        ),
    ),
    ("2026-06-08", "Mail in SaaS", lambda d: saas(d["applications"]["mail"])),
    (
        "2026-07-06",
        "A data lake, and the stores copied into it",
        lambda d: (
            d["data_stores"].update(
                {"lake": {"kind": "lake", "provider": "azure", "data": ["structured", "documents", "media"]}}
            ),
            [d["data_stores"][s].setdefault("exported_to", []).append("lake") for s in ("erp-db", "crm-db", "bi-cube")],
        ),
    ),
    ("2026-09-14", "The kiosk retired", lambda d: d["applications"].pop("kiosk")),
    ("2026-10-12", "Reporting in SaaS", lambda d: saas(d["applications"]["reporting"])),
]


def run(*command, cwd, env=None, ok=(0,), quiet=False) -> None:
    done = subprocess.run(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL if quiet else None
    )
    if done.returncode not in ok:
        raise SystemExit(f"{' '.join(map(str, command))}: exit {done.returncode}")


def build(repo: Path) -> None:
    data = yaml.safe_load(LEGACY.read_text(encoding="utf-8"))
    run("git", "init", "-q", cwd=repo)
    for date, message, step in STEPS:
        step(data)
        (repo / "estate.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        env = dict(
            os.environ,
            GIT_AUTHOR_NAME="Claire Martin",
            GIT_AUTHOR_EMAIL="claire@dupont.example",
            GIT_COMMITTER_NAME="Claire Martin",
            GIT_COMMITTER_EMAIL="claire@dupont.example",
            GIT_AUTHOR_DATE=f"{date}T09:30:00+01:00",
            GIT_COMMITTER_DATE=f"{date}T09:30:00+01:00",
        )
        run("git", "add", "-A", cwd=repo)
        run("git", "commit", "-q", "-m", message, cwd=repo, env=env)


def main() -> None:
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    folder = Path(keep or tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    repo = folder / "repo"
    repo.mkdir()
    build(repo)
    si_lint = [sys.executable, "-m", "si_lint"]
    run(*si_lint, "history", "estate.yaml", "--format", "json", "--output", str(folder / "history.json"), cwd=repo)
    run(
        *si_lint,
        "check",
        "estate.yaml",
        "--format",
        "html",
        "--today",
        TODAY,
        "--history",
        str(folder / "history.json"),
        "--output",
        str(folder / "report.html"),
        cwd=repo,
        ok=(0, 1),
    )
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    run(
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--window-size=1280,2200",
        f"--user-data-dir={folder / 'profile'}",
        f"--screenshot={DOCS / 'report-board.png'}",
        (folder / "report.html").as_uri(),
        cwd=folder,
        quiet=True,
    )  # Chromium talks a lot on stderr
    print(f"wrote {DOCS / 'report-board.png'}; the repository is in {repo}")
    if keep is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
