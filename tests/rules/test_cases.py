"""Every rule case of tests/rules/cases/*.yaml (the format is in rule_cases.py): its findings, exactly."""

from __future__ import annotations

import pytest
from rule_cases import all_cases, load, rules_with_cases

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(catalogue, case):
    assert case.found(catalogue) == list(case.findings)


def test_every_built_in_rule_has_a_case_that_fires_and_one_that_does_not(catalogue):
    missing = {}
    for rule in catalogue:
        cases = load(rule.code).values() if rule.code in rules_with_cases() else ()
        lacking = [
            kind
            for kind, wanted in (("firing", True), ("non-firing", False))
            if not any(case.fires == wanted for case in cases)
        ]
        if lacking:
            missing[rule.code] = lacking
    assert missing == {}, "add them to tests/rules/cases/CODE.yaml (the format: tests/rules/rule_cases.py)"


def test_every_case_file_is_a_built_in_rule(catalogue):
    assert set(rules_with_cases()) <= {rule.code for rule in catalogue}
