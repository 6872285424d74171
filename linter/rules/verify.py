"""`si-lint rules --verify`: every rule's compliant example must not fire it, the other must."""

from __future__ import annotations

import datetime

from .catalogue import Catalogue, Rule
from .engine import lint_text
from .settings import Settings

# Examples are dated against a fixed day, so verification does not rot as time passes.
VERIFY_DAY = datetime.date(2026, 1, 1)


def fired(rule: Rule, text: str, catalogue: Catalogue) -> list:
    settings = Settings(today=VERIFY_DAY, preview=True)  # preview rules are verified like the others
    result = lint_text(text, settings, catalogue, path=f"{rule.code}.example.yaml")
    return [d for d in result.diagnostics if d.code == rule.code]


def verify_rule(rule: Rule, catalogue: Catalogue) -> list:
    problems = []
    if fired(rule, rule.examples["compliant"], catalogue):
        problems.append(f"{rule.code}: its compliant example fires it ({rule.origin})")
    if not fired(rule, rule.examples["non_compliant"], catalogue):
        problems.append(f"{rule.code}: its non-compliant example does not fire it ({rule.origin})")
    return problems


def verify_catalogue(catalogue: Catalogue) -> list:
    return [problem for rule in catalogue for problem in verify_rule(rule, catalogue)]
