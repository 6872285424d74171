"""The same findings in both languages, and French output that is French throughout (issue 10)."""

from __future__ import annotations

import re
import sys

import pytest
from click.testing import CliRunner
from conftest import REPO, TODAY, lint_paths
from si_lint.cli.explain import explain_rule
from si_lint.cli.main import main
from si_lint.rules.catalogue import load_catalogue

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate_estate

EXAMPLES = [
    REPO / "examples" / "compliant" / "estate.yaml",
    REPO / "examples" / "legacy" / "estate.yaml",
    REPO / "examples" / "multi-file",
]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("generated") / "estate.yaml"
    path.write_text(generate_estate(60), encoding="utf-8")
    return path


def what(result) -> list:
    return [(d.code, d.entity, d.file, d.line, d.column, d.unstated) for d in result.diagnostics + result.waived]


@pytest.mark.parametrize("preview", [False, True])
def test_both_languages_find_the_same_things_at_the_same_places(generated, preview):
    for path in EXAMPLES + [generated]:
        english = lint_paths([path], lang="en", preview=preview)
        french = lint_paths([path], lang="fr", preview=preview)
        assert what(english) == what(french), path
        assert what(english)  # something is compared


# English words that must not appear in French output, outside code, ids, YAML and placeholders
ENGLISH = re.compile(r"\b(error|errors|warning|warnings|waived|passed|failed)\b|\(none\)")
# A decimal point in a number before % or a currency: French writes 99,94 % and 22,5 €
POINT = re.compile(r"\d\.\d+\s?(%|€|EUR)")


def french_words(text: str) -> str:
    """The prose of an output: without code spans, YAML blocks, file paths, ids and field names."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"^    .*$", "", text, flags=re.M)  # the examples of `explain`, indented YAML
    text = re.sub(r"\S+\.ya?ml(:\d+)*", "", text)
    return re.sub(r"\b[a-z_]+\.[a-z_.]+\b", "", text)  # dotted field names


def invoke(*args) -> str:
    return CliRunner().invoke(main, [str(a) for a in args] + ["--lang", "fr"], catch_exceptions=False).output


@pytest.mark.parametrize("format_name", ["text", "markdown", "table", "html"])
def test_french_reports_hold_no_english_severity_and_no_decimal_point(tmp_path, format_name):
    for path in EXAMPLES:
        output = tmp_path / "report"
        invoke(path, "--format", format_name, "--output", output, "--today", TODAY, "--show-waived", "--preview")
        text = output.read_text(encoding="utf-8")
        if format_name == "html":
            text = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]+>", " ", text, flags=re.S)
        prose = french_words(text)
        assert not ENGLISH.search(prose), (path, ENGLISH.search(prose).group(0))
        assert not POINT.search(prose), (path, POINT.search(prose).group(0))


def test_statistics_are_french_too():
    prose = french_words(invoke(EXAMPLES[1], "--statistics", "--today", TODAY))
    assert "Complétude" in prose
    assert not ENGLISH.search(prose) and not POINT.search(prose)


@pytest.mark.parametrize("rule", list(load_catalogue()), ids=lambda rule: rule.code)
def test_explain_in_french_is_french(rule):
    prose = french_words(explain_rule(rule, "fr"))
    assert not ENGLISH.search(prose), ENGLISH.search(prose).group(0)
    assert not POINT.search(prose), POINT.search(prose).group(0)
