"""Habits a new user brings to YAML: a decimal comma, one value where a list is expected; each told how to write it."""

from __future__ import annotations

import pytest
from conftest import run

APP = """\
version: 1
applications:
  crm:
    usage: business
    delivery: saas
    tenancy: multi
    access: {{browser: true}}
    {line}
"""


def est003(line: str, catalogue, lang: str) -> list:
    """(line, column, message) of each EST003 finding on the application with `line` added."""
    result = run(APP.format(line=line), catalogue, lang=lang, select=("EST",))
    return [(d.line, d.column, d.message) for d in result.diagnostics if d.code == "EST003"]


@pytest.mark.parametrize(
    "lang, message",
    [
        (
            "en",
            "applications.crm.availability.9: unknown field '9': on one line, between braces, a comma separates "
            "fields, so `target: 99,9` was read as two; write `target: 99.9`, with a decimal point",
        ),
        (
            "fr",
            "applications.crm.availability.9 : champ inconnu « 9 » : sur une ligne, entre "
            "accolades, la virgule sépare les champs, et `target: 99,9` a été lu comme deux champs ; écrire "
            "`target: 99.9`, avec un point décimal",
        ),
    ],
)
def test_a_decimal_comma_between_braces_says_to_write_a_point(catalogue, lang, message):
    assert est003("availability: {target: 99,9}", catalogue, lang) == [(8, 31, message)]


@pytest.mark.parametrize(
    "lang, message",
    [
        (
            "en",
            "applications.crm.availability.target: '99,9' is text, expected a number: write `99.9`, with a decimal "
            "point",
        ),
        (
            "fr",
            "applications.crm.availability.target : « 99,9 » est du texte, pas un nombre : "
            "écrire `99.9`, avec un point décimal",
        ),
    ],
)
def test_a_decimal_comma_on_its_own_line_says_to_write_a_point(catalogue, lang, message):
    assert est003("availability:\n      target: 99,9", catalogue, lang) == [(9, 7, message)]


@pytest.mark.parametrize(
    "line",
    ["availability: {target: 99.9}", "availability: {target: 99, own: true}", "availability:\n      target: 99.9"],
)
def test_a_decimal_point_or_a_real_second_field_is_no_comma_problem(catalogue, line):
    assert [message for *_, message in est003(line, catalogue, "en") if "decimal" in message] == []


def test_an_unknown_field_that_is_no_split_number_keeps_its_hint(catalogue):
    for line in ("availability: {target: 99, 9: x}", "availability: {target: high, 9}"):
        assert est003(line, catalogue, "en")[-1][2].endswith("unknown field '9'; known fields: target, own")


@pytest.mark.parametrize(
    "lang, message",
    [
        ("en", "applications.crm.audience: 'external' is text, expected a list: write `[external]`, even for one item"),
        (
            "fr",
            "applications.crm.audience : « external » est du texte, pas une liste : écrire "
            "`[external]`, même pour un seul élément",
        ),
    ],
)
def test_one_value_where_a_list_is_expected_says_how_to_write_the_list(catalogue, lang, message):
    assert est003("audience: external", catalogue, lang) == [(8, 5, message)]


def test_a_list_of_one_is_accepted(catalogue):
    assert est003("audience: [external]", catalogue, "en") == []


def test_items_written_without_brackets_are_told_the_list_they_make(catalogue):
    (found,) = est003("exchange_formats: pdf, csv", catalogue, "en")
    assert found[2] == (
        "applications.crm.exchange_formats: 'pdf, csv' is text, expected a list: write `[pdf, csv]`, even for one item"
    )


def test_a_number_where_a_list_is_expected_keeps_the_plain_message(catalogue):
    (found,) = est003("audience: 5", catalogue, "en")
    assert found[2] == "applications.crm.audience: 5 is a number, expected a list"
