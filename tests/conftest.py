"""Shared fixtures: real databases (a SQLite file; a fresh PostgreSQL database per test), clock, service."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime

import asyncpg
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import load_settings
from bot.conversation.service import ConversationService
from bot.runtime import Core, running
from bot.storage.db import async_url, make_engine, upgrade_engine
from tests.fakes.clock import FakeClock

PG_ENV = "TEST_DATABASE_URL"


def _plain_pg_dsn(url: str) -> str:
    return make_url(async_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


def _admin(base: str, statement: str) -> None:
    """Run one statement on the server's maintenance connection (its own short-lived event loop)."""

    async def run() -> None:
        connection = await asyncpg.connect(_plain_pg_dsn(base))
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    asyncio.run(run())


def _pg_base() -> str:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set")
    return base


def _database_url(base: str, name: str) -> str:
    return make_url(async_url(base)).set(database=name).render_as_string(hide_password=False)


def _fresh_database(base: str, template: str | None = None) -> Iterator[str]:
    name = f"tyb_test_{uuid.uuid4().hex[:12]}"
    _admin(base, f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    yield _database_url(base, name)
    _admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A brand-new, empty PostgreSQL database for one test, dropped afterwards; skipped without TEST_DATABASE_URL."""
    yield from _fresh_database(_pg_base())


@pytest.fixture(scope="session")
def _pg_migrated_template() -> Iterator[str]:
    """One database migrated to heads per test session, copied for each test that wants a migrated one:
    a copy is a file copy on the server, where migrating every new database cost ≈ 0.4 s of the run each."""
    base = _pg_base()
    name = f"tyb_template_{uuid.uuid4().hex[:12]}"
    _admin(base, f'CREATE DATABASE "{name}"')

    async def migrate() -> None:
        engine = make_engine(_database_url(base, name))
        try:
            await upgrade_engine(engine)
        finally:
            await engine.dispose()  # a template must have no connections when it is copied

    try:
        asyncio.run(migrate())
        yield name
    finally:
        _admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def migrated_pg_url(_pg_migrated_template: str) -> Iterator[str]:
    """A brand-new PostgreSQL database already at the schema's heads (starting the core finds nothing to do)."""
    yield from _fresh_database(_pg_base(), template=_pg_migrated_template)


@pytest.fixture
def sqlite_url(tmp_path: os.PathLike[str]) -> str:
    return f"sqlite:///{tmp_path}/thankyou-test.db"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> str:
    """Runs the test once on SQLite and once on PostgreSQL (a database already migrated: tests of the
    migrations themselves start from an empty one, `pg_url`)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/thankyou-test.db"
    return str(request.getfixturevalue("migrated_pg_url"))


@pytest.fixture
async def core(db_url: str, clock: FakeClock) -> AsyncIterator[Core]:
    """The core as `thankyou-bot` builds it (bot/runtime.py), on a fresh database and the fake clock."""
    settings = load_settings(database_url=db_url, default_timezone="America/New_York")
    async with running(settings, clock=clock) as ready:
        yield ready


@pytest.fixture
def database(core: Core) -> AsyncEngine:
    return core.database


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 23, 20, 0, tzinfo=UTC))


@pytest.fixture
def service(core: Core) -> ConversationService:
    """The service with its whole handler pipeline (draft buttons, reminders, privacy, then the engine)."""
    return core.service


@pytest.fixture
def reminder_service(service: ConversationService) -> ConversationService:
    return service
