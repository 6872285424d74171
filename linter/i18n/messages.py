"""Every word si-lint shows its users, outside the rule files: one table per language.

Stages and commands never build sentences: they describe what they found as
a `Text` (a key and its parameters), and the words are chosen here when the
language is known. The same finding therefore has one identity whatever the
language, and output in French is French throughout.

One module of keyed templates rather than gettext: gettext needs compiled
catalogues at build time and falls back to English in silence when a key is
missing, while a plain table is checked by a test (same keys, same
placeholders in both languages) and imports in a fraction of a millisecond.
The templates themselves live in `words_en.py` and `words_fr.py`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, Optional, Union

LANGUAGES = ("en", "fr")


class Text:
    """A message not yet put into words: a catalogue key and its parameters.

    Parameters may be strings, numbers, other `Text`s or `Listing`s; they
    are put into words with the message. Texts are values: equal when their
    key and parameters are, hashable, so findings are compared on what they
    say, never on how one language says it.
    """

    __slots__ = ("key", "params", "_hash")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = {name: frozen(value) for name, value in params.items()}
        self._hash: Optional[int] = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self.key == other.key and self.params == other.params

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash((self.key, tuple(sorted(self.params.items()))))
        return self._hash

    def __repr__(self) -> str:
        return f"Text({self.key!r}, {self.params!r})"

    def __str__(self) -> str:
        return render("en", self)


class Listing:
    """Values joined for reading: `a, b, c`, or with the language's "or" / "and" before the last."""

    __slots__ = ("items", "conjunction")

    def __init__(self, items: Iterable[Any], conjunction: str = "") -> None:
        self.items = tuple(frozen(item) for item in items)
        self.conjunction = conjunction  # "", "or" or "and"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Listing) and (self.items, self.conjunction) == (other.items, other.conjunction)

    def __hash__(self) -> int:
        return hash((self.items, self.conjunction))

    def __repr__(self) -> str:
        return f"Listing({self.items!r}, {self.conjunction!r})"


class Plural:
    """`{n} thing` or `{n} things`: the catalogue's `key.one` or `key.other`, chosen when put into words."""

    __slots__ = ("key", "n")

    def __init__(self, key: str, n: int) -> None:
        self.key, self.n = key, n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plural) and (self.key, self.n) == (other.key, other.n)

    def __hash__(self) -> int:
        return hash((self.key, self.n))


class Money:
    """An amount in a currency: `22.5 EUR` in English, `22,5 €` in French."""

    __slots__ = ("amount", "currency")

    def __init__(self, amount: Union[int, float], currency: str) -> None:
        self.amount, self.currency = amount, currency

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Money) and (self.amount, self.currency) == (other.amount, other.currency)

    def __hash__(self) -> int:
        return hash((self.amount, self.currency))


class Day:
    """A calendar day inside a sentence: `1 January 2025` in English, `1er janvier 2025` in French.

    Made from the ISO text the estate holds; machine formats and file positions keep that text,
    and text that is not a valid day is shown as it is.
    """

    __slots__ = ("iso",)

    def __init__(self, iso: object) -> None:
        self.iso = str(iso)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Day) and self.iso == other.iso

    def __hash__(self) -> int:
        return hash(self.iso)

    def __repr__(self) -> str:
        return f"Day({self.iso!r})"


def frozen(value: Any) -> Any:
    """The value with its lists as tuples and its mappings hashable, so that it can be hashed and compared
    (a message may quote what the user wrote where text was expected: `type: {}`)."""
    if isinstance(value, list):
        return tuple(frozen(item) for item in value)
    if isinstance(value, dict):
        return _FrozenMapping((key, frozen(item)) for key, item in value.items())
    return value


class _FrozenMapping(dict[Any, Any]):
    """A mapping quoted in a message: shown as the mapping it is, and hashable."""

    def __hash__(self) -> int:  # type: ignore[override]  # dict declares __hash__ = None; a quoted mapping is a value
        return hash(frozenset(self.items()))


def _table(lang: str) -> dict[str, str]:
    if lang == "fr":
        from .words_fr import WORDS
    else:
        from .words_en import WORDS
    return WORDS


def say(lang: str, key: str, /, **params: Any) -> str:
    """The template `key` in `lang`, filled in; parameters are put into words first."""
    return render(lang, Text(key, **params))


def template(lang: str, key: str) -> str:
    """The template itself, placeholders unfilled: for a page's script to fill in."""
    return _table(lang)[key]


