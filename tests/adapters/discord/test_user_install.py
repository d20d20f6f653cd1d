"""A user-installable app: anyone can add it to their own account and use /thankyou anywhere (a server that
never added the bot, a group DM); the debrief still happens privately in their DM with the bot."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.discord import ThankYouClient
from adapters.discord.commands import invite_url, user_install_url
from tests.adapters.discord.conftest import ClientFactory
from tests.fakes.discord_gateway import (
    API,
    APP_ID,
    GUILD_ID,
    DiscordFake,
    DiscordSchemas,
    feed_interaction,
    request_body,
)

GUIDE = Path(__file__).resolve().parents[3] / "deploy" / "discord" / "README.md"
GUILD_INSTALL, USER_INSTALL = 0, 1
GUILD, BOT_DM, PRIVATE_CHANNEL = 0, 1, 2


@pytest.mark.parametrize("dev_guild", [None, GUILD_ID])
async def test_the_command_is_registered_for_both_install_types_and_every_context(
    discord_fake: DiscordFake, make_client: ClientFactory, schemas: DiscordSchemas, dev_guild: int | None
) -> None:
    await make_client(dev_guild=dev_guild)
    (sync,) = [c for c in discord_fake.api.calls if c.method == "PUT"]
    schemas.validate_call(sync)  # the registration body matches Discord's OpenAPI description
    command, admin = sync.body  # /thankyou, and the community's /thankyou-admin (servers only)
    assert admin["name"] == "thankyou-admin" and admin["integration_types"] == [GUILD_INSTALL]
    assert command["integration_types"] == [GUILD_INSTALL, USER_INSTALL]
    assert command["contexts"] == [GUILD, BOT_DM, PRIVATE_CHANNEL]


@pytest.mark.parametrize("place", ["user_guild", "group_dm"])
async def test_thankyou_anywhere_continues_in_the_persons_dm(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas, place: str
) -> None:
    sam = discord_fake.user("sam")
    slash = discord_fake.slash_payload(sam, place=place)
    await feed_interaction(client, slash)

    calls = discord_fake.interaction_calls(int(slash["id"]))
    assert request_body(calls[0]) == {"type": 5, "data": {"flags": 64}}  # only the person sees the answer
    assert "sent you a DM" in request_body(calls[-1])["content"]
    assert discord_fake.api.calls_to(f"{API}/users/@me/channels")  # their DM with the bot was opened
    assert "sign the notes" in str(discord_fake.messages_to(sam)[-1].body)
    elsewhere = f"{API}/channels/{slash['channel_id']}/"
    assert not [c for c in discord_fake.api.calls if c.path.startswith(elsewhere)]  # nothing posted where it ran
    for call in calls:
        schemas.validate_call(call)


def test_the_guide_gives_an_install_link_for_each_install_type() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for url in (invite_url(APP_ID), user_install_url(APP_ID)):
        assert url.replace(str(APP_ID), "APPLICATION_ID") in guide
    link = user_install_url(APP_ID)
    assert "integration_type=1" in link and "scope=applications.commands" in link and "permissions" not in link
