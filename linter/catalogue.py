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
from .messages import LANGUAGES, Text
from .inputs import read_text
from .loader import Document, load_text, refuse_problems
from .predicate import SchemaCompileError, compile_schema
from .settings import DEFAULT_OPTIONS
from .views import RuleDoc
from .vocabulary import SECTIONS


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    scope: object  # a section, a list of sections, `estate`, `waivers` or `file`
    texts: dict  # lang -> {title, checks, message, rationale, remediation}
    examples: dict  # compliant / non_compliant estate YAML
    origin: str  # the rule file
    builtin: bool
    family: str  # scores and reports group rules by family (ACC, CLD, ...)
    status: str = "stable"  # or "preview": runs only when asked (see settings.enabled)
    principle: Optional[str] = None
    source: Optional[dict] = None
    target: tuple = ()  # path the findings point at
    applies_to: Optional[dict] = None  # condition on an entity's facts: where the rule is evaluated and scored
    when: Optional[dict] = None
    check: Optional[str] = None
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def sections(self) -> tuple:
        """The sections of entities the rule is evaluated on; empty for estate, waiver and file rules."""
        scopes = self.scope if isinstance(self.scope, list) else [self.scope]
        return tuple(scope for scope in scopes if scope in SECTIONS)

    def text(self, key: str, lang: str = "en") -> str:
        return self.texts.get(lang, self.texts["en"])[key]

    def doc(self, lang: str) -> RuleDoc:
        return RuleDoc(self.code, self.name, self.severity, self.family, self.status, self.text("title", lang),
                       self.text("rationale", lang), self.text("remediation", lang), self.source, self.principle)

    def predicate(self, options: dict):
        """The compiled `when` condition, with `{$option: NAME}` replaced by the option's value."""
        return self._compile("when", options)

    def applicable(self, options: dict):
        """The compiled `applies_to` condition, or None when the rule applies to every entity of its scope."""
        return self._compile("applies_to", options) if self.applies_to is not None else None

    def _compile(self, key: str, options: dict):
        cache_key = (key, json.dumps(options, sort_keys=True, default=str))
        if cache_key not in self._compiled:
            self._compiled[cache_key] = compile_schema(_substitute(getattr(self, key), options))
        return self._compiled[cache_key]


def _substitute(node, options: dict):
    """The condition with each `{$option: NAME}` replaced by the option's value (names are checked at load)."""
    if isinstance(node, dict):
        if set(node) == {"$option"}:
            return options[node["$option"]]
        return {key: _substitute(value, options) for key, value in node.items()}
    if isinstance(node, list):
        return [_substitute(item, options) for item in node]
    return node


class Catalogue:
    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: dict[str, Rule] = {}
        for rule in rules:
            if rule.code in self.rules:
                raise InputError(Text("rulefile.duplicate_code", code=rule.code, first=self.rules[rule.code].origin),
                                 where=rule.origin)
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

    def docs(self, lang: str) -> dict:
        """code -> RuleDoc, for the reports."""
        return {rule.code: rule.doc(lang) for rule in self}


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
            raise InputError(Text("rulefile.not_a_folder", folder=folder))
        files = sorted(list(path.glob("*.yaml")) + list(path.glob("*.yml")))
        if not files:
            raise InputError(Text("rulefile.empty_folder", folder=folder))
        rules.extend(parse_rule(read_text(str(f)), str(f), builtin=False) for f in files)
    return Catalogue(rules)


