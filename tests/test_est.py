"""EST001-EST006: problems that stop the estate from being read right, at their exact place."""

from __future__ import annotations

import pytest
from conftest import findings, lint_paths, run


def est(text, catalogue):
    return [f for f in findings(text, catalogue) if f[0].startswith("EST")]


# --- EST001 yaml-syntax ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, line, column",
    [
        ("version: 1\napplications:\n  crm: {usage: business\n", 4, 1),  # unclosed flow mapping: end of input
        ("version: 1\napplications:\n\tcrm: {}\n", 3, 1),  # a tab for indentation
        ("version: 1\nname: 'unclosed\n", 3, 1),
        ("version: 1\na: b: c\n", 2, 5),  # mapping values not allowed here
        ("version: 1\n---\nversion: 1\n", 2, 1),  # a second document
        ("version: 1\napplications: !!python/object:os.system {}\n", 2, 15),  # unsupported tag, never executed
        ("version: 1\napplications: *nowhere\n", 2, 15),  # alias without anchor
    ],
)
def test_yaml_syntax_is_reported_at_the_parser_position(catalogue, text, line, column):
    result = run(text, catalogue)
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("EST001", line, column)]
    assert result.diagnostics[0].message.startswith("invalid YAML: ")


def test_other_files_are_still_checked_after_a_syntax_error(tmp_path, catalogue):
    (tmp_path / "a.yaml").write_text("version: 1\napplications:\n  crm: {usage: business\n")
    (tmp_path / "b.yaml").write_text("version: 1\napplications:\n  erp:\n    usage: business\n    owner: x\n")
    result = lint_paths([tmp_path], select=("EST", "GOV001", "GOV002"))
    assert [(d.code, d.file.rsplit("/", 1)[-1]) for d in result.diagnostics] == [("EST001", "a.yaml")]
    assert "erp" in result.estate.applications


# --- EST002 duplicate-key -----------------------------------------------------------


def test_duplicate_key_in_a_mapping_names_both_places(catalogue):
    text = "version: 1\napplications:\n  crm:\n    usage: business\n    owner: a\n    usage: support\n"
    result = run(text, catalogue)
    est002 = [d for d in result.diagnostics if d.code == "EST002"]
    assert [(d.line, d.column) for d in est002] == [(6, 5)]
    assert "estate.yaml:4:5" in est002[0].message
    assert result.estate.applications["crm"].data["usage"] == "business"  # the first one is kept


def test_duplicate_id_within_one_file_across_sections(catalogue):
    text = """\
    version: 1
    data_stores:
      crm: {kind: operational}
    applications:
      crm: {usage: business}
    """
    assert est(text, catalogue) == [("EST002", "crm", 5, 3)]
    [duplicate] = [d for d in run(text, catalogue).diagnostics if d.code == "EST002"]
    assert "estate.yaml:3" in duplicate.message


def test_duplicate_id_across_files_names_both_files(tmp_path):
    (tmp_path / "one.yaml").write_text("version: 1\napplications:\n  crm: {usage: business, owner: x}\n")
    (tmp_path / "two.yaml").write_text("version: 1\n\napplications:\n  crm: {usage: support, owner: y}\n")
    result = lint_paths([tmp_path], select=("EST",))
    [duplicate] = result.diagnostics
    assert (duplicate.code, duplicate.file.rsplit("/", 1)[-1], duplicate.line, duplicate.column) == (
        "EST002",
        "two.yaml",
        4,
        3,
    )
    assert f"{tmp_path / 'one.yaml'}:3" in duplicate.message


