"""Shared helpers: lint YAML text and get findings as (code, entity, line, column) tuples."""

from __future__ import annotations

import datetime
import os
import textwrap
from pathlib import Path

import pytest
from si_lint.rules.catalogue import load_catalogue
from si_lint.rules.engine import lint, lint_text
from si_lint.rules.settings import Settings

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


def needs(present: bool, reason: str):
    """A marker that skips on a developer's partial checkout; in CI the test runs, and fails without it."""
    return pytest.mark.skipif(not present and not os.environ.get("CI"), reason=reason)


def skip_or_fail(reason: str):
    """Skip on a developer's partial checkout, but fail in CI, where everything must be there."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must provide it)")
    pytest.skip(reason)


# Property-based tests (tests/test_properties.py): a quick run while working, a fixed and larger one in CI
# (the same examples every run, so a submission never fails by chance), a campaign on demand:
# HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_properties.py
from hypothesis import HealthCheck  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

_PROPERTIES = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
hypothesis_settings.register_profile("default", max_examples=40, **_PROPERTIES)
hypothesis_settings.register_profile("ci", max_examples=150, derandomize=True, database=None, **_PROPERTIES)
hypothesis_settings.register_profile("fuzz", max_examples=5000, **_PROPERTIES)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default"))
