"""Benchmark si-lint against a bare PyYAML parse of the same estate, each in a fresh process.

    python benchmarks/run.py                  # 100, 1,000, 10,000 and 100,000 applications
    python benchmarks/run.py 100 10000        # chosen sizes

For each size it generates an estate (benchmarks/generate.py) and times, as
whole processes (interpreter start-up included, as a user waits for them):
  bare      python -c 'yaml.load(f, Loader=yaml.CSafeLoader)'
  load+val  si-lint's load and schema stages (positions included)
  lint      the whole `si-lint FILE` command, every rule, text report
and prints each against the bare parse, with the peak memory (max RSS) of the lint.
Targets (issues 2 and 3): load+val <= 0.5x and lint <= 0.6x the bare parse at
10,000 and 100,000 applications; lint of 100 applications < 0.25 s; peak < 1.5 GB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate_estate  # noqa: E402

BARE = "import sys, yaml\nwith open(sys.argv[1], 'rb') as f:\n    yaml.load(f, Loader=yaml.CSafeLoader)\n"
LOAD_VALIDATE = (
    "import sys\n"
    "from si_lint.load import loader\nfrom si_lint.validate import schema as validate\n"
    "documents = loader.load_paths([sys.argv[1]])\n"
    "problems, invalid = validate.validate(documents)\n"
)
LINT = "import sys\nfrom si_lint.cli.main import main\nsys.argv = ['si-lint', sys.argv[1]]\nmain()\n"


# Prepended to every measured snippet: the child reports its own peak memory on exit.
REPORT_PEAK = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: sys.stderr.write('PEAK_KB %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
)


def timed(code: str, path: str) -> tuple[float, float]:
    """Wall time of a fresh `python -c code path`, and that process's peak RSS in MB."""
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", REPORT_PEAK + code, path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        raise SystemExit(f"benchmark step failed ({completed.returncode}): {completed.stderr[-2000:]}")
    peak = [line for line in completed.stderr.splitlines() if line.startswith("PEAK_KB ")]
    return elapsed, int(peak[-1].split()[1]) / 1024 if peak else float("nan")


def best_of(runs: int, code: str, path: str) -> tuple[float, float]:
    results = [timed(code, path) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def main(sizes: list[int]) -> None:
    print(
        f"{'apps':>8} {'MB':>7} {'bare s':>8} {'load+val s':>10} {'ratio':>6} {'lint s':>8} {'ratio':>6} {'lint MB':>8}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = os.path.join(folder, f"estate-{size}.yaml")
            Path(path).write_text(generate_estate(size), encoding="utf-8")
            megabytes = os.path.getsize(path) / 1e6
            runs = 3 if size <= 10_000 else 1
            bare, _ = best_of(runs, BARE, path)
            load, _ = best_of(runs, LOAD_VALIDATE, path)
            lint, peak = best_of(runs, LINT, path)
            print(
                f"{size:>8} {megabytes:>7.1f} {bare:>8.2f} {load:>10.2f} {load / bare:>6.2f} "
                f"{lint:>8.2f} {lint / bare:>6.2f} {peak:>8.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1_000, 10_000, 100_000])
