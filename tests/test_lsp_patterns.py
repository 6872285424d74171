"""`si-lint server` and a custom rule whose pattern runs for ever on a value: the time limit holds in the
server as on the command line, the user is told which rule, and the server keeps serving.

The budget is a timeout of the `regex` module (si_lint.validate.predicate), which holds on the server's worker
thread. Unbounded, `^(a|aa)+$` on sixty letters and a '!' takes minutes.
"""

from __future__ import annotations

import asyncio
import time

import pytest

pytest.importorskip("pytest_lsp", reason="pytest-lsp needs Python 3.10")

import pytest_lsp
from lsp_client import SERVER, TIMEOUT, codes, open_file, published, replace_all, start
from lsprotocol import types
from pytest_lsp import LanguageClient
from test_any_input import with_condition

pytestmark = pytest.mark.asyncio(loop_scope="module")

SLOW = "version: 1\napplications:\n  a: {usage: business, name: " + "a" * 60 + "!}\n"
QUICK = "version: 1\napplications:\n  a: {usage: business, name: aaa}\n"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("lsp-patterns")
    (root / "rules").mkdir()
    (root / "rules" / "ACME001.yaml").write_text(
        with_condition("{required: [name], properties: {name: {pattern: '^(a|aa)+$'}}}"), encoding="utf-8"
    )
    (root / ".si-lint.yaml").write_text("rules-dir: rules\n", encoding="utf-8")
    (root / "estate.yaml").write_text(SLOW, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace):
    await start(lsp_client, [workspace])
    yield
    await lsp_client.shutdown_session()


async def test_a_pattern_past_its_limit_is_said_and_the_server_keeps_serving(client: LanguageClient, workspace):
    started = time.monotonic()
    while not client.messages and time.monotonic() - started < TIMEOUT:
        await asyncio.sleep(0.05)
    assert time.monotonic() - started < TIMEOUT, "the pattern was not stopped"
    message = client.messages[-1]
    assert message.type == types.MessageType.Error
    assert message.message.startswith("si-lint could not lint this estate")
    assert "ACME001: the pattern '^(a|aa)+$' used up the 2 s that the patterns of custom rules have" in message.message

    # The estate fixed in the editor is linted: the custom rule finds 'aaa' (its condition matches it).
    path = workspace / "estate.yaml"
    open_file(client, path, SLOW)
    replace_all(client, path, QUICK, version=2)
    found = await published(client, path)
    assert ("ACME001", 3, 3) in codes(found)
