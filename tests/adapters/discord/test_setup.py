"""Setup: build_client makes no network calls, the token is checked at start, commands sync where asked."""

from __future__ import annotations

import pytest

from adapters.discord import ThankYouClient, build_client
from adapters.discord.main import run
from bot.config import load_settings
from bot.errors import ConfigError
from bot.runtime import build_core
from tests.adapters.discord.conftest import ClientFactory
from tests.fakes.discord_gateway import API, APP_ID, GUILD_ID, DiscordFake
from tests.fakes.http_api import FakeHttpApi


async def test_build_client_touches_no_network(api: FakeHttpApi, sqlite_url: str) -> None:
    client = build_client(load_settings(database_url=sqlite_url, discord_token="test-token"))
    try:
        assert api.calls == []
        assert [c.name for c in client.tree.get_commands()] == ["thankyou", "thankyou-admin"]
    finally:
        await client.close()


@pytest.mark.parametrize("token", [None, "", "changeme", "your-token"])
async def test_run_refuses_a_missing_or_placeholder_token(api: FakeHttpApi, token: str | None, sqlite_url: str) -> None:
    with pytest.raises(ConfigError, match="DISCORD_TOKEN"):
        await run(build_core(load_settings(database_url=sqlite_url, discord_token=token)))
    assert api.calls == []


async def test_commands_sync_globally_by_default(discord_fake: DiscordFake, make_client: ClientFactory) -> None:
    await make_client()
    (sync,) = [c for c in discord_fake.api.calls if c.method == "PUT"]
    assert sync.path == f"{API}/applications/{APP_ID}/commands"
    command, admin = sync.body
    assert command["name"] == "thankyou" and command["contexts"] == [0, 1, 2]
    assert [o["name"] for o in command["options"]] == ["action"]
    assert {c["value"] for c in command["options"][0]["choices"]} == {
        "start", "help", "cancel", "resume", "forget", "forget-now", "export", "quiet", "quiet-off",
    }  # fmt: skip
    # community admin (bot/community/): servers only, shown to Manage Server by default (checked again per call)
    assert admin["name"] == "thankyou-admin" and admin["contexts"] == [0] and admin["integration_types"] == [0]
    assert int(admin["default_member_permissions"]) == 1 << 5  # Manage Server


async def test_commands_sync_to_the_dev_guild_when_set(discord_fake: DiscordFake, make_client: ClientFactory) -> None:
    await make_client(dev_guild=GUILD_ID)
    (sync,) = [c for c in discord_fake.api.calls if c.method == "PUT"]
    assert sync.path == f"{API}/applications/{APP_ID}/guilds/{GUILD_ID}/commands"
    assert [c["name"] for c in sync.body] == ["thankyou", "thankyou-admin"]


async def test_the_reminder_scheduler_runs_in_process_and_stops_on_close(make_client: ClientFactory) -> None:
    client = await make_client(scheduler=True)
    assert client.scheduler_task is not None and not client.scheduler_task.done()
    await client.close()
    assert client.scheduler_task.done() and client.scheduler_task.exception() is None


async def test_an_image_without_text_gets_a_hint_not_an_answer(
    discord_fake: DiscordFake, make_client: ClientFactory
) -> None:
    from tests.adapters.discord.helpers import active, content
    from tests.fakes.discord_gateway import feed_interaction, feed_message

    client = await make_client()
    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam))
    image = discord_fake.dm_payload(sam, "")
    image["attachments"] = [{"id": "1", "filename": "cv.png", "size": 10, "url": "https://cdn.example/cv.png",
                             "proxy_url": "https://cdn.example/cv.png"}]  # fmt: skip
    await feed_message(client, image)
    assert "type your answer" in content(discord_fake.messages_to(sam)[-1])
    row = await active(client, sam)
    assert row is not None and row.step == "candidate" and row.answers == {}


def test_the_documented_invite_link_asks_for_no_dangerous_permission() -> None:
    from pathlib import Path

    from adapters.discord.commands import INVITE_PERMISSIONS, invite_url

    assert not INVITE_PERMISSIONS.administrator and not INVITE_PERMISSIONS.mention_everyone
    assert INVITE_PERMISSIONS.value == 0
    guide = (Path(__file__).resolve().parents[3] / "deploy" / "discord" / "README.md").read_text(encoding="utf-8")
    assert invite_url(APP_ID).replace(str(APP_ID), "APPLICATION_ID") in guide


async def test_database_errors_never_carry_answer_text(client: ThankYouClient) -> None:
    """Logged exceptions include SQL errors; their parameters (user answers) are hidden."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    secret = "my interviewer Priya said something private"
    with pytest.raises(SQLAlchemyError) as error:
        async with client.core.sessions() as session:
            await session.execute(text("INSERT INTO no_such_table VALUES (:x)"), {"x": secret})
    assert secret not in str(error.value)