# --- EST003 schema -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected, words",
    [
        # wrong enum value: at the field's key
        (
            "version: 1\napplications:\n  crm:\n    delivery: cloud\n",
            ("EST003", "crm", 4, 5),
            "applications.crm.delivery: 'cloud' is not one of saas, paas",
        ),
        # wrong type
        ("version: 1\napplications:\n  crm:\n    users: many\n", ("EST003", "crm", 4, 5), "expected a whole number"),
        # unknown field, with a suggestion
        (
            "version: 1\napplications:\n  crm:\n    delivry: saas\n",
            ("EST003", "crm", 4, 5),
            "unknown field 'delivry' (did you mean 'delivery'?)",
        ),
        # missing required field: at the entity's key
        (
            "version: 1\ndata_stores:\n  lake:\n    provider: x\n",
            ("EST003", "lake", 3, 3),
            "missing required field 'kind'",
        ),
        # bad id
        ("version: 1\napplications:\n  CRM: {usage: business}\n", ("EST003", "CRM", 3, 3), "'CRM' is not a valid id"),
        # a list item of the wrong kind
        (
            "version: 1\napplications:\n  crm:\n    access:\n      devices: [windows, toaster]\n",
            ("EST003", "crm", 5, 26),
            "'toaster' is not one of windows",
        ),
        # version
        ("version: 2\n", ("EST003", None, 1, 1), "version: 2 is not allowed"),
        # a number out of range
        (
            "version: 1\ninfrastructure:\n  net: {type: network, availability: 150}\n",
            ("EST003", "net", 3, 24),
            "150 is above the maximum 100",
        ),
        # a date that does not exist
        (
            "version: 1\napplications:\n  crm:\n    waivers:\n      - {rule: ACC001, reason: r, expires: 2027-02-30}\n",
            ("EST003", "crm", 5, 35),
            "'2027-02-30' is not a valid date",
        ),
        # an integration without `via`
        ("version: 1\nintegrations:\n  - {from: a, to: b}\n", ("EST003", "a->b", 3, 5), "missing required field 'via'"),
    ],
)
def test_schema_problems_are_worded_and_placed(catalogue, text, expected, words):
    result = run(text, catalogue, select=("EST",))
    est003 = [d for d in result.diagnostics if d.code == "EST003"]
    assert [(d.code, d.entity, d.line, d.column) for d in est003] == [expected]
    assert words in est003[0].message


def test_missing_version_and_top_level_shape(catalogue):
    assert est("organization: x\n", catalogue) == [("EST003", None, 1, 1)]
    assert est("- a\n- b\n", catalogue) == [("EST003", None, 1, 1)]
    assert est("", catalogue) == [("EST003", None, 1, 1)]
    assert "empty" in run("", catalogue).diagnostics[0].message


def test_every_schema_problem_of_an_entity_is_reported(catalogue):
    text = "version: 1\napplications:\n  crm:\n    delivery: cloud\n    tenancy: shared\n    usage: 3\n"
    assert est(text, catalogue) == [("EST003", "crm", 4, 5), ("EST003", "crm", 5, 5), ("EST003", "crm", 6, 5)]


def test_a_valid_estate_has_no_est_findings(catalogue):
    text = """\
    version: 1
    providers:
      gcp: {type: public-cloud, offers: [iaas]}
    data_stores:
      db: {kind: operational, provider: gcp, application: crm, exported_to: [lake]}
      lake: {kind: lake, provider: gcp}
    applications:
      crm:
        usage: business
        data: [db]
        depends_on: [{any_of: [db, lake]}]
        waivers: [{rule: ACC001, reason: until 2027, expires: 2027-01-01}]
    """
    assert est(text, catalogue) == []


# --- EST004 unknown-reference --------------------------------------------------------------


def test_unknown_references_in_every_reference_field(catalogue):
    text = """\
    version: 1
    providers:
      gcp: {type: public-cloud}
    infrastructure:
      net: {type: network, provider: gpc}
    data_stores:
      db: {kind: operational, application: crn, exported_to: [lak]}
    applications:
      crm:
        provider: gcp
        data: [db, nodb]
        depends_on: [net, {any_of: [db, ghost]}, gcp]
    integrations:
      - {from: crm, to: erp, via: hub}
      - {from: crm, to: crm, via: net}
    """
    assert est(text, catalogue) == [
        # A field's problem points at its key, a list item's at the item.
        ("EST004", "net", 5, 24),
        ("EST004", "db", 7, 27),
        ("EST004", "db", 7, 59),
        ("EST004", "crm", 11, 16),
        ("EST004", "crm", 12, 37),
        ("EST004", "crm", 12, 46),
        ("EST004", "crm->erp", 14, 17),
        ("EST004", "crm->erp", 14, 26),
        ("EST004", "crm->crm", 15, 26),
    ]
    messages = [d.message for d in run(text, catalogue).diagnostics if d.code == "EST004"]
    assert "provider 'gpc' is not defined (did you mean 'gcp'?)" in messages[0]
    assert "'gcp' is a provider, not an application, an infrastructure component or a data store" in messages[5]
    assert "not an integration-platform" in messages[8]


