"""A loopback HTTP server (port 0) standing in for the Slack Web API or Discord REST API in tests.

It records every call (path, headers, parsed body) and answers from per-path scripts, e.g. a 429 with
`Retry-After`, falling back to a default JSON body or a per-path responder function. It can also drop the
connection without answering, before or after acting on the request (`drop`): the "did it go out?" fault.
"""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from aiohttp import web

Responder = Callable[[str, Any], Any]


@dataclass
class Call:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


class FakeHttpApi:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.scripted: dict[str, list[tuple[int, dict[str, str], Any]]] = defaultdict(list)
        self.responders: dict[str, Responder] = {}
        self.default: Any = {"ok": True}
        self.drops: dict[str, list[tuple[str, str | None]]] = defaultdict(list)  # path → queued (when, method)
        self.drop_always: dict[str, tuple[str, str | None]] = {}  # path → (when, method) for every call
        self.latency: dict[str, float] = {}  # path → seconds each call takes after it was recorded
        self.base_url = ""
        self._runner: web.AppRunner | None = None

    def script(self, path: str, *, status: int = 200, body: Any = None, headers: dict[str, str] | None = None) -> None:
        """Answer the next call to `path` with this response (queued, used once)."""
        self.scripted[path].append((status, headers or {}, {"ok": True} if body is None else body))

    def respond(self, path: str, responder: Responder) -> None:
        """Answer every call to `path` with responder(method, body) -> JSON."""
        self.responders[path] = responder

    def drop(self, path: str, *when: str, always: bool = False, method: str | None = None) -> None:
        """Close the connection instead of answering the next calls to `path` (only `method` ones, if given):
        "after" acting on the request (the platform has the post, we never hear so) or "before" (it never
        arrived). `always`: every such call."""
        assert all(w in ("before", "after") for w in when)
        if always:
            self.drop_always[path] = (when[0], method)
        else:
            self.drops[path].extend((w, method) for w in when)

    def dropping(self, method: str, path: str) -> str | None:
        """How the call in hand should be dropped, if at all (used by subclasses' handlers too)."""
        queued = self.drops[path]
        if queued and queued[0][1] in (None, method):
            return queued.pop(0)[0]
        when, only = self.drop_always.get(path, (None, None))
        return when if only in (None, method) else None

    @staticmethod
    def hang_up(request: web.Request) -> web.Response:
        """End the connection with no answer; the client sees the server disconnect."""
        if request.transport is not None:
            request.transport.close()
        return web.Response(status=204)

    def calls_to(self, path: str) -> list[Call]:
        return [c for c in self.calls if c.path == path]

    async def _handle(self, request: web.Request) -> web.Response:
        raw = await request.read()
        ctype = request.headers.get("content-type", "")
        body: Any = raw
        if raw and "json" in ctype:
            body = json.loads(raw)
        elif raw and "multipart" not in ctype:
            body = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
        self.calls.append(Call(request.method, request.path, dict(request.headers), body))
        drop = self.dropping(request.method, request.path)
        if drop == "before":
            return self.hang_up(request)
        if request.path in self.latency:  # a slow platform: the call is recorded, its answer comes later
            await asyncio.sleep(self.latency[request.path])
        status, headers, payload = 200, {}, self.default
        if self.scripted[request.path]:
            status, headers, payload = self.scripted[request.path].pop(0)
        elif request.path in self.responders:
            payload = self.responders[request.path](request.method, body)
        if drop == "after":
            return self.hang_up(request)
        # discord.py compares the content type literally
        return web.Response(
            body=json.dumps(payload).encode(), status=status, headers={"Content-Type": "application/json", **headers}
        )

    async def start(self) -> FakeHttpApi:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
