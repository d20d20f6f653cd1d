"""A lost interaction token leaves nothing stale: no "thinking…" reply left spinning, no click that silently
removed its buttons without an answer."""

from __future__ import annotations

from adapters.discord import ThankYouClient
from bot import messages
from tests.adapters.discord.helpers import say
from tests.fakes.discord_gateway import (
    API,
    APP_ID,
    DiscordFake,
    DiscordSchemas,
    feed_interaction,
    request_body,
)

UNKNOWN_WEBHOOK = {"code": 10015, "message": "Unknown Webhook"}
UNKNOWN_INTERACTION = {"code": 10062, "message": "Unknown interaction"}


async def test_a_thinking_reply_that_cannot_be_edited_is_deleted(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    slash = discord_fake.slash_payload(sam)
    original = f"{API}/webhooks/{APP_ID}/{slash['token']}/messages/@original"
    discord_fake.api.script(original, status=404, body=UNKNOWN_WEBHOOK)
    await feed_interaction(client, slash)
    calls = discord_fake.interaction_calls(int(slash["id"]))
    assert [c.method for c in calls] == ["POST", "PATCH", "DELETE"]  # defer, the failed edit, the clean-up
    assert calls[-1].path == original
    assert discord_fake.messages_to(sam)  # the debrief started in the DM all the same


async def test_an_interaction_too_late_to_acknowledge_still_starts_the_debrief(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    slash = discord_fake.slash_payload(sam)
    callback = f"{API}/interactions/{slash['id']}/{slash['token']}/callback"
    discord_fake.api.script(callback, status=404, body=UNKNOWN_INTERACTION)
    await feed_interaction(client, slash)
    assert [c.method for c in discord_fake.interaction_calls(int(slash["id"]))] == ["POST"]  # nothing more tried
    assert "sign the notes" in str(discord_fake.messages_to(sam)[-1].body)


async def test_a_click_whose_reply_fails_is_told_through_the_followup(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas
) -> None:
    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam))
    await say(discord_fake, client, sam, "Sam Rivera")
    await say(discord_fake, client, sam, "edit occasion")
    question = discord_fake.messages_to(sam)[-1]
    shown = len(discord_fake.messages_to(sam))
    payload = discord_fake.click_payload(sam, question, "ty:c:occasion:interview")
    discord_fake.api.script(
        f"{API}/channels/{sam.dm_channel}/messages", status=404, body={"code": 10003, "message": "Unknown Channel"}
    )
    await feed_interaction(client, payload)

    calls = discord_fake.interaction_calls(int(payload["id"]))
    ack, told = calls[0], calls[-1]
    assert request_body(ack)["type"] == 7  # the buttons were removed with the ack
    assert told.method == "POST" and told.path == f"{API}/webhooks/{APP_ID}/{payload['token']}"
    body = request_body(told)
    assert body["content"] == messages.text("discord_reply_lost") and body["flags"] == 64
    assert body["allowed_mentions"] == {"parse": []}
    for call in calls:
        schemas.validate_call(call)
    assert len(discord_fake.messages_to(sam)) == shown + 1  # the one refused reply, not retried in a loop
