"""`newslint lsp`: the pygls language server (document sync, diagnostics, actions, hover)."""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cattrs import transform_error
from lsprotocol import converters, types
from pygls.exceptions import JsonRpcException
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from lint import __version__
from lint.lsp import convert
from lint.lsp.buffers import Linted, help_for, lint_buffer
from lint.lsp.configs import WATCH_GLOBS, ConfigStore
from lint.lsp.settings import Settings, read_settings
from lint.lsp.stream import INVALID_REQUEST, BadMessage, MessageReader
from lint.lsp.textbuffer import TextBuffer
from lint.source import ColumnUnit

logger = logging.getLogger(__name__)

LINT_THREADS = 3
"""Documents linted at once: a long lint of one document does not hold the others'
diagnostics (the newest edit goes first when more are waiting)."""
_JSON = converters.get_converter()
_EDITS = itertools.count(1)
"""Orders edits across documents: the waiting document edited last is linted first."""


@dataclass
class OpenDocument:
    uri: str
    buffer: TextBuffer
    version: int | None
    language_id: str
    revision: int = 0
    """Bumped by every change the server applies (client versions are not trusted)."""
    edited: int = 0
    """When the document was last edited, in the order of _EDITS."""
    timer: asyncio.TimerHandle | None = None
    linted: Linted | None = None
    linted_revision: int = -1
    running: bool = False
    memory: dict[Any, Any] = field(default_factory=dict)
    """What a lint of this document keeps for the next one (reused analysis)."""
    idle: asyncio.Event = field(default_factory=asyncio.Event)
    """Set while no lint of this document runs."""

    def __post_init__(self) -> None:
        self.idle.set()

    @property
    def text(self) -> str:
        return self.buffer.text


class _Protocol(LanguageServerProtocol):
    """pygls' protocol without its own copy of each open document: that copy would cost
    a second text per document and a whole-text split per edit, and an edit to a document
    that is not open would raise before our handler could ignore it."""

    def _user(self, method: str, params: Any) -> Any:
        if (handler := self.fm.features.get(method)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: Any) -> Any:
        yield from self._user(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: Any) -> Any:
        yield from self._user(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: Any) -> Any:
        yield from self._user(types.TEXT_DOCUMENT_DID_CLOSE, params)


