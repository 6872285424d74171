"""docs/ci.md's recipes, run as written as far as this machine allows: every si-lint command they hold,
on a starter estate with one violation, and the plain shell step whole (a venv, pip, si-lint)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from conftest import REPO, SHARED

DOC = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
VIOLATION = """\
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


def blocks(kind: str) -> list:
    return re.findall(rf"```{kind}\n(.*?)```", DOC, re.S)


def block_with(kind: str, marker: str) -> str:
    (found,) = [block for block in blocks(kind) if marker in block]
    return found


@pytest.fixture
def project(tmp_path):
    """A repository holding the starter estate and one application that breaks ACC001 (and ACC002, ACC003)."""
    (tmp_path / ".git").mkdir()
    subprocess.run([Path(sys.executable).parent / "si-lint", "init", str(tmp_path)], check=True, capture_output=True)
    (tmp_path / "estate" / "payroll.yaml").write_text(VIOLATION, encoding="utf-8")
    return tmp_path


def shell(command: str, cwd: Path, **env) -> subprocess.CompletedProcess:
    environment = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}", **env)
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=environment, capture_output=True, text=True, timeout=600
    )


def si_lint_commands(commands) -> list:
    """The commands that run si-lint (the install step needs si-lint published somewhere)."""
    return [command for command in commands if command.startswith("si-lint ")]


def test_the_pre_commit_recipe_uses_the_hook_this_repository_defines():
    recipe = yaml.safe_load(block_with("yaml", "hooks:"))
    hook = recipe["repos"][0]["hooks"][0]
    defined = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook == {"id": "si-lint"}  # the minimal snippet: the config's paths say what to lint
    assert hook["id"] in [h["id"] for h in defined]
    assert defined[0]["pass_filenames"] is False
    with_args = yaml.safe_load(block_with("yaml", "args: [estate/]"))
    assert with_args == [{"id": "si-lint", "args": ["estate/"], "files": "^estate/"}]


def test_the_github_workflow_lints_to_the_sarif_file_it_uploads(project):
    workflow = yaml.safe_load(block_with("yaml", "setup-python"))
    steps = workflow["jobs"]["si-lint"]["steps"]
    (command,) = si_lint_commands(step.get("run", "") for step in steps)
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["if"] == "always()"
    result = shell(command, project)
    assert result.returncode == 1, result.stderr
    document = json.loads((project / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    results = document["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == ["ACC001", "ACC002", "ACC003"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
        "estate/payroll.yaml"
    }
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if schema_path.is_file():
        import jsonschema

        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.validators.validator_for(schema)(schema).validate(document)


def test_the_github_annotations_alternative(project):
    (command,) = si_lint_commands(step.get("run", "") for step in yaml.safe_load(block_with("yaml", "--format github")))
    result = shell(command, project)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == (
        "::error file=estate/payroll.yaml,line=8,col=14,title=ACC001 "
        "browser-access::'payroll' is not usable from a web browser "
        "(access.browser: false)"
    )


def test_the_gitlab_job_writes_the_reports_it_declares(project):
    job = yaml.safe_load(block_with("yaml", "codequality:"))["si-lint"]
    commands = si_lint_commands(job["script"])
    assert len(commands) == 2
    results = [shell(command, project) for command in commands]
    assert [r.returncode for r in results] == [0, 1]  # the junit step never fails the job; the last one does
    reports = job["artifacts"]["reports"]
    issues = json.loads((project / reports["codequality"]).read_text(encoding="utf-8"))
    assert sorted(i["check_name"] for i in issues) == [
        "ACC001 browser-access",
        "ACC002 chromebook-test",
        "ACC003 any-device",
    ]
    junit = ET.parse(project / reports["junit"]).getroot()
    assert junit.get("failures") == "3"
    assert job["artifacts"]["when"] == "always"


def test_the_baseline_commands(project):
    write, use = [line for line in blocks("sh")[-1].splitlines() if line.startswith("si-lint ")]
    assert shell(write, project).returncode == 0
    (project / "estate" / "payroll.yaml").write_text(VIOLATION.replace("    owner: hr-it\n", ""), encoding="utf-8")
    result = shell(use, project)
    assert result.returncode == 1
    assert [line.split()[1] for line in result.stdout.splitlines()[:-1]] == ["GOV002"]


def test_the_pre_commit_adoption_path_lets_a_bare_run_pass_until_a_new_finding(project):
    (write, name, add) = block_with("sh", 'echo "baseline: ').splitlines()
    assert add.startswith("git add ")
    for command in (write, name):
        assert shell(command, project).returncode == 0
    assert shell("si-lint", project).returncode == 0  # what the hook runs
    (project / "estate" / "hr.yaml").write_text(VIOLATION.replace("payroll", "hr"), encoding="utf-8")
    result = shell("si-lint", project)
    assert result.returncode == 1
    assert {line.split(":")[0] for line in result.stdout.splitlines()[:-1]} == {"estate/hr.yaml"}


@pytest.mark.slow  # creates a virtual environment and installs the project
def test_the_plain_shell_step_installs_and_lints(project, tmp_path_factory):
    (step,) = [block for block in blocks("sh") if "python3 -m venv" in block]
    # pip builds a local project in place: install a copy, so that the work tree stays as it is.
    source = tmp_path_factory.mktemp("si-lint-source") / "si-lint"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__"))
    result = shell(step, project, SI_LINT=str(source))
    assert result.returncode == 1, result.stderr[-2000:]
    report = (project / "si-lint-report.md").read_text(encoding="utf-8")
    assert "| `estate/payroll.yaml:8:14` | ACC001 browser-access | error | payroll |" in report
