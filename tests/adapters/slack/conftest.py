"""Fixtures: a fake Slack Web API and the bot in HTTP mode on loopback, on a real database."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.fakes.clock import FakeClock
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_rig import SlackRig


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlackApi]:
    api = await FakeSlackApi().start()
    yield api
    await api.stop()


@pytest.fixture
async def rig(slack_api: FakeSlackApi, sqlite_url: str, clock: FakeClock) -> AsyncIterator[SlackRig]:
    """The bot on a SQLite file; `pg_rig` is the same on PostgreSQL."""
    started = await SlackRig(slack_api, sqlite_url, clock).start()
    yield started
    await started.close()


@pytest.fixture
async def pg_rig(slack_api: FakeSlackApi, pg_url: str, clock: FakeClock) -> AsyncIterator[SlackRig]:
    started = await SlackRig(slack_api, pg_url, clock).start()
    yield started
    await started.close()


@pytest.fixture
async def any_rig(slack_api: FakeSlackApi, db_url: str, clock: FakeClock) -> AsyncIterator[SlackRig]:
    """The bot once on SQLite and once on PostgreSQL (when TEST_DATABASE_URL is set)."""
    started = await SlackRig(slack_api, db_url, clock).start()
    yield started
    await started.close()
