"""The rule catalogue: one YAML file per rule, built in (package data) or custom (--rules-dir).

Every rule file is checked against `schemas/rule.schema.json` when loaded, a
custom rule's conditions against `schemas/condition.schema.json` (the JSON
Schema subset `predicate` compiles), and each condition is compiled once, so a
broken rule is a clear error naming the file, line and field, never a crash
mid-run. A rule file can never run code: custom rules may only be declarative
(`when`), never name a Python `check`, and never pass for a built-in rule
(code prefix, name). Their patterns share a time budget per lint (PATTERN_SECONDS).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Optional, Union

from ..i18n.messages import LANGUAGES, Text, hint, show_value
from ..load.inputs import read_text
from ..load.loader import Document, load_text, refuse_problems
from ..model.vocabulary import SECTIONS
from ..report.views import RuleDoc
from ..validate.predicate import SUPPORTED, PatternTimeout, Predicate, SchemaCompileError, compile_schema
from .diagnostic import InputError, Place
from .settings import DEFAULT_OPTIONS

if TYPE_CHECKING:
    from importlib.abc import Traversable


# How long one match of a rule's pattern may run on one value: a million times what one usually takes.
PATTERN_SECONDS = 2.0  # for all the patterns of custom rules in one lint, together


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    scope: Union[str, list[str]]  # a section, a list of sections, `estate`, `waivers` or `file`
    texts: dict[str, dict[str, str]]  # lang -> {title, checks, message, rationale, remediation}
    examples: dict[str, str]  # compliant / non_compliant estate YAML
    origin: str  # the rule file
    builtin: bool
    family: str  # scores and reports group rules by family (ACC, CLD, ...)
    status: str = "stable"  # or "preview": runs only when asked (see settings.enabled)
    principle: Optional[str] = None
    source: Optional[dict[str, Any]] = None
    target: tuple[str, ...] = ()  # path the findings point at
    # condition on an entity's facts: where the rule is evaluated and scored
    applies_to: Optional[dict[str, Any]] = None
    reads: tuple[str, ...] = ()  # fields whose absence alone can make it fire (its findings then say "not stated")
    waivable: bool = True
    when: Optional[dict[str, Any]] = None
    check: Optional[str] = None
    # the change that clears its findings: kind, and what the plan needs to know of it
    action: Optional[dict[str, Any]] = None
    _compiled: dict[tuple[str, str], Predicate] = field(default_factory=dict, compare=False, repr=False)

    @property
    def sections(self) -> tuple[str, ...]:
        """The sections of entities the rule is evaluated on; empty for estate, waiver and file rules."""
        scopes = self.scope if isinstance(self.scope, list) else [self.scope]
        return tuple(scope for scope in scopes if scope in SECTIONS)

    def action_kind(self, section: Optional[str]) -> Optional[str]:
        """The kind of action that clears a finding of this rule on an entity of `section`; None: none declared."""
        if self.action is None:
            return None
        return (self.action.get("on") or {}).get(section, self.action["kind"])

    def text(self, key: str, lang: str = "en") -> str:
        return self.texts.get(lang, self.texts["en"])[key]

    @property
    def times_patterns(self) -> bool:
        """Whether its conditions hold patterns that match under a time limit: a custom rule's."""
        return not self.builtin and "pattern" in json.dumps([self.when, self.applies_to])

    def doc(self, lang: str) -> RuleDoc:
        return RuleDoc(
            self.code,
            self.name,
            self.severity,
            self.family,
            self.status,
            self.text("title", lang),
            self.text("rationale", lang),
            self.text("remediation", lang),
            self.source,
            self.principle,
        )

    def predicate(self, options: dict[str, Any]) -> Predicate:
        """The compiled `when` condition, with `{$option: NAME}` replaced by the option's value."""
        return self._compile("when", options)

    def applicable(self, options: dict[str, Any]) -> Optional[Predicate]:
        """The compiled `applies_to` condition, or None when the rule applies to every entity of its scope."""
        return self._compile("applies_to", options) if self.applies_to is not None else None

    def _compile(self, key: str, options: dict[str, Any]) -> Predicate:
        cache_key = (key, json.dumps(options, sort_keys=True, default=str))
        if cache_key not in self._compiled:
            condition = _substitute(getattr(self, key), options)
            if self.builtin:  # our own patterns (GOV002's \S) are reviewed: no time limit to pay for
                self._compiled[cache_key] = compile_schema(condition)
            else:
                test = compile_schema(condition, time_limit=PATTERN_SECONDS)
                self._compiled[cache_key] = self._reporting(test) if self.times_patterns else test
        return self._compiled[cache_key]

    def _reporting(self, test: Predicate) -> Predicate:
        """`test`, with a pattern that runs past its time limit stopping the run (exit 2) with this rule named."""

        def reported(value: object) -> bool:
            try:
                return test(value)
            except PatternTimeout as error:
                raise InputError(
                    Text(
                        "rulefile.pattern_too_slow", code=self.code, pattern=repr(error.pattern), seconds=error.seconds
                    ),
                    where=self.origin,
                ) from None

        return reported


