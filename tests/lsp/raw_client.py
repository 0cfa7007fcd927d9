"""A byte-level client for `newslint lsp`: sends any bytes (broken framing too), reads
framed replies."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsp_client import TIMEOUT, server_env


def frame(message: Any, length_delta: int = 0) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return f"Content-Length: {len(body) + length_delta}\r\n\r\n".encode("ascii") + body


class RawServer:
    """One server process; `replies` holds every framed message it wrote, in order."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.replies: list[dict[str, Any]] = []
        self._arrived = asyncio.Event()
        self._reader = asyncio.ensure_future(self._read())

    @classmethod
    async def start(cls, folder: Path, command: Sequence[str] | None = None) -> RawServer:
        argv = list(command or [sys.executable, "-m", "lint", "lsp"])
        process = await asyncio.create_subprocess_exec(
            *argv, cwd=str(folder), env=server_env(), stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        return cls(process)

    async def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        while True:
            length = None
            while True:
                line = await stdout.readline()
                if not line:
                    self._arrived.set()
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None, "the server wrote a message without Content-Length"
            self.replies.append(json.loads(await stdout.readexactly(length)))
            self._arrived.set()

    def send(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)

    async def drain(self) -> None:
        assert self.process.stdin is not None
        await self.process.stdin.drain()

    def request(self, request_id: int, method: str, params: Any = None) -> None:
        self.send(frame({"jsonrpc": "2.0", "id": request_id, "method": method,
                         "params": params}))

    def notify(self, method: str, params: Any = None) -> None:
        self.send(frame({"jsonrpc": "2.0", "method": method, "params": params}))

    async def reply(self, request_id: int | None, since: int = 0) -> dict[str, Any]:
        """The first reply (result or error) to `request_id` after `since`."""
        return await self.wait_for(lambda m: "method" not in m and m.get("id") == request_id,
                                   since)

    async def wait_for(self, predicate: Any, since: int = 0) -> dict[str, Any]:
        async def scan() -> dict[str, Any]:
            seen = since
            while True:
                for message in self.replies[seen:]:
                    if predicate(message):
                        return message
                seen = len(self.replies)
                if self.process.stdout is not None and self.process.stdout.at_eof():
                    raise AssertionError("the server closed its output")
                self._arrived.clear()
                await self._arrived.wait()

        return await asyncio.wait_for(scan(), TIMEOUT)

    async def initialize(self, folder: Path, options: Any = None) -> None:
        self.request(0, "initialize", {"processId": None, "rootUri": folder.as_uri(),
                                       "capabilities": {}, "initializationOptions": options})
        await self.reply(0)
        self.notify("initialized", {})

    async def exit_code(self) -> int:
        """Wait for the process to end (it must, within the test's timeout)."""
        return await asyncio.wait_for(self.process.wait(), TIMEOUT)

    async def close(self) -> str:
        """Kill the process if it still runs; its standard error."""
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
        self._reader.cancel()
        assert self.process.stderr is not None
        return (await self.process.stderr.read()).decode("utf-8", "replace")
