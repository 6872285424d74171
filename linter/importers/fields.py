"""The estate fields an importer may fill, read from the estate JSON Schema, and
how a text value (a spreadsheet cell, a Backstage annotation) becomes one.

Fields that hold ids of other entities (`provider`, `data`, `depends_on`, ...)
are not among `fields()`: a text value cannot be checked against ids the source
does not define. A spreadsheet column may still feed the `references()`: its
cells name a provider, data stores or a product, turned into ids as names are,
and the importer says which of them the estate must still define.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Optional, Union

from ..i18n.messages import Listing, Text
from ..model.vocabulary import ID_PATTERN

if TYPE_CHECKING:
    from ..validate.predicate import Predicate

DEFINITIONS = {"applications": "Application", "data_stores": "DataStore", "infrastructure": "Infrastructure"}

# Default words for yes/no cells, in the two languages inventories are kept in here.
TRUE_WORDS = frozenset({"yes", "y", "true", "1", "x", "oui", "o", "vrai"})
FALSE_WORDS = frozenset({"no", "n", "false", "0", "non", "faux"})
LIST_SEPARATORS = re.compile(r"[;,\n]")
# Fields whose figure is a percentage, and fields that are an amount per user and month: their cells may
# carry the unit (`99,9 %`, `4,00 €`, `12 €/mois`); other numbers may not.
PERCENT_FIELDS = frozenset({"availability", "availability.target", "availability.own"})
MONTHLY_AMOUNT_FIELDS = frozenset({"cost.per_user_month"})
# The estate's default currency (`cost.currency`): an amount in it may show its symbol.
_EURO = r"(?:€|eur|euros?)"
_PER_MONTH = r"(?:(?:/|par|per)(?:utilisateur|user|personne|person)?(?:/|par|per|et(?:par)?)?(?:mois|month|mo))"
_MONEY = re.compile(rf"^{_EURO}?(?P<number>[-+]?[0-9.,]+){_EURO}?{_PER_MONTH}?$")


class ValueProblem(ValueError):
    """A text value that does not fit its field; `text` (a messages.Text) says what was expected."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.key)
        self.text = text


@dataclass(frozen=True)
class Field:
    section: str
    path: str  # dotted, e.g. access.browser
    schema: dict[str, Any]  # the whole field's schema
    many: bool  # a list: the text holds several values
    reference: bool = False  # names other entities: a text becomes an id, as a name does

    @property
    def item(self) -> dict[str, Any]:
        return self.schema.get("items", {}) if self.many else self.schema

    def expected(self) -> Text:
        schema = self.item
        if "enum" in schema:
            return Text("import.expect.one_of", options=Listing(str(option) for option in schema["enum"]))
        kind = schema.get("type")
        if kind == "boolean":
            return Text("import.expect.boolean")
        if kind in ("integer", "number"):
            word = Text("word.whole" if kind == "integer" else "word.number")
            low, high = schema.get("minimum"), schema.get("maximum")
            if low is not None and high is not None:
                return Text("import.expect.range", word=word, low=low, high=high)
            return Text("import.expect.at_least", word=word, low=low) if low is not None else word
        if "pattern" in schema:
            return Text("import.expect.pattern", pattern=schema["pattern"])
        return Text("word.text")

    def parse(self, text: str) -> Any:
        """One value (one item of a list) from text; raises ValueProblem."""
        schema = self.item
        text = text.strip()
        if "enum" in schema:
            value = _enum_lookup(tuple(schema["enum"])).get(slug(text))
        elif schema.get("type") == "boolean":
            word = text.casefold()
            value = True if word in TRUE_WORDS else False if word in FALSE_WORDS else None
        elif schema.get("type") in ("integer", "number"):
            value = _number(text, schema["type"], self.path)
        elif self.reference:
            value = Ids.base(text, self.path.replace("_", "-"))
        elif "pattern" in schema and not re.search(schema["pattern"], text):
            value = text.upper()  # currency codes written in lowercase
        else:
            value = text
        if value is None or not self.accepts(value):
            raise ValueProblem(Text("import.expected", what=self.expected()))
        return value

    def accepts(self, value: Any) -> bool:
        """Whether `value` is valid for one item (or the single value) of this field."""
        return _predicate(self.section, self.path)(value)


def _number(text: str, kind: str, path: str = "") -> Union[int, float, None]:
    """A number as spreadsheets in France and elsewhere write it: "1 234,5", "99,9 %", "4,00 €", "12 €/mois".

    A percentage written without its sign from 0 to 1 is a fraction: a
    spreadsheet keeps `99,9 %` as 0.999, and no availability is 0.999 %.
    """
    cleaned = re.sub(r"[\s\u00a0\u202f_]", "", text).casefold()
    percent = path in PERCENT_FIELDS and cleaned.endswith("%")
    if percent:
        cleaned = cleaned[:-1]
    elif path in MONTHLY_AMOUNT_FIELDS:
        money = _MONEY.match(cleaned)
        cleaned = money.group("number") if money else cleaned
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?", cleaned):
        return None  # float() would also take "nan", "inf" and "1_0"
    value = float(cleaned)
    if not math.isfinite(value):
        return None
    if path in PERCENT_FIELDS and not percent and 0 < value <= 1:
        value = round(value * 100, 10)  # 0.999 * 100 is 99.89999999999999 in binary
    if value.is_integer():
        return int(value)
    return None if kind == "integer" else value


