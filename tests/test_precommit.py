"""The pre-commit hook, run by the real `pre-commit` tool against a throwaway repository holding an estate.

pre-commit clones this repository at its current HEAD (uncommitted changes are
not seen, as in CI where the clone is committed) and installs it into the
hook's own environment from the package registry.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import REPO, skip_or_fail

pytest.importorskip("pre_commit")
# pre-commit builds the hook's own environment: slow, so `pytest -m "not slow"` leaves it out.
pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")]

BROKEN = """\
version: 1
applications:
  payroll:
    usage: support
    owner: hr-it
    delivery: saas
    tenancy: multi
    access: {browser: false}
    availability: {target: 99.9}
"""
FIXED = BROKEN.replace("browser: false", "browser: true")


def _git(*args, cwd, env=None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def environment(tmp_path):
    # Git variables inherited from a calling hook would point git at the wrong repository.
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-cache")
    env["NO_COLOR"] = "1"
    env.pop("LC_ALL", None), env.pop("LC_MESSAGES", None)
    env["LANG"] = "C.UTF-8"  # messages in English, whatever the machine's locale
    return env


@pytest.mark.parametrize("setup", ["args", "init"])
def test_hook_fails_on_a_violation_and_passes_once_fixed(tmp_path, environment, setup):
    """With `args: [estate/]`, or with only `id: si-lint` in a repository made by `si-lint init` (its `paths`)."""
    try:
        head = _git("rev-parse", "HEAD", cwd=REPO)
        _git("cat-file", "-e", f"{head}:.pre-commit-hooks.yaml", cwd=REPO)
    except subprocess.CalledProcessError:
        skip_or_fail("this checkout has no commit holding .pre-commit-hooks.yaml")
    project = tmp_path / "project"
    project.mkdir()
    _git("init", "-q", cwd=project, env=environment)
    if setup == "init":
        made = subprocess.run(
            [sys.executable, "-m", "si_lint", "init"], cwd=project, env=environment, capture_output=True, text=True
        )
        assert made.returncode == 0, made.stderr
    else:
        (project / "estate").mkdir()
    hook = "      - id: si-lint\n" + ("        args: [estate/]\n" if setup == "args" else "")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO.as_posix()}\n    rev: {head}\n    hooks:\n" + hook,
        encoding="utf-8",
    )
    estate = project / "estate" / "estate.yaml"
    estate.write_text(BROKEN, encoding="utf-8")

    def pre_commit():
        _git("add", "-A", cwd=project, env=environment)
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--all-files"],
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
            timeout=900,
        )

    failed = pre_commit()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "si-lint (estate)" in failed.stdout and "Failed" in failed.stdout
    assert "estate/estate.yaml:8:14: ACC001 [error]" in failed.stdout

    estate.write_text(FIXED, encoding="utf-8")
    passed = pre_commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
