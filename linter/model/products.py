"""The product catalogue: facts an application takes from `product: <id>` when it does not state them.

One YAML file per product, built in (package data `si_lint.products`) or the
company's own (`products-dir`), each checked against
`schemas/product.schema.json` when loaded. A company entry with the id of a
built-in one replaces it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional, Union

from ..i18n.messages import Text
from ..load.inputs import read_text
from ..load.loader import Document, load_text, refuse_problems
from ..rules.diagnostic import InputError, Place
from ..validate.predicate import Predicate, compile_schema


@dataclass(frozen=True)
class Product:
    id: str
    name: str
    vendor: str
    description: Union[str, dict[str, str]]  # {en, fr}; a company's own entry may give one text for every language
    facts: dict[str, Any]  # nested as in an application: {"delivery": ..., "access": {"browser": ...}}
    default_version: Optional[str]  # the version an application has when it states none
    versions: dict[str, str]  # version -> end of support (YYYY-MM-DD)
    # {url, title, checked, quotes: {fact: sentence}} (a company's own entry: facts: [names])
    sources: tuple[dict[str, Any], ...]
    origin: str
    not_documented: tuple[str, ...] = ()  # dotted facts the rules read that the vendor's documentation does not state

    def describe(self, lang: str) -> str:
        """The description in `lang`; one text (a company's own entry) is shown as is in every language."""
        return self.description if isinstance(self.description, str) else self.description[lang]

    def end_of_support(self, version: Optional[str]) -> Optional[str]:
        chosen = version if version is not None else self.default_version
        return self.versions.get(chosen) if chosen is not None else None


@cache
def product_schema() -> dict[str, Any]:
    return json.loads(resources.files("si_lint").joinpath("schemas/product.schema.json").read_text("utf-8"))


@cache
def _valid() -> Predicate:
    return compile_schema(product_schema())


@cache
def builtin_products() -> dict[str, Product]:
    folder = resources.files("si_lint.products")
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
    return {
        product.id: product
        for product in (parse_product(p.read_text(encoding="utf-8"), f"si_lint/products/{p.name}") for p in files)
    }


def load_products(products_dirs: Iterable[str] = ()) -> dict[str, Product]:
    """id -> Product: the built-in catalogue, then each company folder's entries over it."""
    products = dict(builtin_products())
    for folder in products_dirs:
        path = Path(folder)
        if not path.is_dir():
            raise InputError(Text("products.not_a_folder", folder=folder))
        for file in sorted(list(path.glob("*.yaml")) + list(path.glob("*.yml"))):
            product = parse_product(read_text(str(file)), str(file))
            products[product.id] = product
    return products


def parse_product(text: str, origin: str) -> Product:
    document = load_text(text, origin)
    refuse_problems(document)
    data = document.data
    if not isinstance(data, dict) or not _valid()(data):
        raise InputError(*_problem(document))
    stem = Path(origin).stem
    if data["id"] != stem:
        line, column = document.place(("id",))
        raise InputError(Text("products.id_not_file", id=data["id"], file=stem), where=Place(origin, line, column))
    lifecycle = data.get("lifecycle") or {}
    versions = {str(version): entry["end_of_support"] for version, entry in (lifecycle.get("versions") or {}).items()}
    return Product(
        data["id"],
        data["name"],
        data["vendor"],
        data["description"],
        data["facts"],
        lifecycle.get("version"),
        versions,
        tuple(data["sources"]),
        origin,
        tuple(data.get("not_documented") or ()),
    )


def _problem(document: Document) -> tuple[Text, Place]:
    """(Text, where) of the entry's most relevant schema error, worded as the estate's EST003."""
    import jsonschema

    from ..validate.schema import wordings

    if not isinstance(document.data, dict):
        return Text("products.not_a_mapping"), Place(document.path, 1, 1)
    validator = jsonschema.Draft202012Validator(product_schema(), format_checker=jsonschema.FormatChecker())
    error = jsonschema.exceptions.best_match(validator.iter_errors(document.data))
    path, problem = next(iter(wordings(error)), (tuple(error.absolute_path), error.message))
    line, column = document.place(path)
    dotted = ".".join(str(step) for step in path) or Text("schema.top_level")
    return Text("schema.at", path=dotted, problem=problem), Place(document.path, line, column)


def merged(product: Product, stated: dict[str, Any]) -> tuple[dict[str, Any], frozenset[str]]:
    """The application's data with the product's facts under what it states, and the dotted fields taken.

    `lifecycle.end_of_support` comes from the version the application states,
    or the product's own version when it states none.
    """
    data = dict(stated)
    taken: set[str] = set()
    for key, value in product.facts.items():
        if isinstance(value, dict):
            own = stated.get(key)
            if own is not None and not isinstance(own, dict):
                continue  # a wrong type: EST003 already says so
            inner = dict(own or {})
            for name, fact in value.items():
                if name not in inner:
                    inner[name] = fact
                    taken.add(f"{key}.{name}")
            data[key] = inner
        elif key not in stated:
            data[key] = value
            taken.add(key)
    lifecycle = stated.get("lifecycle")
    if lifecycle is None or isinstance(lifecycle, dict):
        lifecycle = dict(lifecycle or {})
        version = lifecycle.get("version")
        if version is None and product.default_version is not None:
            lifecycle["version"] = version = product.default_version
            taken.add("lifecycle.version")
        end = product.end_of_support(version)
        if end is not None and "end_of_support" not in lifecycle:
            lifecycle["end_of_support"] = end
            taken.add("lifecycle.end_of_support")
        if lifecycle:
            data["lifecycle"] = lifecycle
    return data, frozenset(taken)
