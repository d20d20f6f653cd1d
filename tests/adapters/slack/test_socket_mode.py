"""Socket Mode end to end: `run(core, http=False)` connects to a fake Socket Mode endpoint, acks
envelopes, dedupes redelivered ones, and answers in the DM through the Web API."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from adapters.slack.main import run
from bot.config import load_settings
from bot.runtime import build_core
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_socket import FakeSocketMode

USER = "U0SOCKET"
BOUND = 10.0


@pytest.fixture
async def socket_mode(slack_api: FakeSlackApi) -> AsyncIterator[FakeSocketMode]:
    fake = await FakeSocketMode().start()
    slack_api.http.respond(slack_api.path("apps.connections.open"), lambda _m, _b: {"ok": True, "url": fake.url})
    yield fake
    await fake.stop()


async def until(condition: object, what: str) -> None:
    """Bounded polling on loopback."""
    async with asyncio.timeout(BOUND):
        while not condition():  # type: ignore[operator]
            await asyncio.sleep(0.01)
    assert condition(), what  # type: ignore[operator]


async def test_socket_mode_conversation(tmp_path: Path, slack_api: FakeSlackApi, socket_mode: FakeSocketMode) -> None:
    settings = load_settings(
        database_url=f"sqlite:///{tmp_path}/socket.db", slack_bot_token="xoxb-test", slack_app_token="xapp-test",
        slack_signing_secret=None, slack_api_url=slack_api.base_url, run_scheduler=False,
    )  # fmt: skip
    bot = asyncio.create_task(run(build_core(settings), http=False, port=0))
    try:
        async with asyncio.timeout(BOUND):
            await socket_mode.connected.wait()
        command = {k: v[0] for k, v in parse_qs(sr.command(USER).body.decode()).items()}
        await socket_mode.push("slash_commands", command, "env-1")
        async with asyncio.timeout(BOUND):
            ack = await socket_mode.acks.get()
        assert ack["envelope_id"] == "env-1"
        await until(lambda: len(slack_api.posts) == 1, "the first question in the DM")
        event = json.loads(sr.event(sr.dm(USER, "Sam Rivera"), event_id="EvSock1").body)
        await socket_mode.push("events_api", event, "env-2")
        await socket_mode.push("events_api", event, "env-3", retry_attempt=1, retry_reason="timeout")
        async with asyncio.timeout(BOUND):
            acks = {(await socket_mode.acks.get())["envelope_id"] for _ in range(2)}
        assert acks == {"env-2", "env-3"}
        # One user's turns run in order, so once the next answer is replied to, the duplicate has been handled.
        later = json.loads(sr.event(sr.dm(USER, "Acme Robotics"), event_id="EvSock2").body)
        await socket_mode.push("events_api", later, "env-4")
        await until(lambda: "|role" in str(slack_api.posts[-1].blocks), "the question after the next answer")
        assert len(slack_api.posts) == 3, "the redelivered envelope had no second effect"
        assert {p.channel for p in slack_api.posts} == {"D" + USER}
    finally:
        bot.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await bot