def _substitute(node: Any, options: dict[str, Any]) -> Any:
    """The condition with each `{$option: NAME}` replaced by the option's value (names are checked at load)."""
    if isinstance(node, dict):
        if _is_option(node):
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
                raise InputError(
                    Text("rulefile.duplicate_code", code=rule.code, first=self.rules[rule.code].origin),
                    where=rule.origin,
                )
            self.rules[rule.code] = rule
        self.by_name: dict[str, Rule] = {}
        for rule in self.rules.values():
            # `explain NAME` and `--select`-like lookups by name must find one rule, never a later one.
            if rule.name in self.by_name:
                raise InputError(
                    Text("rulefile.duplicate_name", name=rule.name, first=self.by_name[rule.name].origin),
                    where=rule.origin,
                )
            self.by_name[rule.name] = rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self.rules.values(), key=lambda rule: rule.code))

    def __contains__(self, code: object) -> bool:
        return code in self.rules

    def __getitem__(self, code: str) -> Rule:
        return self.rules[code]

    def get(self, code_or_name: str) -> Optional[Rule]:
        return self.rules.get(code_or_name.upper()) or self.by_name.get(code_or_name.lower())

    def docs(self, lang: str) -> dict[str, RuleDoc]:
        """code -> RuleDoc, for the reports."""
        return {rule.code: rule.doc(lang) for rule in self}


@cache
def _rule_file_predicate() -> Predicate:
    return compile_schema(rule_file_schema())


@cache
def rule_file_schema() -> dict[str, Any]:
    text = resources.files("si_lint").joinpath("schemas/rule.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def builtin_rule_files() -> list[Traversable]:
    folder = resources.files("si_lint.rules.builtin")
    return sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)


