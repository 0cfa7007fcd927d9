"""`newslint lsp` end to end: a real server process over stdio, driven by pygls' client."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lsp_client import Session, lsp_session, run
from lsprotocol import converters, types

from lint.config import load_config
from lint.lsp import convert
from lint.runner import Linter
from lint.source import SourceText

JSON = converters.get_converter()

FRENCH = (
    "# Le jeton NOVA s'envole 🚀\n"
    "\n"
    "Le jeton NOVA a bondi de 63 % en deux jours, selon les données de CoinMarketCap, dans "
    "un marché des crypto-actifs agité.\n"
    "\n"
    "Selon certains experts, la hausse va se poursuivre.\n"
)
UNSAVED = ("\nLes volumes d'échange ont ont dépassé 800 millions de dollars mardi, selon "
           "CoinMarketCap.\n")
HOUSE_FR = "ne constitue pas un conseil en investissement"
# "a a" after two emoji on a CRLF line: code points 13-16, UTF-16 15-18, UTF-8 20-23.
CRLF_EMOJI = ("Titre\r\n\r\n"
              "Le marché 🚀😀 a a progressé de 3 % mardi, selon la Bourse de Paris.\r\n")
NO_REPEATS = "rules:\n  style.repeated-word: false\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A workspace folder with a configuration file."""
    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / ".newslint.yaml").write_text("language: auto\n", encoding="utf-8")
    return folder


def codes(params: types.PublishDiagnosticsParams) -> list[str]:
    return [str(d.code) for d in params.diagnostics]


def expected(folder: Path, path: Path, text: str, uri: str) -> list[dict[str, object]]:
    """What the server should publish: the library's own lint, converted to UTF-16."""
    source = SourceText(text)
    result = Linter(load_config(None, start=folder)).lint_source(source, str(path))
    return [convert.diagnostic(d, source, uri) for d in result.diagnostics]


def test_french_draft_open_change_actions_hover_save_close(project: Path) -> None:
    (project / ".newslint.yaml").write_text(
        "rules:\n  style.acronym-defined: false\n", encoding="utf-8")
    draft = project / "nova.md"
    draft.write_text(FRENCH, encoding="utf-8")

    async def scenario() -> Session:
        async with lsp_session([project]) as session:
            assert session.encoding == "utf-16"  # the client offered nothing else
            uri = session.open(draft)
            opened = await session.diagnostics(uri, version=1)
            # The workspace configuration applies: acronym-defined is turned off there.
            assert codes(opened) == ["editorial.missing-disclaimer",
                                     "editorial.vague-attribution"]
            assert JSON.unstructure(opened.diagnostics) == expected(project, draft, FRENCH, uri)
            disclaimer = opened.diagnostics[0]
            assert disclaimer.source == "newslint"
            assert disclaimer.severity == types.DiagnosticSeverity.Error
            assert disclaimer.code_description is not None
            assert disclaimer.code_description.href.endswith("#missing-disclaimer")
            assert (disclaimer.range.start.line, disclaimer.range.start.character) == (2, 3)

            # An unsaved edit: the server lints the buffer, not the file on disk.
            version = session.change(uri, FRENCH + UNSAVED)
            changed = await session.diagnostics(uri, version=version)
            assert "style.repeated-word" in codes(changed)
            repeated = changed.diagnostics[codes(changed).index("style.repeated-word")]
            assert (repeated.range.start.line, repeated.range.start.character) == (6, 22)
            assert draft.read_text(encoding="utf-8") == FRENCH

            actions = await session.code_actions(uri, (2, 4), (2, 4))
            titles = [a.title for a in actions]
            assert titles == ["Append the house disclaimer",
                              "Disable editorial.missing-disclaimer for this line"]
            append, disable = actions
            assert append.kind == types.CodeActionKind.QuickFix
            assert append.diagnostics and append.diagnostics[0].code == disclaimer.code
            [change] = append.edit.document_changes  # type: ignore[union-attr, misc]
            assert change.text_document.version == version
            assert HOUSE_FR in change.edits[0].new_text
            [change] = disable.edit.document_changes  # type: ignore[union-attr, misc]
            assert JSON.unstructure(change.edits) == [{
                "range": {"start": {"line": 2, "character": 0},
                          "end": {"line": 2, "character": 0}},
                "newText": "<!-- newslint disable-next-line editorial.missing-disclaimer -->\n"}]
            assert await session.code_actions(uri, (2, 4), (2, 4), only=["refactor"]) == []
            fix_word = await session.code_actions(uri, (6, 23), (6, 23))
            assert fix_word[0].title == "Remove the repeated 'ont'"

            hover = await session.hover(uri, 2, 5)
            assert hover is not None and isinstance(hover.contents, types.MarkupContent)
            assert hover.contents.kind == types.MarkupKind.Markdown
            text = hover.contents.value
            assert text.startswith("**editorial.missing-disclaimer** (error)")
            assert "Flagged, for example:\n\n> Le jeton NOVA" in text  # the French example
            assert text.endswith("(https://github.com/newslint/newslint/blob/main/README.md"
                                 "#missing-disclaimer)")
            assert await session.hover(uri, 0, 0) is None

            mark = session.published.mark()
            session.save(uri)
            saved = await session.diagnostics(uri, since=mark)
            assert saved.version == version and codes(saved) == codes(changed)

            mark = session.published.mark()
            session.close(uri)
            closed = await session.diagnostics(uri, since=mark)
            assert list(closed.diagnostics) == []
        return session

    session = run(scenario())
    assert session.client._server is not None
    assert session.client._server.returncode == 0  # shutdown, then exit


