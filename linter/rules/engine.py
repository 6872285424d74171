"""Stage 4, rules: run the catalogue over the model, apply waivers, and place every finding.

`lint()` is the whole pipeline, load -> validate -> model -> rules, and returns
a `Result`; it never prints and never exits (the CLI decides both).
"""

from __future__ import annotations

import dataclasses
import datetime
import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from typing import Any, Callable, Optional, Union

from ..i18n.messages import Listing, Text, frozen, render
from ..load import loader
from ..load.loader import Document
from ..model import estate as model
from ..model.estate import Entity, Estate
from ..model.products import Product, load_products
from ..model.vocabulary import SECTIONS
from ..report.views import Summary
from ..validate import schema as validate
from ..validate.predicate import pattern_budget
from . import waivers
from .catalogue import Catalogue, Rule, load_catalogue
from .checks import CHECKS, ENTITY_CHECKS, Clause, Finding, facts, provider_type, stated
from .diagnostic import SEVERITY_RANK, Diagnostic, Problem
from .settings import Settings

# What the rules that look at one entity at a time found on it: code -> (path, params, missing) of each finding.
Found = dict[str, tuple[tuple[Any, Any, Any], ...]]


@dataclass
class Result:
    diagnostics: list[Diagnostic]  # findings in force, sorted by file and position
    waived: list[Diagnostic]  # findings silenced by a live waiver
    files: list[str]
    estate: Optional[Estate]
    catalogue: Catalogue
    settings: Settings
    rules_run: list[str] = field(default_factory=list)

    def failed(self) -> bool:
        threshold = SEVERITY_RANK[self.settings.fail_on]
        return any(SEVERITY_RANK[d.severity] >= threshold for d in self.diagnostics)

    def summary(self) -> Summary:
        counts = {"error": 0, "warning": 0, "info": 0}
        by_code: dict[str, int] = {}
        for diagnostic in self.diagnostics:
            counts[diagnostic.severity] += 1
            by_code[diagnostic.code] = by_code.get(diagnostic.code, 0) + 1
        entities: dict[str, int] = {}
        unchecked: tuple[str, ...] = ()
        if self.estate is not None:
            entities = {name: len(section) for name, section in self.estate.sections.items()}
            entities["integrations"] = len(self.estate.integrations)
            unchecked = tuple(
                entity.id for section in SECTIONS for entity in self.estate.entities(section) if not entity.valid
            )
        return Summary(
            files=len(self.files),
            entities=entities,
            findings=len(self.diagnostics),
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
            waived=len(self.waived),
            by_code=dict(sorted(by_code.items())),
            fail_on=self.settings.fail_on,
            failed=self.failed(),
            unchecked=unchecked,
        )


def lint(
    paths: Iterable[str],
    settings: Settings,
    catalogue: Optional[Catalogue] = None,
    stdin_name: Optional[str] = None,
    products: Optional[dict[str, Product]] = None,
) -> Result:
    """Lint the estate in `paths` (files, folders, or `-` for standard input, named `stdin_name`).

    The folders of custom rules and products are not the estate: expanding a folder leaves them out.
    """
    catalogue = catalogue or load_catalogue(settings.rules_dirs)
    documents = loader.load_paths(paths, stdin_name, skip=settings.rules_dirs + settings.products_dirs)
    return lint_documents(documents, settings, catalogue, products)


def lint_text(text: str, settings: Settings, catalogue: Catalogue, path: str = "<estate>") -> Result:
    """Lint one estate given as text (rule examples, tests, editors)."""
    return lint_documents([loader.load_text(text, path)], settings, catalogue)


