"""Models and migrations agree, on SQLite and PostgreSQL, from a fresh database and from every earlier revision.

Alembic's autogenerate comparison (`compare_metadata`) diffs the upgraded schema against the models: any
table, column, type, nullability or index one side has and the other lacks fails the test, so a model edited
without a migration (or the reverse) is caught. Revisions are read from the migrations folder, so revisions
added later are covered without touching this file.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import bot.storage.models  # noqa: F401  (registers every table on the metadata)
from bot.storage.db import alembic_config, make_engine, upgrade_to

SCRIPTS = ScriptDirectory.from_config(alembic_config())
HEADS = set(SCRIPTS.get_heads())
#: every revision that is not a head: a database stopped there must upgrade cleanly to all heads
EARLIER = sorted(r.revision for r in SCRIPTS.walk_revisions() if r.revision not in HEADS)
WHEN = datetime(2025, 3, 4, 15, 30, tzinfo=UTC)


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, SQLModel.metadata))


def _current(connection: Connection) -> set[str]:
    return set(MigrationContext.configure(connection).get_current_heads())


async def _upgrade(url: str, target: str) -> None:
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(upgrade_to, target)
    finally:
        await engine.dispose()


async def _inspect(url: str) -> tuple[list[Any], set[str]]:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(_differences), await connection.run_sync(_current)
    finally:
        await engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> str:
    """An empty database, SQLite then PostgreSQL (the shared `db_url` hands out already-migrated ones)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/migrations.db"
    return str(request.getfixturevalue("pg_url"))


def test_there_are_earlier_revisions_to_upgrade_from() -> None:
    assert {"0001", "0002"} <= set(EARLIER), EARLIER


async def test_a_fresh_database_upgraded_to_heads_matches_the_models_exactly(db_url: str) -> None:
    await _upgrade(db_url, "heads")
    differences, current = await _inspect(db_url)
    assert current == HEADS
    assert differences == [], "models and migrations disagree:\n" + "\n".join(map(str, differences))


@pytest.mark.parametrize("start", EARLIER)
async def test_a_database_left_at_an_earlier_revision_upgrades_to_heads_and_keeps_its_rows(
    db_url: str, start: str
) -> None:
    await _upgrade(db_url, start)
    engine = make_engine(db_url)
    try:
        async with engine.begin() as connection:  # a half-finished debrief and a note, in 0001's columns
            await connection.execute(
                text(
                    "INSERT INTO conversations (platform, workspace, user_id, channel, flow_id, flow_version, status,"
                    " step, timezone, answers, progress, version, created_at, updated_at) VALUES ('console', 'local',"
                    " 'sam', 'terminal', 'thank_you', 1, 'done', 'confirm', 'UTC', :answers, '{}', 3, :at, :at)"
                ),
                {"answers": '{"company": "acme robotics 🙃"}', "at": WHEN},
            )
            await connection.execute(
                text(
                    "INSERT INTO notes (conversation_id, platform, workspace, user_id, position, interviewer, company,"
                    " channel, subject, body, status, created_at, updated_at) SELECT id, 'console', 'local', 'sam', 0,"
                    " 'priya n', 'acme robotics', 'email', 'thanks!', :body, 'drafted', :at, :at FROM conversations"
                ),
                {"body": "hi priya, thanks so much for today " * 40, "at": WHEN},
            )
    finally:
        await engine.dispose()

    await _upgrade(db_url, "heads")

    differences, current = await _inspect(db_url)
    assert current == HEADS
    assert differences == [], f"after {start} → heads:\n" + "\n".join(map(str, differences))
    engine = make_engine(db_url)
    try:
        async with engine.connect() as connection:
            body = (await connection.execute(text("SELECT body FROM notes"))).scalar_one()
            company = (await connection.execute(text("SELECT answers FROM conversations"))).scalar_one()
    finally:
        await engine.dispose()
    assert body.startswith("hi priya") and len(body) > 1000
    assert "acme robotics" in str(company)
