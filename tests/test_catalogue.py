"""The catalogue as a whole: the spec's rules exactly, complete texts, runnable examples, wired checks, fresh docs."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, SHARED, skip_or_fail
from si_lint.cli.explain import catalogue_markdown
from si_lint.rules.catalogue import LANGUAGES, builtin_rule_files, load_catalogue
from si_lint.rules.checks import CHECKS
from si_lint.rules.engine import lint_text
from si_lint.rules.settings import Settings
from si_lint.rules.verify import VERIFY_DAY, verify_rule

SPEC = SHARED / "spec" / "rules.md"
# A table row of rules.md: | CODE | name | severity | ... ; the EST table has no severity column.
ROW = re.compile(r"^\|\s*([A-Z]{3}[0-9]{3})\s*\|\s*([a-z0-9-]+)\s*\|(?:\s*(error|warning|info)\s*\|)?", re.M)
# Rules run by the engine itself rather than by a check function.
ENGINE_CHECKS = {"waivers", "pipeline"}

CATALOGUE = load_catalogue()
RULES = list(CATALOGUE)
TEXT_KEYS = ("title", "checks", "message", "rationale", "remediation")


def spec_rules(preview: bool = False) -> dict:
    """The rules of the stable tables, or (preview=True) of the 1.1 "New rules (preview)" table."""
    if not SPEC.is_file():
        skip_or_fail(f"the spec is not beside the repository ({SPEC}); CI checks out ../shared")
    text = SPEC.read_text(encoding="utf-8")
    before, _, rest = text.partition("### New rules (preview)")
    preview_table, _, after = rest.partition("\n### ")
    text = preview_table if preview else before + after
    return {code: (name, severity or "error") for code, name, severity in ROW.findall(text)}


def fired(rule, text, catalogue, lang):
    result = lint_text(text, Settings(today=VERIFY_DAY, lang=lang), catalogue, path="example.yaml")
    return [d for d in result.diagnostics if d.code == rule.code]


def test_the_spec_tables_are_read_whole():
    # 30 principle rules (ACC 5, CLD 6, COL 5, DAT 3, AVL 4, INT 2, CST 1, GOV 4) and 6 EST rules
    rules = spec_rules()
    assert len(rules) == 36
    assert set(spec_rules(preview=True)) == {"ACC006", "ACC007", "CLD007", "COL006"}
    assert rules["AVL002"] == ("end-to-end-availability", "error")
    assert rules["EST004"] == ("unknown-reference", "error")


# Rules 1.2, "Stable": CLD007 runs without --preview; ACC006, ACC007 and COL006 stay in preview.
STABLE_IN_1_2 = {"CLD007"}


def test_every_rule_of_the_spec_exists_with_its_code_name_and_severity():
    stable = {rule.code: (rule.name, rule.severity) for rule in RULES if rule.status == "stable"}
    made_stable = {code: row for code, row in spec_rules(preview=True).items() if code in STABLE_IN_1_2}
    assert stable == {**spec_rules(), **made_stable}


def test_the_new_rules_of_1_1_are_in_preview_but_those_1_2_made_stable():
    preview = {rule.code: (rule.name, rule.severity) for rule in RULES if rule.status == "preview"}
    assert preview == {code: row for code, row in spec_rules(preview=True).items() if code not in STABLE_IN_1_2}


def test_rule_codes_are_unique_and_files_named_after_them():
    names = [path.name for path in builtin_rule_files()]
    codes = [name.split("-", 1)[0] for name in names]
    assert len(codes) == len(set(codes))
    assert sorted(names) == sorted(f"{rule.code}-{rule.name}.yaml" for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_speaks_both_languages(rule):
    for lang in LANGUAGES:
        for key in TEXT_KEYS:
            assert rule.texts[lang][key].strip(), f"{rule.code} {lang}.{key} is empty"
    for key in TEXT_KEYS:
        english = rule.texts["en"][key]
        # a message that is only a placeholder ("{problem}") has no words of its own to translate
        if re.search(r"[A-Za-z]", re.sub(r"\{[a-z_]+\}", "", english)):
            assert rule.texts["fr"][key] != english, f"{rule.code} fr.{key} is not translated"


@pytest.mark.parametrize("rule", [r for r in RULES if r.family != "EST"], ids=lambda rule: rule.code)
def test_every_principle_rule_cites_its_principle_and_source(rule):
    assert re.fullmatch(r"P[0-9]{3}-[a-z0-9-]+", rule.principle or ""), rule.principle
    assert rule.source and rule.source["section"]
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        assert (seeds / rule.source["file"]).is_file(), rule.source["file"]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_examples_behave(rule):
    assert verify_rule(rule, CATALOGUE) == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_message_is_filled_in(rule, lang):
    # a placeholder the check does not provide stays as written: "{stores}" in front of a user
    for diagnostic in fired(rule, rule.examples["non_compliant"], CATALOGUE, lang):
        assert not re.search(r"\{[a-z_]+\}", diagnostic.message), diagnostic.message


def test_every_named_check_exists():
    unknown = {
        rule.code: rule.check
        for rule in RULES
        if rule.check is not None and rule.check not in CHECKS and rule.check not in ENGINE_CHECKS
    }
    assert unknown == {}


@pytest.mark.parametrize(
    "rule",
    [rule for rule in RULES if (rule.when is not None or rule.applies_to is not None) and rule.check is None],
    ids=lambda rule: rule.code,
)
def test_every_built_in_condition_keeps_to_the_condition_metaschema(rule):
    """Custom conditions are checked at load; the built-in ones here, so that start-up does not pay for it:
    each built-in rule with a condition loads as a custom rule would."""
    from si_lint.rules.catalogue import parse_rule

    path = next(path for path in builtin_rule_files() if path.name.startswith(rule.code))
    parse_rule(path.read_text(encoding="utf-8"), path.name, builtin=False)


@pytest.mark.parametrize(
    "lang, words", [("en", "looks at one entity at a time"), ("fr", "examine une entité à la fois")]
)
def test_an_entity_check_with_an_estate_scope_is_refused_at_load(lang, words):
    """An entity check is run for each entity of its scope: with `scope: estate` it would never run."""
    from si_lint.i18n.messages import render
    from si_lint.rules.catalogue import parse_rule
    from si_lint.rules.diagnostic import InputError

    path = next(path for path in builtin_rule_files() if path.name.startswith("ACC003"))
    text = path.read_text(encoding="utf-8").replace("scope: applications", "scope: estate")
    with pytest.raises(InputError) as raised:
        parse_rule(text, "ACC003-any-device.yaml", builtin=True)
    assert raised.value.where.startswith("ACC003-any-device.yaml:")
    assert "missing_devices" in render(lang, raised.value.message) and words in render(lang, raised.value.message)


def test_every_check_is_used_by_a_rule():
    used = {rule.check for rule in RULES}
    assert sorted(set(CHECKS) - used) == []


@pytest.mark.parametrize("lang, name", [("en", "rules.md"), ("fr", "rules.fr.md")])
def test_rule_docs_are_regenerated(lang, name):
    path = REPO / "docs" / name
    assert path.is_file(), f"docs/{name} is missing: run `python -m si_lint.cli.explain`"
    assert path.read_text(encoding="utf-8") == catalogue_markdown(CATALOGUE, lang), (
        f"docs/{name} is stale: run `python -m si_lint.cli.explain` and commit the result"
    )


# --- EST rules are rules like the others ----------------------------------------------------------


def test_an_est_rule_file_gives_its_findings_their_name_severity_and_words():
    """Renaming or rewording EST003's rule file changes what EST003 findings say: the file is the one source."""
    from dataclasses import replace

    from si_lint.rules.catalogue import Catalogue

    est003 = CATALOGUE["EST003"]
    texts = {lang: dict(est003.texts[lang], message="format: {problem}") for lang in LANGUAGES}
    changed = replace(est003, name="estate-format", severity="warning", texts=texts)
    catalogue = Catalogue([changed if rule.code == "EST003" else rule for rule in RULES])
    estate = "version: 1\napplications:\n  crm: {usage: core}\n"
    [before] = lint_text(estate, Settings(), CATALOGUE, path="e.yaml").diagnostics
    [after] = lint_text(estate, Settings(), catalogue, path="e.yaml").diagnostics
    assert (before.rule, before.severity) == ("schema", "error")
    assert (after.rule, after.severity) == ("estate-format", "warning")
    assert after.message == "format: " + before.message
