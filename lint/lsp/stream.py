"""Read JSON-RPC messages from the client's byte stream, resynchronising after bad input."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

# pygls' own reader needs an exact `Content-Length: N\r\n` and then trusts N: a wrong,
# missing or negative length leaves it waiting for bytes that never come, or reading the
# rest of the stream as one endless header line (issue #10). This reader looks for the
# next valid header instead, so one bad message costs that message only.
_HEADER = re.compile(rb"Content-Length:[ \t]*(\d{1,12})[ \t]*\r?\n", re.IGNORECASE)
_OTHER_HEADER = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r?\n")
_LONE_SURROGATE = re.compile("[\udc80-\udcff]")
_WHITESPACE = re.compile(r"\s*")

MAX_MESSAGE_BYTES = 512 * 1024 * 1024
"""A longer Content-Length is refused as a header (a sure sign of a broken client)."""
STALL_SECONDS = 3.0
"""How long a message body may stop arriving before the Content-Length is taken to be
too large: the bytes received so far are then read as the message."""
_CHUNK = 1 << 16
_KEEP_WHILE_SEARCHING = 64
"""Bytes kept from skipped input, so a header split across two reads is still found."""

PARSE_ERROR = -32700
INVALID_REQUEST = -32600


@dataclass(frozen=True)
class BadMessage:
    """Input that is not a JSON-RPC message: answered with an error (id None when the
    message's id could not be read)."""

    code: int
    message: str
    id: int | str | None = None


class MessageReader:
    """Messages from a file descriptor: JSON values (dicts) or BadMessage.

    A thread reads the descriptor (a pipe cannot be read asynchronously everywhere) and
    hands bytes to the event loop; the thread is a daemon, so it never keeps an exiting
    server alive.
    """

    def __init__(self, fd: int, stall_seconds: float = STALL_SECONDS) -> None:
        self.fd = fd
        self.stall_seconds = stall_seconds
        self._buffer = bytearray()
        self._eof = False
        self._arrived = asyncio.Event()
        self._loop = asyncio.get_running_loop()
        threading.Thread(target=self._pump, name="newslint-stdin", daemon=True).start()

    def _pump(self) -> None:
        while True:
            try:
                data = os.read(self.fd, _CHUNK)
            except OSError:
                data = b""
            self._loop.call_soon_threadsafe(self._receive, data)
            if not data:
                return

    def _receive(self, data: bytes) -> None:
        if data:
            self._buffer += data
        else:
            self._eof = True
        self._arrived.set()

    async def _more(self, timeout: float | None = None) -> bool:
        """Wait for more bytes; False at end of input or after `timeout` seconds idle."""
        if self._eof:
            return False
        self._arrived.clear()
        try:
            await asyncio.wait_for(self._arrived.wait(), timeout)
        except asyncio.TimeoutError:
            return False
        return not self._eof or bool(self._buffer)

    async def __aiter__(self) -> AsyncIterator[dict[str, Any] | BadMessage]:
        while True:
            length = await self._header()
            if length is None:
                return
            body = await self._body(length)
            if body is None:
                return
            for message in self._decode(body):
                yield message

    async def _header(self) -> int | None:
        """Skip to the next complete header block; its Content-Length (None at the end)."""
        while True:
            found = self._parse_header()
            if found is not None:
                return found
            if not await self._more():
                if self._buffer.strip():
                    logger.warning("input ended inside a message header: %d bytes dropped",
                                   len(self._buffer))
                return None

    def _parse_header(self) -> int | None:
        while True:
            match = _HEADER.search(self._buffer)
            if match is None:
                self._skip(max(0, len(self._buffer) - _KEEP_WHILE_SEARCHING))
                return None
            # Read the match before the buffer moves under it.
            claimed, position = int(match.group(1)), match.end() - match.start()
            self._skip(match.start())
            while True:  # further headers (Content-Type), then an empty line
                line_end = self._buffer.find(b"\n", position)
                if line_end < 0:
                    return None  # the rest of the header block has not arrived yet
                line = bytes(self._buffer[position:line_end + 1])
                if not line.strip():
                    del self._buffer[:line_end + 1]
                    if claimed <= MAX_MESSAGE_BYTES:
                        return claimed
                    # Its body, if any, is skipped while looking for the next header.
                    logger.error("refused a Content-Length of %d bytes", claimed)
                    resume = 0
                    break
                if not _OTHER_HEADER.fullmatch(line):
                    logger.error("malformed message header %r: skipped", line[:80])
                    resume = 1  # look for the next header after this broken one
                    break
                position = line_end + 1
            self._skip(resume)

    def _skip(self, count: int) -> None:
        if count <= 0:
            return
        dropped = bytes(self._buffer[:count])
        del self._buffer[:count]
        if dropped.strip():
            logger.error("skipped %d bytes that were not a message: %r", count, dropped[:80])

    async def _body(self, length: int) -> bytes | None:
        """`length` bytes, or what arrived before the stream stalled (a too-large
        Content-Length); None at the end of input with nothing read."""
        while len(self._buffer) < length:
            if not await self._more(self.stall_seconds):
                if not self._eof:
                    logger.error("a message stopped arriving after %d of its %d bytes: the "
                                 "Content-Length is wrong", len(self._buffer), length)
                break
        if not self._buffer and self._eof:
            return None
        body = bytes(self._buffer[:length])
        del self._buffer[:length]
        return body

    def _decode(self, body: bytes) -> list[dict[str, Any] | BadMessage]:
        """The message at the start of `body`; bytes after it (a Content-Length that was
        too large) go back to the input, to be searched for the next header."""
        text = body.decode("utf-8", "surrogateescape")
        start = _WHITESPACE.match(text).end()  # type: ignore[union-attr]  # always matches
        try:
            value, end = json.JSONDecoder().raw_decode(text, start)
        except json.JSONDecodeError as exc:
            logger.error("a message is not valid JSON: %s", exc)
            return [BadMessage(PARSE_ERROR, f"Parse error: {exc}")]
        rest = text[end:]
        if rest.strip():
            self._buffer[:0] = rest.encode("utf-8", "surrogateescape")
        if _LONE_SURROGATE.search(text, 0, end):
            return [BadMessage(PARSE_ERROR, "Parse error: the message is not valid UTF-8",
                               _id_of(value))]
        if not isinstance(value, dict) or value.get("jsonrpc") != "2.0":
            return [BadMessage(INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message",
                               _id_of(value))]
        method = value.get("method")
        if "method" in value and not isinstance(method, str):
            return [BadMessage(INVALID_REQUEST, "Invalid Request: 'method' must be a string",
                               _id_of(value))]
        if "method" in value and "id" in value and _id_of(value) is None:
            return [BadMessage(INVALID_REQUEST,
                               "Invalid Request: 'id' must be a number or a string")]
        return [value]


def _id_of(value: object) -> int | str | None:
    identifier = value.get("id") if isinstance(value, dict) else None
    if isinstance(identifier, bool) or not isinstance(identifier, (int, str)):
        return None
    return identifier
