"""Messages that are not typed answers: system messages are ignored, a forward gets a hint to type the answer,
and an edit gets a short note that the first answer was used (never a second answer)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from adapters.discord import ThankYouClient
from bot import messages
from bot.storage.models import ProcessedEvent
from tests.adapters.discord.helpers import content, latest, say
from tests.fakes.discord_gateway import DiscordFake, User, feed_interaction, feed_message, feed_message_update

EDITED_AT = "2026-11-23T20:05:00+00:00"


async def _processed(client: ThankYouClient) -> int:
    async with client.core.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(ProcessedEvent))).scalar_one())


async def _started(fake: DiscordFake, client: ThankYouClient) -> tuple[User, int, int]:
    sam = fake.user("sam")
    await feed_interaction(client, fake.slash_payload(sam))
    return sam, len(fake.messages_to(sam)), await _processed(client)


def _system(fake: DiscordFake, user: User, kind: int) -> dict[str, Any]:
    payload = fake.dm_payload(user, "")
    payload["type"] = kind
    if kind == 6:  # CHANNEL_PINNED_MESSAGE points at the pinned message
        payload["message_reference"] = {"type": 0, "channel_id": str(user.dm_channel), "message_id": "1"}
    return payload


async def test_pins_and_other_system_messages_are_ignored(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    sam, shown, processed = await _started(discord_fake, client)
    for kind in (6, 18, 3, 7):  # pinned, thread created, call, member joined
        await feed_message(client, _system(discord_fake, sam, kind))
    assert len(discord_fake.messages_to(sam)) == shown
    assert await _processed(client) == processed
    row = await latest(client, sam)
    assert row is not None and row.answers == {}


async def test_a_forwarded_message_gets_the_type_it_here_hint(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam, shown, processed = await _started(discord_fake, client)
    forward = discord_fake.dm_payload(sam, "")
    forward["message_reference"] = {"type": 1, "channel_id": "5", "message_id": "6"}
    snapshot = {k: v for k, v in discord_fake.dm_payload(sam, "interview").items() if k not in ("id", "channel_id")}
    forward["message_snapshots"] = [{"message": {**snapshot, "author": None}}]
    await feed_message(client, forward)
    (hint,) = discord_fake.messages_to(sam)[shown:]
    assert content(hint) == messages.text("discord_forwarded")
    assert await _processed(client) == processed  # not taken as an answer
    row = await latest(client, sam)
    assert row is not None and row.answers == {}


async def test_an_edit_gets_a_note_and_does_not_change_the_answer(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam, _shown, _ = await _started(discord_fake, client)
    answer = discord_fake.dm_payload(sam, "Sam Rivera")
    await feed_message(client, answer)
    shown, processed = len(discord_fake.messages_to(sam)), await _processed(client)

    await feed_message_update(client, {**answer, "content": "networking chat", "edited_timestamp": EDITED_AT})
    (note,) = discord_fake.messages_to(sam)[shown:]
    assert content(note) == messages.text("discord_edited")
    assert await _processed(client) == processed
    row = await latest(client, sam)
    assert row is not None and row.answers == {"candidate": "Sam Rivera"}

    # the same edit again (the message got pinned) and a link preview appearing are not new edits
    await feed_message_update(client, {**answer, "content": "networking chat", "edited_timestamp": EDITED_AT,
                                       "pinned": True})  # fmt: skip
    await feed_message_update(client, {**answer, "embeds": [{"type": "link", "url": "https://a.example"}]})
    assert len(discord_fake.messages_to(sam)) == shown + 1


async def test_an_edit_of_an_uncached_message_is_noted_too(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    """After a restart discord.py has no copy of the message; the raw event still arrives."""
    sam = discord_fake.user("sam")
    await say(discord_fake, client, sam, "hello")
    shown = len(discord_fake.messages_to(sam))
    old = discord_fake.dm_payload(sam, "interview", message_id=discord_fake.next_id())
    await feed_message_update(client, {**old, "edited_timestamp": EDITED_AT})
    (note,) = discord_fake.messages_to(sam)[shown:]
    assert content(note) == messages.text("discord_edited")


async def test_edits_by_the_bot_or_in_servers_are_ignored(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    from tests.fakes.discord_gateway import BOT_USER, GUILD_CHANNEL_ID, GUILD_ID

    sam = discord_fake.user("sam")
    own = discord_fake.message(sam.dm_channel, BOT_USER, "question", discord_fake.next_id())
    await feed_message_update(client, {**own, "edited_timestamp": EDITED_AT})
    in_server = discord_fake.message(GUILD_CHANNEL_ID, sam.payload(), "hi", discord_fake.next_id())
    await feed_message_update(client, {**in_server, "guild_id": str(GUILD_ID), "edited_timestamp": EDITED_AT})
    assert [c for c in discord_fake.api.calls if c.method == "POST"] == []