@pytest.mark.parametrize(("encodings", "negotiated", "start", "end"), [
    (None, "utf-16", 15, 18),
    (["utf-8", "utf-16"], "utf-8", 20, 23),
    (["utf-32"], "utf-32", 13, 16),
])
def test_positions_after_emoji_on_a_crlf_line(project: Path, encodings: list[str] | None,
                                               negotiated: str, start: int, end: int) -> None:
    draft = project / "marche.md"
    draft.write_bytes(CRLF_EMOJI.encode("utf-8"))

    async def scenario() -> None:
        async with lsp_session([project], encodings=encodings) as session:
            assert session.encoding == negotiated
            uri = session.open(draft)
            published = await session.diagnostics(uri, version=1)
            [found] = [d for d in published.diagnostics if d.code == "style.repeated-word"]
            assert JSON.unstructure(found.range) == {
                "start": {"line": 2, "character": start}, "end": {"line": 2, "character": end}}
            # Client positions are read in the same unit: the cursor on the second "a".
            actions = await session.code_actions(uri, (2, end - 1), (2, end - 1))
            assert actions[0].title == "Remove the repeated 'a'"
            [change] = actions[0].edit.document_changes  # type: ignore[union-attr, misc]
            assert JSON.unstructure(change.edits[0].range) == {
                "start": {"line": 2, "character": start + 1},
                "end": {"line": 2, "character": end}}
            hover = await session.hover(uri, 2, end - 1)
            assert hover is not None and JSON.unstructure(hover.range) == JSON.unstructure(
                found.range)
            # The disable comment uses the file's CRLF line ending.
            [change] = actions[-1].edit.document_changes  # type: ignore[union-attr, misc]
            assert change.edits[0].new_text.endswith(" -->\r\n")

    run(scenario())


def test_config_reload_and_bad_config(project: Path) -> None:
    config = project / ".newslint.yaml"
    config.write_text("rules: [not, a, mapping\n", encoding="utf-8")
    draft = project / "marche.txt"
    draft.write_bytes(CRLF_EMOJI.encode("utf-8"))

    async def scenario() -> None:
        async with lsp_session([project]) as session:
            uri = session.open(draft, language_id="plaintext")
            # A broken configuration: an error message, and the built-in defaults.
            error = await session.messages.wait_for()
            assert error.type == types.MessageType.Error
            assert ".newslint.yaml:2:1: invalid YAML" in error.message
            assert "using the built-in defaults" in error.message
            assert "style.repeated-word" in codes(await session.diagnostics(uri, version=1))

            mark = session.published.mark()
            config.write_text(NO_REPEATS, encoding="utf-8")
            session.files_changed(config)
            reloaded = await session.diagnostics(uri, since=mark)
            assert "style.repeated-word" not in codes(reloaded)

            # Broken again: reported, and the previous (working) configuration stays.
            mark, shown = session.published.mark(), session.messages.mark()
            config.write_text("rules:\n  style.no-such-rule: warning\n", encoding="utf-8")
            session.files_changed(config)
            error = await session.messages.wait_for(since=shown)
            assert "no-such-rule" in error.message
            assert "keeping the previous configuration" in error.message
            assert "style.repeated-word" not in codes(
                await session.diagnostics(uri, since=mark))

            # Saving the configuration file (in the editor) reloads it too.
            mark = session.published.mark()
            config.write_text("language: auto\n", encoding="utf-8")
            session.save(config.as_uri())
            assert "style.repeated-word" in codes(await session.diagnostics(uri, since=mark))

            # Other files changing do not matter.
            mark = session.published.mark()
            session.files_changed(project / "notes.yaml")
            session.change(uri, CRLF_EMOJI + "Fin.\r\n")
            assert (await session.diagnostics(uri, since=mark)).version == 2

    run(scenario())


