"""`si-lint history`: per commit, the score `si-lint` gives on a checkout of that commit.

The test builds a git repository from the legacy example: findings fixed,
new ones, a file split in two, a file deleted, a commit outside the estate,
and a commit made after a waiver expired.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tarfile
from importlib import resources

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO
from si_lint.cli.main import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

LEGACY = yaml.safe_load((REPO / "examples" / "legacy" / "estate.yaml").read_text(encoding="utf-8"))


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def git(repo, *args, date=None) -> str:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Ann Example",
        GIT_AUTHOR_EMAIL="ann@example.org",
        GIT_COMMITTER_NAME="Ann Example",
        GIT_COMMITTER_EMAIL="ann@example.org",
    )
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T10:00:00+01:00", GIT_COMMITTER_DATE=f"{date}T10:00:00+01:00")
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def write(repo, name, data) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(dict({"version": 1}, **data), sort_keys=False, allow_unicode=True), encoding="utf-8")


def commit(repo, message, date) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    repo = tmp_path_factory.mktemp("repo")
    git(repo, "init", "-q")
    base = {key: LEGACY[key] for key in ("organization", "providers", "infrastructure", "data_stores")}
    apps = dict(LEGACY["applications"])
    write(repo, "estate/base.yaml", base)
    write(repo, "estate/apps.yaml", {"applications": apps, "integrations": LEGACY["integrations"]})
    commit(repo, "The legacy estate", "2026-01-05")
    apps["crm"] = dict(apps["crm"], tenancy="multi")  # CLD002 fixed
    apps["label-printing"] = dict(apps["label-printing"], usage="business", owner="plant-2")  # GOV001, GOV002 fixed
    write(repo, "estate/apps.yaml", {"applications": apps, "integrations": LEGACY["integrations"]})
    commit(repo, "Fix crm and label-printing", "2026-02-02")
    apps["kiosk"] = {"usage": "support", "delivery": "desktop", "access": {"browser": False}}  # new findings
    write(repo, "estate/apps.yaml", {"applications": apps, "integrations": LEGACY["integrations"]})
    commit(repo, "Add the kiosk", "2026-03-02")
    (repo / "README.md").write_text("Not the estate.\n")
    commit(repo, "A readme", "2026-03-15")
    names = sorted(apps)
    (repo / "estate" / "apps.yaml").unlink()
    write(
        repo,
        "estate/apps/a-k.yaml",
        {"applications": {n: apps[n] for n in names if n < "l"}, "integrations": LEGACY["integrations"]},
    )
    write(repo, "estate/apps/l-z.yaml", {"applications": {n: apps[n] for n in names if n >= "l"}})
    commit(repo, "Split the applications in two files", "2026-04-01")
    (repo / "estate" / "apps" / "l-z.yaml").unlink()  # references to them break: EST004
    commit(repo, "Delete a file", "2026-05-04")
    (repo / "estate" / "base.yaml").write_text((repo / "estate" / "base.yaml").read_text() + "\n# reviewed\n")
    commit(repo, "Review after crm's waiver expired", "2027-04-06")  # its ACC002 waiver expires 2027-03-31
    return repo


def history(repo, *options, path="estate") -> dict:
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        result = invoke("history", path, "--format", "json", *options)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def checkout(repo, sha, folder):
    archive = subprocess.run(["git", "archive", sha], cwd=repo, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder)


def test_each_commit_has_the_score_si_lint_gives_on_its_checkout(repo, tmp_path):
    commits = history(repo)["commits"]
    assert [c["subject"] for c in commits] == [
        "The legacy estate",
        "Fix crm and label-printing",
        "Add the kiosk",
        "Split the applications in two files",
        "Delete a file",
        "Review after crm's waiver expired",
    ]
    for entry in commits:
        folder = tmp_path / entry["commit"]
        checkout(repo, entry["commit"], folder)
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            report = json.loads(invoke("check", "estate", "--format", "json", "--today", entry["date"]).stdout)
        finally:
            os.chdir(cwd)
        summary = report["summary"]
        assert entry["score"] == summary["scores"]["estate"]["score"], entry["subject"]
        assert entry["findings"] == {
            "error": summary["errors"],
            "warning": summary["warnings"],
            "info": summary["infos"],
        }, entry["subject"]
        assert entry["waived"] == summary["waived"] and entry["files"] == summary["files"]
        assert entry["categories"] == {c: line["score"] for c, line in summary["scores"]["categories"].items()}
    assert commits[1]["score"] > commits[0]["score"]  # findings fixed
    assert commits[2]["findings"]["error"] > commits[1]["findings"]["error"]  # new ones
    assert commits[4]["families"]["EST"] > 0  # the deleted file's applications are referenced still


def test_waivers_are_judged_at_each_commits_date_unless_today_fixes_one(repo):
    commits = history(repo)["commits"]
    # crm's ACC002 waiver excuses nothing (GOV004, a warning) until it expires (GOV003, an error)
    before, after = commits[4], commits[5]
    assert after["findings"]["error"] == before["findings"]["error"] + 1
    assert after["findings"]["warning"] == before["findings"]["warning"] - 1
    fixed = history(repo, "--today", "2027-04-06")["commits"]
    assert fixed[5]["score"] == after["score"] and fixed[4]["findings"] == after["findings"]


def test_the_json_follows_its_schema_and_the_options_choose_commits_and_rules(repo):
    schema = json.loads(resources.files("si_lint").joinpath("schemas/history.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = history(repo)
    jsonschema.validate(document, schema)
    every = [c["commit"] for c in document["commits"]]
    assert [c["commit"] for c in history(repo, "--max-count", "2")["commits"]] == every[-2:]
    assert [c["commit"] for c in history(repo, "--since", "2026-03-01")["commits"]] == every[2:]
    assert [c["commit"] for c in history(repo, "--range", f"{every[1]}..{every[3]}")["commits"]] == every[2:4]
    only = history(repo, "--select", "GOV")["commits"]
    assert all(set(c["families"]) <= {"GOV", "EST"} for c in only)
    single = history(repo, path="estate/base.yaml")["commits"]
    assert [c["subject"] for c in single] == ["The legacy estate", "Review after crm's waiver expired"]


def test_the_table_and_the_csv(repo):
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        table = invoke("history", "estate", "--lang", "fr").output
        csv = invoke("history", "estate", "--format", "csv", "--csv-delimiter", ";").output
    finally:
        os.chdir(cwd)
    assert "6 commits ont modifié le patrimoine." in table
    assert "date        commit      auteur" in table
    assert "ACC : Accès depuis tout objet d'accès" in table  # the legend of the family columns
    rows = [line.split(";") for line in csv.lstrip("\ufeff").splitlines()]
    assert rows[0][:4] == ["date", "commit", "author", "score"] and len(rows) == 7
    assert rows[1][0] == "2026-01-05" and "," in rows[1][3]


def test_a_folder_outside_git_and_a_bad_range_are_exit_2(tmp_path, repo):
    (tmp_path / "estate.yaml").write_text("version: 1\n")
    result = invoke("history", tmp_path / "estate.yaml")
    assert result.exit_code == 2 and "not in a git repository" in result.output
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        result = invoke("history", "estate", "--range", "no-such-branch")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2 and "git rev-list failed" in result.output


def test_processes_sharing_the_commits_give_the_same_history(repo):
    import datetime

    from si_lint.rules.catalogue import load_catalogue
    from si_lint.rules.settings import Settings
    from si_lint.score.history import history as read

    cwd = os.getcwd()
    os.chdir(repo)
    try:
        catalogue, settings = load_catalogue(), Settings(today=datetime.date(2026, 11, 23))
        alone = read(["estate"], settings, catalogue, jobs=1)
        shared = read(["estate"], settings, catalogue, jobs=3)
    finally:
        os.chdir(cwd)
    assert len(alone) == 6 and shared == alone


def test_a_file_that_is_not_utf8_at_some_commit_is_that_commits_finding(tmp_path):
    """Issue 22 (item 12): as invalid YAML is, not an end of the whole history (docs/scoring.md)."""
    git(tmp_path, "init", "-q")
    (tmp_path / "estate.yaml").write_bytes("version: 1\norganization: Dupont Mécanique\n".encode("latin-1"))
    commit(tmp_path, "Latin-1", "2026-01-05")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = invoke("history", "estate.yaml", "--format", "json")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0
    [point] = json.loads(result.output)["commits"]
    assert point["findings"]["error"] == 1 and point["families"] == {"EST": 1}


def test_a_commit_subject_cannot_run_as_a_formula_in_the_spreadsheet(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "estate.yaml").write_text("version: 1\n")
    commit(tmp_path, '=HYPERLINK("http://evil.example","x")', "2026-01-05")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = invoke("history", "estate.yaml", "--format", "csv")
    finally:
        os.chdir(cwd)
    assert result.output.startswith("\ufeffdate,commit,author,score,")
    assert result.output.splitlines()[1].endswith(',"\'=HYPERLINK(""http://evil.example"",""x"")"')
