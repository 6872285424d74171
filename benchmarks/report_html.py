"""Benchmark the html report: generation time and size, and how long a browser takes to open it.

    python benchmarks/report_html.py              # 10,000 applications
    python benchmarks/report_html.py 1000 10000   # chosen sizes

For each size it generates an estate (benchmarks/generate.py) and measures:
  lint      `si-lint FILE --format json`, the same run without the html page
  html      `si-lint FILE --format html --output report.html`, whole process
  render    the html stage alone (scores, estate view, page), in this process
  size      the page's size
  browser   headless Chromium opening the page and taking a screenshot, less
            the same on an empty page (Chromium's own start), when installed
Target (issue 5): 10,000 applications open in a browser in seconds.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate_estate  # noqa: E402

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1280,1600",
]


def wall(command: list) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def render_only(path: str) -> float:
    """Seconds of the html stage alone: lint once, then time what --format html adds."""
    from si_lint.cli.main import render_result
    from si_lint.rules.engine import lint
    from si_lint.rules.settings import Settings

    result = lint([path], Settings(today=datetime.date(2026, 11, 23)))
    start = time.perf_counter()
    render_result(result, "html", False, False)
    return time.perf_counter() - start


def browser(chromium: str, page: Path, folder: Path) -> float:
    """Best of three: seconds to open and screenshot `page`, less the same for an empty page."""
    blank = folder / "blank.html"
    blank.write_text("<!DOCTYPE html><title>blank</title>")

    def shot(target: Path, run: int) -> float:
        return wall(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={folder / f'profile-{run}'}",
                f"--screenshot={folder / 'shot.png'}",
                target.as_uri(),
            ]
        )

    return min(shot(page, i) - shot(blank, i + 10) for i in range(3))


def main(sizes: list) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    si_lint = [sys.executable, "-m", "si_lint"]
    print(f"{'applications':>12}  {'lint':>7}  {'html':>7}  {'render':>7}  {'size':>8}  {'browser':>8}")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for size in sizes:
            estate = folder / f"estate-{size}.yaml"
            estate.write_text(generate_estate(size))
            page = folder / f"report-{size}.html"
            common = [str(estate), "--today", "2026-11-23"]
            lint_time = wall(si_lint + common + ["--format", "json"])
            html_time = wall(si_lint + common + ["--format", "html", "--output", str(page)])
            render_time = render_only(str(estate))
            opened = f"{browser(chromium, page, folder):>7.2f}s" if chromium else "     n/a"
            print(
                f"{size:>12,}  {lint_time:>6.2f}s  {html_time:>6.2f}s  {render_time:>6.2f}s  "
                f"{page.stat().st_size / 1e6:>6.1f}MB  {opened}"
            )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000])
