"""Hover, go to definition, find references, completion, quick fixes and the outline of `si-lint server`,
asked by a real client over stdio (pytest-lsp), on an estate split over two files."""

from __future__ import annotations

import datetime
import itertools

import pytest
import yaml

pytest.importorskip("pytest_lsp", reason="pytest-lsp needs Python 3.10")

import pytest_lsp
from lsp_client import SERVER, apply, codes, open_file, published, replace_all, start, uri
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

PROVIDERS = """\
version: 1
organization: Acme
providers:
  gcp: {name: Google Cloud, type: public-cloud, offers: [paas, serverless, iaas]}
  colo: {type: colocation, offers: [iaas]}
  azure: {type: public-cloud, offers: [iaas]}
infrastructure:
  corp-network: {type: network, provider: gcp, availability: 99.995}
  api-hub:
    type: integration-platform
    provider: gcp
    availability: 99.99
  servers:
    type: server
    provider: colo
    availability: 99.999
data_stores:
  orders-db:
    kind: operational
    provider: gcp
    application: orders
    exported_to: [lake]
  lake: {kind: lake, provider: gcp}
"""
APPS = """\
version: 1
applications:
  orders:
    usage: business
    owner: sales
    delivery: serverless
    built: in-house
    provider: gcpp
    access:
      browser: true
      devices: [windows, macos, chromebook, android, ios]
      offline: locall
    availability: {target: 99.9}
    data: [orders-db]
    depends_on: [corp-network, {any_of: [api-hub, servers]}]
  desk:
    usage: support
    owner: it
    delivery: saas
    provider: gcp
    tenancy: multi
    updates: vendor
    access: {browser: false, devices: [windows]}
    availability: {target: 99.9}
    waivers:
      - rule: ACC002
        reason: The kiosk browser is being replaced
        expires: 2099-01-01
  kiosk: {usage: support, owner: it, delivery: saas, provider: gcp, tenancy: multi, updates: vendor}
integrations:
  - from: orders
    to: desk
    via: file-transfer
  - {from: orders, via: api-hub}
"""
FIXES = ("ref", "enum", "required", "waiver", "flow-waiver", "estate-waiver", "integration-waiver")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("lsp-features")
    for folder in ("estate",) + FIXES:
        (root / folder).mkdir()
        (root / folder / "providers.yaml").write_text(PROVIDERS, encoding="utf-8")
        (root / folder / "apps.yaml").write_text(APPS, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace):
    await start(lsp_client, [workspace / folder for folder in ("estate",) + FIXES])
    yield
    await lsp_client.shutdown_session()


def at(text: str, line: int, needle: str, offset: int = 0) -> types.Position:
    """The position of `needle` on a line (0-based), plus `offset` characters."""
    return types.Position(line=line, character=text.split("\n")[line].index(needle) + offset)


def where(path, position) -> types.TextDocumentPositionParams:
    return dict(text_document=types.TextDocumentIdentifier(uri=uri(path)), position=position)


async def hover_text(client, path, position) -> str:
    result = await client.text_document_hover_async(types.HoverParams(**where(path, position)))
    assert result is not None
    return result.contents.value


# --- hover -----------------------------------------------------------------------------------


async def test_hover_on_a_waivers_rule_code_explains_the_rule(client: LanguageClient, workspace):
    text = await hover_text(client, workspace / "estate" / "apps.yaml", at(APPS, 25, "ACC002", 2))
    assert text.startswith("### ACC002 chromebook-test")
    assert "**What it checks:**" in text and "**Why it matters:**" in text and "**What to do instead:**" in text


async def test_hover_on_a_finding_explains_its_rule(client: LanguageClient, workspace):
    path = workspace / "estate" / "apps.yaml"
    await published(client, path)
    text = await hover_text(client, path, at(APPS, 32, "via", 1))  # INT001 on the file transfer
    assert "### INT001 integration-platform" in text


async def test_hover_on_a_reference_shows_the_entity_it_names_in_another_file(client: LanguageClient, workspace):
    text = await hover_text(client, workspace / "estate" / "apps.yaml", at(APPS, 19, "gcp", 1))
    assert text.split("\n")[0] == "**gcp** · provider · providers.yaml:4 · Google Cloud"
    assert "- `type`: public-cloud" in text and "- `offers`: paas, serverless, iaas" in text


async def test_hover_on_a_field_gives_its_description_and_values(client: LanguageClient, workspace):
    text = await hover_text(client, workspace / "estate" / "apps.yaml", at(APPS, 5, "delivery", 2))
    # the description `si-lint schema` gives it, from the word catalogue
    assert text.startswith("**delivery**\n\nsaas, paas, serverless, iaas, on-premise or desktop: how it is run")
    assert "Values: `saas`, `paas`, `serverless`, `iaas`, `on-premise`, `desktop`" in text


