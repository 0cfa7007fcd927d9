"""Language server latency: didChange to publishDiagnostics on 2,000- and 20,000-word drafts.

Run from the repository root:  python benchmarks/lsp_latency.py [--edits N]

Starts `newslint lsp` as a subprocess and drives it through pygls' client over stdio (as
an editor would), opens a draft built from BBC News text read at run time from
../shared/corpus/bbc-news, sends N one-word edits at different places (each waits for its
diagnostics), and prints the median and 95th percentile latency, with and without the
debounce. Exits 1 when a measurement fails: a timeout, or final diagnostics that differ
from a full in-process lint of the same text.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import converters, types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / ".." / "shared" / "corpus" / "bbc-news"
SIZES = (2_000, 20_000)
TIMEOUT = 120.0
DEBOUNCE_MS = 50
"""The server's default, sent explicitly so the subtraction below stays true."""


def draft(words: int) -> str:
    """A Markdown draft of about `words` words: BBC stories as sections, in file order."""
    parts: list[str] = []
    count = 0
    for path in sorted(CORPUS.glob("*/*.txt")):
        title, _, body = path.read_text(encoding="utf-8", errors="replace").strip().partition("\n")
        paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
        parts.append(f"## {title.strip()}\n\n" + "\n\n".join(paragraphs))
        count += len(title.split()) + len(body.split())
        if count >= words:
            break
    return "# Draft\n\n" + "\n\n".join(parts) + "\n"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def measure(text: str, edits: int, label: str) -> dict[str, float]:
    client = LanguageClient("newslint-benchmark", "1")
    arrivals: dict[int, float] = {}
    published: dict[int, types.PublishDiagnosticsParams] = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrivals.setdefault(params.version, time.perf_counter())
            published[params.version] = params
        arrived.set()

    async def wait_for(version: int) -> None:
        async def scan() -> None:
            while version not in arrivals:
                arrived.clear()
                await arrived.wait()
        await asyncio.wait_for(scan(), TIMEOUT)

    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLINT")}
    folder = Path.cwd()
    await client.start_io(sys.executable, "-m", "lint", "lsp", cwd=str(folder), env=env)
    try:
        await asyncio.wait_for(client.initialize_async(types.InitializeParams(
            process_id=os.getpid(), root_uri=folder.as_uri(),
            capabilities=types.ClientCapabilities(),
            initialization_options={"debounce": DEBOUNCE_MS})), TIMEOUT)
        client.initialized(types.InitializedParams())
        uri = (folder / f"benchmark-{label}.md").as_uri()
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
        await wait_for(1)
        rng = random.Random(9)
        lines = text.split("\n")
        latencies: list[float] = []
        for version in range(2, edits + 2):
            # A word typed inside a paragraph somewhere in the draft.
            candidates = [i for i, line in enumerate(lines) if len(line) > 40]
            line = rng.choice(candidates)
            column = lines[line].find(" ", rng.randrange(len(lines[line]) // 2))
            column = column if column >= 0 else len(lines[line])
            word = rng.choice([" really", " now", " also", " the"])
            lines[line] = lines[line][:column] + word + lines[line][column:]
            sent = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(line, column), types.Position(line, column)),
                    text=word)]))
            await wait_for(version)
            latencies.append((arrivals[version] - sent) * 1000)
        final = "\n".join(lines)
        await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
        client.exit(None)
        await asyncio.wait_for(client.stop(), TIMEOUT)
    finally:
        server = client._server  # pygls keeps the process here only
        if server is not None and server.returncode is None:
            server.kill()
            await server.wait()
    check(final, uri, published[edits + 1])
    return {"median": statistics.median(latencies), "p95": percentile(latencies, 0.95)}


def check(text: str, uri: str, published: types.PublishDiagnosticsParams) -> None:
    """The server's last diagnostics must be those of a full lint of the final text."""
    sys.path.insert(0, str(ROOT))
    from lint.config import load_config
    from lint.lsp import convert
    from lint.runner import Linter
    from lint.source import SourceText

    source = SourceText(text)
    path = convert.uri_to_path(uri) or "draft.md"
    result = Linter(load_config(None, start=Path.cwd())).lint_source(source, path)
    wanted = [convert.diagnostic(d, source, uri) for d in result.diagnostics]
    got = converters.get_converter().unstructure(published.diagnostics)
    if got != wanted:
        raise AssertionError(f"the server published {len(got)} diagnostics, a full lint "
                             f"finds {len(wanted)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20, help="edits per draft (default 20)")
    args = parser.parse_args()
    if args.edits < 1:
        parser.error("--edits must be at least 1")
    if not CORPUS.is_dir():
        print(f"error: corpus not found: {CORPUS}", file=sys.stderr)
        return 1
    status = 0
    print(f"edits per draft: {args.edits}")
    print(f"debounce: {DEBOUNCE_MS} ms")
    for words in SIZES:
        text = draft(words)
        label = f"{words // 1000}k words"
        print(f"{label} draft: {len(text.split())} words")
        try:
            result = asyncio.run(measure(text, args.edits, f"{words}"))
        except Exception as exc:  # noqa: BLE001 - reported as a failed measurement
            print(f"{label} failed: {type(exc).__name__}: {exc}")
            status = 1
            continue
        for stat in ("median", "p95"):
            value = result[stat]
            print(f"{label} {stat} latency: {value:.1f} ms")
            print(f"{label} {stat} latency minus debounce: {value - DEBOUNCE_MS:.1f} ms")
    return status


if __name__ == "__main__":
    sys.exit(main())
