"""A loopback platform API for reminder delivery (kill tests and the benchmark) and the sender that talks to it.

The API records each post with its arrival time, answers "did you post reminder N?" lookups (the kind
of reconciliation a real adapter does by searching message metadata), and can enforce a rate limit with
429 + Retry-After, like Slack and Discord do.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from datetime import datetime

import aiohttp
from aiohttp import web

from bot.actions import Action, Nudge
from bot.errors import DeliveryError
from bot.events import Address


class RateLimitedError(DeliveryError):
    def __init__(self, retry_after: float) -> None:
        super().__init__("rate_limited", permanent=False)
        self.retry_after = retry_after


class ReminderApi:
    """`POST /post`, `GET /lookup?reminder_id=`, `GET /stats`; `rate` = allowed posts per second (None: unlimited);
    `drop_every` = keep every n-th post but drop the connection instead of answering (0: never)."""

    def __init__(self, *, rate: float | None = None, drop_every: int = 0) -> None:
        self.rate = rate
        self.drop_every = drop_every
        self.dropped = 0
        self.posts: list[tuple[int, float]] = []  # (reminder_id, arrival time.time())
        self.rejected = 0
        self.base_url = ""
        self._window_start = 0.0
        self._in_window = 0
        self._runner: web.AppRunner | None = None

    def counts(self) -> Counter[int]:
        return Counter(rid for rid, _ in self.posts)

    def _limited(self) -> float | None:
        """A fixed one-second window: the seconds left in it when this window's quota is used up."""
        if self.rate is None:
            return None
        now = time.monotonic()
        if now - self._window_start >= 1.0:
            self._window_start, self._in_window = now, 0
        if self._in_window >= self.rate:
            return max(0.001, 1.0 - (now - self._window_start))
        self._in_window += 1
        return None

    async def _post(self, request: web.Request) -> web.Response:
        body = await request.json()
        wait = self._limited()
        if wait is not None:
            self.rejected += 1
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                     headers={"Retry-After": f"{wait:.3f}"})  # fmt: skip
        self.posts.append((int(body["reminder_id"]), time.time()))
        if self.drop_every and len(self.posts) % self.drop_every == 0 and request.transport is not None:
            self.dropped += 1
            request.transport.close()  # the post is kept; the sender never hears so
        return web.json_response({"ok": True, "id": f"m{len(self.posts)}"})

    async def _lookup(self, request: web.Request) -> web.Response:
        wanted = int(request.query["reminder_id"])
        found = next((n for n, (rid, _) in enumerate(self.posts, start=1) if rid == wanted), None)
        return web.json_response({"id": f"m{found}" if found else None})

    async def _stats(self, request: web.Request) -> web.Response:
        return web.json_response({"posts": len(self.posts), "rejected": self.rejected})

    async def start(self) -> ReminderApi:
        app = web.Application()
        app.router.add_post("/post", self._post)
        app.router.add_get("/lookup", self._lookup)
        app.router.add_get("/stats", self._stats)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.base_url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


class ApiSender:
    """The `Sender` for `ReminderApi`, like Slack: no way to ask whether a post went through."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self._session: aiohttp.ClientSession | None = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=64))
        return self._session

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        ids = []
        for action in actions:
            assert isinstance(action, Nudge)
            payload = {"channel": address.channel, "reminder_id": action.reminder_id, "text": action.text}
            async with self._http().post(f"{self.base_url}/post", json=payload) as response:
                if response.status == 429:
                    raise RateLimitedError(float(response.headers.get("Retry-After", "1")))
                if response.status >= 500:
                    raise DeliveryError(f"http_{response.status}", permanent=False)
                if response.status >= 400:
                    raise DeliveryError(f"http_{response.status}", permanent=True)
                ids.append(str((await response.json())["id"]))
        return ids

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


class LookupApiSender(ApiSender):
    """Also answers the scheduler's reconciliation question (`bot.reminders.scheduler.DeliveryLookup`)."""

    async def delivered(self, address: Address, reminder_id: int, since: datetime) -> str | None:
        async with self._http().get(f"{self.base_url}/lookup", params={"reminder_id": str(reminder_id)}) as response:
            found = (await response.json())["id"]
            return str(found) if found else None
