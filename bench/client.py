"""A small asyncio HTTP/1.1 client for loopback benches: one connection per request (as gunicorn's
sync workers close them), so the client costs little of the two cores it shares with the server."""

import asyncio
import json
import time
from dataclasses import dataclass


@dataclass
class Answer:
    """A response: status, headers (lower-case names), body, and seconds taken."""

    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float

    def json(self) -> object:
        return json.loads(self.body)


def encode(port: int, method: str, path: str, *, body: object = None, headers: dict[str, str] | None = None) -> bytes:
    """One request as it goes on the wire (``Connection: close``): a body is sent as JSON."""
    payload = json.dumps(body).encode() if body is not None else b""
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


async def request(
    port: int,
    method: str,
    path: str,
    *,
    body: object = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> Answer:
    """Send one request to 127.0.0.1:``port``; a connection error raises ``OSError``."""
    return await send(port, encode(port, method, path, body=body, headers=headers), timeout=timeout)


async def send(port: int, data: bytes, *, timeout: float = 30) -> Answer:
    """Send a request made by ``encode`` to 127.0.0.1:``port``; a connection error raises ``OSError``."""
    started = time.perf_counter()
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    try:
        writer.write(data)
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    head, _, content = raw.partition(b"\r\n\r\n")
    if not head:
        raise ConnectionResetError("empty answer")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    found = dict(line.split(": ", 1) for line in header_lines if ": " in line)
    return Answer(
        int(status_line.split()[1]), {k.lower(): v for k, v in found.items()}, content, time.perf_counter() - started
    )
