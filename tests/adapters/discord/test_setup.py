"""Setup: build_client makes no network calls, the token is checked at start, commands sync where asked."""

from __future__ import annotations

import pytest

from adapters.discord import build_client
from adapters.discord.main import run
from bot.config import load_settings
from bot.errors import ConfigError
from tests.adapters.discord.conftest import ClientFactory
from tests.fakes.discord_gateway import API, APP_ID, GUILD_ID, DiscordFake
from tests.fakes.http_api import FakeHttpApi


async def test_build_client_touches_no_network(api: FakeHttpApi, sqlite_url: str) -> None:
    client = build_client(load_settings(database_url=sqlite_url, discord_token="test-token"))
    try:
        assert api.calls == []
        assert [c.name for c in client.tree.get_commands()] == ["thankyou"]
    finally:
        await client.close()


@pytest.mark.parametrize("token", [None, "", "changeme", "your-token"])
async def test_run_refuses_a_missing_or_placeholder_token(api: FakeHttpApi, token: str | None, sqlite_url: str) -> None:
    with pytest.raises(ConfigError, match="DISCORD_TOKEN"):
        await run(load_settings(database_url=sqlite_url, discord_token=token))
    assert api.calls == []


async def test_commands_sync_globally_by_default(discord_fake: DiscordFake, make_client: ClientFactory) -> None:
    await make_client()
    (sync,) = [c for c in discord_fake.api.calls if c.method == "PUT"]
    assert sync.path == f"{API}/applications/{APP_ID}/commands"
    (command,) = sync.body
    assert command["name"] == "thankyou" and command["contexts"] == [0, 1]
    assert [o["name"] for o in command["options"]] == ["action"]
    assert {c["value"] for c in command["options"][0]["choices"]} == {"start", "help", "cancel", "resume"}


async def test_commands_sync_to_the_dev_guild_when_set(discord_fake: DiscordFake, make_client: ClientFactory) -> None:
    await make_client(dev_guild=GUILD_ID)
    (sync,) = [c for c in discord_fake.api.calls if c.method == "PUT"]
    assert sync.path == f"{API}/applications/{APP_ID}/guilds/{GUILD_ID}/commands"
    assert [c["name"] for c in sync.body] == ["thankyou"]
