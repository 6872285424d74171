"""Not stated is not the same as non-compliant (rules.md 1.1; issue 11 acceptance).

The cases are GENERATED FROM THE RULE FILES, not picked by hand: for every built-in rule that names the
fields it reads (`reads`), each of those fields is removed in turn from each entity of the rule's own
examples that states it (the field itself, and each mapping that holds it: `access.devices`, then
`access`). When the rule then fires because of the removal (it does not fire with the field stated as in
the compliant example), the finding is `unstated` and its message says the field is not stated, in English
and in French; when it fires for another reason, it is not `unstated`. A stated non-compliant value (the
non-compliant examples as written) never gives `unstated`. Then the machine formats carry the flag.
"""

from __future__ import annotations

import copy
import json
import re
from importlib import resources
from xml.etree import ElementTree as ET

import jsonschema
import pytest
import yaml
from conftest import run
from si_lint.model.vocabulary import ID_SECTIONS
from si_lint.report import Report, render
from si_lint.rules.catalogue import load_catalogue

CATALOGUE = load_catalogue()
READING = [rule for rule in CATALOGUE if rule.builtin and rule.reads]

# How the messages say it: "is not stated" in English; « n'est pas indiqué(e) » or « n'indiquent pas » in French.
NOT_STATED = {"en": re.compile(r"\bnot stated\b"), "fr": re.compile(r"n'(?:est|sont) pas indiqu|n'indiquent pas")}


def test_the_rules_that_read_fields_are_there():
    # a generated test over an empty list would pass without testing anything
    assert len(READING) >= 15
    assert {"ACC001", "ACC006", "ACC007", "COL006", "CST001", "DAT001"} <= {rule.code for rule in READING}


@pytest.mark.parametrize("rule", READING, ids=lambda rule: rule.code)
def test_every_unstated_text_says_not_stated(rule):
    for lang, marker in NOT_STATED.items():
        template = rule.text("unstated", lang)
        assert marker.search(template), f"{rule.code} {lang}.unstated: {template}"
        assert "{field}" in template  # it names the field the user should state


# --- the generator ------------------------------------------------------------------------------


def _entities(data: dict):
    """(section, id, body) of every entity of an estate's data (integrations are read by no `reads`)."""
    for section in ID_SECTIONS:
        for entity_id, body in (data.get(section) or {}).items():
            if isinstance(body, dict):
                yield section, entity_id, body


def _get(body: dict, dotted: str, default=None):
    node = body
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    return node


_ABSENT = object()


def without(text: str, section: str, entity_id: str, dotted: str) -> str:
    """The estate YAML with the key `dotted` (`a.b.c`) deleted from one entity, dumped back."""
    data = yaml.safe_load(text)
    node = data[section][entity_id]
    *parents, last = dotted.split(".")
    for part in parents:
        node = node[part]
    del node[last]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def with_value(text: str, section: str, entity_id: str, dotted: str, value) -> str:
    """The estate YAML with the key `dotted` of one entity set to `value`."""
    data = yaml.safe_load(text)
    node = data[section][entity_id]
    *parents, last = dotted.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = copy.deepcopy(value)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def removals(rule):
    """Every removal of a read field from the rule's examples:
    (id, example, text, section, entity, key, compliant value).

    `key` is the read field or one of the mappings that hold it; the compliant value is what the compliant
    example states at `key` on the same entity (None when it states nothing there).
    """
    compliant = yaml.safe_load(rule.examples["compliant"])
    for example in ("non_compliant", "compliant"):
        text = rule.examples[example]
        for section, entity_id, body in _entities(yaml.safe_load(text)):
            for field in rule.reads:
                if _get(body, field, _ABSENT) is _ABSENT:
                    continue
                parts = field.split(".")
                for length in range(len(parts), 0, -1):
                    key = ".".join(parts[:length])
                    model = _get((compliant.get(section) or {}).get(entity_id) or {}, key, _ABSENT)
                    yield (
                        f"{rule.code}: {example} {section}.{entity_id} without {key}",
                        example,
                        text,
                        section,
                        entity_id,
                        key,
                        None if model is _ABSENT else model,
                    )


CASES = [pytest.param(rule, *case[1:], id=case[0]) for rule in READING for case in removals(rule)]


