"""`si-lint server`: the language server, LSP over standard input and output, built on pygls.

Each workspace folder is one estate (`lsp_workspace.WorkspaceEstate`), linted as `si-lint`
run there would lint it; a YAML file opened outside every folder is linted
alone. Edits are applied to the buffers at once and the estate is linted again
in a worker thread, one lint at a time: a burst of edits is linted once, and
hover or completion are answered while a large estate is being linted (custom
rules' patterns stop on any thread when they use up their budget). After
each lint, the findings of every file whose findings changed are published, so
an edit in one file updates the files it affects.

The server collects garbage itself, once the editor has been idle for
IDLE_SECONDS: an automatic collection in the middle of an edit would scan
every object of the estate (a fifth of a second at 10,000 applications).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any, BinaryIO, Optional

import click
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..cli.shared import Command
from ..config.discovery import FILE_NAMES as CONFIG_NAMES
from ..i18n.messages import Text, say
from ..load.inputs import MAX_BYTES
from ..rules.diagnostic import Diagnostic, InputError
from . import features as lsp_features
from . import text as lsp_text
from .workspace import Findings, Unreadable, WorkspaceEstate

logger = logging.getLogger(__name__)
_YAML = (".yaml", ".yml")
IDLE_SECONDS = 1.0


_UNANSWERABLE = object()  # a message whose parameters are not LSP's: answered (a request) or dropped


class _Protocol(LanguageServerProtocol):
    """pygls, but a request whose parameters break LSP's types (a position past 2^31) gets its error reply;
    pygls logs it and replies nothing, so the editor waits for ever."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcInvalidParams as error:
            if "id" in data and "method" in data:
                self._send_response(data["id"], error=types.ResponseError(code=error.code, message=error.message))
            return _UNANSWERABLE

    def handle_message(self, message: Any) -> None:  # pygls' message, or _UNANSWERABLE
        if message is not _UNANSWERABLE:
            super().handle_message(message)


# A message holds at most a file the estate may hold (inputs.MAX_BYTES), twice over for JSON's escapes.
MAX_MESSAGE_BYTES = 2 * MAX_BYTES
MAX_HEADER_BYTES = 64 * 1024


