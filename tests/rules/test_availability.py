"""AVL002 and AVL003 beyond their cases (tests/rules/cases/AVL*.yaml): the end-to-end arithmetic and its words."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, SHARED, findings, lint_paths, run, skip_or_fail
from rule_cases import estate
from si_lint.rules.availability import end_to_end

# --- AVL002 end-to-end-availability --------------------------------------------------------
# Figures are fractions multiplied in series; an any_of group is 1 - product of (1 - member).

SERIAL = estate("AVL002", "serial-chain-below-target-the-target-key")


def avl002_messages(text, catalogue, lang="en"):
    result = run(text, catalogue, select=("AVL002",), lang=lang)
    return {d.entity: d.message for d in result.diagnostics if d.code == "AVL002"}


@pytest.mark.parametrize(
    "text, entity, message",
    [
        (SERIAL, "orders", "'orders' reaches 99.94% end to end, below its target of 99.99%: weakest link db (99.95%)"),
        # net 0.9999 x any_of(99.9, 99.9) 0.999999 = 0.9998990001 -> 99.98990001: three decimals would
        # round to 99.990 and look equal to the target, so four are shown
        (
            """\
        version: 1
        infrastructure:
          net: {type: network, availability: 99.99}
        data_stores:
          db-a: {kind: operational, availability: 99.9}
          db-b: {kind: operational, availability: 99.9}
        applications:
          app:
            usage: business
            availability: {target: 99.99}
            depends_on: [net, {any_of: [db-a, db-b]}]
        """,
            "app",
            "'app' reaches 99.9899% end to end, below its target of 99.99%: weakest link net (99.99%)",
        ),
        # any_of(99, 99) = 1 - 0.01 x 0.01 = 0.9999: the group is the weakest link
        (
            """\
        version: 1
        infrastructure:
          a: {type: server, availability: 99}
          b: {type: server, availability: 99}
        applications:
          app: {usage: business, availability: {target: 99.995}, depends_on: [{any_of: [a, b]}]}
        """,
            "app",
            "'app' reaches 99.99% end to end, below its target of 99.995%: weakest link any_of(a, b) (99.99%)",
        ),
        # the weakest link is found inside the nested application: 0.9999 x 0.99940005 = 0.999300109995
        (
            """\
        version: 1
        infrastructure:
          net: {type: network, availability: 99.99}
        data_stores:
          db: {kind: operational, availability: 99.95}
        applications:
          front: {usage: business, availability: {target: 99.95}, depends_on: [net, api]}
          api: {usage: business, availability: {own: 99.99}, data: [db]}
        """,
            "front",
            "'front' reaches 99.93% end to end, below its target of 99.95%: weakest link db (99.95%)",
        ),
        # own 99.9 alone, nothing else
        (
            """\
        version: 1
        applications:
          billing: {usage: business, availability: {target: 99.95, own: 99.9}}
        """,
            "billing",
            "'billing' reaches 99.9% end to end, below its target of 99.95%: weakest link billing "
            "(availability.own 99.9%)",
        ),
        # missing figures count as 100: lan and cache (inside api) are listed; 0.999 < 0.9995
        (
            """\
        version: 1
        infrastructure:
          lan: {type: network}
          cache: {type: server}
        data_stores:
          db: {kind: operational, availability: 99.9}
        applications:
          front: {usage: business, availability: {target: 99.95}, depends_on: [lan, api]}
          api: {usage: business, data: [db], depends_on: [cache]}
        """,
            "front",
            "'front' reaches 99.9% end to end, below its target of 99.95%: weakest link db (99.9%); "
            "no figure for lan, cache (counted as 100%)",
        ),
        # a provider or an undefined id is EST004's business, not a component with a missing figure
        (
            """\
        version: 1
        providers:
          gcp: {type: public-cloud}
        infrastructure:
          srv: {type: server, availability: 99}
        applications:
          app: {usage: business, availability: {target: 99.99}, depends_on: [gcp, ghost, srv]}
        """,
            "app",
            "'app' reaches 99% end to end, below its target of 99.99%: weakest link srv (99%)",
        ),
    ],
)
def test_end_to_end_message(catalogue, text, entity, message):
    assert avl002_messages(text, catalogue)[entity] == message


def test_end_to_end_message_in_french(catalogue):
    text = """\
        version: 1
        infrastructure:
          lan: {type: network}
        data_stores:
          db: {kind: operational, availability: 99.9}
        applications:
          app: {usage: business, availability: {target: 99.95}, data: [db], depends_on: [lan]}
        """
    assert avl002_messages(text, catalogue, lang="fr")["app"] == (
        "« app » n'atteint que 99,9 % de bout en bout, en deçà de son objectif de 99,95 % : maillon le plus "
        "faible db (99,9 %) ; aucun chiffre pour lan (pris pour 100 %)"
    )


def estate_figures(text, catalogue):
    result = run(text, catalogue)
    return {app: round(figure.value, 9) for app, figure in end_to_end(result.estate).items()}


def test_end_to_end_figures_of_a_deep_chain(catalogue):
    # d = 0.999 (own); b-app = 0.9999 x d = 0.9989001
    # group = any_of(b-app, srv 0.99) = 1 - 0.0010999 x 0.01 = 0.999989001
    # a = db 0.9995 x group = 0.999989001 - 0.0004999945005 = 0.9994890064995 -> 99.94890065 (9 decimals)
    text = """\
        version: 1
        infrastructure:
          srv: {type: server, availability: 99}
        data_stores:
          db: {kind: operational, availability: 99.95}
        applications:
          a: {usage: business, data: [db], depends_on: [{any_of: [b-app, srv]}]}
          b-app: {usage: business, availability: {own: 99.99}, depends_on: [d]}
          d: {usage: business, availability: {own: 99.9}}
        """
    figures = estate_figures(text, catalogue)
    assert figures["d"] == 99.9
    assert figures["b-app"] == 99.89001
    assert figures["a"] == round((1 - (1 - 0.9989001) * (1 - 0.99)) * 0.9995 * 100, 9) == 99.94890065


def spec_example() -> str:
    spec = SHARED / "spec" / "estate-format.md"
    if not spec.is_file():
        skip_or_fail("the shared spec (../shared/spec/estate-format.md) is not beside the repository")
    blocks = re.findall(r"```yaml\n(.*?)```", spec.read_text(encoding="utf-8"), re.S)
    return blocks[-1]


def test_spec_example_estate(catalogue):
    # orders: own 100 x corp-network 0.99995 x orders-db 0.9999 = 0.999850005; target 99.9 is met
    text = spec_example()
    assert estate_figures(text, catalogue) == {"office-suite": 100.0, "orders": 99.9850005}
    assert findings(text, catalogue, "AVL002") == []


def test_spec_worked_example(catalogue):
    # "an app at 100 on a 99.99 network and a 99.95 database reaches 99.94 (0.9999 x 0.9995 = 0.99940005)":
    # the spec's example estate with those two figures
    text = spec_example()
    text = text.replace("availability: 99.995}", "availability: 99.99}")
    text = text.replace("    availability: 99.99\n", "    availability: 99.95\n")
    assert "corp-network: {type: network, availability: 99.99}" in text
    assert estate_figures(text, catalogue)["orders"] == 99.940005
    assert round(estate_figures(text, catalogue)["orders"], 2) == 99.94


# --- AVL003 same-service-for-all ------------------------------------------------------------


def test_same_service_message_names_the_external_floor(catalogue):
    result = run(
        estate("AVL003", "internal-below-the-lowest-external-target-the-target-key"), catalogue, select=("AVL003",)
    )
    assert result.diagnostics[0].message == (
        "'timesheets' serves only internal users and promises 99.5%, "
        "less than the 99.9% promised to external users ('portal')"
    )


# --- one computation for AVL002 and the html chain ------------------------------------------------

EXAMPLES = [
    REPO / "examples" / "compliant" / "estate.yaml",
    REPO / "examples" / "legacy" / "estate.yaml",
    REPO / "examples" / "multi-file",
]


def named(link) -> str:
    """How an AVL002 message names a weakest link: its id, or its members for a redundant group."""
    return f"any_of({', '.join(member.id for member in link.members)})" if link.kind == "any_of" else link.id


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name if p.suffix else p.name)
def test_the_html_chain_and_avl002_agree_on_every_application(path):
    """The figure AVL002 gives, the weakest link it names, and the chain the html report draws are one."""
    from si_lint.score.overview import overview

    result = lint_paths([path], select=("AVL002",))
    figures = end_to_end(result.estate)
    _, view = overview(result, result, with_view=True)
    cards = {card["id"]: card for card in view["applications"]}
    messages = {d.entity: d.message for d in result.diagnostics if d.code == "AVL002"}
    checked = 0
    for app_id, figure in figures.items():
        chain = cards[app_id]["availability"]
        if chain is None:
            continue
        checked += 1
        assert chain["value"] == figure.value
        marked = [i for i, factor in enumerate(chain["chain"]) if factor.get("weakest")]
        assert marked == ([figure.via] if figure.via is not None else [])
        if app_id in messages:
            assert f"weakest link {named(figure.weakest)} (" in messages[app_id]
    assert checked
