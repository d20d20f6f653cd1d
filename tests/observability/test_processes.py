"""The long-running commands serve /healthz, /readyz and /metrics on METRICS_PORT while they run."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import aiohttp
import pytest

from adapters.slack.main import run as run_slack
from bot.config import load_settings
from bot.reminders.worker import run as run_worker
from bot.runtime import build_core
from tests.fakes.clock import FakeClock
from tests.fakes.sender import RecordingSender
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_socket import FakeSocketMode

BOUND = 10.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def status_of(url: str) -> int | None:
    """The status a GET gets, or None when nothing listens."""
    try:
        async with aiohttp.ClientSession() as http, http.get(url) as response:
            return response.status
    except aiohttp.ClientConnectionError:
        return None


async def until(check: Callable[[], Awaitable[bool]], what: str) -> None:
    """Bounded polling on loopback."""
    async with asyncio.timeout(BOUND):
        while not await check():
            await asyncio.sleep(0.02)
    assert await check(), what


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlackApi]:
    api = await FakeSlackApi().start()
    yield api
    await api.stop()


async def test_the_worker_serves_health_and_metrics_on_metrics_port_until_stopped(
    sqlite_url: str, clock: FakeClock
) -> None:
    port = free_port()
    core = build_core(load_settings(database_url=sqlite_url, metrics_port=port), clock=clock)
    stop = asyncio.Event()
    worker = asyncio.create_task(run_worker(core, {"slack": RecordingSender()}, stop=stop))
    base = f"http://127.0.0.1:{port}"
    try:
        await until(lambda: _is(base + "/readyz", 200), "the worker becomes ready")
        assert await status_of(base + "/healthz") == 200
        async with aiohttp.ClientSession() as http, http.get(base + "/metrics") as response:
            assert 'thankyou_reminders_total{outcome="due"}' in await response.text()
    finally:
        stop.set()
        await asyncio.wait_for(worker, BOUND)
        await core.close()
    assert await status_of(base + "/healthz") is None, "the endpoints stop with the worker"


async def test_socket_mode_is_ready_only_while_its_websocket_is_connected(
    tmp_path: Path, slack_api: FakeSlackApi
) -> None:
    fake = await FakeSocketMode().start()
    slack_api.http.respond(slack_api.path("apps.connections.open"), lambda _m, _b: {"ok": True, "url": fake.url})
    port = free_port()
    settings = load_settings(
        database_url=f"sqlite:///{tmp_path}/socket.db", slack_bot_token="xoxb-test", slack_app_token="xapp-test",
        slack_api_url=slack_api.base_url, run_scheduler=False, metrics_port=port,
    )  # fmt: skip
    bot = asyncio.create_task(run_slack(build_core(settings), http=False, port=0))
    readyz = f"http://127.0.0.1:{port}/readyz"
    try:
        async with asyncio.timeout(BOUND):
            await fake.connected.wait()
        await until(lambda: _is(readyz, 200), "ready once the socket is connected")
        slack_api.http.respond(slack_api.path("apps.connections.open"), lambda _m, _b: {"ok": False, "error": "x"})
        await fake.stop()  # Slack goes away; reconnecting is refused
        await until(lambda: _is(readyz, 503), "not ready while disconnected")
        assert await status_of(f"http://127.0.0.1:{port}/healthz") == 200, "still alive"
    finally:
        bot.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await bot


async def _is(url: str, status: int) -> bool:
    return await status_of(url) == status