def test_registers_a_config_watcher_when_the_client_allows(project: Path) -> None:
    async def scenario() -> None:
        async with lsp_session([project], watch_dynamic=True) as session:
            params = await session.registrations.wait_for()
            [registration] = params.registrations
            assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
            # The client has no type for the options: they arrive as JSON.
            globs = [w["globPattern"] for w in registration.register_options["watchers"]]
            assert globs == ["**/.newslint.yaml", "**/.newslint.yml", "**/pyproject.toml"]

    run(scenario())


def test_each_workspace_folder_uses_its_own_config(tmp_path: Path) -> None:
    strict, relaxed = tmp_path / "strict", tmp_path / "relaxed"
    for folder in (strict, relaxed):
        (folder / "archive").mkdir(parents=True)
        for name in ("marche.md", "archive/old.md"):
            (folder / name).write_bytes(CRLF_EMOJI.encode("utf-8"))
    (strict / ".newslint.yaml").write_text(
        "files:\n  exclude: ['archive/**']\n", encoding="utf-8")
    (relaxed / "pyproject.toml").write_text(
        "[tool.newslint.rules]\n'style.repeated-word' = false\n", encoding="utf-8")

    async def scenario() -> None:
        async with lsp_session([strict, relaxed]) as session:
            in_strict = session.open(strict / "marche.md")
            in_relaxed = session.open(relaxed / "marche.md")
            archived = session.open(strict / "archive" / "old.md")
            assert "style.repeated-word" in codes(await session.diagnostics(in_strict))
            assert "style.repeated-word" not in codes(await session.diagnostics(in_relaxed))
            assert codes(await session.diagnostics(archived)) == []  # files.exclude

    run(scenario())


@pytest.mark.parametrize("exists", [True, False])
def test_an_explicit_config_wins_over_the_workspace(project: Path, tmp_path: Path,
                                                    exists: bool) -> None:
    explicit = tmp_path / "house.yaml"
    if exists:
        explicit.write_text(NO_REPEATS, encoding="utf-8")
    draft = project / "marche.md"
    draft.write_bytes(CRLF_EMOJI.encode("utf-8"))

    async def scenario() -> None:
        async with lsp_session([project], args=["--config", str(explicit)]) as session:
            published = await session.diagnostics(session.open(draft))
            assert ("style.repeated-word" in codes(published)) is not exists
            if not exists:
                error = await session.messages.wait_for()
                assert "house.yaml:1:1: configuration file not found" in error.message

    run(scenario())


def test_a_draft_uses_the_configuration_files_above_it(tmp_path: Path) -> None:
    """As `newslint check` does (issue #11): a desk's own configuration applies inside a
    workspace folder above it, cascaded over the folder's, whatever the workspace folders."""
    outer = tmp_path / "desk"
    inner = outer / "sport"
    inner.mkdir(parents=True)
    (outer / ".newslint.yaml").write_text(NO_REPEATS, encoding="utf-8")
    (inner / ".newslint.yaml").write_text(
        "rules:\n  style.repeated-word: warning\n", encoding="utf-8")
    draft, beside = inner / "marche.md", outer / "marche.md"
    for path in (draft, beside):
        path.write_bytes(CRLF_EMOJI.encode("utf-8"))

    async def scenario() -> None:
        async with lsp_session([outer]) as session:
            # Only `desk` is a workspace folder; the sport desk's file still applies to its drafts.
            assert "style.repeated-word" in codes(await session.diagnostics(session.open(draft)))
            assert "style.repeated-word" not in codes(await session.diagnostics(session.open(beside)))

    run(scenario())


