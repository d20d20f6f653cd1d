"""/healthz, /readyz and /metrics over real HTTP, with real databases that answer and ones that do not."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Sequence

import aiohttp
import asyncpg
import pytest
from aiohttp import web
from sqlalchemy.engine import make_url

from adapters.discord import build_client
from adapters.slack.app import build_bot
from adapters.slack.server import EVENTS_PATH, bound_port, serve
from bot.config import load_settings
from bot.observability import health, metrics
from bot.runtime import Core, build_core
from tests.observability.debrief import address, turn

UNREACHABLE_PG = "postgresql://postgres@127.0.0.1:1/nowhere"  # port 1: nothing listens, refused at once


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def started(checks: Sequence[health.Check]) -> tuple[web.AppRunner, str]:
    runner = await health.serve(0, checks, host="127.0.0.1")
    return runner, f"http://127.0.0.1:{health.bound_port(runner)}"


async def get(http: aiohttp.ClientSession, url: str) -> tuple[int, str, dict[str, object] | None]:
    async with http.get(url) as response:
        body = await response.text()
        is_json = response.content_type == "application/json"
        return response.status, body, (await response.json() if is_json else None)


async def test_live_and_ready_while_the_database_answers(core: Core, http: aiohttp.ClientSession) -> None:
    runner, base = await started([core.database_problem])
    try:
        assert (await get(http, base + "/healthz"))[0] == 200
        status, _, body = await get(http, base + "/readyz")
        assert (status, body) == (200, {"status": "ready"})
    finally:
        await runner.cleanup()


async def test_not_ready_but_alive_when_the_database_is_unreachable(http: aiohttp.ClientSession) -> None:
    core = build_core(load_settings(database_url=UNREACHABLE_PG))
    runner, base = await started([core.database_problem])
    try:
        assert (await get(http, base + "/healthz"))[0] == 200
        status, _, body = await get(http, base + "/readyz")
        assert status == 503
        assert body == {"status": "unavailable", "reason": "database unreachable"}
    finally:
        await runner.cleanup()
        await core.close()


async def test_readiness_follows_a_postgres_database_that_is_dropped(pg_url: str, http: aiohttp.ClientSession) -> None:
    core = build_core(load_settings(database_url=pg_url))
    runner, base = await started([core.database_problem])
    try:
        await core.ready()
        assert (await get(http, base + "/readyz"))[0] == 200
        admin = make_url(os.environ["TEST_DATABASE_URL"]).set(drivername="postgresql")
        connection = await asyncpg.connect(admin.render_as_string(hide_password=False))
        try:
            await connection.execute(f'DROP DATABASE "{make_url(pg_url).database}" WITH (FORCE)')
        finally:
            await connection.close()
        status, _, body = await get(http, base + "/readyz")
        assert status == 503 and body is not None and body["reason"] == "database unreachable"
        assert (await get(http, base + "/healthz"))[0] == 200
    finally:
        await runner.cleanup()
        await core.close()


async def test_the_first_failing_check_is_the_reason(core: Core, http: aiohttp.ClientSession) -> None:
    async def gateway_down() -> str | None:
        return "discord not connected"

    async def broken() -> str | None:
        raise RuntimeError("secret details that must not be shown")

    runner, base = await started([core.database_problem, gateway_down])
    try:
        assert (await get(http, base + "/readyz"))[2] == {"status": "unavailable", "reason": "discord not connected"}
    finally:
        await runner.cleanup()
    runner, base = await started([broken])
    try:
        status, text, _ = await get(http, base + "/readyz")
        assert status == 503 and "secret" not in text
    finally:
        await runner.cleanup()


async def test_metrics_endpoint_serves_prometheus_text_that_moves_after_a_turn(
    core: Core, http: aiohttp.ClientSession, fresh_metrics: metrics.Metrics
) -> None:
    runner, base = await started([core.database_problem])
    try:
        async with http.get(base + "/metrics") as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("text/plain; version=")
            before = await response.text()
        assert 'thankyou_turns_total{platform="console"}' not in before
        await turn(core, address("console"), None)
        _, after, _ = await get(http, base + "/metrics")
        assert 'thankyou_turns_total{platform="console"} 1.0' in after
    finally:
        await runner.cleanup()


async def test_a_discord_client_is_not_ready_until_connected(sqlite_url: str) -> None:
    client = build_client(load_settings(database_url=sqlite_url, discord_token="test-token"))
    assert await client.connection_problem() == "discord not connected"
    await client.close()
    assert await client.connection_problem() == "discord client closed"


async def test_discord_shard_settings_reach_the_sharded_client(sqlite_url: str) -> None:
    settings = load_settings(database_url=sqlite_url, discord_token="t", shard_count="4", shard_ids="2-3")
    group = build_client(settings)
    automatic = build_client(load_settings(database_url=sqlite_url, discord_token="t", shard_count="auto"))
    try:
        assert (group.shard_count, group.shard_ids) == (4, [2, 3])
        assert (automatic.shard_count, automatic.shard_ids) == (None, None)  # discord.py asks /gateway/bot
    finally:
        await group.close()
        await automatic.close()


async def test_slack_http_mode_serves_the_three_endpoints_beside_its_events(
    sqlite_url: str, http: aiohttp.ClientSession
) -> None:
    for url, ready in ((sqlite_url, 200), (UNREACHABLE_PG, 503)):
        settings = load_settings(
            database_url=url, slack_bot_token="xoxb-test-token", slack_signing_secret="a1b2c3d4e5f6a7b8c9d0"
        )
        bot = build_bot(settings)
        runner = await serve(bot.app, host="127.0.0.1", port=0, checks=[bot.core.database_problem])
        base = f"http://127.0.0.1:{bound_port(runner)}"
        try:
            assert (await get(http, base + "/healthz"))[0] == 200
            assert (await get(http, base + "/readyz"))[0] == ready
            assert "thankyou_turns" in (await get(http, base + "/metrics"))[1]
            async with http.post(base + EVENTS_PATH, data=b"{}") as unsigned:
                assert unsigned.status == 401  # the events endpoint is still guarded as before
        finally:
            await runner.cleanup()
            await bot.close()
