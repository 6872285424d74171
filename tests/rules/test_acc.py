"""ACC001-ACC005: every application through the browser, from every device, nothing installed, one version offline."""

from __future__ import annotations

import pytest

from conftest import findings, run
from si_lint.rules.settings import DEFAULT_OPTIONS

# --- ACC001 browser-access ----------------------------------------------------------

ACC001_CASES = {
    "browser false: the browser key": ("""\
        version: 1
        applications:
          crm:
            access: {browser: false}
        """, [("ACC001", "crm", 4, 14)]),
    "no browser field: the entity key": ("""\
        version: 1
        applications:
          crm:
            access: {devices: [windows]}
        """, [("ACC001", "crm", 3, 3)]),
    "no access at all: the entity key": ("""\
        version: 1
        applications:
          crm: {usage: business}
        """, [("ACC001", "crm", 3, 3)]),
    "browser true": ("""\
        version: 1
        applications:
          crm:
            access: {browser: true}
        """, []),
    "browser true even with an installed client": ("""\
        version: 1
        applications:
          crm:
            access: {browser: true, installed_clients: [agent]}
        """, []),
    "an entity that breaks the schema is left to EST003": ("""\
        version: 1
        applications:
          crm:
            access: {browser: "yes"}
        """, []),
}


@pytest.mark.parametrize("text, expected", ACC001_CASES.values(), ids=ACC001_CASES.keys())
def test_browser_access(catalogue, text, expected):
    assert findings(text, catalogue, "ACC001") == expected


# --- ACC002 chromebook-test -----------------------------------------------------------

ACC002_CASES = {
    "devices without chromebook: the devices key": ("""\
        version: 1
        applications:
          crm:
            access: {browser: true, devices: [windows, macos]}
        """, [("ACC002", "crm", 4, 29)]),
    "devices empty: no device at all": ("""\
        version: 1
        applications:
          crm:
            access:
              browser: true
              devices: []
        """, [("ACC002", "crm", 6, 7)]),
    "no devices, browser true, nothing installed: every family": ("""\
        version: 1
        applications:
          crm:
            access: {browser: true}
        """, []),
    "no devices, browser true, empty installed_clients: every family": ("""\
        version: 1
        applications:
          crm:
            access: {browser: true, installed_clients: []}
        """, []),
    "no devices, browser true but an installed client: none, at the entity key": ("""\
        version: 1
        applications:
          crm:
            access: {browser: true, installed_clients: [agent]}
        """, [("ACC002", "crm", 3, 3)]),
    "no devices, browser false: none": ("""\
        version: 1
        applications:
          crm:
            access: {browser: false}
        """, [("ACC002", "crm", 3, 3)]),
    "no access at all: none": ("""\
        version: 1
        applications:
          crm: {usage: business}
        """, [("ACC002", "crm", 3, 3)]),
    "devices given win over the browser: chromebook listed": ("""\
        version: 1
        applications:
          crm:
            access: {browser: false, devices: [chromebook]}
        """, []),
    "devices given win over the browser: chromebook missing": ("""\
        version: 1
        applications:
          crm:
            access: {browser: true, devices: [windows, macos, linux, android, ios]}
        """, [("ACC002", "crm", 4, 29)]),
    "an unknown device family is EST003, not ACC002": ("""\
        version: 1
        applications:
          crm:
            access: {browser: true, devices: [amiga]}
        """, []),
    "each application on its own": ("""\
        version: 1
        applications:
          web: {access: {browser: true}}
          thick: {access: {browser: false}}
        """, [("ACC002", "thick", 4, 3)]),
}


@pytest.mark.parametrize("text, expected", ACC002_CASES.values(), ids=ACC002_CASES.keys())
def test_chromebook_test(catalogue, text, expected):
    assert findings(text, catalogue, "ACC002") == expected


def test_chromebook_test_does_not_depend_on_required_devices(catalogue):
    text = ACC002_CASES["devices without chromebook: the devices key"][0]
    options = {**DEFAULT_OPTIONS, "required_devices": ["windows"]}
    assert findings(text, catalogue, "ACC002", options=options) == [("ACC002", "crm", 4, 29)]


def test_chromebook_message_shows_the_devices_in_both_languages(catalogue):
    text = ACC002_CASES["devices without chromebook: the devices key"][0]
    [en] = run(text, catalogue, select=("ACC002",)).diagnostics
    assert en.message == "'crm' cannot be used from a Chromebook (access.devices: windows, macos)"
    [fr] = run(text, catalogue, select=("ACC002",), lang="fr").diagnostics
    assert fr.message == "« crm » ne s'utilise pas depuis un Chromebook (access.devices : windows, macos)"


# --- ACC003 any-device -------------------------------------------------------------------

ACC003_CASES = {
    "missing families: the devices key": ("""\
        version: 1
        applications:
          crm:
            access: {browser: true, devices: [windows, chromebook]}
        """, [("ACC003", "crm", 4, 29)]),
    "every required family": ("""\
        version: 1
        applications:
          crm:
            access: {browser: true, devices: [windows, macos, chromebook, android, ios]}
        """, []),
    "only chromebook missing is ACC002's business": ("""\
        version: 1
        applications:
          crm:
            access: {browser: true, devices: [windows, macos, android, ios]}
        """, []),
    "browser enough: every family": ("""\
        version: 1
        applications:
          crm: {access: {browser: true}}
        """, []),
    "installed client without devices: all missing, at the entity key": ("""\
        version: 1
        applications:
          crm: {access: {browser: true, installed_clients: [agent]}}
        """, [("ACC003", "crm", 3, 3)]),
    "devices empty": ("""\
        version: 1
        applications:
          crm:
            access: {devices: []}
        """, [("ACC003", "crm", 4, 14)]),
}


