"""What the language-server tests share: start `si-lint server` under a pytest-lsp client, wait for its findings.

The server is the real one, a subprocess spoken to over stdio; one per test module.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "si_lint", "server"])
TIMEOUT = 30  # seconds: the machine is shared; a finding that does not come by then never will


async def start(client: LanguageClient, folders, locale: str = "en", utf32: bool = False) -> None:
    general = types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf32]) if utf32 else None
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                general=general,
                text_document=types.TextDocumentClientCapabilities(
                    hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
                    publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
                ),
            ),
            locale=locale,
            workspace_folders=[
                types.WorkspaceFolder(uri=Path(folder).as_uri(), name=Path(folder).name) for folder in folders
            ],
        )
    )


def uri(path) -> str:
    return Path(path).resolve().as_uri()


async def published(client: LanguageClient, path, until=lambda found: True) -> list:
    """The diagnostics last published for `path`, once some are and `until` holds for them."""
    key = uri(path)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        found = client.diagnostics.get(key)
        if found is not None and until(found):
            return list(found)
        await asyncio.sleep(0.02)
    raise AssertionError(f"no diagnostics as expected for {path}: {client.diagnostics.get(key)}")


def open_file(client: LanguageClient, path, text: str = None, version: int = 1) -> str:
    text = Path(path).read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri(path), language_id="yaml", version=version, text=text)
        )
    )
    return text


def replace_all(client: LanguageClient, path, text: str, version: int) -> None:
    """A whole-buffer edit, as when the user pastes over everything."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri(path), version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def edit(client: LanguageClient, path, line: int, start: int, end: int, text: str, version: int) -> None:
    """Replace characters start..end of one line (0-based, UTF-16 units), as typing does."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri(path), version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=line, character=start), end=types.Position(line=line, character=end)
                    ),
                    text=text,
                )
            ],
        )
    )


def codes(diagnostics) -> list:
    """(code, line, column) of each finding in force (not the waived hints), 1-based like the CLI."""
    return sorted(
        (d.code, d.range.start.line + 1, d.range.start.character + 1)
        for d in diagnostics
        if d.severity != types.DiagnosticSeverity.Hint
    )


def apply(text: str, edits) -> str:
    """The text after a list of LSP text edits (non-overlapping, UTF-16 positions)."""
    lines = text.split("\n")

    def offset(position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units, column = 0, 0
        while column < len(line) and units < position.character:
            units += 2 if ord(line[column]) > 0xFFFF else 1
            column += 1
        return before + column

    for change in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(change.range.start)] + change.new_text + text[offset(change.range.end) :]
    return text
