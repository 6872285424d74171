"""The word catalogue: every key in both languages, with the same placeholders, so no message falls back or breaks."""

from __future__ import annotations

import string

import pytest

from si_lint.words_en import WORDS as ENGLISH
from si_lint.words_fr import WORDS as FRENCH


def placeholders(template: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_both_languages_have_the_same_keys():
    assert sorted(set(ENGLISH) ^ set(FRENCH)) == []


@pytest.mark.parametrize("key", sorted(ENGLISH))
def test_a_message_has_the_same_placeholders_in_both_languages(key):
    assert placeholders(ENGLISH[key]) == placeholders(FRENCH.get(key, ENGLISH[key]))
