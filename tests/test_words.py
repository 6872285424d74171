"""The two word catalogues say the same things: same keys, same placeholders."""

from __future__ import annotations

import string

from si_lint.words_en import WORDS as ENGLISH
from si_lint.words_fr import WORDS as FRENCH


def placeholders(template: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_both_languages_have_the_same_keys():
    assert sorted(set(ENGLISH) ^ set(FRENCH)) == []


def test_each_key_has_the_same_placeholders_in_both_languages():
    assert [key for key in ENGLISH if placeholders(ENGLISH[key]) != placeholders(FRENCH[key])] == []