class NewslintServer(LanguageServer):
    """Holds the open documents, the configurations and the settings. Lints run on a few
    threads, at most one per document, so the connection stays responsive."""

    def __init__(self, config_path: str | None = None) -> None:
        # Incremental sync: edits are applied by TextBuffer with the protocol's own line
        # breaks (pygls' document model uses str.splitlines(), which also breaks lines on
        # U+2028, \x0c and \x85: docs/architecture.md §4.3).
        super().__init__("newslint", __version__, protocol_cls=_Protocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.configs = ConfigStore(config_path)
        self.settings = Settings()
        self.documents: dict[str, OpenDocument] = {}
        self.lint_pool = ThreadPoolExecutor(max_workers=LINT_THREADS + 1,
                                            thread_name_prefix="newslint")
        self.waiting: set[str] = set()
        self.running = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self.shutdown_requested = False
        self._closing = False

    @property
    def unit(self) -> ColumnUnit:
        return convert.column_unit(self.workspace.position_encoding)

    def shutdown(self) -> None:
        self._closing = True
        self.lint_pool.shutdown(wait=False, cancel_futures=True)
        super().shutdown()  # type: ignore[no-untyped-call]  # pygls leaves it unannotated

    # -- workspace --------------------------------------------------------------------
    def update_folders(self) -> None:
        folders = [convert.uri_to_path(f.uri) for f in self.workspace.folders.values()]
        paths = [Path(p) for p in folders if p]
        if not paths and self.workspace.root_path:
            paths = [Path(self.workspace.root_path)]
        self.configs.set_folders(paths)

    async def reload_configs(self, changed: list[Path] | None = None) -> None:
        """Reload the configurations (all of them, or only if one of `changed` may be
        part of one), report problems, and relint every open document."""

        def reload() -> tuple[bool, list[str]]:
            if changed is not None and not any(self.configs.concerns(p) for p in changed):
                return False, []
            return True, self.configs.reload()

        loop = asyncio.get_running_loop()
        reloaded, errors = await loop.run_in_executor(self.lint_pool, reload)
        self.show_errors(errors)
        if reloaded:
            for uri in list(self.documents):
                self.schedule(uri, 0)

    def update_settings(self, value: object, where: str, sectioned: bool) -> None:
        self.settings, problems = read_settings(value, self.settings, where, sectioned)
        self.show_errors(problems)

    def show_errors(self, errors: list[str]) -> None:
        for message in errors:
            logger.error("%s", message)
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))

    def log(self, message: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        logger.warning("%s", message)
        self.window_log_message(types.LogMessageParams(kind, message))

    # -- linting ----------------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        """Lint `uri` after `delay` seconds, replacing any lint already waiting."""
        doc = self.documents.get(uri)
        if doc is None:
            return
        if doc.timer is not None:
            doc.timer.cancel()
        doc.timer = asyncio.get_running_loop().call_later(delay, self._ready, uri)

    def _ready(self, uri: str) -> None:
        doc = self.documents.get(uri)
        if doc is None:
            return
        doc.timer = None
        self.waiting.add(uri)
        self._dispatch()

    def _dispatch(self) -> None:
        """Start waiting lints while threads are free, the most recently edited first;
        a document whose lint is running waits for it (its result will be stale)."""
        while self.running < LINT_THREADS and not self._closing:
            ready = [self.documents[u] for u in self.waiting
                     if u in self.documents and not self.documents[u].running]
            self.waiting.intersection_update(self.documents)
            if not ready:
                return
            doc = max(ready, key=lambda d: d.edited)
            self.waiting.discard(doc.uri)
            self._claim(doc)  # now, not when the task starts, so the count stays true
            task = asyncio.ensure_future(self._lint(doc))
            self._tasks.add(task)
            task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and (exc := task.exception()) is not None:
            # Nobody awaits a scheduled lint: log its failure rather than lose it.
            logger.error("publishing diagnostics failed", exc_info=exc)

    async def lint_and_publish(self, uri: str) -> None:
        """Lint the document's current text now (not the file on disk) and publish the
        result, unless a lint of it is already running."""
        doc = self.documents.get(uri)
        if doc is None or doc.running:
            return
        self._claim(doc)
        await self._lint(doc)

    def _claim(self, doc: OpenDocument) -> None:
        doc.running = True
        doc.idle.clear()
        self.running += 1

    async def _lint(self, doc: OpenDocument) -> None:
        """Lint a claimed document and publish the result, unless the document changed or
        closed meanwhile (a newer lint is then pending)."""
        uri = doc.uri
        version, text, revision, unit = doc.version, doc.text, doc.revision, self.unit
        loop = asyncio.get_running_loop()
        try:
            linted, outcome = await loop.run_in_executor(
                self.lint_pool, lint_buffer, self.configs, uri, text, version,
                doc.language_id, unit, doc.memory)
        except RuntimeError:
            if self._closing:  # the lint threads are gone: the server is exiting
                return
            raise
        finally:
            doc.running = False
            doc.idle.set()
            self.running -= 1
            self._dispatch()
        self.show_errors(outcome.errors)
        for line in outcome.logs:
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, line))
        if self.documents.get(uri) is not doc or doc.revision != revision:
            return
        doc.linted, doc.linted_revision = linted, revision
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version,
            diagnostics=[_JSON.structure(lsp, types.Diagnostic) for _, lsp in linted.found],
        ))

    async def current(self, uri: str) -> Linted | None:
        """The lint of the document's current text, linting now if it is stale."""
        for _ in range(3):  # the text may change again while we wait
            doc = self.documents.get(uri)
            if doc is None:
                return None
            if doc.linted is not None and doc.linted_revision == doc.revision:
                return doc.linted
            if doc.running:
                await doc.idle.wait()
                continue
            if doc.timer is not None:
                doc.timer.cancel()
                doc.timer = None
            self.waiting.discard(uri)
            await self.lint_and_publish(uri)
        return None

    @property
    def hover_format(self) -> types.MarkupKind:
        """Markdown, unless the client says it shows only plain text (which our Markdown
        reads well as)."""
        hover = self.client_capabilities.text_document and (
            self.client_capabilities.text_document.hover)
        formats = hover.content_format if hover else None
        if formats and types.MarkupKind.Markdown not in formats:
            return types.MarkupKind.PlainText
        return types.MarkupKind.Markdown

    @property
    def versioned_edits(self) -> bool:
        edit = self.client_capabilities.workspace and (
            self.client_capabilities.workspace.workspace_edit)
        return bool(edit and edit.document_changes)


