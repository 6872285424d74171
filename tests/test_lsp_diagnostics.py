"""`si-lint server` publishes the CLI's findings, live, with ranges: a real client over stdio (pytest-lsp).

One server for the module, with one workspace folder per estate: the three examples, and small
estates written here for the editing tests (each test edits its own folder).
"""

from __future__ import annotations

import datetime
import itertools

import pytest

pytest.importorskip("pytest_lsp", reason="pytest-lsp needs Python 3.10")

import pytest_lsp
from conftest import REPO, lint_paths
from lsp_client import SERVER, codes, edit, open_file, published, replace_all, start
from lsprotocol import types
from pytest_lsp import LanguageClient
from si_lint.rules.catalogue import load_catalogue
from si_lint.rules.engine import lint_text
from si_lint.rules.settings import Settings

pytestmark = pytest.mark.asyncio(loop_scope="module")

EXAMPLES = {name: REPO / "examples" / name for name in ("compliant", "legacy", "multi-file")}

EDIT = """\
version: 1
providers:
  gcp: {type: public-cloud, offers: [paas, serverless]}
applications:
  orders:
    usage: business
    delivery: serverless
    built: in-house
    provider: gcp
    access: {browser: true}
    availability: {target: 99.9}
"""
PROVIDERS = """\
version: 1
providers:
  gcp: {type: public-cloud, offers: [paas, serverless]}
"""
APPS = """\
version: 1
applications:
  orders:
    usage: business
    owner: sales
    delivery: serverless
    provider: gcp
"""
LATIN1 = PROVIDERS.replace("serverless]}", "serverless], name: Société}")
UNICODE = """\
version: 1
applications:
  crm: {name: "Ventes 🌩", usage: business, owner: sales, delivery: desktop}
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("lsp-diagnostics")
    estates = {
        "edit": {"estate.yaml": EDIT},
        "cross": {"providers.yaml": PROVIDERS, "apps.yaml": APPS},
        "broken": {"estate.yaml": EDIT},
        "unicode": {"estate.yaml": UNICODE},
        "closing": {"estate.yaml": EDIT},
        "disk": {"providers.yaml": PROVIDERS, "apps.yaml": APPS},
        "latin1": {"apps.yaml": APPS},
    }
    for folder, files in estates.items():
        (root / folder).mkdir()
        for name, text in files.items():
            (root / folder / name).write_text(text, encoding="utf-8")
    (root / "latin1" / "providers.yaml").write_bytes(LATIN1.encode("latin-1"))
    return root


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace):
    folders = list(EXAMPLES.values()) + [
        workspace / name for name in ("edit", "cross", "broken", "unicode", "closing", "disk", "latin1")
    ]
    await start(lsp_client, folders)
    yield
    await lsp_client.shutdown_session()


def cli_findings(folder, file):
    """What `si-lint FOLDER` reports in one of its files, today: (findings in force, waived ones)."""
    result = lint_paths([folder], today=datetime.date.today())
    name = str(file)
    pick = lambda found: sorted((d.code, d.line, d.column) for d in found if d.file == name)  # noqa: E731
    return pick(result.diagnostics), pick(result.waived)


@pytest.mark.parametrize("example", sorted(EXAMPLES))
async def test_every_file_gets_the_findings_of_the_cli(client: LanguageClient, example):
    folder = EXAMPLES[example]
    files = sorted(folder.rglob("*.yaml"))
    assert files
    for file in files:
        active, waived = cli_findings(folder, file)
        shown = await published(client, file)
        assert codes(shown) == active, file
        hints = sorted(
            (d.code, d.range.start.line + 1, d.range.start.character + 1)
            for d in shown
            if d.severity == types.DiagnosticSeverity.Hint
        )
        assert hints == waived, file
    if example == "legacy":
        assert len(active) == 93  # the README's count: the comparison is over real findings


async def test_diagnostics_have_ranges_severities_and_link_to_the_rule(client: LanguageClient):
    shown = await published(client, EXAMPLES["legacy"] / "estate.yaml")
    lines = (EXAMPLES["legacy"] / "estate.yaml").read_text(encoding="utf-8").split("\n")
    cld001 = next(d for d in shown if d.code == "CLD001" and d.range.start.line == 49)
    # `provider: colo-lyon`: the key and the value it names
    assert lines[49][cld001.range.start.character : cld001.range.end.character] == "provider: colo-lyon"
    assert cld001.severity == types.DiagnosticSeverity.Error and cld001.source == "si-lint"
    assert cld001.code_description.href.endswith("CLD001-public-cloud.yaml")
    warning = next(d for d in shown if d.code == "CLD006")
    assert warning.severity == types.DiagnosticSeverity.Warning
    assert all(d.range.end.character > d.range.start.character or d.range.end.line > d.range.start.line for d in shown)


async def test_a_waived_finding_is_a_hint_that_says_so(client: LanguageClient):
    shown = await published(client, EXAMPLES["compliant"] / "estate.yaml")
    hint = [d for d in shown if d.severity == types.DiagnosticSeverity.Hint]
    assert [(d.code, d.range.start.line + 1) for d in hint] == [("ACC004", 325)]
    assert hint[0].message.startswith("waived: ")


async def test_an_edit_that_fixes_a_finding_clears_it_before_any_save(client: LanguageClient, workspace):
    path = workspace / "edit" / "estate.yaml"
    assert ("GOV002", 5, 3) in codes(await published(client, path))  # orders has no owner
    open_file(client, path)
    edit(client, path, 5, 0, 0, "    owner: sales-it\n", version=2)
    after = await published(client, path, until=lambda found: ("GOV002", 5, 3) not in codes(found))
    assert codes(after) == sorted(
        (d.code, d.line, d.column)
        for d in lint_text(
            EDIT.replace("    usage:", "    owner: sales-it\n    usage:"), Settings(), load_catalogue(), "estate.yaml"
        ).diagnostics
    )
    assert path.read_text(encoding="utf-8") == EDIT  # nothing written to disk


async def test_an_edit_in_one_file_republishes_the_file_whose_reference_it_breaks(client: LanguageClient, workspace):
    providers, apps = workspace / "cross" / "providers.yaml", workspace / "cross" / "apps.yaml"
    assert not [c for c in codes(await published(client, apps)) if c[0] == "EST004"]
    open_file(client, providers)
    edit(client, providers, 2, 2, 5, "gcq", version=2)  # rename the provider apps.yaml names
    broken = await published(client, apps, until=lambda found: any(d.code == "EST004" for d in found))
    est004 = next(d for d in broken if d.code == "EST004")
    assert (est004.range.start.line + 1, est004.range.start.character + 1) == (7, 5)  # provider: gcp
    assert "gcq" in est004.message  # did you mean 'gcq'?
    edit(client, providers, 2, 2, 5, "gcp", version=3)
    await published(client, apps, until=lambda found: not any(d.code == "EST004" for d in found))


BROKEN_VERSIONS = itertools.count(2)


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\napplications:\n  orders:\n    usage: [business\n    owner: x\n",  # unclosed flow list
        "version: 1\napplications:\n  orders:\n    usage: business\n   owner: sales\n",  # half-indented line
        'version: 1\napplications:\n  orders:\n    delivery: "serverless\n',  # unterminated quote
        "version: 1\napplications:\n\torders: {}\n",  # a tab
        "",  # everything deleted
    ],
)
async def test_a_broken_buffer_is_reported_at_its_place_and_the_server_keeps_serving(
    client: LanguageClient, workspace, text
):
    path = workspace / "broken" / "estate.yaml"
    version = next(BROKEN_VERSIONS)
    if version == 2:
        open_file(client, path)
    version = next(BROKEN_VERSIONS)
    expected = sorted(
        (d.code, d.line, d.column) for d in lint_text(text, Settings(), load_catalogue(), "estate.yaml").diagnostics
    )
    replace_all(client, path, text, version)
    assert codes(await published(client, path, until=lambda found: codes(found) == expected)) == expected
    if text:
        assert expected[0][0] == "EST001"
    replace_all(client, path, EDIT, next(BROKEN_VERSIONS))  # typing on: the same server answers
    await published(client, path, until=lambda found: not any(d.code == "EST001" for d in found))


async def test_columns_are_utf16_units_after_a_character_outside_the_basic_plane(client: LanguageClient, workspace):
    shown = await published(client, workspace / "unicode" / "estate.yaml")
    cld001 = next(d for d in shown if d.code == "CLD001")
    # The CLI counts code points: `delivery` is the 58th character; 🌩 takes two UTF-16 units.
    cli = next(
        d for d in lint_text(UNICODE, Settings(), load_catalogue(), "estate.yaml").diagnostics if d.code == "CLD001"
    )
    assert (cli.line, cli.column) == (3, 58) == (3, UNICODE.split("\n")[2].index("delivery") + 1)
    assert cld001.range.start.character == 58
    assert cld001.range.end.character == 58 + len("delivery: desktop")


async def test_closing_a_buffer_brings_back_the_file_on_disk(client: LanguageClient, workspace):
    path = workspace / "closing" / "estate.yaml"
    before = codes(await published(client, path))
    open_file(client, path)
    replace_all(client, path, EDIT.replace("    usage: business\n", ""), 2)
    await published(client, path, until=lambda found: any(c[0] == "GOV001" for c in codes(found)))
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=path.resolve().as_uri()))
    )
    await published(client, path, until=lambda found: codes(found) == before)


async def test_files_changed_outside_the_editor_count_once_it_says_so(client: LanguageClient, workspace):
    providers, apps = workspace / "disk" / "providers.yaml", workspace / "disk" / "apps.yaml"
    await published(client, providers)
    assert not any(d.code == "EST004" for d in await published(client, apps))
    providers.unlink()  # a git checkout, a file manager
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=providers.resolve().as_uri(), type=types.FileChangeType.Deleted)]
        )
    )
    await published(client, apps, until=lambda found: any(d.code == "EST004" for d in found))
    providers.write_text(PROVIDERS, encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=providers.resolve().as_uri(), type=types.FileChangeType.Created)]
        )
    )
    await published(client, apps, until=lambda found: not any(d.code == "EST004" for d in found))


async def test_a_file_that_is_not_utf8_is_said_so_at_its_place_and_the_others_are_linted(
    client: LanguageClient, workspace
):
    shown = await published(client, workspace / "latin1" / "providers.yaml")
    assert [(d.range.start.line, d.range.start.character) for d in shown] == [(2, LATIN1.split("\n")[2].index("é"))]
    assert shown[0].severity == types.DiagnosticSeverity.Error and "UTF-8" in shown[0].message
    # its providers are missing from the estate, as when the CLI is told to skip it
    assert any(d.code == "EST004" for d in await published(client, workspace / "latin1" / "apps.yaml"))
