"""Releases people can pin: one version, a changelog for it, and docs that name only revisions that exist."""

from __future__ import annotations

import json
import re
import subprocess
from importlib import metadata

import pytest
import si_lint
from conftest import REPO, skip_or_fail

CHANGELOG = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
PLACEHOLDER = "<rev>"  # docs/ci.md, "Pinning a revision", says what to write instead


def test_the_version_is_written_once_and_everything_reports_it():
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^dynamic = \["version"\]$', pyproject, re.M)
    assert not re.search(r"^version\s*=", pyproject.split("[tool.", 1)[0], re.M)  # no second copy in [project]
    assert metadata.version("si-lint") == si_lint.__version__
    extension = json.loads((REPO / "editors" / "vscode" / "package.json").read_text(encoding="utf-8"))
    assert extension["version"] == si_lint.__version__


def _git(*args) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)


def _exists(revision: str) -> bool:
    return _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode == 0


@pytest.fixture(scope="module")
def repository():
    if _git("rev-parse", "HEAD").returncode != 0:
        skip_or_fail("not a git checkout: the revisions the docs name cannot be looked up")


def test_the_changelog_has_a_section_for_this_version(repository):
    """Keep a Changelog: `## [Unreleased]` on top until the release, then `## [X.Y.Z] - date`; a tag has its section."""
    sections = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d\d-\d\d))?$", CHANGELOG, re.M)
    assert sections and all(date for name, date in sections if name != "Unreleased")
    names = [name for name, _ in sections]
    assert si_lint.__version__ in names or names[0] == "Unreleased"
    for tag in _git("tag", "--list", "v*").stdout.split():
        assert tag[1:] in names, f"tag {tag} has no section in CHANGELOG.md"


# Where a doc pins si-lint: a pre-commit `rev:`, a pip requirement or a git URL, an action's `uses:`.
PINS = re.compile(r"^\s*rev:\s*(\S+)|si-lint@([^\s\"'`)]+)", re.M)


def pins(text: str) -> list:
    return [rev or ref for rev, ref in PINS.findall(text)]


def test_every_revision_the_docs_name_exists_or_is_the_explained_placeholder(repository):
    documents = [REPO / "README.md", REPO / ".pre-commit-hooks.yaml", *sorted((REPO / "docs").glob("*.md"))]
    named = {(path.name, revision) for path in documents for revision in pins(path.read_text(encoding="utf-8"))}
    assert ("ci.md", PLACEHOLDER) in named
    missing = sorted((name, revision) for name, revision in named if revision != PLACEHOLDER and not _exists(revision))
    assert missing == []
    ci = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    assert f"names the revision of si-lint it runs as `{PLACEHOLDER}`" in ci and "## Pinning a revision" in ci


def test_the_pin_check_can_fail():
    assert pins("    rev: v0.1.0\n  SI_LINT: si-lint @ git+https://x/si-lint@v9.9.9\n") == ["v0.1.0", "v9.9.9"]
    assert not _exists("v9.9.9")