def test_a_configuration_changed_on_disk_applies_without_notification(tmp_path: Path) -> None:
    """Neovim 0.7 sends no file-watch notification, and a configuration file edited in
    another buffer or program sends no didSave: the next lint sees the change anyway."""
    (tmp_path / ".newslint.yaml").write_text("language: auto\n", encoding="utf-8")
    draft = tmp_path / "marche.md"
    draft.write_bytes(CRLF_EMOJI.encode("utf-8"))

    async def scenario() -> None:
        async with lsp_session([tmp_path]) as session:
            uri = session.open(draft)
            assert "style.repeated-word" in codes(await session.diagnostics(uri))
            (tmp_path / ".newslint.yaml").write_text(NO_REPEATS, encoding="utf-8")
            mark = session.published.mark()
            session.change(uri, CRLF_EMOJI + "Fin.\r\n")  # an edit, and no notification
            assert "style.repeated-word" not in codes(await session.diagnostics(uri, since=mark))
            # A new desk configuration appearing above the draft counts too.
            desk = tmp_path / "sport"
            desk.mkdir()
            moved = desk / "marche.md"
            moved.write_bytes(CRLF_EMOJI.encode("utf-8"))
            other = session.open(moved)
            assert "style.repeated-word" not in codes(await session.diagnostics(other))
            (desk / ".newslint.yaml").write_text(
                "rules:\n  style.repeated-word: warning\n", encoding="utf-8")
            mark = session.published.mark()
            session.change(other, CRLF_EMOJI + "Fin.\r\n")
            assert "style.repeated-word" in codes(await session.diagnostics(other, since=mark))

    run(scenario())


def test_typing_is_debounced_and_stale_results_are_dropped(project: Path) -> None:
    draft = project / "marche.md"
    draft.write_text("Titre\n", encoding="utf-8")

    async def scenario() -> None:
        async with lsp_session([project]) as session:
            uri = session.open(draft)
            await session.diagnostics(uri, version=1)
            mark = session.published.mark()
            text = "Titre\n\nLe marché a progressé de de 3 % mardi, selon la Bourse de Paris.\n"
            for end in range(len(text) - 8, len(text) + 1, 2):  # keystrokes
                version = session.change(uri, text[:end])
            last = await session.diagnostics(uri, version=version)
            assert "style.repeated-word" in codes(last)
            versions = [p.version for p in session.published.items[mark:] if p.uri == uri]
            assert versions[-1] == version
            assert len(versions) < version - 1  # not one lint per keystroke

    run(scenario())


BOOBY_TRAPPED = """
import lint.runner
build = lint.runner.build_document
def trapped(source, *args, **kwargs):
    if "BOOM" in source.text:
        raise RuntimeError("simulated crash")
    return build(source, *args, **kwargs)
lint.runner.build_document = trapped
from lint.cli import main
raise SystemExit(main(["lsp"]))
"""


def test_a_crash_while_linting_does_not_stop_the_server(project: Path) -> None:
    broken, fine = project / "broken.md", project / "fine.md"
    broken.write_text("BOOM\n", encoding="utf-8")
    fine.write_bytes(CRLF_EMOJI.encode("utf-8"))

    async def scenario() -> None:
        command = [sys.executable, "-c", BOOBY_TRAPPED]
        async with lsp_session([project], command=command) as session:
            uri = session.open(broken)
            [problem] = (await session.diagnostics(uri)).diagnostics
            assert problem.code == "newslint.rule-error"
            assert "simulated crash" in problem.message
            log = await session.logs.wait_for(lambda m: "simulated crash" in m.message)
            assert "Traceback" in log.message
            hover = await session.hover(uri, 0, 0)
            assert hover is not None and "newslint.rule-error" in str(hover.contents)
            # The server carries on: other documents, and an untitled buffer.
            assert "style.repeated-word" in codes(await session.diagnostics(session.open(fine)))
            untitled = "untitled:Untitled-1"
            session.client.text_document_did_open(types.DidOpenTextDocumentParams(
                types.TextDocumentItem(untitled, "markdown", 1, "The the end.\n")))
            assert codes(await session.diagnostics(untitled)) == ["style.repeated-word"]

    run(scenario())