def _found(text: str, rule, lang: str = "en") -> list:
    """The rule's findings, with the rules in preview on (every rule that reads fields runs)."""
    return [d for d in run(text, CATALOGUE, preview=True, lang=lang).diagnostics if d.code == rule.code]


def _concerns(diagnostic, entity_id: str) -> bool:
    """Whether a finding is about the entity: its own, or an estate-wide one (entity None)."""
    return diagnostic.entity in (entity_id, None)


def _fires_anyway(rule, example, text, section, entity_id, key, model, diagnostic) -> bool:
    """Whether the same finding comes with the field stated as in the compliant example (None: unknown)."""
    if example == "compliant":
        stated = text  # the compliant example as written: it states the field, and passes (rules --verify)
    elif model is None:
        return None
    else:
        stated = with_value(text, section, entity_id, key, model)
    return any(d.entity == diagnostic.entity for d in _found(stated, rule))


@pytest.mark.parametrize("rule, example, text, section, entity_id, key, model", CASES)
def test_a_field_removed_gives_an_unstated_finding(rule, example, text, section, entity_id, key, model):
    variant = without(text, section, entity_id, key)
    english = [d for d in _found(variant, rule) if _concerns(d, entity_id)]
    french = [d for d in _found(variant, rule, "fr") if _concerns(d, entity_id)]
    assert [(d.entity, d.line, d.column, d.unstated) for d in french] == [
        (d.entity, d.line, d.column, d.unstated) for d in english
    ]
    for en, fr in zip(english, french):
        anyway = _fires_anyway(rule, example, text, section, entity_id, key, model, en)
        if anyway is None:
            continue
        if anyway:  # it fires for another reason than the missing field: a stated finding
            assert not en.unstated, en.message
        else:
            assert en.unstated, en.message
            assert NOT_STATED["en"].search(en.message), en.message
            assert NOT_STATED["fr"].search(fr.message), fr.message
            assert en.code == rule.code and en.severity == rule.severity  # code and severity unchanged


@pytest.mark.parametrize("rule", READING, ids=lambda rule: rule.code)
def test_some_removal_makes_each_rule_fire_unstated(rule):
    fired = []
    for _, _example, text, section, entity_id, key, _model in removals(rule):
        variant = without(text, section, entity_id, key)
        fired += [key for d in _found(variant, rule) if _concerns(d, entity_id) and d.unstated]
    assert fired, f"no removal of {rule.reads} from {rule.code}'s examples makes it fire"


def _states(estate, entity_id, field: str, section=None) -> bool:
    entity = estate.by_id.get(entity_id) if entity_id else None
    return entity is not None and entity.states(field)


def _leaves_out(rule, result, diagnostic) -> bool:
    """Whether the example leaves out a field the finding rests on, judged from the example itself.

    An entity's finding: its entity lacks a field the rule reads (after the product's facts). An estate-wide
    finding: some entity lacks a read field that another entity of its section states, or that the same
    entity states in the compliant example.
    """
    estate = result.estate
    if diagnostic.entity is not None:
        return not all(_states(estate, diagnostic.entity, field) for field in rule.reads)
    compliant = yaml.safe_load(rule.examples["compliant"])
    for field in rule.reads:
        for section in ID_SECTIONS:
            entities = list(estate.entities(section))
            stating = [e for e in entities if e.states(field)]
            for entity in entities:
                if entity.states(field):
                    continue
                model = (compliant.get(section) or {}).get(entity.id) or {}
                if stating or _get(model, field, _ABSENT) is not _ABSENT:
                    return True
    return False


@pytest.mark.parametrize("rule", READING, ids=lambda rule: rule.code)
def test_a_stated_non_compliant_value_is_never_unstated(rule):
    text = rule.examples["non_compliant"]
    result = run(text, CATALOGUE, preview=True)
    mine = [d for d in result.diagnostics if d.code == rule.code]
    assert mine  # rules --verify: the non-compliant example fires
    for diagnostic in mine:
        if _leaves_out(rule, result, diagnostic):
            assert diagnostic.unstated, diagnostic.message
        else:
            assert not diagnostic.unstated, diagnostic.message
            assert not NOT_STATED["en"].search(diagnostic.message), diagnostic.message