def parse_rule(text: str, origin: str, builtin: bool) -> Rule:
    document = load_text(text, origin)
    refuse_problems(document)
    data = document.data
    if not isinstance(data, dict):
        raise InputError(Text("rulefile.not_a_mapping"), where=origin)
    if not _rule_file_predicate()(data):
        problem, path = _first_schema_problem(data)
        raise InputError(problem, where=_where(document, path))

    def refuse(path: tuple, key: str, **params):
        raise InputError(Text(key, **params), where=_where(document, path))

    if not builtin and "check" in data:
        refuse(("check",), "rulefile.custom_check")
    if "check" in data and "applies_to" in data:
        refuse(("applies_to",), "rulefile.applies_to_check")
    if "check" in data:
        problem = _check_problem(data["check"], data["scope"])
        if problem:
            raise InputError(problem, where=_where(document, ("check",)))
    for key in ("applies_to", "when"):
        if key in data:
            _check_condition(document, key)
    for lang in LANGUAGES:
        problem = _template_problem(data[lang]["message"], declarative="when" in data)
        if problem:
            raise InputError(Text("rulefile.at_key", key=f"{lang}.message", problem=problem),
                             where=_where(document, (lang, "message")))
    return Rule(
        code=data["code"], name=data["name"], severity=data["severity"], scope=data["scope"],
        texts={lang: data[lang] for lang in LANGUAGES}, examples=data["examples"], origin=origin,
        builtin=builtin, family=data.get("family", data["code"].rstrip("0123456789")),
        status=data.get("status", "stable"), principle=data.get("principle"), source=data.get("source"),
        target=tuple(data["field"].split(".")) if "field" in data else (),
        applies_to=data.get("applies_to"), when=data.get("when"), check=data.get("check"),
    )


def _check_condition(document: Document, key: str) -> None:
    """A condition (`when`, `applies_to`) names known options and compiles: a typo fails at load, not mid-run."""
    data = document.data
    scopes = data["scope"] if isinstance(data["scope"], list) else [data["scope"]]
    if not set(scopes) <= set(SECTIONS):
        raise InputError(Text("rulefile.condition_scope", key=key, sections=", ".join(SECTIONS)),
                         where=_where(document, ("scope",)))
    unknown = _unknown_option(data[key], (key,))
    if unknown:
        path, name = unknown
        raise InputError(Text("rulefile.unknown_option", key=key, name=repr(name),
                              known=", ".join(sorted(DEFAULT_OPTIONS))), where=_where(document, path))
    try:
        compile_schema(_substitute(data[key], DEFAULT_OPTIONS))
    except SchemaCompileError as error:
        raise InputError(Text("rulefile.at_key", key=key, problem=str(error)),
                         where=_where(document, (key,) + tuple(error.path))) from None


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


# Findings the engine produces itself rather than through checks.CHECKS, and the scope each goes with:
# the stages before the rules (EST001-004, EST006) and the waiver logic (GOV003, GOV004, EST005).
ENGINE_CHECKS = {"pipeline": "file", "waivers": "waivers"}


def _check_problem(name: str, scope) -> Optional[Text]:
    """Why a built-in rule's `check` cannot run, or None: a typo must fail at load time, not mid-run."""
    from .checks import CHECKS

    if name in ENGINE_CHECKS:
        expected = ENGINE_CHECKS[name]
        return None if scope == expected else Text("rulefile.engine_check_scope", name=name, scope=expected)
    if name not in CHECKS:
        return Text("rulefile.unknown_check", name=repr(name), known=", ".join(sorted(set(CHECKS) | set(ENGINE_CHECKS))))
    if scope in ENGINE_CHECKS.values():
        return Text("rulefile.check_scope", scope=scope)
    return None


DECLARATIVE_PARAMS = ("id", "name", "value")


def _template_problem(template: str, declarative: bool) -> Optional[Text]:
    """Why a message template cannot be filled in, or None.

    A declarative rule's finding carries only {id}, {name} and {value}; a
    Python check's may carry its own parameters, and format them (checks.Clause).
    """
    import string

    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(template)
                  if name is not None]
    except ValueError as error:
        return Text("rulefile.bad_template", error=str(error))
    for name, spec, conversion in fields:
        if declarative and (name not in DECLARATIVE_PARAMS or spec or conversion):
            return Text("rulefile.declarative_placeholder", name=name)
        if not name.isidentifier():
            return Text("rulefile.bad_placeholder", name=name)
    return None


def _where(document: Document, path: tuple) -> str:
    line, column = document.place(path)
    return f"{document.path}:{line}:{column}"


def _first_schema_problem(data: dict) -> tuple:
    """(problem, path) of the rule file's most relevant schema error, worded as the estate's EST003."""
    import jsonschema

    from .validate import explainer, wordings

    validator = explainer(rule_file_schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error.validator == "oneOf" and not error.absolute_path:
        return Text("rulefile.when_or_check"), ()
    path, problem = next(iter(wordings(error)), (tuple(error.absolute_path), error.message))
    dotted = ".".join(str(step) for step in path) or Text("schema.top_level")
    return Text("schema.at", path=dotted, problem=problem), path
