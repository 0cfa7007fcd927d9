"""`newslint lsp` under hostile input (issue #10): broken framing, bad parameters, unknown
methods, bad edits, long lints, bad settings. Each test drives a real server process."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest
from lsp_client import Session, lsp_session, run
from lsprotocol import converters, types
from raw_client import RawServer, frame
from test_lsp_server import FRENCH, UNSAVED

from lint.config import load_config
from lint.lsp import convert
from lint.lsp.server import LINT_THREADS, NewslintServer, OpenDocument
from lint.lsp.textbuffer import TextBuffer
from lint.runner import Linter
from lint.source import SourceText

JSON = converters.get_converter()
DRAFT = ("# Marchés\n\nLe marché a progressé de de 3 % mardi, selon la Bourse de Paris.\n\n"
         "The the shares rose 4% on Tuesday, according to the exchange.\n")
METHOD_NOT_FOUND, INVALID_PARAMS, PARSE_ERROR, INVALID_REQUEST = -32601, -32602, -32700, -32600


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / ".newslint.yaml").write_text("language: auto\n", encoding="utf-8")
    return folder


def expected(folder: Path, path: Path, text: str) -> list[dict[str, object]]:
    """What `newslint check` finds in `text`, as the server should publish it."""
    source = SourceText(text)
    result = Linter(load_config(None, start=folder)).lint_source(source, str(path))
    return [convert.diagnostic(d, source, path.as_uri()) for d in result.diagnostics]


def raw_session(folder: Path, scenario, command: list[str] | None = None) -> str:  # type: ignore[no-untyped-def]
    """Run `scenario(server)` against a raw server; return its standard error."""

    async def main() -> str:
        server = await RawServer.start(folder, command)
        try:
            await scenario(server)
        finally:
            stderr = await server.close()
            print("server stderr:\n" + stderr)  # shown by pytest when a test fails
        return stderr

    return run(main())


# -- framing and JSON-RPC -------------------------------------------------------------------


def test_bad_content_lengths_cost_one_message_and_the_server_keeps_answering(
        project: Path) -> None:
    unknown = {"jsonrpc": "2.0", "method": "newslint/nothing"}

    async def scenario(server: RawServer) -> None:
        await server.initialize(project)
        # Too short: the body is cut, which is not JSON; the rest is skipped.
        server.send(frame({**unknown, "id": 1}, length_delta=-7))
        assert (await server.reply(None))["error"]["code"] == PARSE_ERROR
        server.request(2, "newslint/nothing")
        assert (await server.reply(2))["error"]["code"] == METHOD_NOT_FOUND
        # Too long, with the next message right behind: both are answered.
        server.send(frame({**unknown, "id": 3}, length_delta=40))
        server.request(4, "newslint/nothing")
        assert (await server.reply(3))["error"]["code"] == METHOD_NOT_FOUND
        assert (await server.reply(4))["error"]["code"] == METHOD_NOT_FOUND
        # Missing, negative, not a number: skipped to the next valid header.
        body = json.dumps({**unknown, "id": 5}).encode()
        server.send(b"Content-Type: application/json\r\n\r\n" + body)
        server.send(b"Content-Length: -12\r\n\r\n" + body)
        server.send(b"Content-Length: twelve\r\n\r\n" + body)
        server.request(6, "newslint/nothing")
        assert (await server.reply(6))["error"]["code"] == METHOD_NOT_FOUND
        assert not [r for r in server.replies if r.get("id") == 5]
        # Too long with nothing after it: read as what arrived once the input stalls.
        server.send(frame({**unknown, "id": 7}, length_delta=500))
        assert (await server.reply(7))["error"]["code"] == METHOD_NOT_FOUND
        server.request(8, "shutdown")
        await server.reply(8)
        server.notify("exit")
        assert await server.exit_code() == 0

    stderr = raw_session(project, scenario)
    assert "Content-Length is wrong" in stderr


def test_malformed_json_rpc_gets_the_protocol_errors(project: Path) -> None:
    async def scenario(server: RawServer) -> None:
        await server.initialize(project)
        body = b'{"jsonrpc": "2.0", "id": 1, "method": "shutdown"'  # unterminated
        server.send(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        assert (await server.reply(None))["error"]["code"] == PARSE_ERROR
        mark = len(server.replies)
        server.send(frame([1, 2, 3]))
        assert (await server.reply(None, since=mark))["error"]["code"] == INVALID_REQUEST
        server.send(frame({"id": 2, "method": "shutdown"}))  # no "jsonrpc": "2.0"
        assert (await server.reply(2))["error"]["code"] == INVALID_REQUEST
        server.send(frame({"jsonrpc": "2.0", "id": 3, "method": 17}))
        assert (await server.reply(3))["error"]["code"] == INVALID_REQUEST
        body = b'{"jsonrpc": "2.0", "id": 4, "method": "caf\xe9"}'  # Latin-1, not UTF-8
        server.send(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        assert (await server.reply(4))["error"]["code"] == PARSE_ERROR
        # Unknown methods: a request gets MethodNotFound, a notification nothing.
        server.notify("newslint/unknownNotification", {"x": 1})
        server.request(5, "newslint/unknownRequest", {"x": 1})
        assert (await server.reply(5))["error"]["code"] == METHOD_NOT_FOUND
        server.request(6, "shutdown")
        assert (await server.reply(6)) == {"jsonrpc": "2.0", "id": 6, "result": None}
        # After shutdown, requests are refused (not left unanswered).
        server.request(7, "textDocument/hover", {})
        assert (await server.reply(7))["error"]["code"] == INVALID_REQUEST
        server.notify("exit")
        assert await server.exit_code() == 0

    raw_session(project, scenario)


@pytest.mark.parametrize("position", [
    {"line": -1, "character": 0},
    {"line": 0, "character": -4},
    {"line": "first", "character": 0},
    None,
])
def test_requests_with_invalid_parameters_get_an_error_reply(project: Path,
                                                             position: object) -> None:
    draft = project / "draft.md"

    async def scenario(server: RawServer) -> None:
        await server.initialize(project)
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": draft.as_uri(), "languageId": "markdown", "version": 1, "text": DRAFT}})
        params: dict[str, object] = {"textDocument": {"uri": draft.as_uri()}}
        if position is not None:
            params["position"] = position
        server.request(1, "textDocument/hover", params)
        error = (await server.reply(1))["error"]
        assert error["code"] == INVALID_PARAMS
        assert "textDocument/hover" in error["message"]
        # A notification with bad parameters is ignored (it has no reply); serving goes on.
        server.notify("textDocument/didChange", {"textDocument": {"uri": draft.as_uri()}})
        server.request(2, "textDocument/hover", {"textDocument": {"uri": draft.as_uri()},
                                                 "position": {"line": 2, "character": 23}})
        assert "style.repeated-word" in json.dumps((await server.reply(2))["result"])

    raw_session(project, scenario)


@pytest.mark.parametrize(("shutdown", "code"), [(True, 0), (False, 1)])
def test_exit_code_says_whether_shutdown_came_first(project: Path, shutdown: bool,
                                                    code: int) -> None:
    async def scenario(server: RawServer) -> None:
        await server.initialize(project)
        if shutdown:
            server.request(1, "shutdown")
            await server.reply(1)
        server.notify("exit")
        assert await server.exit_code() == code

    raw_session(project, scenario)


# A server whose lint never ends on a draft holding HANG: a lint of a huge document,
# as long as the test wants.
STUCK = """
import threading, lint.runner
build = lint.runner.build_document
def stuck(source, *args, **kwargs):
    if "HANG" in source.text:
        threading.Event().wait()
    return build(source, *args, **kwargs)
