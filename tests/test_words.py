"""The word catalogue: every key in both languages, with the same placeholders, and French that looks French."""

from __future__ import annotations

import re
import string

import pytest
from si_lint.i18n.words_en import WORDS as EN
from si_lint.i18n.words_fr import WORDS as FR


def placeholders(template: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_both_languages_have_the_same_keys():
    assert set(EN) - set(FR) == set()
    assert set(FR) - set(EN) == set()


@pytest.mark.parametrize("key", sorted(EN))
def test_each_key_has_the_same_placeholders_in_both_languages(key):
    assert placeholders(EN[key]) == placeholders(FR[key])


@pytest.mark.parametrize("key", sorted(FR))
def test_french_puts_a_space_before_double_punctuation(key):
    # « : », « ; », « ? », « ! » take a space before them in French (not in code, paths or placeholders).
    words = re.sub(r"`[^`]*`|\{[^{}]*\}|https?://\S+|\"[^\"]*\"", "", FR[key])  # code, placeholders, literals
    assert not re.search(r"[^\s\d(«][;?!]|[a-zé»)][:](?=\s|$)", words), FR[key]
