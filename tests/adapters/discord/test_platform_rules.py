"""Discord platform rules, each shown through the real client: mentions, schemas, 3 s, duplicates, bots."""

from __future__ import annotations

import asyncio
import logging
import re
import time

import pytest
from sqlalchemy import func, select

from adapters.discord import ThankYouClient
from adapters.discord.inbound import plain_text
from bot.storage.models import ProcessedEvent
from tests.adapters.discord.conftest import ClientFactory
from tests.adapters.discord.helpers import ANSWERS, CODE_BLOCK, content, converse_to_drafts, custom_ids, latest, say
from tests.adapters.discord.markdown_model import markup
from tests.fakes.discord_gateway import (
    API,
    BOT_USER,
    GUILD_CHANNEL_ID,
    GUILD_ID,
    DiscordFake,
    DiscordSchemas,
    feed_interaction,
    feed_message,
    parse_only,
    request_body,
    settle_tasks,
)

#: the mention tokens are decoded at the edge (adapters/discord/inbound.py); the escaped one reaches the notes raw
HOSTILE = "@everyone @here <@&123456789012345678> <@123456789012345678> \\<@123456789012345678> **bold** `tick`"
STORED = plain_text(HOSTILE, {})


async def test_no_payload_can_ping_and_every_payload_matches_discords_schema(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = {k: (f"{v} {HOSTILE}" if k in ("company", "role", "discussed", "strengths") else v)
               for k, v in ANSWERS.items()}  # fmt: skip
    hostile["candidate"] = f"Sam {HOSTILE}"
    monkeypatch.setattr("tests.adapters.discord.helpers.ANSWERS", hostile)
    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam))
    await converse_to_drafts(discord_fake, client, sam)
    row = await latest(client, sam)
    assert row is not None and row.status == "done" and STORED in row.answers["company"]
    assert "<@123456789012345678>" in STORED

    sent = [
        c
        for c in discord_fake.api.calls
        if c.method in ("POST", "PATCH") and "/users/@me" not in c.path and "/applications/" not in c.path
    ]
    messages = [c for c in sent if c.path.endswith("/messages")]
    assert len(messages) > 20
    for call in sent:
        schemas.validate_call(call)
        body = request_body(call)
        data = body.get("data", body) if "/callback" in call.path else body
        if "content" in data or "components" in data:
            assert data["allowed_mentions"] == {"parse": []}, call.path
        outside_code = CODE_BLOCK.sub("", str(data.get("content", "")))
        pings = [found for found in markup(outside_code) if found.startswith(("mention: '<@", "everyone"))]
        assert not pings, outside_code
    assert any(STORED in body for c in messages for body in CODE_BLOCK.findall(content(c)))  # the note is verbatim


