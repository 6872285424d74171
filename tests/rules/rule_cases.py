"""The rule cases of tests/rules/cases/CODE.yaml: an estate, the settings of the run, the findings expected.

A case file (sqlfluff's std_rule_cases are the model):

    rule: ACC002                  # the file's rule, the same as its name
    settings: {preview: true}     # optional: settings of every case of the file
    cases:
      devices-without-chromebook:  # the case's name: its test id is ACC002/devices-without-chromebook
        settings: {options: {required_devices: [windows]}}  # optional: options, select, ignore, preview, today, lang
        codes: [ACC004, GOV003]   # optional: the codes whose findings are compared (default the rule's; `all`)
        estate: |
          version: 1
          ...
        findings:                 # [code, entity, line, column] of each finding, in order; [] for none
          - [ACC002, crm, 4, 29]

Each case lints its estate as estate.yaml with every rule that runs (today is 2026-11-23 unless it says),
then compares the findings of its codes, so a case also proves the rule keeps quiet where another fires.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from conftest import TODAY
from si_lint.rules.engine import lint_text
from si_lint.rules.settings import Settings

FOLDER = Path(__file__).resolve().parent / "cases"
FILE_KEYS = {"rule", "settings", "cases"}
CASE_KEYS = {"settings", "codes", "estate", "findings"}
SETTING_KEYS = {"options", "select", "ignore", "preview", "today", "lang"}
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Two cases with one name would silently keep the second: refuse them. (libyaml's parser when there is one:
    the cases are read at every collection.)"""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        duplicates = {key for key in keys if keys.count(key) > 1}
        if duplicates:
            raise ValueError(f"line {node.start_mark.line + 1}: {sorted(duplicates)} given twice")
        return super().construct_mapping(node, deep=deep)


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    estate: str
    settings: dict = field(default_factory=dict)
    codes: tuple | str | None = None
    findings: tuple = ()

    @property
    def id(self) -> str:
        return f"{self.rule}/{self.name}"

    @property
    def fires(self) -> bool:
        return any(code == self.rule for code, *_ in self.findings)

    def found(self, catalogue, **overrides) -> list:
        """(code, entity, line, column) of the findings in force of the case's codes."""
        result = run_case(self.estate, catalogue, **{**self.settings, **overrides})
        watched = (self.rule,) if self.codes is None else self.codes
        return [
            (d.code, d.entity, d.line, d.column) for d in result.diagnostics if watched == "all" or d.code in watched
        ]


def run_case(text: str, catalogue, **settings):
    """Lint `text` with the case settings (lists as tuples, today by default the tests' day)."""
    settings = {
        key: tuple(value) if isinstance(value, list) and key != "options" else value for key, value in settings.items()
    }
    settings.setdefault("today", TODAY)
    return lint_text(text, Settings(**settings), catalogue, path="estate.yaml")


def _case(rule: str, name: str, data: dict, file_settings: dict) -> Case:
    where = f"{rule}.yaml, case {name}"
    assert NAME.match(name), f"{where}: a case name is lowercase words joined by '-'"
    assert isinstance(data, dict) and set(data) <= CASE_KEYS, f"{where}: keys are {sorted(CASE_KEYS)}"
    assert "estate" in data and "findings" in data, f"{where}: estate and findings are required"
    settings = {**file_settings, **(data.get("settings") or {})}
    assert set(settings) <= SETTING_KEYS, f"{where}: settings are {sorted(SETTING_KEYS)}"
    assert isinstance(settings.get("today", TODAY), datetime.date), f"{where}: today is a date (2026-11-23)"
    codes = data.get("codes")
    if isinstance(codes, list):
        codes = tuple(codes)
    assert codes is None or codes == "all" or isinstance(codes, tuple), f"{where}: codes is a list or `all`"
    findings = tuple(tuple(finding) for finding in data["findings"])
    assert all(len(finding) == 4 for finding in findings), f"{where}: a finding is [code, entity, line, column]"
    return Case(rule, name, data["estate"], settings, codes, findings)


@cache
def load(rule: str) -> dict:
    """The cases of one rule file, by name."""
    path = FOLDER / f"{rule}.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    assert set(data) <= FILE_KEYS and data.get("rule") == rule, f"{path.name}: `rule: {rule}`, settings, cases"
    file_settings = data.get("settings") or {}
    return {name: _case(rule, name, case, file_settings) for name, case in data["cases"].items()}


def rules_with_cases() -> list:
    return sorted(path.stem for path in FOLDER.glob("*.yaml"))


def all_cases() -> list:
    return [case for rule in rules_with_cases() for case in load(rule).values()]


def estate(rule: str, name: str) -> str:
    """The estate of one case, for the tests that check more than where findings are (messages, scores)."""
    return load(rule)[name].estate
