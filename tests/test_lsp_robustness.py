"""Issue 22 in the language server: what it met that made it silent, each reproduced through a real server.

7: a workspace holding a dangling link, a link loop or a FIFO named *.yaml; 9: a buffer holding a lone
surrogate; and the minor ones: a request at a position past the end of the text.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("pytest_lsp", reason="pytest-lsp needs Python 3.10")

import pytest_lsp
from lsp_client import SERVER, codes, open_file, published, start
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

ESTATE = "version: 1\napplications:\n  a: {usage: business, name: A}\n"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("lsp-robust").resolve()
    (root / "estate.yaml").write_text(ESTATE, encoding="utf-8")
    (root / "other.yaml").write_text("version: 1\n", encoding="utf-8")
    os.symlink("nowhere.yaml", root / "dangling.yaml")
    os.symlink("loop.yaml", root / "loop.yaml")
    os.mkfifo(root / "pipe.yaml")
    return root


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace):
    await start(lsp_client, [workspace])
    yield
    await lsp_client.shutdown_session()


async def _published_at(client, path) -> list:
    """The diagnostics published for `path` itself: `lsp_client.published` resolves links, as a link's target."""
    import asyncio
    import time

    from lsp_client import TIMEOUT

    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        found = client.diagnostics.get(Path(path).as_uri())
        if found:
            return list(found)
        await asyncio.sleep(0.02)
    raise AssertionError(f"no diagnostics for {path}")


async def test_7_unreadable_entries_are_said_on_each_and_the_others_are_linted(client: LanguageClient, workspace):
    found = await published(client, workspace / "estate.yaml", until=lambda found: bool(found))
    assert ("ACC001", 3, 3) in codes(found)
    for name, words in (
        ("dangling.yaml", "does not exist"),
        ("loop.yaml", "leads back to itself"),
        ("pipe.yaml", "not a regular file"),
    ):
        shown = await _published_at(client, workspace / name)
        assert len(shown) == 1 and words in shown[0].message and shown[0].range.start.line == 0


async def test_9_a_lone_surrogate_is_said_where_it_is_and_the_others_are_still_linted(client, workspace):
    path = workspace / "other.yaml"
    open_file(client, path, 'version: 1\napplications:\n  b: {usage: business, name: "x\ud800y"}\n')
    shown = await published(client, path, until=lambda found: any("surrogate" in d.message for d in found))
    assert [(d.range.start.line, d.range.start.character) for d in shown] == [(2, 31)]
    found = await published(client, workspace / "estate.yaml", until=lambda found: bool(found))
    assert ("ACC001", 3, 3) in codes(found)


async def test_minor_a_request_past_the_end_of_the_text_gets_a_reply(client: LanguageClient, workspace):
    path = workspace / "estate.yaml"
    open_file(client, path, ESTATE)
    where = dict(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=types.Position(line=999, character=999)
    )
    assert await client.text_document_hover_async(types.HoverParams(**where)) is None
    completion = await client.text_document_completion_async(types.CompletionParams(**where))
    assert completion is None or not completion.items
    assert await client.text_document_definition_async(types.DefinitionParams(**where)) is None
    references = await client.text_document_references_async(
        types.ReferenceParams(**where, context=types.ReferenceContext(include_declaration=True))
    )
    assert not references
    far = types.Range(start=types.Position(line=999, character=999), end=types.Position(line=1000, character=0))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=where["text_document"], range=far, context=types.CodeActionContext(diagnostics=[])
        )
    )
    assert not actions


async def test_minor_findings_are_published_under_the_uri_the_editor_used(client: LanguageClient, workspace):
    (workspace / "sub").mkdir()
    path = workspace / "third.yaml"
    text = ESTATE.replace("a:", "c:")
    path.write_text(text, encoding="utf-8")
    dotted = (workspace / "sub").as_uri() + "/../third.yaml"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=dotted, language_id="yaml", version=1, text=text)
        )
    )
    import asyncio
    import time

    deadline = time.monotonic() + 30
    while not client.diagnostics.get(dotted) and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    assert ("ACC001", 3, 3) in codes(client.diagnostics.get(dotted) or [])