async def test_component_clicks_are_acknowledged_first_without_waiting_for_the_database(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    await say(discord_fake, client, sam, "what can you do?")
    offer = discord_fake.messages_to(sam)[-1]
    assert "ty:c:start:start" in custom_ids(offer)  # no open debrief: an offer with a Start button
    payload = discord_fake.click_payload(sam, offer, "ty:c:start:start")
    before = len(discord_fake.api.calls)
    started = time.monotonic()
    await feed_interaction(client, payload)
    new = discord_fake.api.calls[before:]
    assert "/callback" in new[0].path, [c.path for c in new]  # the ack is the first thing sent, the reply after
    assert request_body(new[0])["type"] == 7  # UPDATE_MESSAGE: acknowledges and removes the used buttons
    assert time.monotonic() - started < 3
    assert any(c.path.endswith("/messages") for c in new[1:])


async def test_slash_command_defers_before_opening_the_dm(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    sam = discord_fake.user("sam")
    payload = discord_fake.slash_payload(sam)
    before = len(discord_fake.api.calls)
    await feed_interaction(client, payload)
    paths = [c.path for c in discord_fake.api.calls[before:]]
    assert paths[0].endswith("/callback") and paths[1].endswith("/users/@me/channels")
    assert paths[-1].endswith("/messages/@original")


async def test_duplicate_messages_and_interactions_have_one_effect(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    slash = discord_fake.slash_payload(sam)
    await feed_interaction(client, slash)
    await feed_interaction(client, slash)  # the same interaction id again
    after_start = len(discord_fake.messages_to(sam))
    answer = discord_fake.dm_payload(sam, "Sam Rivera")
    await feed_message(client, answer)
    await feed_message(client, answer)  # the same message id again
    await asyncio.gather(feed_message(client, answer), feed_message(client, answer))
    replies = discord_fake.messages_to(sam)[after_start:]
    assert len(replies) == 1 and "Which company" in content(replies[0])
    row = await latest(client, sam)
    assert row is not None and row.answers == {"candidate": "Sam Rivera"}
    async with client.core.sessions() as session:
        seen = (await session.execute(select(func.count()).select_from(ProcessedEvent))).scalar_one()
    assert seen == 2


async def test_ignores_bots_and_itself(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    robot = discord_fake.user("robot", bot=True)
    await say(discord_fake, client, robot, "hello")
    own = discord_fake.message(robot.dm_channel, BOT_USER, "hello", discord_fake.next_id())
    await feed_message(client, own)
    assert discord_fake.messages_to(robot) == []
    async with client.core.sessions() as session:
        assert (await session.execute(select(func.count()).select_from(ProcessedEvent))).scalar_one() == 0


async def test_only_the_dm_intent_is_requested(client: ThankYouClient) -> None:
    assert client.intents.value != 0
    assert client.intents.dm_messages and not client.intents.message_content
    assert {name for name, on in client.intents if on} == {"dm_messages"}
    assert client.allowed_mentions is not None and client.allowed_mentions.to_dict() == {"parse": []}


async def _slow_callbacks(fake: DiscordFake, client: ThankYouClient, caplog: pytest.LogCaptureFixture) -> set[str]:
    """Which coroutines held the loop for over 100 ms during one whole conversation (asyncio debug mode)."""
    caplog.clear()
    loop = asyncio.get_running_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = 0.1
    try:
        user = fake.user(f"user{fake.next_id()}")
        await feed_interaction(client, fake.slash_payload(user))
        await converse_to_drafts(fake, client, user)
    finally:
        loop.set_debug(False)
    messages = [r.getMessage() for r in caplog.records if r.name == "asyncio" and "took" in r.getMessage()]
    return {m.group(1) if (m := re.search(r"coro=<(\S+)", text)) else text for text in messages}


async def test_no_blocking_call_on_the_event_loop_during_a_conversation(
    discord_fake: DiscordFake, make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """A blocking call is slow every time; a busy test machine only sometimes. So a slow spot must repeat."""
    client = await make_client()
    caplog.set_level(logging.WARNING, logger="asyncio")
    first = await _slow_callbacks(discord_fake, client, caplog)
    again = await _slow_callbacks(discord_fake, client, caplog) if first else set()
    assert first & again == set()


async def test_messages_in_a_server_channel_are_never_read(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    sam = discord_fake.user("sam")
    in_server = discord_fake.message(GUILD_CHANNEL_ID, sam.payload(), "Acme Robotics, Priya", discord_fake.next_id())
    in_server["guild_id"] = str(GUILD_ID)
    in_server["member"] = {"roles": [], "joined_at": in_server["timestamp"], "deaf": False, "mute": False, "flags": 0}
    await feed_message(client, in_server)
    assert [c for c in discord_fake.api.calls if c.method == "POST"] == []
    async with client.core.sessions() as session:
        assert (await session.execute(select(func.count()).select_from(ProcessedEvent))).scalar_one() == 0


async def test_a_click_is_acknowledged_while_the_database_is_still_busy(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    """Slow work never delays the ack: with every database slot taken, the ack still arrives at once."""
    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam))
    question = discord_fake.messages_to(sam)[-1]
    shown = len(discord_fake.messages_to(sam))
    payload = discord_fake.click_payload(sam, question, "ty:n:cancel:candidate")
    callback = f"{API}/interactions/{payload['id']}/{payload['token']}/callback"
    held = [await client.db_gate.acquire() for _ in range(client.db_slots)]  # the database is "busy"
    before = set(asyncio.all_tasks())
    parse_only(client, payload, interaction=True)
    started = time.monotonic()
    while not discord_fake.api.calls_to(callback) and time.monotonic() - started < 3:
        await asyncio.sleep(0.01)  # bounded polling on loopback
    assert discord_fake.api.calls_to(callback), "no ack within 3 s while the database was busy"
    assert len(discord_fake.messages_to(sam)) == shown  # the reply waits for the database
    for _ in held:
        client.db_gate.release()
    await settle_tasks(before)
    assert "Stop this debrief?" in content(discord_fake.messages_to(sam)[-1])
