"""Every message sent for a 20-person panel with 1,000-character answers is valid against Discord's OpenAPI
description and within 2,000 characters."""

from __future__ import annotations

from adapters.discord import ThankYouClient
from adapters.discord.translate import address
from tests.adapters.big_panel import big_panel
from tests.adapters.discord.helpers import request_body
from tests.fakes.discord_gateway import DiscordFake, DiscordSchemas


async def test_a_twenty_person_panel_with_long_answers_is_valid_discord(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas
) -> None:
    sam = discord_fake.user("sam")
    await client.sender.send(address(user_id=sam.id, channel_id=sam.dm_channel), [big_panel()])
    sent = [c for c in discord_fake.api.calls if c.method == "POST" and c.path.endswith("/messages")]
    assert len(sent) >= 20
    for call in sent:
        schemas.validate_call(call)
        assert len(str(request_body(call).get("content", ""))) <= 2000
