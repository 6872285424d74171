"""Benchmark `si-lint history`: 200 commits of a 1,000-application estate split over 100 files.

    python benchmarks/history.py                 # 1,000 applications, 100 files, 200 commits
    python benchmarks/history.py 1000 100 200    # applications, files, commits

It builds a git repository in a temporary folder from the generated estate
(benchmarks/generate.py): the first commit adds every file, each later one
edits one application in one file (every 50th splits a file in two), then it
times the whole `si-lint history estate --format json` process (one worker
per core), and the same run's stages in one process: reading git, parsing
(once per file version), linting and scoring each commit, with the CPU time.
Target (issue 13): under 20 s on the 2-core reference machine.
"""

from __future__ import annotations

import datetime
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate_estate  # noqa: E402


def git(repo: Path, *args: str, date: str = "2026-01-01") -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Bench",
        GIT_AUTHOR_EMAIL="bench@example.org",
        GIT_COMMITTER_NAME="Bench",
        GIT_COMMITTER_EMAIL="bench@example.org",
        GIT_AUTHOR_DATE=f"{date}T12:00:00+00:00",
        GIT_COMMITTER_DATE=f"{date}T12:00:00+00:00",
    )
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def dump(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(dict({"version": 1}, **data), sort_keys=False), encoding="utf-8")


def build(repo: Path, applications: int, files: int, commits: int) -> None:
    estate = yaml.safe_load(generate_estate(applications))
    apps = list(estate["applications"])
    per_file = -(-len(apps) // files)
    parts = {}
    for n in range(files):
        names = apps[n * per_file : (n + 1) * per_file]
        stores = {
            f"{name}-db": estate["data_stores"][f"{name}-db"] for name in names if f"{name}-db" in estate["data_stores"]
        }
        flows = [flow for flow in estate["integrations"] if flow["from"] in names]
        parts[f"estate/apps/part-{n:03}.yaml"] = {
            "data_stores": stores,
            "applications": {name: estate["applications"][name] for name in names},
            "integrations": flows,
        }
    base = {
        "organization": estate["organization"],
        "providers": estate["providers"],
        "infrastructure": estate["infrastructure"],
        "data_stores": {"lake": estate["data_stores"]["lake"]},
    }
    git(repo, "init", "-q")
    dump(repo / "estate" / "base.yaml", base)
    for name, data in parts.items():
        dump(repo / name, data)
    day = datetime.date(2026, 1, 1)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The estate", date=day.isoformat())
    rng = random.Random(13)
    for n in range(1, commits):
        day += datetime.timedelta(days=1)
        name = rng.choice(sorted(parts))
        data = parts[name]
        if n % 50 == 0 and len(data["applications"]) > 1:  # split a file in two
            names = list(data["applications"])
            half = names[len(names) // 2 :]
            moved = {"applications": {k: data["applications"].pop(k) for k in half}}
            parts[name.replace(".yaml", f"-{n}.yaml")] = moved
            dump(repo / name.replace(".yaml", f"-{n}.yaml"), moved)
        else:  # edit one application: fix something, or break something
            app = data["applications"][rng.choice(list(data["applications"]))]
            app["users"] = 10_000 + n  # so that every commit changes the file
            change = rng.randrange(4)
            if change == 0:
                app["access"]["browser"] = not app["access"]["browser"]
            elif change == 1:
                app["availability"]["target"] = rng.choice([99.0, 99.5, 99.9, 99.95])
            elif change == 2:
                app["owner"] = f"team-{rng.randrange(60)}"
            else:
                app["exchange_formats"] = rng.choice([["pdf"], ["pdf", "xlsx"], ["docx"]])
        dump(repo / name, data)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"Change {n}", date=day.isoformat())


def stages(repo: Path) -> dict:
    """The same run in this process, timed by stage."""
    from si_lint.load import loader
    from si_lint.rules import engine
    from si_lint.rules.catalogue import load_catalogue
    from si_lint.rules.settings import Settings
    from si_lint.score import history
    from si_lint.score import scorecard as scoring

    timings = {"git": 0.0, "parse": 0.0, "lint": 0.0, "score": 0.0}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                timings[name] += time.perf_counter() - start

        return wrapper

    originals = (history.Git._run, history.Git.blob, loader.load_text, engine.lint_documents, scoring.Scorecard.scores)
    history.Git._run, history.Git.blob = timed("git", originals[0]), timed("git", originals[1])
    history.loader.load_text = timed("parse", originals[2])
    history.engine.lint_documents = timed("lint", originals[3])
    scoring.Scorecard.scores = timed("score", originals[4])
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        start = time.perf_counter()
        points = history.history(["estate"], Settings(), load_catalogue(), jobs=1)
        timings["total"] = time.perf_counter() - start
    finally:
        os.chdir(cwd)
        (
            history.Git._run,
            history.Git.blob,
            history.loader.load_text,
            history.engine.lint_documents,
            scoring.Scorecard.scores,
        ) = originals
    timings["commits"] = len(points)
    return timings


def main() -> None:
    applications, files, commits = (int(a) for a in (sys.argv[1:] + ["1000", "100", "200"][len(sys.argv) - 1 :]))
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        repo.mkdir()
        start = time.perf_counter()
        build(repo, applications, files, commits)
        print(
            f"built {commits} commits of {applications} applications in {files} files "
            f"in {time.perf_counter() - start:.1f} s"
        )
        print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        start, cpu = time.perf_counter(), os.times()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "si_lint",
                "history",
                "estate",
                "--format",
                "json",
                "--output",
                str(Path(folder) / "history.json"),
            ],
            cwd=repo,
        )
        wall, after = time.perf_counter() - start, os.times()
        assert done.returncode == 0
        used = (after.children_user - cpu.children_user) + (after.children_system - cpu.children_system)
        print(f"si-lint history, whole process: {wall:.1f} s wall, {used:.1f} s CPU")
        timings = stages(repo)
        print(
            "in process: "
            + ", ".join(f"{k} {v:.1f} s" if isinstance(v, float) else f"{k} {v}" for k, v in timings.items())
        )


if __name__ == "__main__":
    main()