@pytest.mark.parametrize("text, expected", ACC003_CASES.values(), ids=ACC003_CASES.keys())
def test_any_device(catalogue, text, expected):
    assert findings(text, catalogue, "ACC003") == expected


def test_any_device_lists_the_missing_families_in_option_order(catalogue):
    text = ACC003_CASES["missing families: the devices key"][0]
    [diagnostic] = run(text, catalogue, select=("ACC003",)).diagnostics
    assert diagnostic.message == "'crm' cannot be used from: macos, android, ios"
    text = ACC003_CASES["installed client without devices: all missing, at the entity key"][0]
    [diagnostic] = run(text, catalogue, select=("ACC003",)).diagnostics
    # no devices stated and an installed client: it is unstated, and the message says why none is counted
    assert diagnostic.unstated
    assert diagnostic.message == ("'crm': access.devices is not stated, and an installed client (agent) cancels the "
                                  "browser default, so no family is counted: list the families it is used from in "
                                  "access.devices")


@pytest.mark.parametrize("required, expected", [
    (["windows", "chromebook"], []),
    (["windows", "linux"], [("ACC003", "crm", 4, 29)]),
    ([], []),
])
def test_any_device_follows_the_required_devices_option(catalogue, required, expected):
    text = ACC003_CASES["missing families: the devices key"][0]
    assert findings(text, catalogue, "ACC003", options={"required_devices": required}) == expected


# --- ACC004 no-installed-client ---------------------------------------------------------

ACC004_CASES = {
    "an installed client: the installed_clients key": ("""\
        version: 1
        applications:
          mail:
            access:
              browser: true
              installed_clients: [outlook]
        """, [("ACC004", "mail", 6, 7)]),
    "an empty list": ("""\
        version: 1
        applications:
          mail:
            access: {browser: true, installed_clients: []}
        """, []),
    "no installed_clients field": ("""\
        version: 1
        applications:
          mail:
            access: {browser: false}
        """, []),
    "no access at all": ("""\
        version: 1
        applications:
          mail: {usage: support}
        """, []),
}


@pytest.mark.parametrize("text, expected", ACC004_CASES.values(), ids=ACC004_CASES.keys())
def test_no_installed_client(catalogue, text, expected):
    assert findings(text, catalogue, "ACC004") == expected


def test_no_installed_client_names_the_clients(catalogue):
    text = """\
    version: 1
    applications:
      mail: {access: {browser: true, installed_clients: [outlook, teams]}}
    """
    [diagnostic] = run(text, catalogue, select=("ACC004",)).diagnostics
    assert diagnostic.message == "'mail' needs software installed on users' devices: outlook, teams"


# --- ACC005 offline-keeps-one-version ---------------------------------------------------

ACC005_CASES = {
    "local copies: the offline key": ("""\
        version: 1
        applications:
          reports:
            access: {browser: true, offline: local}
        """, [("ACC005", "reports", 4, 29)]),
    "synchronised": ("""\
        version: 1
        applications:
          reports:
            access: {browser: true, offline: sync}
        """, []),
    "no offline work": ("""\
        version: 1
        applications:
          reports:
            access: {browser: true, offline: none}
        """, []),
    "not stated": ("""\
        version: 1
        applications:
          reports:
            access: {browser: true}
        """, []),
}


@pytest.mark.parametrize("text, expected", ACC005_CASES.values(), ids=ACC005_CASES.keys())
def test_offline_keeps_one_version(catalogue, text, expected):
    assert findings(text, catalogue, "ACC005") == expected


# --- selection and waivers, on the ACC rules -------------------------------------------

THICK_CLIENT = """\
    version: 1
    applications:
      cad:
        access: {browser: false, installed_clients: [cad-client]}
    """


def test_all_acc_rules_on_a_thick_client(catalogue):
    assert findings(THICK_CLIENT, catalogue, select=("ACC",)) == [
        ("ACC002", "cad", 3, 3), ("ACC003", "cad", 3, 3),
        ("ACC001", "cad", 4, 14), ("ACC004", "cad", 4, 30),
    ]


@pytest.mark.parametrize("select, ignore, codes", [
    (("ACC002",), (), ["ACC002"]),
    (("ACC",), ("ACC00",), []),
    (("ACC",), ("ACC001", "ACC003"), ["ACC002", "ACC004"]),
    (None, ("ACC",), []),
])
def test_select_and_ignore(catalogue, select, ignore, codes):
    found = findings(THICK_CLIENT, catalogue, select=select, ignore=ignore)
    assert sorted(code for code, *_ in found if code.startswith("ACC")) == codes


def test_a_live_waiver_silences_only_its_rule_on_its_entity(catalogue):
    text = """\
    version: 1
    applications:
      cad:
        access: {browser: false, devices: [windows], installed_clients: [cad-client]}
        waivers:
          - {rule: ACC002, reason: Workstations until the 2027 refresh, expires: 2027-06-30}
      other:
        access: {browser: true, devices: [windows]}
    """
    result = run(text, catalogue, select=("ACC002", "GOV003", "GOV004"))
    assert [(d.code, d.entity) for d in result.diagnostics] == [("ACC002", "other")]
    assert [(d.code, d.entity, d.line, d.column) for d in result.waived] == [("ACC002", "cad", 4, 30)]


def test_an_empty_device_list_reads_as_such(catalogue):
    [diagnostic] = run(ACC002_CASES["devices empty: no device at all"][0], catalogue, select=("ACC002",)).diagnostics
    assert diagnostic.message == "'crm' cannot be used from a Chromebook (access.devices: [])"
