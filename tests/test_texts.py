"""Texts that say what the author says, in the French a French architect writes (issue 24).

Every « quote » of a rule file or of a seed digest is found in its source
document, and French output keeps none of the patterns a French reader
flagged: "compte comme", "tourne", an ISO date inside a sentence.
"""

from __future__ import annotations

import re
import sys

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO, SHARED, TODAY, needs, run
from si_lint.cli.explain import explain_rule
from si_lint.cli.main import main

SOURCES = SHARED / "seeds"
RULE_FILES = sorted((REPO / "rules").glob("*.yaml"))
DIGESTS = sorted((REPO / "seeds").glob("[0-9][0-9][0-9]_*.md"))
EXAMPLES = [
    REPO / "examples" / "compliant" / "estate.yaml",
    REPO / "examples" / "legacy" / "estate.yaml",
    REPO / "examples" / "multi-file",
]
# The texts of a rule that may quote its source; messages quote ids (« {id} »), not the author.
QUOTING = ("title", "checks", "rationale", "remediation")

QUOTE = re.compile(r"«\s*(.*?)\s*»", re.S)
# An ellipsis, bare or in brackets, marks words left out: what stands on each side is quoted separately.
CUT = re.compile(r"\[?(?:\.\.\.|…)\]?")


def normalised(text: str) -> str:
    """Typographic apostrophes and quotes as plain ones, every run of spaces (non-breaking too) as one space."""
    for fancy, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(fancy, plain)
    return " ".join(text.split())


def found(quote: str, source: str) -> bool:
    """Whether `quote` is in `source` as written: each part between ellipses, in order, each one contiguous."""
    position = 0
    for part in (normalised(p) for p in CUT.split(quote)):
        if not part:
            continue
        at = source.find(part, position)
        if at < 0:
            return False
        position = at + len(part)
    return True


def source_text(name: str) -> str:
    return normalised((SOURCES / name).read_text(encoding="utf-8"))


def rule_quotes(rule: dict) -> list:
    texts = list(rule["source"]["section"].values())
    texts += [rule[lang][key] for lang in ("en", "fr") for key in QUOTING if key in rule[lang]]
    return [quote for text in texts for quote in QUOTE.findall(text)]


@needs(SOURCES.is_dir(), "the source documents are in shared/seeds")
def test_the_check_catches_a_rebuilt_list_and_accepts_a_cut_marked_as_such():
    source = source_text("002_e66ecd2101354cf2.txt")
    assert found("reprendre le contrôle de leurs données sous toutes leurs formes", source)
    assert not found(
        "reprendre le contrôle de leurs données sous toutes leurs formes : structurées, multimédia, "
        "documents bureautiques, géographiques",
        source,
    )
    assert found("IaaS […] deux fournisseurs parmi les trois leaders", source)
    assert not found("deux fournisseurs parmi les trois leaders […] IaaS", source)  # parts out of order
    assert found('Les responsables des usages "S" peuvent', source)
    assert not found("Les responsables des usages S peuvent", source)


@needs(SOURCES.is_dir(), "the source documents are in shared/seeds")
@pytest.mark.parametrize("path", RULE_FILES, ids=lambda path: path.stem[:6])
def test_every_quote_in_a_rule_file_is_in_its_source(path):
    rule = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "source" not in rule:
        return
    source = source_text(rule["source"]["file"])
    for quote in rule_quotes(rule):
        assert found(quote, source), f"{path.name}: « {quote} » is not in {rule['source']['file']}"


@needs(SOURCES.is_dir(), "the source documents are in shared/seeds")
@pytest.mark.parametrize("path", DIGESTS, ids=lambda path: path.stem[:3])
def test_every_quote_in_a_seed_digest_is_in_its_source(path):
    [name] = [p.name for p in SOURCES.glob(path.name[:4] + "*.txt")]
    source = source_text(name)
    for quote in QUOTE.findall(path.read_text(encoding="utf-8")):
        assert found(quote, source), f"{path.name}: « {quote} » is not in {name}"