def test_a_value_from_the_product_is_stated_not_unstated():
    """A fact the product catalogue gives is a stated fact: exchange-2016's delivery is on-premise, said so."""
    text = "version: 1\napplications:\n  mail: {usage: support, owner: it, product: exchange-2016}\n"
    [finding] = [d for d in run(text, CATALOGUE).diagnostics if d.code == "CLD004"]
    assert not finding.unstated
    assert "from product exchange-2016" in finding.message


# --- the machine formats carry it -------------------------------------------------------------

ESTATE = """\
version: 1
applications:
  payroll:
    usage: support
    owner: hr
    delivery: saas
    tenancy: multi
    access: {browser: true}
    availability: {target: 99.9}
    waivers:
      - {rule: CLD002, reason: x, expires: 2027-01-31}
  erp:
    usage: business
    owner: finance
    delivery: saas
    access: {browser: false}
    availability: {target: 99.9}
"""
# payroll: GOV004 for the unused waiver (stated); erp: ACC001 stated (browser false), CLD002 unstated (no tenancy)


def _report(lang: str = "en") -> Report:
    result = run(ESTATE, CATALOGUE, lang=lang)
    return Report(
        diagnostics=result.diagnostics,
        waived=result.waived,
        summary=result.summary(),
        rules=result.catalogue.docs(lang),
        lang=lang,
    )


def _flags(report: Report) -> dict:
    return {(d.code, d.entity): d.unstated for d in report.diagnostics}


def test_the_estate_has_stated_and_unstated_findings():
    flags = _flags(_report())
    assert flags[("CLD002", "erp")] is True
    assert flags[("ACC001", "erp")] is False
    assert set(flags.values()) == {True, False}


def _report_schema() -> dict:
    return json.loads(resources.files("si_lint").joinpath("schemas/report.schema.json").read_text("utf-8"))


def test_json_carries_unstated_and_field_and_follows_its_schema():
    document = json.loads(render("json", _report()))
    jsonschema.validate(document, _report_schema())
    by_finding = {(d["code"], d["entity"]): d for d in document["diagnostics"]}
    assert {key: d["unstated"] for key, d in by_finding.items()} == _flags(_report())
    assert by_finding[("CLD002", "erp")]["field"] == "tenancy"
    assert by_finding[("ACC001", "erp")]["field"] == "access.browser"


def test_the_report_schema_types_the_new_keys():
    schema = _report_schema()
    document = json.loads(render("json", _report()))
    for key, wrong in (("unstated", "yes"), ("field", 3)):
        broken = copy.deepcopy(document)
        broken["diagnostics"][0][key] = wrong
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)
    # a report written before 1.1 (no field, no unstated) stays valid: `si-lint diff` reads old reports
    old = copy.deepcopy(document)
    for diagnostic in old["diagnostics"]:
        del diagnostic["unstated"], diagnostic["field"]
    jsonschema.validate(old, schema)


# sarif and gitlab write `unstated: true` on the findings it concerns and leave the key out otherwise.


def test_sarif_carries_unstated_in_properties():
    document = json.loads(render("sarif", _report()))
    results = document["runs"][0]["results"]
    flags = {
        (r["ruleId"], r.get("properties", {}).get("entity")): r.get("properties", {}).get("unstated", False)
        for r in results
    }
    assert flags == _flags(_report())
    assert all(r["properties"]["unstated"] is True for r in results if "unstated" in r.get("properties", {}))


def test_gitlab_carries_unstated():
    issues = json.loads(render("gitlab", _report()))
    assert {(i["check_name"].split()[0], i["description"]): i.get("unstated", False) for i in issues} == {
        (d.code, f"{d.code} {d.message}"): d.unstated for d in _report().diagnostics
    }
    assert all(i["unstated"] is True for i in issues if "unstated" in i)


def test_junit_carries_unstated_as_a_test_case_property():
    root = ET.fromstring(render("junit", _report()))
    flags = {}
    for case in root.iter("testcase"):
        [prop] = case.findall("properties/property")
        assert prop.get("name") == "unstated"
        flags[(case.get("classname").split(".")[-1], case.get("name"))] = prop.get("value") == "true"
    assert flags == _flags(_report())


def test_every_machine_format_in_french_too():
    flags = _flags(_report("fr"))
    assert flags == _flags(_report())
    document = json.loads(render("json", _report("fr")))
    unstated = [d for d in document["diagnostics"] if d["unstated"]]
    assert unstated and all(NOT_STATED["fr"].search(d["message"]) for d in unstated)