lint.runner.build_document = stuck
from lint.cli import main
raise SystemExit(main(["lsp"]))
"""


def test_exit_ends_the_process_while_a_lint_is_still_running(project: Path) -> None:
    draft = project / "huge.md"

    async def scenario(server: RawServer) -> None:
        await server.initialize(project)
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": draft.as_uri(), "languageId": "markdown", "version": 1, "text": "HANG\n"}})
        server.request(1, "shutdown")
        await server.reply(1)
        server.notify("exit")
        assert await server.exit_code() == 0

    raw_session(project, scenario, [sys.executable, "-c", STUCK])


def test_a_long_lint_does_not_hold_other_documents(project: Path) -> None:
    async def scenario() -> None:
        command = [sys.executable, "-c", STUCK]
        async with lsp_session([project], command=command) as session:
            for index in range(LINT_THREADS - 1):  # all threads but one are stuck
                session.open(project / f"stuck{index}.md", "HANG\n")
            uri = session.open(project / "draft.md", DRAFT)
            published = await session.diagnostics(uri, version=1)
            assert JSON.unstructure(published.diagnostics) == expected(
                project, project / "draft.md", DRAFT)
            # And the document being edited is linted again while the others still run.
            version = session.change(uri, DRAFT + "\nIt it ends.\n")
            published = await session.diagnostics(uri, version=version)
            assert [d.code for d in published.diagnostics].count("style.repeated-word") == 3

    run(scenario())


def test_a_half_megabyte_document_does_not_hold_a_small_one(project: Path) -> None:
    paragraph = ("Shares in the company rose 4% on Tuesday after it reported higher "
                 "quarterly profits, according to figures published by the exchange.\n\n")
    big = "# Archive\n\n" + "".join(f"{i}. {paragraph}" for i in range(3700))
    assert len(big.encode()) > 500_000

    async def scenario() -> None:
        async with lsp_session([project]) as session:
            large = session.open(project / "archive.md", big)
            small = session.open(project / "draft.md", DRAFT)
            await session.diagnostics(small, version=1)
            # The small draft was published first, the large one still being linted.
            assert not [p for p in session.published.items if p.uri == large]

    run(scenario())


def test_waiting_documents_are_linted_newest_edit_first() -> None:
    async def scenario() -> list[str]:
        server = NewslintServer()
        started: list[str] = []

        async def record(doc: OpenDocument) -> None:
            started.append(doc.uri)

        server._lint = record  # type: ignore[method-assign]
        for uri, edited in [("a", 3), ("b", 9), ("c", 1), ("d", 5), ("e", 7)]:
            server.documents[uri] = OpenDocument(uri, TextBuffer(""), 1, "markdown",
                                                 edited=edited)
            server.waiting.add(uri)
        server.running = LINT_THREADS - 2  # two threads free
        server._dispatch()
        await asyncio.sleep(0)
        return started

    assert run(scenario()) == ["b", "e"]


# -- edits ------------------------------------------------------------------------------------


def test_bad_edits_are_ignored_or_clamped_and_the_server_keeps_serving(project: Path) -> None:
    path = project / "draft.md"

    async def scenario() -> Session:
        async with lsp_session([project]) as session:
            uri = session.open(path, "Title\n\nFirst line.\n")
            await session.diagnostics(uri, version=1)
            # Changes to a document never opened, and to one closed: ignored and logged.
            stray = (project / "never-opened.md").as_uri()
            session.versions[stray] = 1
            session.edit(stray, ((0, 0), (0, 0), "The the "))
            closed = session.open(project / "closed.md", "Gone.\n")
            session.close(closed)
            session.edit(closed, ((0, 0), (0, 0), "The the "))
            # Out of range: a column past the line's end, a line past the text's end.
            session.edit(uri, ((2, 500), (2, 900), " It it ends"))
            session.edit(uri, ((40, 0), (80, 7), "Last last words.\n"))
            # Overlapping edits in one change, applied one after the other.
            session.edit(uri, ((0, 0), (0, 5), "Headline"), ((0, 2), (0, 6), "AD"))
            # A reversed range: refused, the text stays.
            session.edit(uri, ((2, 5), (2, 1), "XXX"))
            version = session.edit(uri, ((1, 0), (1, 0), "Body body.\n"))
            published = await session.diagnostics(uri, version=version)
            text = "HeADne\nBody body.\n\nFirst line. It it ends\nLast last words.\n"
            assert JSON.unstructure(published.diagnostics) == expected(project, path, text)
            logs = [m.message for m in session.logs.items]
            assert any(stray in m and "not open" in m for m in logs)
            assert any(closed in m and "not open" in m for m in logs)
            assert any("ends before it starts" in m for m in logs)
        return session

    run(scenario())


def test_ten_thousand_rapid_edits_end_in_the_lint_of_the_final_text(project: Path) -> None:
    path = project / "draft.md"
    typed = ("The the market rose 3% on Tuesday, according to the exchange. " * 160)[:10_000]

    async def scenario() -> None:
        async with lsp_session([project]) as session:
            uri = session.open(path, "")
            for index, char in enumerate(typed):  # one keystroke per change
                version = session.edit(uri, ((0, index), (0, index), char))
            published = await session.diagnostics(uri, version=version)
            assert JSON.unstructure(published.diagnostics) == expected(project, path, typed)
            assert published.diagnostics  # the repeated words are found

    run(scenario())


def test_a_five_megabyte_document_is_edited_while_others_are_served(project: Path) -> None:
    line = "Le marché a progressé de 3 % mardi, selon la Bourse de Paris.\n\n"
    huge = line * (5_000_000 // len(line.encode()) + 1)

    async def scenario() -> None:
        async with lsp_session([project]) as session:
            large = session.open(project / "huge.md", huge)
            for index in range(20):
                session.edit(large, ((2 * index, 0), (2 * index, 0), "de de "))
            uri = session.open(project / "draft.md", DRAFT)
            published = await session.diagnostics(uri, version=1)
            assert JSON.unstructure(published.diagnostics) == expected(
                project, project / "draft.md", DRAFT)
            hover = await session.hover(uri, 2, 23)
            assert hover is not None and "style.repeated-word" in str(hover.contents)

    run(scenario())


# -- failures and settings ----------------------------------------------------------------------


RULE_RAISES = """
import lint.engine
findings = lint.engine._findings
def broken(rule, document):
    if rule.spec.id == "style.repeated-word":
        raise ZeroDivisionError("simulated rule failure")
    return findings(rule, document)
