"""COL001-COL005: content applications collaborative, shared, one version; open formats; no spreadsheet apps."""

from __future__ import annotations

import pytest

from conftest import findings, run

# The three collaboration rules share their shape: a content application whose field is not the good value.
# code, field, good value, bad value, column of the field in `estate(..., GOOD)`
COLLABORATION = [
    ("COL001", "native", "true", "false", 21),
    ("COL002", "default_sharing", "shared", "private", 35),
    ("COL003", "single_version", "true", "false", 60),
]
GOOD = "{native: true, default_sharing: shared, single_version: true}"


def estate(category: str, collaboration: str) -> str:
    return f"""\
    version: 1
    applications:
      docs:
        category: {category}
        collaboration: {collaboration}
    """


@pytest.mark.parametrize("code, field, good, bad, column", COLLABORATION)
def test_content_application_with_the_bad_value_fires_at_the_field(catalogue, code, field, good, bad, column):
    collaboration = GOOD.replace(f"{field}: {good}", f"{field}: {bad}")
    assert findings(estate("office", collaboration), catalogue, code) == [(code, "docs", 5, column)]


@pytest.mark.parametrize("code, field, good, bad, column", COLLABORATION)
def test_content_application_with_the_field_missing_fires_at_the_entity(catalogue, code, field, good, bad, column):
    others = ", ".join(part for part in GOOD.strip("{}").split(", ") if not part.startswith(field))
    assert findings(estate("documents", "{" + others + "}"), catalogue, code) == [(code, "docs", 3, 3)]


@pytest.mark.parametrize("code", [code for code, *_ in COLLABORATION])
def test_content_application_without_collaboration_fires_at_the_entity(catalogue, code):
    text = """\
    version: 1
    applications:
      mail: {category: messaging}
    """
    assert findings(text, catalogue, code) == [(code, "mail", 3, 3)]


@pytest.mark.parametrize("code", [code for code, *_ in COLLABORATION])
@pytest.mark.parametrize("category", ["office", "documents", "messaging", "collaboration", "intranet"])
def test_every_default_content_category_is_content(catalogue, code, category):
    assert findings(estate(category, GOOD), catalogue, code) == []
    assert [c for c, *_ in findings(estate(category, "{}"), catalogue, code)] == [code]


@pytest.mark.parametrize("code", [code for code, *_ in COLLABORATION])
def test_applications_that_are_not_content_are_left_alone(catalogue, code):
    text = """\
    version: 1
    applications:
      erp: {category: finance, collaboration: {native: false, default_sharing: private, single_version: false}}
      crm: {usage: business}
    """
    assert findings(text, catalogue, code) == []


@pytest.mark.parametrize("code", [code for code, *_ in COLLABORATION])
def test_content_categories_come_from_the_option(catalogue, code):
    wiki = estate("wiki", "{}")
    assert findings(wiki, catalogue, code) == []
    assert findings(wiki, catalogue, code, options={"content_categories": ["wiki"]}) == [(code, "docs", 3, 3)]
    office = estate("office", "{}")
    assert findings(office, catalogue, code, options={"content_categories": ["wiki"]}) == []


def test_collaboration_messages_show_the_value(catalogue):
    text = estate("office", "{native: false, default_sharing: private}")
    messages = {d.code: d.message for d in run(text, catalogue, select=("COL",)).diagnostics}
    assert messages == {
        "COL001": "'docs' holds content but is not natively collaborative (collaboration.native: false)",
        "COL002": "'docs' makes new content private by default (collaboration.default_sharing: private)",
        "COL003": "'docs' holds content and collaboration.single_version is not stated (counted as several versions "
                  "of one content)",
    }


# --- COL004 open-exchange-formats -----------------------------------------------------------

COL004_CASES = {
    "proprietary formats: the exchange_formats key": ("""\
        version: 1
        applications:
          purchasing:
            exchange_formats: [pdf, xlsx, docx]
        """, [("COL004", "purchasing", 4, 5)]),
    "any application, not only content": ("""\
        version: 1
        applications:
          erp: {category: finance, exchange_formats: [xls]}
        """, [("COL004", "erp", 3, 28)]),
    "case and a leading dot do not hide a format": ("""\
        version: 1
        applications:
          purchasing:
            exchange_formats: [PDF, .DOCX]
        """, [("COL004", "purchasing", 4, 5)]),
    "open formats only": ("""\
        version: 1
        applications:
          purchasing:
            exchange_formats: [pdf, csv, odt, xml]
        """, []),
    "an empty list": ("""\
        version: 1
        applications:
          purchasing: {exchange_formats: []}
        """, []),
    "not stated": ("""\
        version: 1
        applications:
          purchasing: {usage: support}
        """, []),
}


@pytest.mark.parametrize("text, expected", COL004_CASES.values(), ids=COL004_CASES.keys())
def test_open_exchange_formats(catalogue, text, expected):
    assert findings(text, catalogue, "COL004") == expected


def test_open_exchange_formats_names_the_proprietary_ones_as_written(catalogue):
    text = COL004_CASES["case and a leading dot do not hide a format"][0]
    [diagnostic] = run(text, catalogue, select=("COL004",)).diagnostics
    assert diagnostic.message == "'purchasing' exchanges documents in proprietary formats: .DOCX"
    [diagnostic] = run(COL004_CASES["proprietary formats: the exchange_formats key"][0], catalogue,
                       select=("COL004",), lang="fr").diagnostics
    assert diagnostic.message == "« purchasing » échange des documents dans des formats propriétaires : xlsx, docx"


def test_proprietary_formats_come_from_the_option(catalogue):
    text = COL004_CASES["open formats only"][0]
    assert findings(text, catalogue, "COL004", options={"proprietary_formats": ["xml"]}) == [
        ("COL004", "purchasing", 4, 5)]
    text = COL004_CASES["proprietary formats: the exchange_formats key"][0]
    assert findings(text, catalogue, "COL004", options={"proprietary_formats": []}) == []


# --- COL005 no-spreadsheet-apps -----------------------------------------------------------------

COL005_CASES = {
    "built on a spreadsheet: the platform key": ("""\
        version: 1
        applications:
          budget:
            usage: business
            platform: spreadsheet
        """, [("COL005", "budget", 5, 5)]),
    "a web application": ("""\
        version: 1
        applications:
          budget: {platform: web}
        """, []),
    "platform not stated": ("""\
        version: 1
        applications:
          budget: {usage: business}
        """, []),
}


@pytest.mark.parametrize("text, expected", COL005_CASES.values(), ids=COL005_CASES.keys())
def test_no_spreadsheet_apps(catalogue, text, expected):
    assert findings(text, catalogue, "COL005") == expected
