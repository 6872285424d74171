"""Runs with no path (issue 11): `si-lint -` reads the estate from standard input, named by --stdin-filename;
a bare `si-lint` lints the config's `paths`, or the current folder. Real processes, as editors, scripts and
the pre-commit hook start them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REPO, TODAY

LEGACY = REPO / "examples" / "legacy"
SI_LINT = [sys.executable, "-m", "si_lint"]
NON_COMPLIANT = """\
version: 1
applications:
  payroll:
    usage: support
    owner: hr
    delivery: on-premise
"""


def si_lint(*args, cwd, stdin=None) -> subprocess.CompletedProcess:
    return subprocess.run([*SI_LINT, *args], cwd=cwd, stdin=stdin, capture_output=True, text=True, timeout=120)


def piped(file, *args, cwd) -> subprocess.CompletedProcess:
    """`cat FILE | si-lint ARGS`, with a real pipe between two processes."""
    cat = subprocess.Popen(["cat", str(file)], stdout=subprocess.PIPE)
    try:
        return si_lint(*args, cwd=cwd, stdin=cat.stdout)
    finally:
        cat.stdout.close()
        cat.wait(timeout=60)


@pytest.mark.parametrize("format_name", ["text", "json"])
def test_stdin_reports_the_same_findings_at_the_same_positions(format_name):
    common = ("--today", TODAY.isoformat(), "--format", format_name)
    from_file = si_lint("estate.yaml", *common, cwd=LEGACY)
    from_stdin = piped(LEGACY / "estate.yaml", "-", "--stdin-filename", "estate.yaml", *common, cwd=LEGACY)
    assert from_file.returncode == from_stdin.returncode == 1
    assert from_stdin.stderr == ""
    assert from_stdin.stdout == from_file.stdout
    if format_name == "json":
        diagnostics = json.loads(from_stdin.stdout)["diagnostics"]
        assert len(diagnostics) > 50 and {d["file"] for d in diagnostics} == {"estate.yaml"}
    else:
        assert from_stdin.stdout.startswith("estate.yaml:13:1: CST001 [warning]")


def test_stdin_with_preview_and_in_french_too():
    common = ("--today", TODAY.isoformat(), "--preview", "--lang", "fr")
    from_file = si_lint("estate.yaml", *common, cwd=LEGACY)
    from_stdin = piped(LEGACY / "estate.yaml", "-", "--stdin-filename", "estate.yaml", *common, cwd=LEGACY)
    assert (from_stdin.returncode, from_stdin.stdout) == (from_file.returncode, from_file.stdout)
    assert " COL006 [" in from_stdin.stdout


def test_stdin_without_a_name_is_called_stdin(tmp_path):
    (tmp_path / ".git").mkdir()
    estate = tmp_path / "estate.yaml"
    estate.write_text(NON_COMPLIANT, encoding="utf-8")
    result = piped(estate, "-", "--select", "CLD001", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "<stdin>:6:5: CLD001 [error] 'payroll' does not run in a public cloud (delivery: on-premise)"
    )


def test_stdin_syntax_errors_are_placed_in_the_named_file(tmp_path):
    (tmp_path / ".git").mkdir()
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\napplications:\n  crm: {usage: [business\n", encoding="utf-8")
    from_file = si_lint("broken.yaml", cwd=tmp_path)
    from_stdin = piped(broken, "-", "--stdin-filename", "broken.yaml", cwd=tmp_path)
    assert from_stdin.returncode == from_file.returncode == 1
    assert from_stdin.stdout == from_file.stdout
    assert " EST001 [error]" in from_stdin.stdout


def test_stdin_ignores_the_configs_paths(tmp_path):
    """`si-lint -` lints what comes in, not the files the config names (those are for a bare run)."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "estate").mkdir()
    (tmp_path / "estate" / "estate.yaml").write_text(NON_COMPLIANT, encoding="utf-8")
    (tmp_path / ".si-lint.yaml").write_text("paths: [estate/]\n", encoding="utf-8")
    clean = tmp_path / "clean.yaml"
    clean.write_text("version: 1\n", encoding="utf-8")
    result = piped(clean, "-", "--stdin-filename", "clean.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "No problems found in 1 file.\n")


# --- a bare `si-lint` ---------------------------------------------------------------------------


def test_a_bare_run_in_a_folder_made_by_init_lints_the_estate(tmp_path):
    (tmp_path / ".git").mkdir()
    made = si_lint("init", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    result = si_lint(cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "No problems found in 1 file.\n", "")
    # it is the estate that was linted: break it, and the bare run says so
    estate = tmp_path / "estate" / "estate.yaml"
    estate.write_text(
        estate.read_text(encoding="utf-8").replace("delivery: saas", "delivery: on-premise", 1), encoding="utf-8"
    )
    result = si_lint(cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("estate/estate.yaml:")
    assert " CLD001 [error]" in result.stdout


def test_a_bare_run_lints_the_paths_the_config_names(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "is").mkdir()
    (tmp_path / "is" / "estate.yaml").write_text(NON_COMPLIANT, encoding="utf-8")
    (tmp_path / "elsewhere.yaml").write_text("version: 1\n", encoding="utf-8")  # not named: not linted
    (tmp_path / ".si-lint.yaml").write_text("paths: [is/]\nselect: [CLD001]\n", encoding="utf-8")
    result = si_lint(cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        "is/estate.yaml:6:5: CLD001 [error] 'payroll' does not run in a public cloud "
        "(delivery: on-premise)\nFound 1 problem (1 error) in 1 file.\n"
    )
    # from a folder below, the paths stay relative to the config file
    (tmp_path / "sub").mkdir()
    below = si_lint(cwd=tmp_path / "sub")
    assert below.returncode == 1
    assert below.stdout.startswith("../is/estate.yaml:6:5: CLD001 [error]")


def test_a_bare_run_without_paths_in_the_config_lints_the_current_folder(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "estate.yaml").write_text(NON_COMPLIANT, encoding="utf-8")
    result = si_lint("--select", "CLD001", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].endswith(
        "estate.yaml:6:5: CLD001 [error] 'payroll' does not run in a public cloud (delivery: on-premise)"
    )


def test_a_bare_run_with_a_path_that_is_not_there_is_exit_2(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".si-lint.yaml").write_text("paths: [estate/]\n", encoding="utf-8")
    result = si_lint(cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("si-lint: error: ") and "Traceback" not in result.stderr
