"""Fixtures: a loopback Discord REST API, a fake Discord (users, raw events) and real ThankYouClients."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from adapters.discord import ThankYouClient, build_client
from bot.config import load_settings
from tests.fakes.clock import FakeClock
from tests.fakes.discord_gateway import DiscordFake, DiscordSchemas, point_discord_at
from tests.fakes.http_api import FakeHttpApi

ClientFactory = Callable[..., Awaitable[ThankYouClient]]


@pytest.fixture
async def api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeHttpApi]:
    server = await FakeHttpApi().start()
    point_discord_at(server, monkeypatch)
    yield server
    await server.stop()


@pytest.fixture
def discord_fake(api: FakeHttpApi) -> DiscordFake:
    return DiscordFake(api)


@pytest.fixture(scope="session")
def schemas() -> DiscordSchemas:
    return DiscordSchemas()


@pytest.fixture
def bot_db(sqlite_url: str) -> str:
    """The database the bots use; tests that run on both databases override this with `db_url`."""
    return sqlite_url


@pytest.fixture
async def make_client(bot_db: str, clock: FakeClock, discord_fake: DiscordFake) -> AsyncIterator[ClientFactory]:
    """Build and log in clients (REST only, no gateway); several may share one database (a restart)."""
    clients: list[ThankYouClient] = []

    async def make(
        *, timezone: str = "America/New_York", dev_guild: int | None = None, scheduler: bool = False
    ) -> ThankYouClient:
        settings = load_settings(
            database_url=bot_db,
            discord_token="test-token",
            default_timezone=timezone,
            discord_dev_guild=dev_guild,
            run_scheduler=scheduler,
        )
        client = build_client(settings, clock=clock)
        await client.login("test-token")  # runs setup_hook: migrations, persistent buttons, command sync
        clients.append(client)
        return client

    yield make
    for client in clients:
        if not client.is_closed():
            await client.close()


@pytest.fixture
async def client(make_client: ClientFactory) -> ThankYouClient:
    return await make_client()
