"""`plan` and the html report take any estate `check` takes: a wrong type in a reference field is a finding,
never exit 3."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from si_lint.cli.main import main

BASE = """\
version: 1
organization: acme
providers:
  onprem: {type: on-premise, offers: [iaas]}
  dc: {type: colocation, offers: [iaas]}
  aws: {type: public-cloud, offers: [iaas]}
  gcp: {type: public-cloud, offers: [iaas]}
infrastructure:
  vms: {type: server, provider: PROVIDER_VM, availability: 99.5}
  hub: {type: integration-platform, provider: aws}
data_stores:
  db: {kind: operational, application: APPLICATION, provider: gcp, data: [structured]}
applications:
  erp: {delivery: iaas, provider: PROVIDER_APP, depends_on: DEPENDS, data: DATA, product: PRODUCT,
        owner: finance, category: office, cost: {per_user_month: 40}}
  crm: {delivery: saas, provider: aws, owner: sales}
integrations:
  - {from: FROM, to: crm, via: VIA}
"""
FIELDS = {
    "PROVIDER_VM": "dc",
    "PROVIDER_APP": "onprem",
    "APPLICATION": "crm",
    "DEPENDS": "[vms, db]",
    "DATA": "[db]",
    "PRODUCT": "sap-ecc-6",
    "FROM": "erp",
    "VIA": "shared-database",
}
WRONG = {"a mapping": "{id: x}", "a list": "[x, y]", "a number": "12", "a list of mappings": "[{id: x}]"}


def estate(field: str, value: str) -> str:
    text = BASE
    for name, default in FIELDS.items():
        text = text.replace(name, value if name == field else default)
    return text


@pytest.mark.parametrize("value", WRONG.values(), ids=WRONG.keys())
@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize(
    "command",
    [["plan"], ["check", "--format", "html"], ["plan", "--format", "json"]],
    ids=["plan", "html", "plan-json"],
)
def test_a_wrong_type_in_a_reference_field_is_exit_1_not_3(tmp_path, field, value, command):
    (tmp_path / "estate.yaml").write_text(estate(field, value), encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", str(tmp_path / "estate.yaml"), "--today", "2026-11-23"])
    assert checked.exit_code == 1, checked.output
    result = CliRunner().invoke(main, [*command, str(tmp_path / "estate.yaml"), "--today", "2026-11-23"])
    assert result.exit_code in (0, 1), result.output


def test_the_estate_as_written_is_linted_and_planned():
    # The base estate (every field right) fires CLD006, INT002 and CST001, the rules whose actions read the findings.
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "estate.yaml"
        path.write_text(estate("", ""), encoding="utf-8")
        result = CliRunner().invoke(main, ["plan", str(path), "--format", "json", "--today", "2026-11-23"])
    assert result.exit_code in (0, 1), result.output
    kinds = {action["kind"] for action in __import__("json").loads(result.stdout)["actions"]}
    assert {"iaas-providers", "route", "office-cost"} <= kinds