class _BoundedInput:
    """Standard input, refusing a `Content-Length` past MAX_MESSAGE_BYTES before allocating it (10^11 bytes
    ended the server with "out of memory reading the estate"): the client is not speaking LSP as expected."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def readline(self) -> bytes:
        return self.stream.readline(MAX_HEADER_BYTES)

    def read(self, size: int) -> bytes:
        if size > MAX_MESSAGE_BYTES:
            raise InputError(Text("lsp.message_too_big", size=size, limit=MAX_MESSAGE_BYTES // (1024 * 1024)))
        return self.stream.read(size)


# What was published for a file: its findings in force, its waived ones, or why it could not be read.
Published = tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...], Optional[Unreadable]]


class EstateServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "si-lint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=_Protocol,
        )
        self.lang = "en"
        self.folders: list[WorkspaceEstate] = []  # workspace folders, the most deeply nested first
        self.lone: dict[str, WorkspaceEstate] = {}  # path -> the estate of a file opened outside every folder
        self.buffers: dict[str, str] = {}  # path -> text of an open editor buffer
        self.versions: dict[str, int] = {}  # path -> version of that buffer
        self.uris: dict[str, str] = {}  # path -> the URI the editor opened it by (`a/../b.yaml`): published under it
        self.published: dict[str, Published] = {}  # path -> what was last published for it
        self.pending: list[WorkspaceEstate] = []  # folders to lint again
        self.linting: Optional[asyncio.Future[None]] = None
        self.collection: Optional[asyncio.TimerHandle] = None  # the garbage collection planned for when idle
        # One lint at a time, off the event loop.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="si-lint")

    # --- folders and files ------------------------------------------------------------

    def folder_of(self, path: str) -> Optional[WorkspaceEstate]:
        for folder in self.folders:
            if folder.contains(path):
                return folder
        return self.lone.get(path)

    def estate_of(self, uri: str) -> tuple[Optional[WorkspaceEstate], str]:
        """(folder, path) when the document is a file of an estate, else (None, path)."""
        path = _path(uri)
        folder = self.folder_of(path)
        return (folder if folder is not None and folder.owns(path) else None), path

    def text(self, folder: WorkspaceEstate, path: str) -> str:
        if path in self.buffers:
            return self.buffers[path]
        linted = folder.texts.get(path)
        if linted is not None:
            return linted
        on_disk = folder.text(path, {})
        return on_disk if isinstance(on_disk, str) else ""

    def units(self, folder: WorkspaceEstate, current: bool) -> lsp_features.Units:
        """Positions in the client's units, over the buffers (`current`) or the text last linted."""
        cache: dict[str, list[str]] = {}

        def lines_of(path: str) -> list[str]:
            if path not in cache:
                text = self.text(folder, path) if current else folder.texts.get(path, "")
                cache[path] = lsp_text.split_lines(text)
            return cache[path]

        return lsp_features.Units(self.workspace.position_codec, lines_of)

    def configure(self, folder: WorkspaceEstate) -> None:
        folder.configure()
        if folder.config_error:
            self.window_show_message(
                types.ShowMessageParams(
                    type=types.MessageType.Error, message=say(self.lang, "lsp.config_error", error=folder.config_error)
                )
            )

    # --- linting and publishing --------------------------------------------------------------

    def schedule(self, folder: WorkspaceEstate) -> None:
        if folder not in self.pending:
            self.pending.append(folder)
        if self.linting is None or self.linting.done():
            self.linting = asyncio.ensure_future(self._lint_pending())

    async def _lint_pending(self) -> None:
        loop = asyncio.get_running_loop()
        while self.pending:
            await asyncio.sleep(0)  # edits already received are applied before linting
            folder = self.pending.pop(0)
            buffers = {path: text for path, text in self.buffers.items() if folder.owns(path)}
            versions = {path: self.versions.get(path) for path in buffers}
            try:
                findings = await loop.run_in_executor(self.executor, folder.lint, buffers)
            except InputError as error:  # a custom rule's pattern ran past its limit: the CLI's exit 2
                lang = folder.settings.lang
                self.window_show_message(
                    types.ShowMessageParams(
                        type=types.MessageType.Error, message=say(lang, "lsp.lint_error", error=error.render(lang))
                    )
                )
                continue
            except Exception:  # a bug must not stop the server: logged, the next edit retries
                logger.exception("linting %s failed", folder.root)
                continue
            self.publish(folder, findings, versions)
        self._collect_when_idle()

    def _collect_when_idle(self) -> None:
        if self.collection is not None:
            self.collection.cancel()
        self.collection = asyncio.get_running_loop().call_later(IDLE_SECONDS, self._collect)

    def _collect(self) -> None:
        self.collection = None
        if not self.pending and (self.linting is None or self.linting.done()):  # else that lint plans the next
            gc.collect()

    def publish(self, folder: WorkspaceEstate, findings: Findings, versions: dict[str, Optional[int]]) -> None:
        units = self.units(folder, current=False)
        for path, (active, waived) in findings.items():
            unreadable = folder.unreadable.get(path)
            state = (tuple(active), tuple(waived), unreadable)
            if self.published.get(path) == state:
                continue
            self.published[path] = state
            if unreadable is not None:
                shown = [lsp_features.unreadable_diagnostic(unreadable)]
            else:
                shown = lsp_features.diagnostics(folder, path, units, active, waived)
            self._send(path, shown, versions.get(path))
        for path in [path for path in self.published if folder.contains(path) and path not in findings]:
            del self.published[path]  # no longer a file of the estate
            self._send(path, [], None)

    def _send(self, path: str, diagnostics: list[types.Diagnostic], version: Optional[int]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=self.uris.get(path) or from_fs_path(path), diagnostics=diagnostics, version=version
            )
        )


def _path(uri: str) -> str:
    return os.path.abspath(to_fs_path(uri) or uri)


def _is_config(folder: WorkspaceEstate, path: str) -> bool:
    """A file whose change changes the settings: a config file, or a custom rule file."""
    if os.path.basename(path) in CONFIG_NAMES:
        return True
    return any(
        os.path.dirname(path) == os.path.abspath(os.path.join(folder.root or "", rules_dir))
        for rules_dir in folder.settings.rules_dirs
    )


