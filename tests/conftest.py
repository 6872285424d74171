"""Shared helpers: lint YAML text and get findings as (code, entity, line, column) tuples."""

from __future__ import annotations

import datetime
import os
import textwrap
from pathlib import Path

import pytest

from si_lint.catalogue import load_catalogue
from si_lint.engine import lint, lint_text
from si_lint.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()


def settings(**overrides) -> Settings:
    overrides.setdefault("today", TODAY)
    return Settings(**overrides)


def run(text: str, catalogue, **overrides):
    """Lint dedented YAML text; returns the engine's Result."""
    return lint_text(textwrap.dedent(text), settings(**overrides), catalogue, path="estate.yaml")


def findings(text: str, catalogue, code: str | None = None, **overrides) -> list:
    """(code, entity, line, column) of every finding in force, optionally of one code."""
    result = run(text, catalogue, **overrides)
    return [(d.code, d.entity, d.line, d.column) for d in result.diagnostics if code is None or d.code == code]


def lint_paths(paths, **overrides):
    return lint([str(p) for p in paths], settings(**overrides))


def skip_or_fail(reason: str):
    """Skip on a developer's partial checkout, but fail in CI, where everything must be there."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must provide it)")
    pytest.skip(reason)
