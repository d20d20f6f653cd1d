"""A loopback Discord gateway, just enough for a real `thankyou-bot discord` process: HELLO, READY on IDENTIFY,
heartbeat ACKs, and dispatches the test pushes (e.g. MESSAGE_CREATE). Frames go as plain JSON text, which
discord.py reads whatever compression it asked for. REST stays with `FakeHttpApi`; `gateway_bot` is the
`GET /gateway/bot` answer that points the client here.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes.discord_gateway import APP_ID, BOT_USER

HELLO, IDENTIFY, HEARTBEAT, HEARTBEAT_ACK, DISPATCH = 10, 2, 1, 11, 0


class FakeGateway:
    def __init__(self) -> None:
        self.identified = asyncio.Event()
        self.closed = asyncio.Event()  # the bot closed its side
        self.url = ""
        self._socket: web.WebSocketResponse | None = None
        self._runner: web.AppRunner | None = None
        self._sequence = 0

    def gateway_bot(self, _method: str, _body: Any) -> dict[str, Any]:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return {"url": self.url, "shards": 1, "session_start_limit": limit}

    async def start(self) -> FakeGateway:
        app = web.Application()
        app.router.add_get("/", self._connect)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"ws://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def stop(self) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        assert self._socket is not None
        self._sequence += 1
        await self._socket.send_str(json.dumps({"op": DISPATCH, "t": event, "s": self._sequence, "d": data}))

    async def _connect(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._socket = socket
        await socket.send_str(json.dumps({"op": HELLO, "d": {"heartbeat_interval": 45_000}}))
        async for message in socket:
            if message.type != WSMsgType.TEXT:
                continue
            op = json.loads(message.data).get("op")
            if op == IDENTIFY:
                await self.dispatch("READY", self._ready())
                self.identified.set()
            elif op == HEARTBEAT:
                await socket.send_str(json.dumps({"op": HEARTBEAT_ACK}))
        self.closed.set()
        return socket

    def _ready(self) -> dict[str, Any]:
        return {"v": 10, "user": BOT_USER, "guilds": [], "session_id": "fake-session", "resume_gateway_url": self.url,
                "application": {"id": str(APP_ID), "flags": 0}, "shard": [0, 1]}  # fmt: skip