# --- French as a French reader writes it ------------------------------------------------------

# Patterns a French reader flagged: each one is wrong wherever it comes back.
NOT_FRENCH = {
    "compte comme": re.compile(r"\bcompt(e|ent|é|ée|és|ées) comme\b"),
    "tourne": re.compile(r"\btourn(e|ent|ant)\b"),
    "« de partout par internet »": re.compile(r"de partout par internet"),
    "« garde les données »": re.compile(r"\bgarde (les|des) données\b"),
    "« laisse un même contenu exister »": re.compile(r"laisse un même contenu exister"),
    "« aucune famille n'est comptée »": re.compile(r"aucune (famille )?n'est comptée"),
}
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def sentences(output: str) -> list:
    """The messages of a text report, without their file:line:col and code, nor the values quoted in « »."""
    messages = [line.split("] ", 1)[1] for line in output.splitlines() if "] " in line]
    return [re.sub(r"«[^»]*»", "« »", message) for message in messages]


def problems(messages: list) -> list:
    found_here = [
        (name, message) for message in messages for name, pattern in NOT_FRENCH.items() if pattern.search(message)
    ]
    return found_here + [("ISO date", message) for message in messages if ISO_DAY.search(message)]


def french_report(path) -> str:
    args = [str(path), "--lang", "fr", "--preview", "--today", TODAY.isoformat(), "--show-waived"]
    return CliRunner().invoke(main, args, catch_exceptions=False).output


def test_the_patterns_are_caught():
    caught = problems(
        sentences(
            "e.yaml:1:1: X [erreur] « a » compte comme non partagée\n"
            "e.yaml:2:1: X [erreur] « b » tourne dans la version 2013\n"
            "e.yaml:3:1: X [erreur] a expiré le 2025-01-01\n"
            "e.yaml:4:1: X [erreur] « 2025-01-01 » n'est pas une date valide\n"
        )
    )
    assert [name for name, _ in caught] == ["compte comme", "tourne", "ISO date"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem if path.is_file() else path.name)
def test_french_output_of_the_examples(path):
    messages = sentences(french_report(path))
    assert messages
    assert problems(messages) == []


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda path: path.stem[:6])
def test_french_output_of_the_rule_examples(tmp_path, path):
    rule = yaml.safe_load(path.read_text(encoding="utf-8"))
    estate = tmp_path / "estate.yaml"
    estate.write_text(rule["examples"]["non_compliant"], encoding="utf-8")
    messages = sentences(french_report(estate))
    assert problems(messages) == []


