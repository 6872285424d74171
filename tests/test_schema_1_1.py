"""The fields of estate-format 1.1 ("Added in 1.1"): the JSON Schema accepts each of them, and a wrong type is
EST003 at the key that holds it, in words (issue 14 acceptance)."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import run
from si_lint.cli.main import main

# Every field of "Added in 1.1", each at least once, in an estate that is otherwise valid.
EVERY_NEW_FIELD = """\
version: 1
organization: Acme
workforce: 3000
waivers:
  - {rule: COL006, reason: The field teams get their tablets in June, expires: 2027-06-30}
providers:
  gcp: {type: public-cloud, offers: [iaas, paas]}
infrastructure:
  laptops:
    type: access-devices
    families: [windows, macos, linux, chromebook, android, ios]
    cost: {per_user_month: 4.5, currency: EUR}
  phones:
    type: access-devices
    families: [android]
    cost: {per_user_month: 3}
  transfer-hub: {type: integration-platform, provider: gcp, availability: 99.99}
applications:
  mail:
    usage: support
    product: google-workspace
    access: {browser: true, network: internet}
    users: 1000
  exchange:
    usage: support
    product: exchange-2016
    access: {network: vpn}
    lifecycle: {version: "2016", end_of_support: 2025-10-14}
  intranet:
    usage: support
    access: {network: corporate}
    lifecycle: {version: "4.2"}
  legacy:
    usage: business
    lifecycle: {end_of_support: 2031-12-31, stage: production}
integrations:
  - from: exchange
    to: mail
    via: file-transfer
    waivers:
      - {rule: INT001, reason: Mailboxes move once to the suite, expires: 2027-03-31}
