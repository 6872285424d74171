"""The rule catalogue: one YAML file per rule, built in (package data) or custom (--rules-dir).

Every rule file is checked against `schemas/rule.schema.json` when loaded and
its declarative condition compiled once, so a broken rule is a clear error
naming the file, line and field, and a rule file can never run code: custom
rules may only be declarative (`when`), never name a Python `check`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from .diagnostic import InputError
from .loader import Index, load_text, read_text
from .predicate import SchemaCompileError, compile_schema
from .settings import DEFAULT_OPTIONS

LANGUAGES = ("en", "fr")
TEXT_KEYS = ("title", "checks", "message", "rationale", "remediation")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    scope: str
    texts: dict  # lang -> {title, checks, message, rationale, remediation}
    examples: dict  # compliant / non_compliant estate YAML
    origin: str  # the rule file
    builtin: bool
    principle: Optional[str] = None
    source: Optional[dict] = None
    target: tuple = ()  # path the findings point at
    when: Optional[dict] = None
    check: Optional[str] = None
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def category(self) -> str:
        return self.code.rstrip("0123456789")

    def text(self, key: str, lang: str = "en") -> str:
        return self.texts.get(lang, self.texts["en"])[key]

    def predicate(self, options: dict):
        """The compiled `when` condition, with `{$option: NAME}` replaced by the option's value."""
        cache_key = json.dumps(options, sort_keys=True, default=str)
        if cache_key not in self._compiled:
            schema = _substitute(self.when, options, self.origin)
            try:
                self._compiled[cache_key] = compile_schema(schema)
            except SchemaCompileError as error:
                raise InputError(f"{self.origin}: when: {error}") from None
        return self._compiled[cache_key]


def _substitute(node, options: dict, origin: str):
    if isinstance(node, dict):
        if set(node) == {"$option"}:
            name = node["$option"]
            if name not in options:
                raise InputError(f"{origin}: when: unknown option {name!r}; known: {', '.join(sorted(options))}")
            return options[name]
        return {key: _substitute(value, options, origin) for key, value in node.items()}
    if isinstance(node, list):
        return [_substitute(item, options, origin) for item in node]
    return node


class Catalogue:
    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: dict[str, Rule] = {}
        for rule in rules:
            if rule.code in self.rules:
                first = self.rules[rule.code]
                raise InputError(
                    f"{rule.origin}: code: {rule.code} is already the code of {first.origin}: "
                    "rule codes are unique, pick another"
                )
            self.rules[rule.code] = rule
        self.by_name = {rule.name: rule for rule in self.rules.values()}

    def __iter__(self):
        return iter(sorted(self.rules.values(), key=lambda rule: rule.code))

    def __contains__(self, code) -> bool:
        return code in self.rules

    def __getitem__(self, code: str) -> Rule:
        return self.rules[code]

    def get(self, code_or_name: str) -> Optional[Rule]:
        return self.rules.get(code_or_name.upper()) or self.by_name.get(code_or_name.lower())


@lru_cache(maxsize=None)
def _rule_file_predicate():
    return compile_schema(rule_file_schema())


@lru_cache(maxsize=None)
def rule_file_schema() -> dict:
    text = resources.files("si_lint").joinpath("schemas/rule.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def builtin_rule_files() -> list:
    folder = resources.files("si_lint.rules")
    return sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)


def load_catalogue(rules_dirs: Iterable[str] = ()) -> Catalogue:
    rules = [parse_rule(p.read_text(encoding="utf-8"), f"si_lint/rules/{p.name}", builtin=True)
             for p in builtin_rule_files()]
    for folder in rules_dirs:
        path = Path(folder)
        if not path.is_dir():
            raise InputError(f"{folder}: --rules-dir must be a folder of rule files (*.yaml)")
        files = sorted(list(path.glob("*.yaml")) + list(path.glob("*.yml")))
        if not files:
            raise InputError(f"{folder}: no rule file (*.yaml) in this folder")
        rules.extend(parse_rule(read_text(str(f)), str(f), builtin=False) for f in files)
    return Catalogue(rules)