def test_french_output_of_a_generated_estate(tmp_path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate_estate

    estate = tmp_path / "estate.yaml"
    estate.write_text(generate_estate(60), encoding="utf-8")
    messages = sentences(french_report(estate))
    assert len(messages) > 50
    assert problems(messages) == []


ESTATE = """\
version: 1
workforce: 900
applications:
  mail:
    usage: support
    category: messaging
    lifecycle: {end_of_support: 2023-04-11}
    waivers:
      - {rule: ACC004, reason: dialer, expires: 2025-01-01}
  suite: {usage: support, category: office, users: 300}
"""


def test_dates_inside_sentences_are_words():
    from si_lint.rules.catalogue import load_catalogue

    result = run(ESTATE, load_catalogue(), preview=True, lang="fr")
    messages = {d.code: d.message for d in result.diagnostics}
    assert "a pris fin le 11 avril 2023 (nous sommes le 23 novembre 2026)" in messages["CLD007"]
    assert "a expiré le 1er janvier 2025" in messages["GOV003"]
    assert problems(list(messages.values())) == []
    english = {d.code: d.message for d in run(ESTATE, load_catalogue(), preview=True).diagnostics}
    assert "ended on 11 April 2023 (today is 23 November 2026)" in english["CLD007"]


# --- explain says what the author says, and what is si-lint's ---------------------------------


def explained(code: str, lang: str) -> str:
    from si_lint.rules.catalogue import load_catalogue

    return " ".join(explain_rule(load_catalogue()[code], lang).split())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_explain_cld007_names_its_principle_and_what_it_checks_beyond_the_author(lang):
    text = explained("CLD007", lang)
    assert "P002-office-first" in text and "P002-no-updates" not in text
    assert "disponibles depuis plus de 25 ans" in text  # the author's words, whole
    assert all(code in text for code in ("CLD001", "CLD003", "ACC004"))  # the rest of what he condemns
    assert "si-lint" in text  # the reading that is not the author's says so
    assert "SaaS" in text  # the remedy: leave the product for a SaaS


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_explain_acc006_says_which_reading_is_si_lints(lang):
    text = explained("ACC006", lang)
    assert "si-lint" in text and "VPN" in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_explain_acc007_says_the_three_families_are_si_lints_default(lang):
    text = explained("ACC007", lang)
    assert "si-lint" in text
    assert "PC, Macintosh, smartphones Android ou iOS, tablettes ou Chromebooks" in text


def test_the_readme_says_the_budget_includes_the_device():
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "10 EUR per user per month for office tools and the access device together" in readme


# --- the parser's own English inside French messages -------------------------------------------


@pytest.mark.parametrize(
    "text, english",
    [
        ("version: 1\na: b: c\n", "mapping values are not allowed"),
        ("version: 1\na: [1, 2\n", "did not find expected ','"),
        ('version: 1\na: "abc\n', "end of stream"),
        ("version: 1\n  a: 1\n b: 2\n", "did not find expected key"),
        ("version: 1\nb:\n\t- x\n", "cannot start any token"),
    ],
)
def test_yaml_syntax_errors_are_worded_in_french(tmp_path, text, english):
    estate = tmp_path / "estate.yaml"
    estate.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, [str(estate), "--lang", "fr"])
    assert result.exit_code == 1
    assert "EST001 [erreur] YAML invalide : " in result.output
    assert english not in result.output and "while " not in result.output


def test_a_yaml_problem_not_yet_worded_keeps_the_parsers_words():
    import yaml
    from si_lint.load.loader import yaml_problem

    error = yaml.MarkedYAMLError(context="while testing", problem="something new")
    assert yaml_problem(error) == "something new (while testing)"


@pytest.mark.parametrize(
    "toml, english",
    [
        ("[tool.si-lint]\nlang = \n", "Invalid value"),
        ('[tool.si-lint]\nfail-on = "error\n', "Illegal character"),
        ("[tool.si-lint]\na b = 1\n", "Expected '='"),
        ("[tool.si-lint]\n[tool.si-lint]\n", "Cannot declare"),
    ],
)
def test_toml_syntax_errors_are_worded_in_french(tmp_path, monkeypatch, toml, english):
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "estate.yaml").write_text("version: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["estate.yaml", "--lang", "fr"])
    assert result.exit_code == 2
    assert "TOML invalide : " in result.output and english not in result.output


def test_a_toml_problem_not_yet_worded_keeps_the_parsers_words():
    from si_lint.config.reading import toml_problem

    assert toml_problem("Something new") == "Something new"


@pytest.mark.parametrize(
    "message, french",
    [
        ("'{id}' is {broken", "une accolade « { » qui n'est pas fermée"),
        ("'{id}' is } broken", "une accolade « } » qui ne ferme rien"),
    ],
)
def test_a_broken_message_template_is_worded_in_french(tmp_path, message, french):
    rule = (REPO / "tests" / "data" / "custom_rules" / "ACME002-content-on-linux.yaml").read_text(encoding="utf-8")
    english = "  message: \"'{id}' is a content application that Linux laptops cannot use (devices: {value})\""
    assert english in rule
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "ACME002-content-on-linux.yaml").write_text(
        rule.replace(english, f'  message: "{message}"'), encoding="utf-8"
    )
    estate = tmp_path / "estate.yaml"
    estate.write_text("version: 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, [str(estate), "--rules-dir", str(folder), "--lang", "fr"])
    assert result.exit_code == 2
    assert french in result.output and "encountered" not in result.output