@cache
def condition_schema() -> dict[str, Any]:
    text = resources.files("si_lint").joinpath("schemas/condition.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _condition_predicate() -> Predicate:
    return compile_schema(condition_schema())


def load_catalogue(rules_dirs: Iterable[str] = ()) -> Catalogue:
    rules = [
        parse_rule(p.read_text(encoding="utf-8"), f"si_lint/rules/{p.name}", builtin=True) for p in builtin_rule_files()
    ]
    families = tuple(sorted({rule.family for rule in rules}))
    for folder in rules_dirs:
        path = Path(folder)
        if not path.is_dir():
            raise InputError(Text("rulefile.not_a_folder", folder=folder))
        files = sorted(list(path.glob("*.yaml")) + list(path.glob("*.yml")))
        if not files:
            raise InputError(Text("rulefile.empty_folder", folder=folder))
        rules.extend(parse_rule(read_text(str(f)), str(f), builtin=False, reserved=families) for f in files)
    return Catalogue(rules)


def parse_rule(text: str, origin: str, builtin: bool, reserved: tuple[str, ...] = ()) -> Rule:
    """One rule file; a custom rule's code may not start with a `reserved` (built-in) family's letters."""
    document = load_text(text, origin)
    refuse_problems(document)
    data = document.data
    if not isinstance(data, dict):
        raise InputError(Text("rulefile.not_a_mapping"), where=origin)
    if not _rule_file_predicate()(data):
        problem, path = _first_schema_problem(data)
        raise InputError(problem, where=_where(document, path))

    def refuse(path: tuple[Union[str, int], ...], key: str, **params: Any) -> NoReturn:
        raise InputError(Text(key, **params), where=_where(document, path))

    if not builtin and "check" in data:
        refuse(("check",), "rulefile.custom_check")
    if not builtin:
        # A custom EST999 could be neither waived nor recorded in a baseline; an ACC999 would pass for ours.
        family = next((family for family in reserved if data["code"].startswith(family)), None)
        if family is not None:
            refuse(("code",), "rulefile.builtin_family", code=data["code"], family=family)
        if data.get("family") == "EST":
            refuse(("family",), "rulefile.family_est")
    if "check" in data and "applies_to" in data and not _entity_check(data["check"]):
        refuse(("applies_to",), "rulefile.applies_to_check")
    if "check" in data:
        check_problem = _check_problem(data["check"], data["scope"])
        if check_problem:
            raise InputError(check_problem, where=_where(document, ("check",)))
    for key in ("applies_to", "when"):
        if key in data:
            _check_condition(document, key, builtin)
    for lang in LANGUAGES:
        if "reads" in data and "unstated" not in data[lang]:
            raise InputError(Text("rulefile.unstated_missing", lang=lang), where=_where(document, (lang,)))
        for key in ("message", "unstated"):
            if key not in data[lang]:
                continue
            template_problem = _template_problem(
                data[lang][key], declarative="when" in data, unstated=key == "unstated"
            )
            if template_problem:
                raise InputError(
                    Text("rulefile.at_key", key=f"{lang}.{key}", problem=template_problem),
                    where=_where(document, (lang, key)),
                )
    return Rule(
        code=data["code"],
        name=data["name"],
        severity=data["severity"],
        scope=data["scope"],
        texts={lang: data[lang] for lang in LANGUAGES},
        examples=data["examples"],
        origin=origin,
        builtin=builtin,
        family=data.get("family", data["code"].rstrip("0123456789")),
        status=data.get("status", "stable"),
        principle=data.get("principle"),
        source=data.get("source"),
        target=tuple(data["field"].split(".")) if "field" in data else (),
        applies_to=data.get("applies_to"),
        when=data.get("when"),
        check=data.get("check"),
        reads=tuple(data.get("reads", ())),
        waivable=data.get("waivable", True),
        action=data.get("action"),
    )


def _check_condition(document: Document, key: str, builtin: bool) -> None:
    """A condition (`when`, `applies_to`) is valid JSON Schema of the supported subset, names known options
    and compiles: a typo or a wrong type fails at load, with its place, never mid-run.

    Built-in conditions are checked against the metaschema by the tests, not at every start-up."""
    data = document.data
    scopes = data["scope"] if isinstance(data["scope"], list) else [data["scope"]]
    if not set(scopes) <= set(SECTIONS):
        raise InputError(
            Text("rulefile.condition_scope", key=key, sections=", ".join(SECTIONS)), where=_where(document, ("scope",))
        )
    unknown = _unknown_option(data[key], (key,))
    if unknown:
        path, name = unknown
        raise InputError(
            Text("rulefile.unknown_option", key=key, name=show_value(name), known=", ".join(sorted(DEFAULT_OPTIONS))),
            where=_where(document, path),
        )
    # Options change values, never types (config/values.py): checking with the defaults checks every run.
    condition = _substitute(data[key], DEFAULT_OPTIONS)
    if not builtin and not _condition_predicate()(condition):
        path, problem = _first_condition_problem(condition)
        option = _option_at(data[key], path)
        if option is not None:
            problem = Text("condition.option_value", name=option, problem=problem)
        raise InputError(
            Text("schema.at", path=_dotted((key,) + path), problem=problem), where=_where(document, (key,) + path)
        )
    try:
        compile_schema(condition)
    except SchemaCompileError as error:
        raise InputError(
            Text("rulefile.at_key", key=_dotted((key,) + tuple(error.path)), problem=error.text),
            where=_where(document, (key,) + tuple(error.path)),
        ) from None


def _first_condition_problem(condition: Any) -> tuple[tuple[Union[str, int], ...], Union[Text, str]]:
    """(path below the condition, problem) of its most relevant error against the condition metaschema."""
    import jsonschema

    from ..validate.schema import explainer, wordings

    error = jsonschema.exceptions.best_match(explainer(condition_schema()).iter_errors(condition))
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        # A keyword outside the subset: in the words the compiler uses for it, with the closest keyword.
        name = next(str(key) for key in error.instance if key not in error.schema.get("properties", {}))
        return path + (name,), Text("condition.unsupported", keywords=name, hint=hint(name, SUPPORTED))
    return next(iter(wordings(error)), (path, error.message))


def _option_at(node: Any, path: tuple[Union[str, int], ...]) -> Optional[str]:
    """The name of the `{$option: NAME}` that `path` leads into, if it does."""
    for step in path:
        if _is_option(node):
            break
        found, node = _below(node, step)
        if not found:
            return None
    return node["$option"] if _is_option(node) else None


def _below(node: Any, step: Union[str, int]) -> tuple[bool, Any]:
    """(whether `step` leads somewhere below `node`, the node it leads to)."""
    if isinstance(node, dict) and step in node:
        return True, node[step]
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return True, node[step]
    return False, None


def _is_option(node: Any) -> bool:
    return isinstance(node, dict) and set(node) == {"$option"}


def _dotted(path: tuple[Union[str, int], ...]) -> str:
    return ".".join(str(step) for step in path)


def _unknown_option(node: Any, path: tuple[Union[str, int], ...]) -> Optional[tuple[tuple[Union[str, int], ...], Any]]:
    """(path, name) of the first `{$option: name}` naming no option, or None."""
    if isinstance(node, dict):
        if _is_option(node) and (not isinstance(node["$option"], str) or node["$option"] not in DEFAULT_OPTIONS):
            return path, node["$option"]
        children: Iterable[tuple[Union[str, int], Any]] = node.items()
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


def _entity_check(name: str) -> bool:
    from .checks import ENTITY_CHECKS

    return name in ENTITY_CHECKS


def _check_problem(name: str, scope: Union[str, list[str]]) -> Optional[Text]:
    """Why a built-in rule's `check` cannot run, or None: a typo must fail at load time, not mid-run."""
    from .checks import CHECKS, ENTITY_CHECKS

    if name in ENGINE_CHECKS:
        expected = ENGINE_CHECKS[name]
        return None if scope == expected else Text("rulefile.engine_check_scope", name=name, scope=expected)
    if name not in CHECKS:
        return Text(
            "rulefile.unknown_check", name=repr(name), known=", ".join(sorted(set(CHECKS) | set(ENGINE_CHECKS)))
        )
    if scope in ENGINE_CHECKS.values():
        return Text("rulefile.check_scope", scope=scope)
    if name in ENTITY_CHECKS and not any(
        section in SECTIONS for section in (scope if isinstance(scope, list) else [scope])
    ):
        return Text("rulefile.entity_check_scope", name=name)
    return None


DECLARATIVE_PARAMS = ("id", "name", "value")


def _template_problem(template: str, declarative: bool, unstated: bool = False) -> Optional[Text]:
    """Why a message template cannot be filled in, or None.

    A declarative rule's finding carries only {id}, {name} and {value}; a
    Python check's may carry its own parameters, and format them (checks.Clause).
    """
    import string

    try:
        fields = [
            (name, spec, conversion)
            for _, name, spec, conversion in string.Formatter().parse(template)
            if name is not None
        ]
    except ValueError as error:
        # Python's words for it are English only: "Single '}' encountered in format string", ...
        alone = str(error).startswith("Single '}'")
        return Text("rulefile.bad_template", error=Text("rulefile.brace_alone" if alone else "rulefile.brace_unclosed"))
    allowed = DECLARATIVE_PARAMS + tuple(DEFAULT_OPTIONS) + (("field",) if unstated else ())
    for name, spec, conversion in fields:
        if declarative and (name not in allowed or spec or conversion):
            return Text("rulefile.declarative_placeholder", name=name, options=", ".join(DEFAULT_OPTIONS))
        if not name.isidentifier():
            return Text("rulefile.bad_placeholder", name=name)
    return None


def _where(document: Document, path: tuple[Union[str, int], ...]) -> Place:
    """file:line:col of `path`, or of the deepest part of it written in the file (an option's value is not)."""
    node = document.data
    written: tuple[Union[str, int], ...] = ()
    for step in path:
        found, node = _below(node, step)
        if not found:
            break
        written += (step,)
    line, column = document.place(written)
    return Place(document.path, line, column)


def _first_schema_problem(data: dict[str, Any]) -> tuple[Union[Text, str], tuple[Union[str, int], ...]]:
    """(problem, path) of the rule file's most relevant schema error, worded as the estate's EST003."""
    import jsonschema

    from ..validate.schema import explainer, wordings

    validator = explainer(rule_file_schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error.validator == "oneOf" and not error.absolute_path:
        return Text("rulefile.when_or_check"), ()
    path, problem = next(iter(wordings(error)), (tuple(error.absolute_path), error.message))
    dotted = ".".join(str(step) for step in path) or Text("schema.top_level")
    return Text("schema.at", path=dotted, problem=problem), path