"""


def est(text: str, catalogue, lang: str = "en") -> list:
    return [
        (d.code, d.entity, d.line, d.column, d.message)
        for d in run(text, catalogue, lang=lang).diagnostics
        if d.code.startswith("EST")
    ]


def test_every_new_field_is_accepted_by_the_engine(catalogue):
    assert est(EVERY_NEW_FIELD, catalogue) == []
    # and the fields are read: the preview rules see them (lifecycle, network, families, workforce)
    codes = {d.code for d in run(EVERY_NEW_FIELD, catalogue, preview=True).diagnostics}
    assert {"ACC006", "CLD007"} <= codes
    assert "ACC007" not in codes


def _published_schema(lang: str = "en") -> dict:
    result = CliRunner().invoke(main, ["schema", "--lang", lang])
    assert result.exit_code == 0
    return json.loads(result.stdout)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_new_field_is_accepted_by_the_published_schema(lang):
    """What editors check against (`si-lint schema`): the same estate is valid, every new field described."""
    schema = _published_schema(lang)
    data = yaml.safe_load(EVERY_NEW_FIELD)
    # YAML dates are strings for si-lint (its loader keeps them as written); the schema sees them as such.
    data = json.loads(json.dumps(data, default=str))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    definitions = schema["$defs"]
    described = [
        schema["properties"]["workforce"],
        schema["properties"]["waivers"],
        definitions["Integration"]["properties"]["waivers"],
        definitions["Application"]["properties"]["product"],
        definitions["Application"]["properties"]["access"]["properties"]["network"],
        definitions["Infrastructure"]["properties"]["families"],
        definitions["Infrastructure"]["properties"]["cost"],
    ]
    assert all(node.get("description") for node in described)


# (estate, (code, entity, line, column), words the message says), one case per field and kind of mistake.
WRONG = {
    "workforce as text": (
        "version: 1\nworkforce: '3000'\n",
        ("EST003", None, 2, 1),
        "workforce: '3000' is text, expected a whole number",
    ),
    "workforce with decimals": (
        "version: 1\nworkforce: 12.5\n",
        ("EST003", None, 2, 1),
        "workforce: 12.5 is a number, expected a whole number",
    ),
    "workforce negative": (
        "version: 1\nworkforce: -5\n",
        ("EST003", None, 2, 1),
        "workforce: -5 is below the minimum 0",
    ),
    "top-level waivers as a mapping": (
        "version: 1\nwaivers: {rule: CLD006, reason: x, expires: 2027-01-01}\n",
        ("EST003", None, 2, 1),
        "waivers: a mapping, expected a list",
    ),
    "a top-level waiver without its reason": (
        "version: 1\nwaivers:\n  - {rule: CLD006, expires: 2027-01-01}\n",
        ("EST003", None, 3, 5),
        "waivers[0]: missing required field 'reason'",
    ),
    "a top-level waiver with an unknown field": (
        "version: 1\nwaivers:\n  - {rule: CLD006, reason: x, expires: 2027-01-01, until: 2028-01-01}\n",
        ("EST003", None, 3, 52),
        "waivers[0].until: unknown field 'until'",
    ),
    "integration waivers as a boolean": (
        "version: 1\napplications:\n  a: {usage: support}\n  b: {usage: support}\nintegrations:\n"
        "  - {from: a, to: b, via: file-transfer, waivers: yes}\n",
        ("EST003", "a->b", 6, 42),
        "integrations[0].waivers: true is a boolean, expected a list",
    ),
    "an integration waiver without its expiry": (
        "version: 1\napplications:\n  a: {usage: support}\n  b: {usage: support}\nintegrations:\n"
        "  - from: a\n    to: b\n    via: file-transfer\n    waivers:\n      - {rule: INT001, reason: sanctioned}\n",
        ("EST003", "a->b", 10, 9),
        "integrations[0].waivers[0]: missing required field 'expires'",
    ),
    "product as a number": (
        "version: 1\napplications:\n  mail: {product: 42}\n",
        ("EST003", "mail", 3, 10),
        "applications.mail.product: 42 is a number, expected text",
    ),
    "product as a name, not an id": (
        "version: 1\napplications:\n  mail: {product: Google Workspace}\n",
        ("EST003", "mail", 3, 10),
        "applications.mail.product: 'Google Workspace' is not a valid id",
    ),
    "access.network out of its list": (
        "version: 1\napplications:\n  mail:\n    access: {browser: true, network: wifi}\n",
        ("EST003", "mail", 4, 29),
        "applications.mail.access.network: 'wifi' is not one of internet, vpn, corporate",
    ),
    "access.network as a list": (
        "version: 1\napplications:\n  mail:\n    access: {network: [vpn]}\n",
        ("EST003", "mail", 4, 14),
        "applications.mail.access.network: a list is not one of internet, vpn, corporate",
    ),
    "lifecycle.version as a number": (
        "version: 1\napplications:\n  mail:\n    lifecycle: {version: 2016}\n",
        ("EST003", "mail", 4, 17),
        "applications.mail.lifecycle.version: 2016 is a number, expected text",
    ),
    "lifecycle.end_of_support not an ISO date": (
        'version: 1\napplications:\n  mail:\n    lifecycle:\n      version: "2016"\n      end_of_support: 14/10/2025\n',
        ("EST003", "mail", 6, 7),
        "applications.mail.lifecycle.end_of_support: '14/10/2025' is not a date written YYYY-MM-DD",
    ),
    "lifecycle.end_of_support a day that does not exist": (
        "version: 1\napplications:\n  mail:\n    lifecycle: {end_of_support: 2025-02-30}\n",
        ("EST003", "mail", 4, 17),
        "applications.mail.lifecycle.end_of_support: '2025-02-30' is not a valid date (YYYY-MM-DD)",
    ),
    "lifecycle with an unknown field": (
        "version: 1\napplications:\n  mail:\n    lifecycle: {eol: 2025-02-03}\n",
        ("EST003", "mail", 4, 17),
        "applications.mail.lifecycle.eol: unknown field 'eol'",
    ),
    "lifecycle as a number": (
        "version: 1\napplications:\n  mail:\n    lifecycle: 2016\n",
        ("EST003", "mail", 4, 5),
        "applications.mail.lifecycle: 2016 is a number, expected text or a mapping",
    ),
    "families as a word": (
        "version: 1\ninfrastructure:\n  laptops: {type: access-devices, families: windows}\n",
        ("EST003", "laptops", 3, 35),
        "infrastructure.laptops.families: 'windows' is text, expected a list",
    ),
    "families twice the same": (
        "version: 1\ninfrastructure:\n  laptops: {type: access-devices, families: [windows, windows]}\n",
        ("EST003", "laptops", 3, 35),
        "infrastructure.laptops.families: lists windows more than once",
    ),
    "a family out of the list": (
        "version: 1\ninfrastructure:\n  laptops: {type: access-devices, families: [windows, amiga]}\n",
        ("EST003", "laptops", 3, 55),
        "infrastructure.laptops.families[1]: 'amiga' is not one of windows, macos",
    ),
    "cost as a number": (
        "version: 1\ninfrastructure:\n  laptops:\n    type: access-devices\n    cost: 5\n",
        ("EST003", "laptops", 5, 5),
        "infrastructure.laptops.cost: 5 is a number, expected a mapping",
    ),
    "cost.per_user_month as text": (
        "version: 1\ninfrastructure:\n  laptops:\n    type: access-devices\n    cost: {per_user_month: '5'}\n",
        ("EST003", "laptops", 5, 12),
        "infrastructure.laptops.cost.per_user_month: '5' is text, expected a number",
    ),
    "cost.per_user_month negative": (
        "version: 1\ninfrastructure:\n  laptops:\n    type: access-devices\n    cost: {per_user_month: -1}\n",
        ("EST003", "laptops", 5, 12),
        "infrastructure.laptops.cost.per_user_month: -1 is below the minimum 0",
    ),
    "cost.currency not an ISO code": (
        "version: 1\ninfrastructure:\n  laptops:\n    type: access-devices\n"
        "    cost: {per_user_month: 5, currency: eur}\n",
        ("EST003", "laptops", 5, 31),
        "infrastructure.laptops.cost.currency: 'eur' does not have the expected form",
    ),
}


@pytest.mark.parametrize("text, expected, words", WRONG.values(), ids=WRONG.keys())
def test_a_wrong_type_is_est003_at_its_key(catalogue, text, expected, words):
    found = est(text, catalogue)
    assert [f[:4] for f in found] == [expected]
    assert found[0][4].startswith(words), found[0][4]


@pytest.mark.parametrize("text, expected, words", WRONG.values(), ids=WRONG.keys())
def test_a_wrong_type_keeps_its_entity_out_of_the_rules(catalogue, text, expected, words):
    """An entity that breaks the schema is left to EST003: no principle finding on it, and never silently."""
    result = run(text, catalogue, preview=True)
    entity = expected[1]
    if entity is not None:
        assert [d.code for d in result.diagnostics if d.entity == entity] == ["EST003"]


def test_the_wrong_types_in_french(catalogue):
    fr = est(WRONG["lifecycle.end_of_support not an ISO date"][0], catalogue, lang="fr")
    assert fr[0][4] == (
        "applications.mail.lifecycle.end_of_support : « 14/10/2025 » n'est pas une date au format AAAA-MM-JJ"
    )
    fr = est(WRONG["cost as a number"][0], catalogue, lang="fr")
    assert fr[0][4] == (
        "infrastructure.laptops.cost : 5 est un nombre ; attendu : un dictionnaire, par exemple "
        "{per_user_month: 6, currency: EUR}"
    )
    fr = est(WRONG["top-level waivers as a mapping"][0], catalogue, lang="fr")
    assert fr[0][4] == "waivers : un dictionnaire ; attendu : une liste"
    fr = est(WRONG["lifecycle as a number"][0], catalogue, lang="fr")
    assert fr[0][4] == "applications.mail.lifecycle : 2016 est un nombre ; attendu : du texte ou un dictionnaire"


def test_an_entity_that_fails_the_schema_always_gets_its_est003(catalogue):
    """Every value the schema refuses in an alternative (lifecycle: text or mapping) is worded, none dropped."""
    text = "version: 1\napplications:\n  mail:\n    lifecycle: {version: 2016, end_of_support: 2025-02-30}\n"
    assert [f[:4] for f in est(text, catalogue)] == [("EST003", "mail", 4, 17), ("EST003", "mail", 4, 32)]