@pytest.mark.parametrize("written", ["{}", "{kind: platform}", "[a, {b: c}]"])
def test_a_via_whose_type_is_a_mapping_or_a_list_is_said_not_a_crash(catalogue, written):
    """The message quotes what the estate wrote as the type: a mapping there made the run exit 3 (hypothesis)."""
    text = f"""\
    version: 1
    infrastructure:
      hub: {{type: {written}}}
    applications:
      a: {{usage: business}}
    integrations:
      - {{from: a, to: a, via: hub}}
    """
    found = est(text, catalogue)
    assert ("EST003", "hub", 3, 9) in found and ("EST004", "a->a", 7, 22) in found
    message = next(d.message for d in run(text, catalogue).diagnostics if d.code == "EST004")
    assert "not an integration-platform" in message


# --- EST005 unknown-rule ---------------------------------------------------------------------


def test_a_waiver_for_a_rule_that_does_not_exist(catalogue):
    text = """\
    version: 1
    applications:
      crm:
        usage: business
        waivers:
          - rule: ACC999
            reason: typo
            expires: 2027-01-01
          - rule: EST003
            reason: cannot be waived
            expires: 2027-01-01
    """
    assert est(text, catalogue) == [("EST005", "crm", 6, 9), ("EST005", "crm", 9, 9)]


# --- EST006 dependency-cycle -------------------------------------------------------------


def test_a_dependency_cycle_is_reported_once_where_it_closes(catalogue):
    text = """\
    version: 1
    applications:
      a: {usage: business, depends_on: [b]}
      b: {usage: business, depends_on: [c]}
      c: {usage: business, depends_on: [{any_of: [a]}]}
      d: {usage: business, depends_on: [a, d]}
    """
    assert est(text, catalogue) == [("EST006", "c", 5, 47), ("EST006", "d", 6, 40)]
    messages = [d.message for d in run(text, catalogue).diagnostics if d.code == "EST006"]
    assert messages[0].startswith("dependency cycle: a -> b -> c -> a")
    assert messages[1].startswith("dependency cycle: d -> d")


def test_a_long_dependency_chain_is_not_a_cycle_and_does_not_recurse(catalogue):
    lines = ["version: 1", "applications:"]
    lines += [f"  a{i}: {{usage: business, depends_on: [a{i + 1}]}}" for i in range(5000)]
    lines.append("  a5000: {usage: business}")
    assert est("\n".join(lines) + "\n", catalogue) == []


def test_est_messages_are_french_with_lang_fr(catalogue):
    text = """\
    version: 1
    applications:
      a: {usage: business, depends_on: [b, zz], usag: x}
      b: {usage: business, depends_on: [a], delivery: cloud}
      a: {usage: support}
    """
    messages = {d.code: d.message for d in run(text, catalogue, lang="fr").diagnostics if d.code.startswith("EST")}
    assert messages["EST002"].startswith("clé « a » en double, déjà définie à estate.yaml:3:3")
    assert messages["EST003"] == (
        "applications.b.delivery : « cloud » n'est pas l'une des valeurs permises : "
        "saas, paas, serverless, iaas, on-premise, desktop"
    )
    assert messages["EST004"].startswith("le composant « zz » n'est pas défini : le définir ou corriger l'identifiant")
    assert messages["EST006"].startswith("cycle de dépendances : a -> b -> a")
    [syntax] = run("version: 1\na: [b\n", catalogue, lang="fr").diagnostics
    assert syntax.message.startswith("YAML invalide : ")


def test_a_misspelt_value_gets_a_suggestion(catalogue):
    [problem] = run("version: 1\napplications:\n  crm: {usage: bussiness}\n", catalogue).diagnostics[:1]
    assert problem.message == (
        "applications.crm.usage: 'bussiness' is not one of business, support (did you mean 'business'?)"
    )
