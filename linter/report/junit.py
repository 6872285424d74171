"""JUnit XML, which CI servers (GitLab, Jenkins, Azure) show as a test report.

One test suite per rule that has findings, one test case per rule and entity:
the case fails with every finding of that rule on that entity. Findings
silenced by a waiver are skipped cases. A clean estate is one passing case, so
the CI page shows a pass rather than "no tests".
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.etree import ElementTree as ET

from ..rules.diagnostic import Diagnostic
from . import Report, one_line

ESTATE = "(estate)"  # the test-case name of findings that belong to no entity
# A test case: its attributes, how it ended (failure, skipped, passed), and its findings.
Case = tuple[dict[str, str], str, list[Diagnostic]]


def _groups(diagnostics: Iterable[Diagnostic]) -> dict[str, dict[str, list[Diagnostic]]]:
    groups: dict[str, dict[str, list[Diagnostic]]] = {}
    for diagnostic in diagnostics:
        groups.setdefault(diagnostic.code, {}).setdefault(diagnostic.entity or ESTATE, []).append(diagnostic)
    return groups


def _where(diagnostic: Diagnostic) -> str:
    return f"{one_line(diagnostic.file)}:{diagnostic.line}:{diagnostic.column}"


def _suite(root: ET.Element, name: str, cases: list[Case]) -> None:
    suite = ET.SubElement(
        root,
        "testsuite",
        name=name,
        tests=str(len(cases)),
        failures=str(sum(1 for _, kind, _ in cases if kind == "failure")),
        errors="0",
        skipped=str(sum(1 for _, kind, _ in cases if kind == "skipped")),
    )
    for attributes, kind, found in cases:
        case = ET.SubElement(suite, "testcase", attributes)
        if found:
            # Test-case properties, as pytest writes them: the case fails (or is waived) only because fields its
            # rule reads are not stated, when every finding in it is unstated (rules 1.1).
            properties = ET.SubElement(case, "properties")
            ET.SubElement(properties, "property", name="unstated", value=str(all(d.unstated for d in found)).lower())
        if kind == "failure":
            first = found[0]
            # one_line: XML 1.0 cannot hold most control characters at all, even escaped.
            failure = ET.SubElement(case, "failure", message=one_line(first.message), type=first.severity)
            failure.text = "\n".join(f"{_where(d)}: {d.code} [{d.severity}] {one_line(d.message)}" for d in found)
        elif kind == "skipped":
            ET.SubElement(case, "skipped", message=f"waived: {one_line(found[0].message)}")


def render(report: Report) -> str:
    root = ET.Element("testsuites", name="si-lint")
    active, waived = _groups(report.diagnostics), _groups(report.waived)
    for code in sorted(set(active) | set(waived)):
        rule = report.rules.get(code)
        cases: list[Case] = []
        for kind, groups in (("failure", active), ("skipped", waived)):
            for entity, found in groups.get(code, {}).items():
                first = found[0]
                attributes = {
                    "classname": f"si-lint.{code}",
                    "name": one_line(entity),
                    "file": one_line(first.file),
                    "line": str(first.line),
                }
                cases.append((attributes, kind, found))
        _suite(root, f"{code} {rule.name if rule else ''}".strip(), cases)
    if not len(root):
        _suite(root, "si-lint", [({"classname": "si-lint", "name": "estate"}, "passed", [])])
    root.set("tests", str(sum(int(s.attrib["tests"]) for s in root)))
    root.set("failures", str(sum(int(s.attrib["failures"]) for s in root)))
    root.set("errors", "0")
    root.set("skipped", str(sum(int(s.attrib["skipped"]) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
