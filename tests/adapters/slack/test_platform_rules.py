"""Slack's platform rules, each shown through the real app over loopback HTTP (SL-1, SL-2, SL-4, SL-6)."""

from __future__ import annotations

import asyncio
import logging
import time

import aiohttp
import pytest

from adapters.slack.listeners import SORRY
from tests.adapters.slack.helpers import asked_field
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import BOT_ID, BOT_USER, FakeSlackApi
from tests.fakes.slack_rig import SlackRig

USER = "U0RULES"


def _headers(request: sr.SlackRequest, case: str) -> dict[str, str]:
    now = time.time()
    headers = {
        "valid": lambda: request.signed(),
        "almost stale": lambda: request.signed(at=now - 290),
        "stale": lambda: request.signed(at=now - 301),
        "future": lambda: request.signed(at=now + 301),
        "wrong secret": lambda: request.signed(secret="not-the-secret"),
        "missing": lambda: {"Content-Type": request.content_type},
    }
    if case in headers:
        return headers[case]()
    signed = request.signed()
    if case == "timestamp not a number":
        signed["X-Slack-Request-Timestamp"] = "abc"
    elif case == "huge timestamp":
        signed["X-Slack-Request-Timestamp"] = "9" * 5000
    elif case == "non-ascii signature":
        signed["X-Slack-Signature"] = "v0=\u00e9"
    elif case == "no signature":
        del signed["X-Slack-Signature"]
    return signed


@pytest.mark.parametrize("case", ["valid", "almost stale"])
async def test_signed_requests_are_accepted(rig: SlackRig, case: str) -> None:
    request = sr.command(USER)
    reply = await rig.send(request, headers=_headers(request, case))
    assert reply.status == 200
    assert len(await rig.conversations(USER)) == 1