def build() -> EstateServer:
    server = EstateServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: EstateServer, params: types.InitializeParams) -> None:
        locale = (params.locale or "").lower()
        ls.lang = "fr" if locale.startswith("fr") else "en"
        roots = [folder.uri for folder in params.workspace_folders or []]
        if not roots and params.root_uri:
            roots = [params.root_uri]
        folders = [WorkspaceEstate(_path(uri), ls.lang) for uri in roots]
        ls.folders = sorted(folders, key=lambda f: len(f.folder), reverse=True)

    @server.feature(types.INITIALIZED)
    def initialized(ls: EstateServer, params: types.InitializedParams) -> None:
        for folder in ls.folders:
            ls.configure(folder)
            ls.schedule(folder)
        if _capability(ls, "workspace.did_change_watched_files.dynamic_registration"):
            # Files created, deleted or changed outside the editor (a git checkout) count too.
            asyncio.ensure_future(_watch(ls))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: EstateServer, params: types.DidOpenTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        folder = ls.folder_of(path)
        if folder is None:
            if not path.endswith(_YAML):
                return
            folder = ls.lone[path] = WorkspaceEstate(None, ls.lang, lone_file=path)
            ls.configure(folder)
        elif not folder.owns(path):
            folder.refresh_files()  # a file created since
            if not folder.owns(path):
                return
        ls.buffers[path] = params.text_document.text
        ls.uris[path] = params.text_document.uri
        ls.versions[path] = params.text_document.version
        ls.schedule(folder)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EstateServer, params: types.DidChangeTextDocumentParams) -> None:
        folder, path = ls.estate_of(params.text_document.uri)
        if folder is None:
            return
        ls.buffers[path] = ls.workspace.get_text_document(params.text_document.uri).source
        ls.versions[path] = params.text_document.version
        ls.schedule(folder)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: EstateServer, params: types.DidSaveTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        folder = ls.folder_of(path)
        if folder is None:
            return
        folder.forget_disk(path)
        if _is_config(folder, path):
            ls.configure(folder)
        elif not folder.owns(path):
            folder.refresh_files()
        ls.schedule(folder)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EstateServer, params: types.DidCloseTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        ls.buffers.pop(path, None)
        ls.versions.pop(path, None)
        uri = ls.uris.pop(path, None)
        folder = ls.folder_of(path)
        if folder is None:
            return
        folder.forget_disk(path)  # the file on disk counts again, as it is now
        if ls.lone.get(path) is folder:
            del ls.lone[path]
            if ls.published.pop(path, None) is not None:
                ls.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=uri or from_fs_path(path), diagnostics=[])
                )
            return
        ls.schedule(folder)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: EstateServer, params: types.DidChangeWatchedFilesParams) -> None:
        changed = set()
        for change in params.changes:
            path = _path(change.uri)
            folder = ls.folder_of(path)
            if folder is None:
                continue
            folder.forget_disk(path)
            if _is_config(folder, path):
                ls.configure(folder)
            elif change.type != types.FileChangeType.Changed:
                folder.refresh_files()
            changed.add(folder)
        for folder in changed:
            ls.schedule(folder)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: EstateServer, params: types.HoverParams) -> Optional[types.Hover]:
        folder, path = ls.estate_of(params.text_document.uri)
        if folder is None:
            return None
        lines = lsp_text.split_lines(ls.text(folder, path))
        units = ls.units(folder, current=True)
        column = units.column(lines, params.position)
        formats = _capability(ls, "text_document.hover.content_format") or [types.MarkupKind.Markdown]
        markdown = types.MarkupKind.Markdown in formats
        text = lsp_features.hover(folder, path, lines, params.position.line, column, markdown)
        if text is None:
            return None
        kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
        return types.Hover(contents=types.MarkupContent(kind=kind, value=text))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: EstateServer, params: types.DefinitionParams) -> Optional[types.Location]:
        folder, path = ls.estate_of(params.text_document.uri)
        if folder is None or folder.result is None:
            return None
        lines = lsp_text.split_lines(ls.text(folder, path))
        units = ls.units(folder, current=True)
        found = lsp_features.definition(folder, lines, params.position.line, units.column(lines, params.position))
        return _location(units, found) if found else None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: EstateServer, params: types.ReferenceParams) -> list[types.Location]:
        folder, path = ls.estate_of(params.text_document.uri)
        if folder is None or folder.result is None:
            return []
        lines = lsp_text.split_lines(ls.text(folder, path))
        units = ls.units(folder, current=True)
        found = lsp_features.find_references(
            folder,
            lines,
            params.position.line,
            units.column(lines, params.position),
            params.context.include_declaration,
        )
        return [_location(units, place) for place in found]

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", "[", ","]))
    def completion(ls: EstateServer, params: types.CompletionParams) -> Optional[types.CompletionList]:
        folder, path = ls.estate_of(params.text_document.uri)
        if folder is None:
            return None
        lines = lsp_text.split_lines(ls.text(folder, path))
        units = ls.units(folder, current=True)
        line = params.position.line
        items = []
        for label, kind, detail, text, start, end in lsp_features.completion(
            folder, lines, line, units.column(lines, params.position)
        ):
            items.append(
                types.CompletionItem(
                    label=label,
                    kind=kind,
                    detail=detail,
                    text_edit=types.TextEdit(range=units.range(path, line, start, end), new_text=text),
                )
            )
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
    )
    def code_action(ls: EstateServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        folder, path = ls.estate_of(params.text_document.uri)
        if folder is None or folder.result is None or ls.text(folder, path) != folder.texts.get(path):
            return []  # the buffer changed since the last lint: fixes would land in the wrong place
        units = ls.units(folder, current=False)
        lines = units.lines_of(path)
        wanted = params.range
        findings = []
        for finding in folder.findings().get(path, ([], []))[0]:
            line = finding.line - 1
            start, end = lsp_text.span(lines, line, finding.column - 1)
            shown = units.range(path, line, start, end)
            if _overlaps(shown, wanted):
                findings.append(finding)
        actions = []
        uri = params.text_document.uri
        for title, finding, edits, preferred in lsp_features.code_actions(folder, path, lines, findings):
            text_edits = [
                types.TextEdit(
                    range=types.Range(
                        start=units.position(path, e.line, e.start), end=units.position(path, e.end_line, e.end)
                    ),
                    new_text=e.text,
                )
                for e in edits
            ]
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    is_preferred=preferred or None,
                    diagnostics=lsp_features.diagnostics(folder, path, units, [finding], []),
                    edit=types.WorkspaceEdit(changes={uri: text_edits}),
                )
            )
        return actions

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(ls: EstateServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        folder, path = ls.estate_of(params.text_document.uri)
        if folder is None:
            return []
        return lsp_features.symbols(folder, path, ls.text(folder, path), ls.units(folder, current=True))

    return server


async def _watch(ls: EstateServer) -> None:
    watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in ("**/*.yaml", "**/*.yml", "**/*.toml")]
    try:
        await ls.client_register_capability_async(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="si-lint-files",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                    )
                ]
            )
        )
    except Exception:  # without it, files count again when opened or saved
        logger.warning("the editor does not watch files for si-lint")


def _location(units: lsp_features.Units, place: lsp_features.Span) -> types.Location:
    path, line, start, end = place
    return types.Location(uri=from_fs_path(path), range=units.range(path, line, start, end))


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _capability(ls: EstateServer, dotted: str) -> Any:
    """The client's capability at `dotted` (`text_document.hover.content_format`), or None when not stated."""
    node: Any = ls.client_capabilities
    for name in dotted.split("."):
        node = getattr(node, name, None)
        if node is None:
            return None
    return node


@click.command("server", cls=Command, help="help.cmd.server")
def command() -> None:
    logging.basicConfig(level=logging.WARNING, format="si-lint server: %(levelname)s: %(message)s")
    gc.disable()  # collected when idle (EstateServer._collect_when_idle)
    # pygls reads its input with readline() and read() alone, all _BoundedInput has; its annotation asks for a file.
    build().start_io(stdin=_BoundedInput(sys.stdin.buffer))  # type: ignore[arg-type]
