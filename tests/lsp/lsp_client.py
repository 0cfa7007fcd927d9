"""Language server test helpers: a real `newslint lsp` process driven by pygls' client."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.client import LanguageClient

TIMEOUT = 60.0
"""Seconds any one awaited event may take (generous: CI machines are slow to start
Python, never a pause before asserting)."""

T = TypeVar("T")


class Inbox:
    """Messages of one kind from the server, with an asyncio.Event set on each arrival."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self.arrived = asyncio.Event()

    def add(self, item: Any) -> None:
        self.items.append(item)
        self.arrived.set()

    def mark(self) -> int:
        """A position to wait from: only messages arriving after it will match."""
        return len(self.items)

    async def wait_for(self, predicate: Callable[[Any], bool] = lambda _: True,
                       since: int = 0, timeout: float = TIMEOUT) -> Any:
        """The first message from `since` on that satisfies `predicate`."""

        async def scan() -> Any:
            seen = since
            while True:
                for item in self.items[seen:]:
                    if predicate(item):
                        return item
                seen = len(self.items)
                self.arrived.clear()
                await self.arrived.wait()

        return await asyncio.wait_for(scan(), timeout)


class Session:
    """One initialized server and the client talking to it."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.published = Inbox()
        self.messages = Inbox()
        self.logs = Inbox()
        self.registrations = Inbox()
        self.initialize_result: types.InitializeResult | None = None
        self.versions: dict[str, int] = {}

    @property
    def encoding(self) -> str:
        assert self.initialize_result is not None
        return str(self.initialize_result.capabilities.position_encoding)

    def open(self, path: Path, text: str | None = None, language_id: str = "markdown") -> str:
        uri = path.as_uri()
        if text is None:
            text = path.read_bytes().decode("utf-8")
        self.versions[uri] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)))
        return uri

    def change(self, uri: str, text: str) -> int:
        """Send the whole new text; returns the version."""
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            [types.TextDocumentContentChangeWholeDocument(text=text)]))
        return self.versions[uri]

    def edit(self, uri: str, *edits: tuple[tuple[int, int], tuple[int, int], str]) -> int:
        """Send range edits ((line, character), (line, character), new text), applied in
        order; returns the version."""
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            [types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(*start), types.Position(*end)), text=text)
             for start, end, text in edits]))
        return self.versions[uri]

    def save(self, uri: str) -> None:
        self.client.text_document_did_save(
            types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))

    def files_changed(self, *paths: Path) -> None:
        self.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            [types.FileEvent(uri=p.as_uri(), type=types.FileChangeType.Changed)
             for p in paths]))

    async def diagnostics(self, uri: str, version: int | None = None,
                          since: int = 0) -> types.PublishDiagnosticsParams:
        """The first publication for `uri` (with `version`, when given) after `since`."""
        return await self.published.wait_for(
            lambda p: p.uri == uri and (version is None or p.version == version), since)

    async def code_actions(self, uri: str, start: tuple[int, int], end: tuple[int, int],
                           only: Sequence[str] | None = None) -> list[types.CodeAction]:
        result = await asyncio.wait_for(self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(types.Position(*start), types.Position(*end)),
                context=types.CodeActionContext(diagnostics=[], only=only))), TIMEOUT)
        return [a for a in result or [] if isinstance(a, types.CodeAction)]

    async def hover(self, uri: str, line: int, character: int) -> types.Hover | None:
        return await asyncio.wait_for(self.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri=uri),
                              types.Position(line, character))), TIMEOUT)


def capabilities(encodings: Sequence[str] | None = None,
                 watch_dynamic: bool = False) -> types.ClientCapabilities:
    """What a modern editor declares (positions, versioned edits, Markdown hover)."""
    general = types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind(e) for e in encodings]
    ) if encodings else None
    return types.ClientCapabilities(
        general=general,
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=watch_dynamic),
            workspace_folders=True,
        ),
        text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                related_information=True, version_support=True,
                code_description_support=True),
        ),
    )


def server_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLINT")}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@contextlib.asynccontextmanager
async def lsp_session(
    folders: Sequence[Path],
    *,
    encodings: Sequence[str] | None = None,
    watch_dynamic: bool = False,
    args: Sequence[str] = (),
    command: Sequence[str] | None = None,
    initialization_options: Any = None,
) -> AsyncIterator[Session]:
    """Start `python -m lint lsp` (or `command`) in the first folder, initialize it with
    `folders` as workspace folders, and shut it down properly afterwards."""
    client = LanguageClient("newslint-tests", "1")
    session = Session(client)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        session.published.add(params)

    @client.feature(types.WINDOW_SHOW_MESSAGE)
    def show_message(params: types.ShowMessageParams) -> None:
        session.messages.add(params)

    @client.feature(types.WINDOW_LOG_MESSAGE)
    def log_message(params: types.LogMessageParams) -> None:
        session.logs.add(params)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        session.registrations.add(params)

    argv = list(command or [sys.executable, "-m", "lint", "lsp", *args])
    await client.start_io(*argv, cwd=str(folders[0]), env=server_env())
    try:
        session.initialize_result = await asyncio.wait_for(client.initialize_async(
            types.InitializeParams(
                process_id=os.getpid(),
                root_uri=folders[0].as_uri(),
                workspace_folders=[types.WorkspaceFolder(uri=f.as_uri(), name=f.name)
                                   for f in folders],
                capabilities=capabilities(encodings, watch_dynamic),
                initialization_options=initialization_options,
            )), TIMEOUT)
        client.initialized(types.InitializedParams())
        yield session
        await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
        client.exit(None)
        await asyncio.wait_for(client.stop(), TIMEOUT)
    finally:
        server = client._server  # pygls keeps the process here only
        if server is not None and server.returncode is None:
            server.kill()
            await server.wait()
        if server is not None and server.stderr is not None:
            stderr = (await server.stderr.read()).decode("utf-8", "replace")
            if stderr.strip():
                print("server stderr:\n" + stderr)  # shown by pytest when a test fails


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run one test coroutine with an overall deadline."""
    return asyncio.run(asyncio.wait_for(coroutine, TIMEOUT * 3))