def create_server(config_path: str | None = None) -> NewslintServer:
    """The server with its features registered (tests drive it over stdio)."""
    server = NewslintServer(config_path)

    @server.feature(types.INITIALIZE)
    def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
        ls.update_folders()
        ls.update_settings(params.initialization_options, "initialization options",
                           sectioned=False)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration_changed(ls: NewslintServer,
                              params: types.DidChangeConfigurationParams) -> None:
        ls.update_settings(params.settings, "workspace setting", sectioned=True)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NewslintServer, params: None) -> None:
        ls.shutdown_requested = True

    @server.feature(types.INITIALIZED)
    async def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if not (watched and watched.dynamic_registration):
            return  # the client may still send the notification on its own
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCH_GLOBS])
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(id="newslint-config-watcher",
                                   method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                   register_options=options)]))
        except Exception:  # noqa: BLE001 - without a watcher, didSave still reloads
            logger.exception("registering the configuration file watcher failed")

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    async def folders_changed(ls: NewslintServer,
                              params: types.DidChangeWorkspaceFoldersParams) -> None:
        ls.update_folders()
        await ls.reload_configs()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched_files_changed(ls: NewslintServer,
                                    params: types.DidChangeWatchedFilesParams) -> None:
        paths = [convert.uri_to_path(change.uri) for change in params.changes]
        await ls.reload_configs([Path(p) for p in paths if p])

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        ls.documents[item.uri] = OpenDocument(item.uri, TextBuffer(item.text), item.version,
                                              item.language_id, edited=next(_EDITS))
        ls.schedule(item.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        doc = ls.documents.get(uri)
        if doc is None:  # never opened, or closed: the client's mistake, nothing to lint
            ls.log(f"newslint: ignored a change to {uri}, which is not open")
            return
        for change in params.content_changes:
            try:
                doc.buffer.apply(_JSON.unstructure(change), ls.unit)
            except ValueError as exc:
                ls.log(f"newslint: ignored an edit to {uri}: {exc}")
        doc.version = params.text_document.version
        doc.revision += 1
        doc.edited = next(_EDITS)
        ls.schedule(doc.uri, ls.settings.debounce_ms / 1000)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    async def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in ls.documents:
            ls.schedule(uri, 0)
        local = convert.uri_to_path(uri)
        if local:  # reloads only if it is a configuration (or rule) file
            await ls.reload_configs([Path(local)])

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        doc = ls.documents.pop(params.text_document.uri, None)
        if doc is None:
            ls.log(f"newslint: ignored closing {params.text_document.uri}, which is not open")
        elif doc.timer is not None:
            doc.timer.cancel()
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
        linted = await ls.current(params.text_document.uri)
        if linted is None:
            return None
        where = convert.offset_at(linted.source, _JSON.unstructure(params.position), ls.unit)
        hits = [(d, lsp) for d, lsp in linted.found if d.offset <= where <= d.end_offset]
        if not hits:
            return None
        seen: dict[str, str] = {}
        for found, _ in hits:
            seen.setdefault(found.rule_id, help_for(linted, found))
        return types.Hover(
            contents=types.MarkupContent(ls.hover_format, "\n\n---\n\n".join(seen.values())),
            range=_JSON.structure(hits[0][1]["range"], types.Range))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    async def code_action(ls: NewslintServer,
                          params: types.CodeActionParams) -> list[types.CodeAction] | None:
        only = params.context.only
        # A requested kind matches ours when it is "quickfix" or a parent of it.
        if only and not any(k == convert.QUICK_FIX or convert.QUICK_FIX.startswith(f"{k}.")
                            for k in only):
            return None
        uri = params.text_document.uri
        linted = await ls.current(uri)
        if linted is None:
            return None
        source, unit = linted.source, ls.unit
        start = convert.offset_at(source, _JSON.unstructure(params.range.start), unit)
        end = convert.offset_at(source, _JSON.unstructure(params.range.end), unit)
        version, versioned = linted.version, ls.versioned_edits
        actions: list[dict[str, Any]] = []
        disables: list[dict[str, Any]] = []
        disabled: set[tuple[str, int]] = set()
        for found, lsp in linted.found:
            if not (found.offset <= end and start <= found.end_offset):
                continue
            for fix in found.fixes:
                actions.append(convert.fix_action(fix, lsp, source, uri, unit,
                                                  version, versioned,
                                                  preferred=len(found.fixes) == 1))
            # newslint's own findings (unreadable front matter, rule crashes) are not
            # style choices, and a comment above front matter would break it.
            if found.rule_id.startswith("newslint."):
                continue
            if (found.rule_id, found.start.line) not in disabled:
                disabled.add((found.rule_id, found.start.line))
                disables.append(convert.disable_action(found, lsp, source, uri, unit,
                                                       linted.kind, version, versioned))
        # Corrections first: editors offer the first quick fix as the default.
        return [_JSON.structure(a, types.CodeAction) for a in actions + disables]

    return server


def serve(config_path: str | None = None) -> int:
    """Run the server over standard input/output until the client exits it. Exits the
    process: with 0 after `shutdown` then `exit`, else 1 (as the protocol asks)."""
    # Standard output carries the protocol: logs go to standard error only.
    logging.basicConfig(level=logging.WARNING, format="newslint-lsp %(levelname)s %(message)s")
    server = create_server(config_path)
    # The protocol gets its own handle on standard output; anything else written there,
    # such as a stray print, goes to standard error instead of corrupting the protocol.
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    server.protocol.set_writer(StdoutWriter(channel))
    try:
        asyncio.run(_connection(server, sys.stdin.fileno()))
        code = 0 if server.shutdown_requested else 1  # the client went away
    except SystemExit as exc:  # pygls ends the `exit` notification with sys.exit(code)
        code = exc.code if isinstance(exc.code, int) else 1
    except BrokenPipeError:
        logger.error("the connection to the client is lost")
        code = 1
    finally:
        server.shutdown()
    for stream in (channel, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # already closed by `exit`
            pass
    # Not a normal return: the interpreter would wait for a lint thread still busy with
    # a long document (issue #10: 53 s after `exit`), and those threads hold nothing
    # that needs cleaning up.
    os._exit(code)


async def _connection(server: NewslintServer, fd: int) -> None:
    """Hand each message read from `fd` to pygls; answer what pygls would not: input that
    is not a message, and requests whose parameters do not fit the protocol."""
    protocol = server.protocol
    async for item in MessageReader(fd):
        if isinstance(item, BadMessage):
            _reply_error(server, item.id, item.code, item.message)
            continue
        method, request_id = item.get("method"), item.get("id")
        is_request = method is not None and request_id is not None
        if is_request and server.shutdown_requested and method != types.EXIT:
            _reply_error(server, request_id, INVALID_REQUEST,
                         f"the server is shutting down: {method} refused")
            continue
        if method is not None:
            item.setdefault("params", None)  # optional in JSON-RPC; pygls wants the key
        try:
            message = protocol.structure_message(item)
        except JsonRpcException as exc:
            cause = exc.__cause__
            detail = "; ".join(transform_error(cause)) if cause is not None else str(exc)
            problem = f"invalid parameters for {method}: {detail}"
            if is_request:
                _reply_error(server, request_id, exc.code, problem)
            else:  # a notification has no reply: the protocol says to ignore it
                server.log(f"newslint: ignored {problem}")
            continue
        try:
            protocol.handle_message(message)
        except Exception:  # noqa: BLE001 - one bad message must not end the connection
            logger.exception("handling %s failed", method)


def _reply_error(server: NewslintServer, request_id: Any, code: int, message: str) -> None:
    logger.error("%s", message)
    server.protocol._send_response(  # noqa: SLF001 - pygls has no public error reply
        request_id, error=types.ResponseError(code=code, message=message))
