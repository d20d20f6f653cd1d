"""Closed DMs (403, code 50007): told in the server, ephemerally, how to allow DMs; recorded; never retried."""

from __future__ import annotations

import pytest

from adapters.discord import ThankYouClient
from adapters.discord.translate import DM_WORKSPACE, address
from bot.actions import Say
from bot.errors import DeliveryError
from bot.storage.models import UserPrefs
from tests.fakes.discord_gateway import API, DiscordFake, feed_interaction, request_body

CANNOT_DM = {"code": 50007, "message": "Cannot send messages to this user"}


async def _prefs(client: ThankYouClient, user_id: int) -> UserPrefs | None:
    async with client.core.sessions() as session:
        return await session.get(UserPrefs, ("discord", DM_WORKSPACE, str(user_id)))


async def test_closed_dms_are_explained_ephemerally_recorded_and_not_retried(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    discord_fake.api.script(f"{API}/channels/{sam.dm_channel}/messages", status=403, body=CANNOT_DM)
    slash = discord_fake.slash_payload(sam)
    await feed_interaction(client, slash)

    assert len(discord_fake.messages_to(sam)) == 1  # one attempt, no retry loop
    calls = discord_fake.interaction_calls(int(slash["id"]))
    assert request_body(calls[0])["data"]["flags"] == 64  # ephemeral: only this member sees it
    told = request_body(calls[-1])
    assert (
        calls[-1].method == "PATCH" and "Privacy Settings" in told["content"] and "Direct Messages" in told["content"]
    )
    assert told["allowed_mentions"] == {"parse": []}
    prefs = await _prefs(client, sam.id)
    assert prefs is not None and prefs.dm_closed_at == client.core.clock.now()


async def test_after_allowing_dms_the_next_thankyou_works_and_clears_the_flag(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    discord_fake.api.script(f"{API}/channels/{sam.dm_channel}/messages", status=403, body=CANNOT_DM)
    await feed_interaction(client, discord_fake.slash_payload(sam))
    again = discord_fake.slash_payload(sam)
    await feed_interaction(client, again)
    assert "sent you a DM" in request_body(discord_fake.interaction_calls(int(again["id"]))[-1])["content"]
    assert "sign the notes" in str(discord_fake.messages_to(sam)[-1].body)
    prefs = await _prefs(client, sam.id)
    assert prefs is not None and prefs.dm_closed_at is None


async def test_sender_maps_discord_errors_to_delivery_errors(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    sam = discord_fake.user("sam")
    path = f"{API}/channels/{sam.dm_channel}/messages"
    where = address(user_id=sam.id, channel_id=sam.dm_channel)
    discord_fake.api.script(path, status=403, body=CANNOT_DM)
    with pytest.raises(DeliveryError) as closed:
        await client.sender.send(where, [Say("Time to send your notes")])
    assert closed.value.permanent and closed.value.reason == "dm_closed"
    discord_fake.api.script(path, status=404, body={"code": 10003, "message": "Unknown Channel"})
    with pytest.raises(DeliveryError) as gone:
        await client.sender.send(where, [Say("Time to send your notes")])
    assert gone.value.permanent
    assert len(discord_fake.messages_to(sam)) == 2