def lint_documents(
    documents: list[Document],
    settings: Settings,
    catalogue: Catalogue,
    products: Optional[dict[str, Product]] = None,
    memo: Optional[Memo] = None,
) -> Result:
    """Validate, model and run the rules over loaded documents (kept documents may be linted again).

    `products` (id -> Product) defaults to the built-in catalogue and the settings' `products_dirs`.
    `memo` carries what one lint found to the next lint of the same estate (an editor's, at each edit).
    """
    if products is None:
        products = load_products(settings.products_dirs)
    was_enabled = gc.isenabled()
    gc.disable()  # the estate is a large acyclic tree: scanning it finds nothing
    try:
        problems = [problem for document in documents for problem in document.problems]
        found, invalid = validate.validate(documents)
        problems.extend(found)
        estate, found = model.build(documents, invalid, products)
        problems.extend(found)
        if memo is not None:
            memo.start(catalogue, settings)
        with pattern_budget():  # custom rules' patterns share one time budget per lint
            findings, rules_run = _run_rules(estate, settings, catalogue, memo)
        outcome = waivers.apply(findings, rules_run, estate, catalogue, settings)
        problems.extend(outcome.problems)
        # Two stages may meet the same problem at the same place: each once, judged on what it is, not its words.
        diagnostics = [_from_problem(problem, catalogue, settings) for problem in dict.fromkeys(problems)]
        words = memo.words if memo is not None else _diagnostic
        diagnostics.extend(words(rule, finding, estate, settings) for rule, finding in outcome.active)
        waived = [words(rule, finding, estate, settings) for rule, finding in outcome.waived]
    except BaseException:
        if memo is not None:
            memo.forget()  # half of a lint must not pass for a whole one
        raise
    finally:
        if was_enabled:
            gc.enable()
    diagnostics.sort(key=Diagnostic.sort_key)
    waived.sort(key=Diagnostic.sort_key)
    return Result(
        diagnostics, waived, [document.path for document in documents], estate, catalogue, settings, rules_run
    )


def _from_problem(problem: Problem, catalogue: Catalogue, settings: Settings) -> Diagnostic:
    """An EST finding of the reading stages, worded and rated by its rule file like any other."""
    rule = catalogue[problem.code]
    params = dict(problem.params)
    if problem.text is not None:
        params["problem"] = problem.text
    return _worded(
        rule, "message", params, (problem.file, problem.line, problem.column), problem.section, problem.entity, settings
    )


def _run_rules(
    estate: Estate, settings: Settings, catalogue: Catalogue, memo: Optional[Memo] = None
) -> tuple[list[tuple[Rule, Finding]], list[str]]:
    """(rule, Finding) of every rule that runs on the estate, and the codes that ran."""
    findings: list[tuple[Rule, Finding]] = []
    rules_run: list[str] = []
    running = [rule for rule in catalogue if rule.scope not in ("file", "waivers") and settings.runs(rule)]
    kept = None
    if memo is not None:
        kept = memo.entities(estate, {section for rule in running if _one_at_a_time(rule) for section in rule.sections})
    for rule in running:
        rules_run.append(rule.code)
        if _one_at_a_time(rule):
            findings.extend((rule, finding) for finding in _each_entity(rule, estate, settings, kept))
        else:
            findings.extend((rule, finding) for finding in _check_of(rule)(estate, settings))
    return findings, rules_run


def _one_at_a_time(rule: Rule) -> bool:
    """Whether the rule looks at one entity at a time: a condition, or an entity check."""
    return rule.when is not None or rule.check in ENTITY_CHECKS


def _check_of(rule: Rule) -> Callable[..., Iterator[Finding]]:
    """The Python check of a rule without a `when`: its rule file names one or the other (rule.schema.json)."""
    assert rule.check is not None
    return CHECKS[rule.check]