@pytest.mark.parametrize(
    "case",
    ["stale", "future", "wrong secret", "missing", "no signature", "timestamp not a number", "huge timestamp",
     "non-ascii signature"],
)  # fmt: skip
async def test_bad_signatures_are_refused_without_side_effects(
    rig: SlackRig, slack_api: FakeSlackApi, case: str
) -> None:
    request = sr.command(USER)
    reply = await rig.send(request, headers=_headers(request, case))
    assert not 200 <= reply.status < 300
    assert slack_api.http.calls == [], "no Web API call at all"
    assert await rig.conversations(USER) == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"{not json", "application/json"),
        (b"\xff\xfe\x00", "application/json"),
        (b"payload=%7Bbad", "application/x-www-form-urlencoded"),
    ],
    ids=["bad json", "not utf-8", "bad form payload"],
)
async def test_unreadable_bodies_are_refused_quietly(
    rig: SlackRig, slack_api: FakeSlackApi, caplog: pytest.LogCaptureFixture, body: bytes, content_type: str
) -> None:
    request = sr.SlackRequest(body, content_type)
    try:
        headers = request.signed()
    except UnicodeDecodeError:  # cannot even be signed: sent with a made-up signature
        headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": "1", "X-Slack-Signature": "v0=00"}
    reply = await rig.send(request, headers=headers)
    assert 400 <= reply.status < 500
    assert slack_api.http.calls == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_tampered_body_is_refused(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    original = sr.command(USER)
    headers = original.signed()
    tampered = sr.SlackRequest(original.body.replace(USER.encode(), b"U0OTHER"), original.content_type)
    reply = await rig.send(tampered, headers=headers)
    assert reply.status == 401
    assert slack_api.http.calls == []
    assert await rig.conversations("U0OTHER") == []


async def test_twenty_concurrent_commands_are_all_acked_fast(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    """The DM work waits on a slow Slack (2 s per conversations.open); the acks must not."""
    slack_api.slow("conversations.open", 2.0)
    users = [f"U0LOAD{n:02d}" for n in range(20)]

    async def timed(user: str) -> tuple[int, float]:
        started = time.perf_counter()
        reply = await rig.send(sr.command(user), settle=False)
        return reply.status, time.perf_counter() - started

    results = await asyncio.gather(*(timed(u) for u in users))
    assert all(status == 200 for status, _ in results)
    slowest = max(elapsed for _, elapsed in results)
    assert slowest < 1.0, f"slowest ack took {slowest:.2f}s"
    await rig.settle()
    for user in users:
        assert asked_field(rig.last(user)) == "candidate"


async def test_event_redelivery_has_one_effect(rig: SlackRig) -> None:
    await rig.command(USER)
    posts = len(rig.posts(USER))
    inner = sr.dm(USER, "Sam Rivera")
    await rig.send(sr.event(inner, event_id="EvSame1"))
    await rig.send(sr.event(inner, event_id="EvSame1", retry=1))
    await rig.send(sr.event(inner, event_id="EvSame1", retry=2))
    assert len(rig.posts(USER)) == posts + 1
    assert asked_field(rig.last(USER)) == "company"


async def test_a_retry_whose_original_was_lost_is_processed(rig: SlackRig) -> None:
    await rig.command(USER)
    await rig.send(sr.event(sr.dm(USER, "Sam Rivera"), event_id="EvOnlyRetry", retry=2))
    assert asked_field(rig.last(USER)) == "company"


async def test_concurrent_duplicate_deliveries_have_one_effect(rig: SlackRig) -> None:
    await rig.command(USER)
    posts = len(rig.posts(USER))
    inner = sr.dm(USER, "Sam Rivera")
    await asyncio.gather(*(rig.send(sr.event(inner, event_id="EvRace", retry=n), settle=False) for n in (0, 1, 2)))
    await rig.settle()
    assert len(rig.posts(USER)) == posts + 1


async def test_double_click_has_one_effect(rig: SlackRig) -> None:
    await rig.command(USER)
    await rig.dm(USER, "Sam Rivera")
    company_post = rig.last(USER)
    posts = len(rig.posts(USER))
    back = company_post.button("Back")
    await asyncio.gather(*(rig.send(sr.click(company_post, back, USER), settle=False) for _ in range(2)))
    await rig.settle()
    assert len(rig.posts(USER)) == posts + 1
    assert asked_field(rig.last(USER)) == "candidate", "went back one question, not two"


@pytest.mark.parametrize(
    "extra",
    [
        {"user": BOT_USER, "bot_id": BOT_ID},
        {"bot_id": "B0OTHER", "subtype": "bot_message"},
        {"bot_id": "B0OTHER"},
        {
            "subtype": "message_changed",
            "message": {"type": "message", "user": USER, "text": "Sam Rivera", "attachments": [{"id": 1}]},
            "previous_message": {"type": "message", "user": USER, "text": "Sam Rivera"},
        },
        {"subtype": "message_changed", "message": {"type": "message", "bot_id": BOT_ID, "text": "edited"}},
        {"subtype": "message_deleted"},
        {"subtype": "file_share", "text": "", "files": [{"id": "F1", "name": "cv.pdf"}]},
    ],
    ids=["own message", "other bot", "bot without subtype", "link preview", "bot edit", "deletion", "bare file"],
)
async def test_ignored_messages_change_nothing(rig: SlackRig, extra: dict[str, object]) -> None:
    await rig.command(USER)
    posts = len(rig.posts(USER))
    [before] = await rig.conversations(USER)
    await rig.send(sr.event({**sr.dm(USER, "Sam Rivera"), **extra}))
    assert len(rig.posts(USER)) == posts
    [after] = await rig.conversations(USER)
    assert (after.step, after.answers, after.version) == (before.step, before.answers, before.version)


async def test_rate_limited_post_is_retried_once_without_duplicates(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await rig.command(USER)
    slack_api.http.script(
        slack_api.path("chat.postMessage"), status=429, headers={"Retry-After": "0"},
        body={"ok": False, "error": "ratelimited"},
    )  # fmt: skip
    attempts = len(slack_api.calls("chat.postMessage"))
    await rig.dm(USER, "Sam Rivera")
    assert len(slack_api.calls("chat.postMessage")) == attempts + 2, "the 429, then one retry"
    texts = [p.text for p in rig.posts(USER)]
    assert len(texts) == len(set(texts)), "nothing was posted twice"
    assert asked_field(rig.last(USER)) == "company"


async def test_health_endpoint(rig: SlackRig) -> None:
    async with aiohttp.ClientSession() as http, http.get(rig.url.replace("/slack/events", "/healthz")) as response:
        assert response.status == 200


async def test_answer_is_kept_when_the_reply_cannot_be_posted(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await rig.command(USER)
    slack_api.http.script(slack_api.path("chat.postMessage"), body={"ok": False, "error": "internal_error"})
    posts = len(rig.posts(USER))
    await rig.dm(USER, "Sam Rivera")
    assert len(rig.posts(USER)) == posts, "the reply failed"
    [conversation] = await rig.conversations(USER)
    assert conversation.answers == {"candidate": "Sam Rivera"}, "but the answer is stored"
    await rig.dm(USER, "resume")
    assert asked_field(rig.last(USER)) == "company"


async def test_an_internal_failure_gets_a_kind_apology_without_details(rig: SlackRig) -> None:
    await rig.command(USER)
    assert rig.bot is not None
    async with rig.bot.core.database.begin() as connection:  # the database loses a table under the bot's feet
        await connection.exec_driver_sql("ALTER TABLE conversations RENAME TO conversations_gone")
    await rig.dm(USER, "Sam Rivera")
    apology = rig.last(USER)
    assert apology.text == SORRY
    assert "Error" not in apology.all_text() and "conversations" not in apology.all_text()