def parse_rule(text: str, origin: str, builtin: bool) -> Rule:
    index = Index()
    document, problems = load_text(text, origin, index)
    if problems:
        first = problems[0]
        raise InputError(f"{first.file}:{first.line}:{first.column}: {first.message}")
    data = document.data
    if not isinstance(data, dict):
        raise InputError(f"{origin}: a rule file is a mapping with code, name, severity, scope, en, fr, examples")
    if not _rule_file_predicate()(data):
        raise InputError(_first_schema_problem(data, origin, index))
    if not builtin and "check" in data:
        raise InputError(
            f"{_where(index, data, ('check',), origin)}: check: custom rules cannot name a Python check; "
            "write the condition under `when` as a JSON Schema"
        )
    if "check" in data:
        problem = _check_problem(data["check"], data["scope"])
        if problem:
            raise InputError(f"{_where(index, data, ('check',), origin)}: check: {problem}")
    if "when" in data:
        scopes = data["scope"] if isinstance(data["scope"], list) else [data["scope"]]
        if not set(scopes) <= set(ENTITY_SCOPES):
            raise InputError(
                f"{_where(index, data, ('scope',), origin)}: scope: a `when` condition is tested on each entity "
                f"of its scope, so the scope is one or a list of: {', '.join(ENTITY_SCOPES)}"
            )
        unknown = _unknown_option(data["when"], ("when",))
        if unknown:
            path, name = unknown
            raise InputError(f"{_where(index, data, path, origin)}: when: unknown option {name!r}; "
                             f"known: {', '.join(sorted(DEFAULT_OPTIONS))}")
        try:
            # Compile once with the default options to catch a bad schema at load time.
            compile_schema(_substitute(data["when"], DEFAULT_OPTIONS, origin))
        except SchemaCompileError as error:
            path = ("when",) + tuple(error.path)
            raise InputError(f"{_where(index, data, path, origin)}: when: {error}") from None
    for lang in LANGUAGES:
        problem = _template_problem(data[lang]["message"], declarative="when" in data)
        if problem:
            raise InputError(f"{_where(index, data, (lang, 'message'), origin)}: {lang}.message: {problem}")
    return Rule(
        code=data["code"], name=data["name"], severity=data["severity"], scope=data["scope"],
        texts={lang: data[lang] for lang in LANGUAGES}, examples=data["examples"], origin=origin,
        builtin=builtin, principle=data.get("principle"), source=data.get("source"),
        target=tuple(data["field"].split(".")) if "field" in data else (),
        when=data.get("when"), check=data.get("check"),
    )


def _unknown_option(node, path: tuple):
    """(path, name) of the first `{$option: name}` naming no option, or None."""
    if isinstance(node, dict):
        if set(node) == {"$option"} and node["$option"] not in DEFAULT_OPTIONS:
            return path, node["$option"]
        children = node.items()
    elif isinstance(node, list):
        children = enumerate(node)
    else:
        return None
    for key, child in children:
        found = _unknown_option(child, path + (key,))
        if found:
            return found
    return None


ENTITY_SCOPES = ("providers", "infrastructure", "data_stores", "applications", "integrations")

# Findings the engine produces itself rather than through checks.CHECKS, and the scope each goes with:
# the stages before the rules (EST001-004, EST006) and the waiver logic (GOV003, GOV004, EST005).
ENGINE_CHECKS = {"pipeline": "file", "waivers": "waivers"}


def _check_problem(name: str, scope) -> Optional[str]:
    """Why a built-in rule's `check` cannot run, or None: a typo must fail at load time, not mid-run."""
    from .checks import CHECKS

    if name in ENGINE_CHECKS:
        expected = ENGINE_CHECKS[name]
        return None if scope == expected else f"`{name}` findings come with `scope: {expected}`"
    if name not in CHECKS:
        known = ", ".join(sorted(set(CHECKS) | set(ENGINE_CHECKS)))
        return f"no check is named {name!r}; known: {known}"
    if scope in ENGINE_CHECKS.values():
        return f"a Python check runs on the estate, so its scope cannot be `{scope}`"
    return None


DECLARATIVE_PARAMS = ("id", "name", "value")


def _template_problem(template: str, declarative: bool) -> Optional[str]:
    """Why a message template cannot be filled in, or None.

    A declarative rule's finding carries only {id}, {name} and {value}; a
    Python check's may carry its own parameters, and format them (checks.Clause).
    """
    import string

    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(template)
                  if name is not None]
    except ValueError as error:
        return f"{error}; write a literal brace as {{{{ or }}}}"
    for name, spec, conversion in fields:
        if declarative and (name not in DECLARATIVE_PARAMS or spec or conversion):
            return f"{{{name}}} cannot be filled in; a condition's message can use {{id}}, {{name}} and {{value}}"
        if not name.isidentifier():
            return f"{{{name}}} is not a parameter name"
    return None


def _where(index: Index, data: dict, path: tuple, origin: str) -> str:
    _, line, column = index.unpack(index.mark_of(data, path, 0) or (1 << 20 | 1))
    return f"{origin}:{line}:{column}"


def _first_schema_problem(data: dict, origin: str, index: Index) -> str:
    import jsonschema

    validator = jsonschema.Draft202012Validator(rule_file_schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    path = tuple(error.absolute_path)
    dotted = ".".join(str(p) for p in path) or "(top level)"
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"{_where(index, data, path + (extra[0],), origin)}: {dotted}: unknown field '{extra[0]}'"
    if error.validator == "oneOf" and not path:
        return f"{origin}:1:1: a rule needs exactly one of `when` (a condition) or `check`"
    return f"{_where(index, data, path, origin)}: {dotted}: {error.message}"