def _each_entity(
    rule: Rule, estate: Estate, settings: Settings, kept: Optional[dict[int, tuple[bool, Found]]] = None
) -> Iterator[Finding]:
    """The rule's findings, entity by entity; `kept` (id(entity) -> (as before?, code -> what the rule found
    on it)) is from a `Memo`: an entity as before gets what it got before."""
    code = rule.code
    evaluate = (
        _condition(rule, estate, settings)
        if rule.when is not None
        else partial(_check_of(rule), estate=estate, settings=settings)
    )
    applies = rule.applicable(settings.options)
    for section in rule.sections:
        for entity in estate.entities(section):
            if not entity.valid:
                continue
            if applies is not None:
                if entity.facts is None:
                    entity.facts = facts(estate, entity, settings.options)
                if not applies(entity.facts):
                    continue
            found = None
            if kept is not None:
                as_before, found = kept[id(entity)]
                if as_before:
                    for path, params, missing in found.get(code, ()):
                        yield Finding(entity, path, params, missing=missing)
                    continue
            results = tuple(evaluate(entity))
            if found is not None and results:
                found[code] = tuple((finding.path, finding.params, finding.missing) for finding in results)
            yield from results


def _condition(rule: Rule, estate: Estate, settings: Settings) -> Callable[[Entity], tuple[Finding, ...]]:
    """entity -> the declarative rule's findings on it."""
    options = settings.options
    test = rule.predicate(options)
    target = ".".join(rule.target)

    def evaluate(entity: Entity) -> tuple[Finding, ...]:
        if entity.facts is None:
            entity.facts = facts(estate, entity, options)
        if test(entity.facts):
            missing = tuple(field for field in rule.reads if not entity.states(field))
            return (
                Finding(entity, rule.target, {"value": stated(entity, target) if target else None}, missing=missing),
            )
        return ()

    return evaluate


class Memo:
    """What one lint of an estate hands to the next lint of the same estate: an editor lints at each edit,
    and most of the estate is as it was.

    - What the rules that look at one entity at a time found on each entity. Their
      conditions read the entity's facts (`checks.facts`), and entity checks the
      same (`checks.entity_check`): its data, made of what it states and its product,
      and its provider's type. An entity with the same three finds the same.
    - Each finding's Diagnostic. The same rule, about the same entity of the same
      loaded document (so at the same place), with the same values, is worded the
      same (its values compared as `messages.frozen` makes them).

    What a lint did not meet is forgotten after it; other settings or rules forget everything.
    """

    def __init__(self) -> None:
        self._context: Optional[tuple[Catalogue, Settings]] = None
        # (section, id) -> (stated data, product, provider type, code -> parts)
        self._found_before: dict[tuple[str, str], tuple[Any, ...]] = {}
        self._found: dict[tuple[str, str], tuple[Any, ...]] = {}
        self._words_before: dict[tuple[Any, ...], Diagnostic] = {}  # finding key -> Diagnostic
        self._words: dict[tuple[Any, ...], Diagnostic] = {}

    def start(self, catalogue: Catalogue, settings: Settings) -> None:
        # `today` decides which waivers expired, never what a rule finds or how it is worded.
        context = (catalogue, dataclasses.replace(settings, today=datetime.date.min))
        if context == self._context:
            self._found_before, self._words_before = self._found, self._words
        else:
            self._found_before, self._words_before = {}, {}
        self._context, self._found, self._words = context, {}, {}

    def forget(self) -> None:
        self._context = None

    def entities(self, estate: Estate, sections: set[str]) -> dict[int, tuple[bool, Found]]:
        """id(entity) -> (whether its facts are as in the last lint, what the rules found on it)."""
        before, now = self._found_before, self._found
        kept: dict[int, tuple[bool, Found]] = {}
        for section in sections:
            for entity in estate.entities(section):
                if not entity.valid:
                    continue
                facts_from = (entity.written, entity.product, provider_type(estate, entity))
                record = before.get((section, entity.id))
                as_before = record is not None and record[:3] == facts_from
                found = record[3] if record is not None and as_before else {}
                now[(section, entity.id)] = facts_from + (found,)
                kept[id(entity)] = (as_before, found)
        return kept

    def words(self, rule: Rule, finding: Finding, estate: Estate, settings: Settings) -> Diagnostic:
        """`_diagnostic`, or the same Diagnostic as in the last lint."""
        entity = finding.entity
        if entity is None:  # estate-wide: few, and placed by the whole estate
            return _diagnostic(rule, finding, estate, settings)
        product = entity.product and (entity.product.id, entity.product.not_documented)  # names it when undocumented
        key = (
            rule.code,
            entity.document,
            entity.section,
            entity.id,
            entity.taken,
            product,
            finding.path,
            finding.missing,
            tuple((name, frozen(value)) for name, value in finding.params.items()),
        )
        try:
            diagnostic = self._words_before.get(key)
        except TypeError:  # a value that even frozen cannot be hashed: worded each time
            return _diagnostic(rule, finding, estate, settings)
        if diagnostic is None:
            diagnostic = _diagnostic(rule, finding, estate, settings)
        self._words[key] = diagnostic
        return diagnostic