lint.engine._findings = broken
from lint.cli import main
raise SystemExit(main(["lsp"]))
"""


def test_a_rule_that_raises_becomes_a_diagnostic(project: Path) -> None:
    async def scenario() -> None:
        command = [sys.executable, "-c", RULE_RAISES]
        async with lsp_session([project], command=command) as session:
            text = FRENCH + UNSAVED  # a repeated word, and other rules' findings
            uri = session.open(project / "draft.md", text)
            published = await session.diagnostics(uri)
            errors = [d for d in published.diagnostics if d.code == "newslint.rule-error"]
            assert [e.message for e in errors] == [
                "rule style.repeated-word failed: ZeroDivisionError: simulated rule failure"]
            # The other rules still ran.
            others = [d for d in expected(project, project / "draft.md", text)
                      if d["code"] != "style.repeated-word"]
            assert others
            assert [d for d in JSON.unstructure(published.diagnostics)
                    if d["code"] != "newslint.rule-error"] == others
            version = session.change(uri, DRAFT + "\nMore more.\n")
            assert (await session.diagnostics(uri, version=version)).diagnostics

    run(scenario())


def test_invalid_settings_are_reported_and_serving_goes_on(project: Path) -> None:
    (project / ".newslint.yaml").write_text("rules: [unclosed\n", encoding="utf-8")
    path = project / "draft.md"

    async def scenario() -> None:
        async with lsp_session([project], initialization_options={"debounce": -5}) as session:
            error = await session.messages.wait_for(lambda m: "debounce" in m.message)
            assert "initialization options" in error.message and "-5" in error.message
            uri = session.open(path, DRAFT)
            problem = await session.messages.wait_for(lambda m: ".newslint.yaml" in m.message)
            assert "using the built-in defaults" in problem.message
            assert (await session.diagnostics(uri, version=1)).diagnostics
            session.client.workspace_did_change_configuration(
                types.DidChangeConfigurationParams({"newslint": {"debounce": "fast",
                                                                 "speed": 3}}))
            error = await session.messages.wait_for(lambda m: "'fast'" in m.message)
            assert "workspace setting" in error.message
            await session.messages.wait_for(lambda m: "'speed'" in m.message)
            version = session.change(uri, DRAFT + "\nIt it ends.\n")
            assert (await session.diagnostics(uri, version=version)).diagnostics

    run(scenario())


def test_the_debounce_is_a_setting(project: Path) -> None:
    path = project / "draft.md"

    async def scenario() -> None:
        # A minute of quiet before linting: the change is not linted while we wait.
        async with lsp_session([project],
                               initialization_options={"debounce": 60_000}) as session:
            uri = session.open(path, DRAFT)
            await session.diagnostics(uri, version=1)  # opening is linted at once
            waiting = session.change(uri, DRAFT + "\nIt it ends.\n")
            assert await session.hover(path.parent.joinpath("none.md").as_uri(), 0, 0) is None
            assert not [p for p in session.published.items if p.version == waiting]
            # Another editor setting section is not ours; ours lowers the debounce to 0.
            session.client.workspace_did_change_configuration(
                types.DidChangeConfigurationParams({"otherTool": {"debounce": "x"},
                                                    "newslint": {"debounce": 0}}))
            version = session.change(uri, DRAFT + "\nIt it ends here.\n")
            await session.diagnostics(uri, version=version)
            assert not session.messages.items

    run(scenario())


# -- memory -------------------------------------------------------------------------------------


def rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    return int(next(line.split()[1] for line in status.splitlines()
                    if line.startswith("VmRSS:")))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
def test_memory_stays_flat_over_many_edit_cycles(project: Path) -> None:
    path = project / "draft.md"
    base = DRAFT * 8
    growth: list[int] = []

    async def scenario() -> None:
        async with lsp_session([project], initialization_options={"debounce": 0}) as session:
            uri = session.open(path, base)
            await session.diagnostics(uri, version=1)
            process = session.client._server
            assert process is not None

            async def cycles(count: int) -> None:
                for index in range(count):
                    # Type a sentence at the end, then delete it: every edit is linted.
                    end = base.count("\n")
                    version = session.edit(uri, ((end, 0), (end, 0), f"Line {index} line.\n"))
                    await session.diagnostics(uri, version=version)
                    version = session.edit(uri, ((end, 0), (end + 1, 0), ""))
                    await session.diagnostics(uri, version=version)
                    await session.hover(uri, 2, 23)

            await cycles(20)  # warm up: caches, compiled patterns, allocator arenas
            before = rss_kib(process.pid)
            await cycles(100)
            growth.append(rss_kib(process.pid) - before)
            session.published.items.clear()

    run(scenario())
    # 200 lints and 100 hovers: a leak of one document's diagnostics or text per lint
    # would add megabytes; allocator noise stays well under this bound.
    assert growth[0] < 8 * 1024, f"RSS grew by {growth[0]} KiB"