async def test_hover_speaks_the_clients_language(workspace):
    french = await SERVER.start()
    try:
        await start(french, [workspace / "estate"], locale="fr-FR")
        path = workspace / "estate" / "apps.yaml"
        open_file(french, path)
        result = await french.text_document_hover_async(types.HoverParams(**where(path, at(APPS, 11, "offline"))))
        assert result.contents.value.startswith("**access.offline**\n\nnone, sync (travail hors connexion")
        assert "Valeurs : `none`, `sync`, `local`" in result.contents.value
        found = await published(french, path)
        assert any(d.code == "EST004" and "vouliez-vous dire" in d.message for d in found)
        await french.shutdown_session()
    finally:
        await french.stop()


# --- definition and references ------------------------------------------------------------------


async def test_definition_of_a_reference_is_the_entitys_key_in_another_file(client: LanguageClient, workspace):
    folder = workspace / "estate"
    found = await client.text_document_definition_async(
        types.DefinitionParams(**where(folder / "apps.yaml", at(APPS, 13, "orders-db", 3)))
    )
    assert found.uri == uri(folder / "providers.yaml")
    assert (found.range.start.line, found.range.start.character, found.range.end.character) == (17, 2, 11)
    # and of an any_of member, and of a waiver's rule (its rule file)
    member = await client.text_document_definition_async(
        types.DefinitionParams(**where(folder / "apps.yaml", at(APPS, 14, "servers")))
    )
    assert member.range.start.line == 12
    rule = await client.text_document_definition_async(
        types.DefinitionParams(**where(folder / "apps.yaml", at(APPS, 25, "ACC002")))
    )
    assert rule.uri.endswith("ACC002-chromebook-test.yaml")


async def test_references_of_an_id_across_files(client: LanguageClient, workspace):
    folder = workspace / "estate"
    found = await client.text_document_references_async(
        types.ReferenceParams(
            context=types.ReferenceContext(include_declaration=True),
            **where(folder / "providers.yaml", at(PROVIDERS, 3, "gcp")),
        )
    )
    places = sorted((r.uri.rsplit("/", 1)[-1], r.range.start.line, r.range.start.character) for r in found)
    # its key, four references in providers.yaml, two in apps.yaml (`gcpp` is not one)
    assert places == [
        ("apps.yaml", 19, 14),
        ("apps.yaml", 28, 63),
        ("providers.yaml", 3, 2),
        ("providers.yaml", 7, 42),
        ("providers.yaml", 10, 14),
        ("providers.yaml", 19, 14),
        ("providers.yaml", 22, 31),
    ]


# --- completion ------------------------------------------------------------------------------------


async def complete(client, path, text: str, position) -> list:
    open_file(client, path, text, version=next(VERSIONS))
    result = await client.text_document_completion_async(types.CompletionParams(**where(path, position)))
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri(path)))
    )
    return [item.label for item in result.items]


VERSIONS = itertools.count(1)


async def test_completion_offers_only_ids_of_the_right_section(client: LanguageClient, workspace):
    path = workspace / "estate" / "apps.yaml"
    await published(client, path)
    half_typed = APPS.replace("    provider: gcpp\n", "    provider: \n")
    assert await complete(client, path, half_typed, at(half_typed, 7, "provider: ", 10)) == ["gcp", "colo", "azure"]
    assert await complete(client, path, APPS, at(APPS, 13, "orders-db")) == ["orders-db", "lake"]
    # depends_on: applications, infrastructure and data stores, but not the application itself
    assert await complete(client, path, APPS, at(APPS, 14, "corp")) == [
        "desk",
        "kiosk",
        "corp-network",
        "api-hub",
        "servers",
        "orders-db",
        "lake",
    ]
    # via: integration platforms and the point-to-point keywords
    assert await complete(client, path, APPS, at(APPS, 32, "file")) == [
        "api-hub",
        "point-to-point",
        "file-transfer",
        "shared-database",
    ]


async def test_completion_of_enum_values_and_rule_codes(client: LanguageClient, workspace):
    path = workspace / "estate" / "apps.yaml"
    assert await complete(client, path, APPS, at(APPS, 11, "locall")) == ["none", "sync", "local"]
    codes_offered = await complete(client, path, APPS, at(APPS, 25, "ACC002"))
    assert "ACC002" in codes_offered and "AVL002" in codes_offered
    assert "AVL001" not in codes_offered  # an infrastructure rule, not an application's
    assert not [code for code in codes_offered if code.startswith("EST") or code in ("GOV003", "GOV004")]


async def test_completion_while_the_file_is_not_valid_yaml(client: LanguageClient, workspace):
    path = workspace / "estate" / "apps.yaml"
    broken = APPS.replace("    data: [orders-db]\n", "    data: [orders-db, \n")
    assert await complete(client, path, broken, at(broken, 13, ", ", 2)) == ["orders-db", "lake"]


# --- outline ------------------------------------------------------------------------------------------


async def test_document_symbols_outline_the_file(client: LanguageClient, workspace):
    path = workspace / "estate" / "providers.yaml"
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri(path)))
    )
    assert [(s.name, [c.name for c in s.children]) for s in found] == [
        ("providers", ["gcp", "colo", "azure"]),
        ("infrastructure", ["corp-network", "api-hub", "servers"]),
        ("data_stores", ["orders-db", "lake"]),
    ]
    api_hub = found[1].children[1]
    assert (api_hub.range.start.line, api_hub.range.end.line) == (8, 11)  # the whole block
    assert api_hub.detail == "integration-platform"