def count(lang: str, key: str, n: int) -> str:
    """`key.one` or `key.other`, as `n` asks in `lang`."""
    return say(lang, plural_key(lang, key, n), n=n)


def plural_key(lang: str, key: str, n: int) -> str:
    """`key.one` or `key.other` for `n` in `lang` (French: 0 and 1 are singular)."""
    one = n in (0, 1) if lang == "fr" else n == 1
    return f"{key}.{'one' if one else 'other'}"


def render(lang: str, value: Union[Text, Listing, Plural, Money, Day, str, int, float, None]) -> str:
    """Any message value in words: a Text, a Listing, a number in the language's form, or text as it is."""
    if isinstance(value, Text):
        filled = {name: render(lang, param) for name, param in value.params.items()}
        return _table(lang)[value.key].format(**filled)
    if isinstance(value, Listing):
        items = [render(lang, item) for item in value.items]
        if value.conjunction and len(items) > 1:
            last = _table(lang)["word." + value.conjunction]
            return f"{', '.join(items[:-1])} {last} {items[-1]}"
        return ", ".join(items)
    if isinstance(value, Plural):
        return count(lang, value.key, value.n)
    if isinstance(value, Money):
        symbol = "€" if lang == "fr" and value.currency == "EUR" else value.currency
        return f"{amount(lang, value.amount)} {symbol}"
    if isinstance(value, Day):
        return day(lang, value.iso)
    if isinstance(value, (tuple, list)):
        return ", ".join(render(lang, item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number(lang, value)
    return "" if value is None else str(value)


def number(lang: str, value: Union[int, float]) -> str:
    """12345.5 -> '12,345.5' in English, '12 345,5' in French; up to nine decimals, no trailing zeros."""
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        text = f"{int(value):,}"
    elif value != value or value in (float("inf"), float("-inf")):
        text = str(value)
    else:
        text = f"{round(value, 9):,.9f}".rstrip("0").rstrip(".")
    if lang == "fr":
        return text.replace(",", " ").replace(".", ",")
    return text


def amount(lang: str, value: Union[int, float]) -> str:
    """A sum of money: whole amounts as they are, others to the cent (47.5 -> '47.50' in English, '47,50' in French)."""
    if isinstance(value, int) or not math.isfinite(value) or value.is_integer():
        return number(lang, value)
    text = f"{value:,.2f}"
    return text.replace(",", " ").replace(".", ",") if lang == "fr" else text


def day(lang: str, iso: str) -> str:
    """'2025-01-01' -> '1 January 2025' in English, '1er janvier 2025' in French; other text as it is."""
    import datetime

    try:
        when = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso
    key = "date.first_of_month" if when.day == 1 else "date.day"
    return say(lang, key, day=when.day, month=say(lang, f"month.{when.month}"), year=str(when.year))


def percent(lang: str, value: Union[int, float], digits: Optional[int] = None) -> str:
    """99.94 -> '99.94%' in English, '99,94 %' in French; `digits` fixes the decimals shown."""
    if digits is None:
        text = number(lang, value)
    else:
        text = f"{value:.{digits}f}"
        if lang == "fr":
            text = text.replace(".", ",")
    return f"{text} %" if lang == "fr" else f"{text}%"


def families() -> tuple[str, ...]:
    """The built-in rule families, in the order reports show them (their names' order in the catalogue)."""
    return tuple(key[len("family.") :] for key in _table("en") if key.startswith("family."))


def family_name(lang: str, family: str) -> str:
    """A rule family's name (`Availability`), or its code for a custom family the catalogue does not name."""
    key = "family." + family
    return say(lang, key) if key in _table(lang) else family


def hint(word: str, candidates: Iterable[object], n: int = 1) -> Union[Text, str]:
    """` (did you mean 'x'?)` for the closest candidate (or the `n` closest), or nothing."""
    import difflib

    close = difflib.get_close_matches(word, [str(candidate) for candidate in candidates], n=n)
    if len(close) > 1:
        return Text("word.did_you_mean_any", close=Listing((Text("word.quoted", value=c) for c in close), "or"))
    return Text("word.did_you_mean", close=close[0]) if close else ""


def show_value(value: object) -> Union[Text, str]:
    """A value as the user wrote it: text in quotes, true/false, numbers as written, collections by their kind."""
    if isinstance(value, str):
        return Text("word.quoted", value=value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return Text("word.null_value")
    if isinstance(value, dict):
        return Text("word.mapping")
    if isinstance(value, list):
        return Text("word.list")
    return str(value)
