"""Platform API calls and 429s are counted by method through the real SDKs against the loopback fakes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.discord.sender import RateLimited, rest_sender
from adapters.discord.translate import address as discord_address
from adapters.slack.sender import SlackSender, make_client
from bot.actions import Say
from bot.events import Address
from bot.observability import metrics
from tests.fakes.discord_gateway import API, DiscordFake, point_discord_at
from tests.fakes.http_api import FakeHttpApi
from tests.fakes.slack_api import FakeSlackApi, dm_channel

POST = "POST /channels/{channel_id}/messages"


def sample(m: metrics.Metrics, name: str, **labels: str) -> float:
    return m.registry.get_sample_value(name, labels) or 0.0


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlackApi]:
    api = await FakeSlackApi().start()
    yield api
    await api.stop()


async def test_slack_calls_and_429s_are_counted_by_method(
    slack_api: FakeSlackApi, fresh_metrics: metrics.Metrics
) -> None:
    sender = SlackSender(make_client("xoxb-test-token", slack_api.base_url))
    where = Address("slack", "T0MARKER", dm_channel("U0MARKER42"), "U0MARKER42")
    slack_api.http.script(
        slack_api.path("chat.postMessage"), status=429, headers={"Retry-After": "0"},
        body={"ok": False, "error": "ratelimited"},
    )  # fmt: skip
    await sender.send(where, [Say("thanks for your patience, sam quillbright")])
    assert len(slack_api.calls("chat.postMessage")) == 2, "the 429, then the retry"
    m = fresh_metrics
    assert sample(m, "thankyou_platform_api_calls_total", platform="slack", method="chat.postMessage") == 1
    assert sample(m, "thankyou_platform_rate_limited_total", platform="slack", method="chat.postMessage") == 1
    assert "quillbright" not in m.exposition().decode() and "U0MARKER42" not in m.exposition().decode()


async def test_discord_rest_calls_and_a_refused_long_429_are_counted_by_route(
    monkeypatch: pytest.MonkeyPatch, fresh_metrics: metrics.Metrics
) -> None:
    api = await FakeHttpApi().start()
    point_discord_at(api, monkeypatch)
    fake = DiscordFake(api)
    sam = fake.user("sam")
    sender, close = await rest_sender("test-token")
    try:
        where = discord_address(user_id=sam.id, channel_id=sam.dm_channel)
        await sender.send(where, [Say("hi")])
        api.script(
            f"{API}/channels/{sam.dm_channel}/messages", status=429, headers={"Via": "1.1 google"},
            body={"message": "You are being rate limited.", "retry_after": 120.0, "global": False, "code": 0},
        )  # fmt: skip
        with pytest.raises(RateLimited):
            await sender.send(where, [Say("hi again")])
    finally:
        await close()
    m = fresh_metrics
    assert sample(m, "thankyou_platform_api_calls_total", platform="discord", method=POST) == 2
    assert sample(m, "thankyou_platform_rate_limited_total", platform="discord", method=POST) == 1
    assert sample(m, "thankyou_platform_api_calls_total", platform="discord", method="GET /users/@me") == 1
    text = m.exposition().decode()
    assert str(sam.dm_channel) not in text and str(sam.id) not in text and "test-token" not in text