def _diagnostic(rule: Rule, finding: Finding, estate: Estate, settings: Settings) -> Diagnostic:
    entity = finding.entity
    params = dict(finding.params)
    if entity is not None:
        params.setdefault("id", entity.id)
        params.setdefault("name", entity.data.get("name") or entity.id)
        place = estate.position(entity, finding.path)
    elif finding.anchor is not None:
        place = estate.position(finding.anchor, finding.path)
    elif finding.document is not None:
        place = (finding.document.path,) + finding.document.place(finding.path)
    else:
        place = estate.anchor()
    template = "message"
    if finding.missing:
        template = "unstated"
        params["field"] = Listing(finding.missing, "and")
    return _worded(
        rule,
        template,
        params,
        place,
        entity.section if entity is not None else None,
        entity.id if entity is not None else None,
        settings,
        field=".".join(str(step) for step in finding.path),
        unstated=bool(finding.missing),
        aside=_undocumented(entity, finding.missing),
        about=tuple(finding.about.items()),
    )


def _undocumented(entity: Optional[Entity], missing: tuple[str, ...]) -> Optional[Text]:
    """The clause that says the application's product cannot fill a missing field: its vendor does not document it.

    Said so that the user knows the catalogue was looked at and that only the estate can state the fact.
    """
    product = entity.product if entity is not None else None
    if product is None or not missing:
        return None
    fields = [field for field in missing if field in product.not_documented]
    if not fields:
        return None
    return Text("unstated.not_documented", product=product.id, vendor=product.vendor, field=Listing(fields, "and"))


def _worded(
    rule: Rule,
    template: str,
    params: dict[str, Any],
    place: tuple[str, int, int],
    section: Optional[str],
    entity: Optional[str],
    settings: Settings,
    field: str = "",
    unstated: bool = False,
    aside: Optional[Text] = None,
    about: tuple[tuple[str, Any], ...] = (),
) -> Diagnostic:
    """The one place a finding gets its words, severity and name: from its rule (and `aside`, said after)."""
    lang = settings.lang
    text = rule.text(template, lang)
    options = settings.options  # a message may quote an option, like {min_availability}
    words: dict[str, Union[str, Clause]] = {}
    # Only what the template names is put into words: a large estate has tens of thousands of findings.
    for name in _placeholders(text):
        value = params[name] if name in params else options.get(name, _UNKNOWN)
        if value is not _UNKNOWN:
            words[name] = value.worded(lang) if isinstance(value, Clause) else render(lang, value)
    message = text.format_map(_Template(words))
    if aside is not None:
        message += render(lang, aside)
    file, line, column = place
    return Diagnostic(
        rule.code,
        settings.severity.get(rule.code, rule.severity),
        message,
        file,
        line,
        column,
        section,
        entity,
        rule.name,
        field,
        unstated,
        about,
    )


_UNKNOWN = object()


@cache
def _placeholders(template: str) -> tuple[str, ...]:
    import string

    return tuple({name for _, name, _, _ in string.Formatter().parse(template) if name})


class _Template(dict[str, Union[str, Clause]]):
    """Leaves an unknown {placeholder} as written instead of failing the run."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