@cache
def _enum_lookup(options: tuple[Any, ...]) -> dict[str, Any]:
    return {slug(str(option)): option for option in options}


@cache
def _predicate(section: str, path: str) -> Predicate:
    from ..validate.predicate import compile_schema

    known = fields(section)
    return compile_schema((known[path] if path in known else references(section)[path]).item)


@cache
def _definition(section: str) -> dict[str, Any]:
    from ..validate.schema import estate_schema

    return estate_schema()["$defs"][DEFINITIONS[section]]


@cache
def fields(section: str) -> dict[str, Field]:
    """dotted path -> Field, for every field of `section` an importer may fill, in schema order."""
    found: dict[str, Field] = {}

    def walk(properties: dict[str, Any], prefix: str) -> None:
        for name, schema in properties.items():
            path = prefix + name
            schema = _resolved(schema)
            mapping = next(
                (
                    alternative
                    for alternative in schema.get("anyOf", ())
                    if alternative.get("type") == "object" and "properties" in alternative
                ),
                None,
            )
            if mapping is not None:  # lifecycle: text (a Backstage stage) or a mapping; columns feed the mapping
                schema = mapping
            if schema.get("type") == "object" and "properties" in schema:
                walk(schema["properties"], path + ".")
                continue
            many = schema.get("type") == "array"
            item = schema.get("items", {}) if many else schema
            if item.get("pattern") == ID_PATTERN or "anyOf" in item or "$ref" in item or item.get("type") == "object":
                continue  # ids of other entities, or structures (waivers): not from text
            found[path] = Field(section, path, schema, many)

    walk(_definition(section)["properties"], "")
    return found


# The references an application's spreadsheet column may feed (1.2), and the section each names (None: the
# product catalogue). `depends_on` names rows of the same inventory: the CSV importer resolves it itself.
REFERENCES = {"provider": "providers", "data": "data_stores", "product": None}


@cache
def references(section: str) -> dict[str, Field]:
    """dotted path -> Field, for the fields of `section` that name other entities and that a column may feed."""
    if section != "applications":
        return {}
    properties = _definition(section)["properties"]
    return {
        path: Field(section, path, properties[path], properties[path].get("type") == "array", reference=True)
        for path in REFERENCES
    }


def _resolved(schema: dict[str, Any]) -> dict[str, Any]:
    """A `$ref` to a shared definition (Cost) replaced by the definition."""
    from ..validate.schema import estate_schema

    reference = schema.get("$ref", "")
    if reference.startswith("#/$defs/"):
        return estate_schema()["$defs"][reference.rsplit("/", 1)[1]]
    return schema


def arrange(section: str, data: dict[str, Any]) -> dict[str, Any]:
    """`data` with its keys in schema order, at every level, so files read alike."""
    return _arrange(_definition(section), data)


def _arrange(schema: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    properties = schema.get("properties", {})
    rank = {name: position for position, name in enumerate(properties)}
    result: dict[str, Any] = {}
    for key in sorted(data, key=lambda k: rank.get(k, len(rank))):
        value = data[key]
        if isinstance(value, dict) and key in properties:
            value = _arrange(_resolved(properties[key]), value)
        result[key] = value
    return result


def split_list(text: str, separator: Optional[str] = None) -> list[str]:
    """The non-empty parts of a list written in one text (default: split on ; , and line breaks)."""
    parts = text.split(separator) if separator else LIST_SEPARATORS.split(text)
    return [part.strip() for part in parts if part.strip()]


def column_letter(number: int) -> str:
    """1 -> A, 27 -> AA: the spreadsheet's name of a column."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def set_path(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


# --- ids ----------------------------------------------------------------------------

_TRANSLITERATE = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})


def slug(text: str) -> str:
    """Lowercase ASCII letters, digits, '-' and '_': 'Gestion des Congés' -> 'gestion-des-conges'."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATE))
    text = "".join(character for character in text if not unicodedata.combining(character))
    return re.sub(r"[^a-z0-9_]+", "-", text).strip("-_")


class Ids:
    """Hands out ids unique across the whole import."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    @staticmethod
    def base(text: str, prefix: str) -> Optional[str]:
        """The id `text` asks for (None when nothing of it can make an id).

        `prefix` starts ids whose text starts with a digit: ids start with a letter.
        """
        base = slug(text)
        if base and not base[0].isalpha():
            base = f"{prefix}-{base}"
        return base or None

    def claim(self, base: str) -> str:
        """`base`, or `base-2`, `base-3`... when it is taken."""
        candidate, number = base, 1
        while candidate in self.taken:
            number += 1
            candidate = f"{base}-{number}"
        self.taken.add(candidate)
        return candidate
