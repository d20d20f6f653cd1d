"""SIGTERM stops every long-running command cleanly (issue 11, item 8): it takes no new work, finishes what it
holds, hands back its claims on reminders, and exits 0 within 10 s. Real `thankyou-bot` processes against the
loopback Slack fakes (Web API with a slow `chat.postMessage`, Socket Mode); before, `thankyou-bot slack` died
with -15 and dropped the turn in hand.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs

import aiohttp
import pytest

from bot.config import load_settings
from bot.runtime import build_core
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_socket import FakeSocketMode
from tests.reminders.scheduler.helpers import rows, seed

ROOT = Path(__file__).resolve().parents[2]
BOT_TOKEN, APP_TOKEN = "xoxb-1234-5678-AbCdEf", "xapp-1-A0APP-1234-abcdef"
USER = "U0SIGTERM"
START_BOUND, STOP_BOUND = 60.0, 10.0
POST_SECONDS = 1.5  # each chat.postMessage takes this long: SIGTERM lands while posts are in flight


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlackApi]:
    api = await FakeSlackApi().start()
    api.slow("chat.postMessage", POST_SECONDS)
    yield api
    await api.stop()


def _environment(tmp_path: Path, api: FakeSlackApi, **variables: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_", "LOG_"))}
    return {
        **keep, "PYTHONPATH": str(ROOT), "DATABASE_URL": f"sqlite:///{tmp_path}/bot.db", "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_API_URL": api.base_url, "REMINDER_POLL_SECONDS": "0.1", **variables,
    }  # fmt: skip


async def _start(tmp_path: Path, env: dict[str, str], *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", *args, cwd=tmp_path, env=env, stderr=asyncio.subprocess.PIPE
    )


async def _terminate(process: asyncio.subprocess.Process) -> tuple[int, float, str]:
    """SIGTERM; (exit code, seconds until it exited, stderr). A process still running after the bound is killed."""
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        async with asyncio.timeout(STOP_BOUND + 5):
            _out, err = await process.communicate()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return process.returncode, time.monotonic() - started, err.decode(errors="replace")


async def _until(condition: object, process: asyncio.subprocess.Process, what: str) -> None:
    """Bounded polling on loopback, failing early if the process died."""
    async with asyncio.timeout(START_BOUND):
        while not await condition():  # type: ignore[operator]
            assert process.returncode is None, f"the process exited while waiting for {what}"
            await asyncio.sleep(0.02)


async def _seeded(tmp_path: Path, count: int) -> tuple[object, list[int]]:
    core = build_core(load_settings(database_url=f"sqlite:///{tmp_path}/bot.db"))
    await core.ready()
    ids = await seed(core.sessions, count, due=datetime.now(UTC) - timedelta(minutes=1), platform="slack")
    return core, ids


def _reminder_posts(api: FakeSlackApi) -> Counter[int]:
    return Counter(int(p.metadata["event_payload"]["reminder_id"]) for p in api.posts if p.metadata)


async def test_worker_finishes_posts_in_flight_hands_back_the_rest_and_exits_0(
    tmp_path: Path, slack_api: FakeSlackApi
) -> None:
    core, ids = await _seeded(tmp_path, 40)  # more than the 16 posts a worker has in flight at once
    process = await _start(tmp_path, _environment(tmp_path, slack_api), "worker")

    async def sending() -> bool:
        return any(r.status == "sending" for r in await rows(core.sessions))  # type: ignore[attr-defined]

    await _until(sending, process, "the first posts")
    code, seconds, stderr = await _terminate(process)

    assert (code, "Traceback" in stderr) == (0, False), stderr
    assert seconds < STOP_BOUND
    stored = await rows(core.sessions)  # type: ignore[attr-defined]
    posted = _reminder_posts(slack_api)
    assert max(posted.values()) == 1
    assert sorted(r.id for r in stored if r.status == "sent") == sorted(posted)  # every post in flight recorded
    back = [r for r in stored if r.status == "pending"]
    assert back, "posts not yet started were not started"
    assert all((r.claimed_by, r.lease_until, r.attempts) == (None, None, 0) for r in back)  # handed back at once
    assert {r.status for r in stored} <= {"sent", "pending"} and len(stored) == len(ids)
    await core.close()  # type: ignore[attr-defined]


@pytest.fixture
async def socket_mode(slack_api: FakeSlackApi) -> AsyncIterator[FakeSocketMode]:
    fake = await FakeSocketMode().start()
    slack_api.http.respond(slack_api.path("apps.connections.open"), lambda _m, _b: {"ok": True, "url": fake.url})
    yield fake
    await fake.stop()


async def test_slack_socket_mode_answers_the_turn_in_hand_then_exits_0(
    tmp_path: Path, slack_api: FakeSlackApi, socket_mode: FakeSocketMode
) -> None:
    core, _ids = await _seeded(tmp_path, 20)  # the in-process scheduler is delivering these meanwhile
    env = _environment(tmp_path, slack_api, SLACK_APP_TOKEN=APP_TOKEN)
    process = await _start(tmp_path, env, "slack")

    async def connected() -> bool:
        return socket_mode.connected.is_set()

    await _until(connected, process, "the socket")
    command = {k: v[0] for k, v in parse_qs(sr.command(USER).body.decode()).items()}
    await socket_mode.push("slash_commands", command, "env-term-1")
    async with asyncio.timeout(START_BOUND):
        assert (await socket_mode.acks.get())["envelope_id"] == "env-term-1"  # acknowledged: the turn is in hand
    code, seconds, stderr = await _terminate(process)

    assert (code, "Traceback" in stderr) == (0, False), stderr
    assert seconds < STOP_BOUND
    assert [p.channel for p in slack_api.posts if p.metadata is None] == ["D" + USER]  # the first question went out
    stored = await rows(core.sessions)  # type: ignore[attr-defined]
    assert {r.status for r in stored} <= {"sent", "pending"}  # no claim left behind
    assert max(_reminder_posts(slack_api).values(), default=1) == 1
    assert sorted(r.id for r in stored if r.status == "sent") == sorted(_reminder_posts(slack_api))
    await core.close()  # type: ignore[attr-defined]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_slack_http_mode_answers_the_turn_in_hand_then_exits_0(tmp_path: Path, slack_api: FakeSlackApi) -> None:
    port = _free_port()
    env = _environment(tmp_path, slack_api, SLACK_SIGNING_SECRET=sr.SECRET, RUN_SCHEDULER="false")
    process = await _start(tmp_path, env, "slack", "--http", "--port", str(port))
    request = sr.command(USER, "hi")
    async with aiohttp.ClientSession() as http:

        async def acknowledged() -> bool:
            try:
                url = f"http://127.0.0.1:{port}/slack/events"
                async with http.post(url, data=request.body, headers=request.signed()) as response:
                    return response.status == 200
            except aiohttp.ClientConnectorError:
                return False  # not listening yet

        await _until(acknowledged, process, "the HTTP listener")
    code, seconds, stderr = await _terminate(process)

    assert (code, "Traceback" in stderr) == (0, False), stderr
    assert seconds < STOP_BOUND
    assert [p.channel for p in slack_api.posts] == ["D" + USER]  # the acknowledged command was answered
    assert json.dumps(slack_api.posts[0].blocks)  # a real post, not an error