# --- quick fixes ----------------------------------------------------------------------------------------


async def fixes(client, path, diagnostic) -> dict:
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(path)),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return {action.title: action.edit.changes[uri(path)] for action in actions}


async def fix(client, folder, name: str, code: str, line: int, title: str, check):
    """Apply the quick fix `title` of the `code` finding on `line` (1-based) and wait until `check` holds."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    found = await published(client, path)
    diagnostic = next(d for d in found if d.code == code and d.range.start.line + 1 == line)
    offered = await fixes(client, path, diagnostic)
    assert title in offered, list(offered)
    fixed = apply(text, offered[title])
    open_file(client, path, text, version=1)
    replace_all(client, path, fixed, version=2)
    await published(client, path, until=check)
    return fixed


def gone(code: str, line: int):
    return lambda found: (code, line) not in [(c, row) for c, row, _ in codes(found)]


async def test_quick_fix_replaces_a_misspelt_id_with_the_suggestion(client: LanguageClient, workspace):
    fixed = await fix(
        client, workspace / "ref", "apps.yaml", "EST004", 8, "Replace 'gcpp' with 'gcp'", gone("EST004", 8)
    )
    assert "    provider: gcp\n" in fixed


async def test_quick_fix_replaces_a_misspelt_enum_value(client: LanguageClient, workspace):
    fixed = await fix(
        client, workspace / "enum", "apps.yaml", "EST003", 12, "Replace 'locall' with 'local'", gone("EST003", 12)
    )
    assert "      offline: local\n" in fixed


async def test_quick_fix_adds_a_missing_required_field(client: LanguageClient, workspace):
    # the second integration has no `to`: one fix per application it may name
    fixed = await fix(client, workspace / "required", "apps.yaml", "EST003", 34, "Add to: desk", gone("EST003", 34))
    assert "  - {from: orders, via: api-hub, to: desk}\n" in fixed


async def test_quick_fix_waiver_turns_the_finding_into_a_waived_one(client: LanguageClient, workspace):
    def waived(found):
        return gone("ACC001", 23)(found) and any(
            d.code == "ACC001" and d.severity == types.DiagnosticSeverity.Hint for d in found
        )

    fixed = await fix(
        client, workspace / "waiver", "apps.yaml", "ACC001", 23, "Add a waiver of ACC001 to 'desk'", waived
    )
    desk = yaml.safe_load(fixed)["applications"]["desk"]
    expires = (datetime.date.today() + datetime.timedelta(days=90)).isoformat()
    assert desk["waivers"][1] == {
        "rule": "ACC001",
        "reason": "Say why this exception is accepted",
        "expires": datetime.date.fromisoformat(expires),
        "approved_by": "who accepted it",
    }


async def test_quick_fix_waiver_in_a_flow_mapping_entity(client: LanguageClient, workspace):
    def waived(found):
        return any(
            d.code == "ACC001" and d.range.start.line == 28 and d.severity == types.DiagnosticSeverity.Hint
            for d in found
        )

    fixed = await fix(
        client, workspace / "flow-waiver", "apps.yaml", "ACC001", 29, "Add a waiver of ACC001 to 'kiosk'", waived
    )
    assert yaml.safe_load(fixed)["applications"]["kiosk"]["waivers"][0]["rule"] == "ACC001"


async def test_quick_fix_waiver_of_an_estate_wide_rule_goes_to_the_top_level_list(client: LanguageClient, workspace):
    # rules.md 1.1: estate-wide rules are waived in a top-level `waivers` list
    path = workspace / "estate-waiver" / "providers.yaml"
    found = await published(client, path)
    cld006 = next(d for d in found if d.code == "CLD006")
    offered = await fixes(client, path, cld006)
    fixed = yaml.safe_load(apply(PROVIDERS, offered["Add a top-level waiver of CLD006"]))
    assert [waiver["rule"] for waiver in fixed["waivers"]] == ["CLD006"]
    assert set(fixed["waivers"][0]) == {"rule", "reason", "expires", "approved_by"}
    assert fixed["providers"] == yaml.safe_load(PROVIDERS)["providers"]


async def test_quick_fix_waiver_of_an_integration_goes_on_the_integration(client: LanguageClient, workspace):
    # rules.md 1.1: integrations carry waivers (a sanctioned file transfer)
    path = workspace / "integration-waiver" / "apps.yaml"
    found = await published(client, path)
    int001 = next(d for d in found if d.code == "INT001")
    offered = await fixes(client, path, int001)
    fixed = yaml.safe_load(apply(APPS, offered["Add a waiver of INT001 to 'orders->desk'"]))
    assert fixed["integrations"][0]["waivers"][0]["rule"] == "INT001"
    assert fixed["integrations"][1] == {"from": "orders", "via": "api-hub"}
