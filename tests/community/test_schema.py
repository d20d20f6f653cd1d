"""Migration 0003 creates exactly what the models describe (tables, columns, types, nullability, indexes)."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import bot.storage.models  # noqa: F401  (registers the tables)
from bot.runtime import Core

MINE = {"community_settings", "channel_posts", "community_members"}


def _touches_mine(diff: Any) -> bool:
    """A difference about one of this migration's tables (or the `quiet` column it adds)."""
    flat = str(diff)
    return any(f"'{name}'" in flat or f"<{name}>" in flat for name in MINE) or "'quiet'" in flat


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return [d for d in compare_metadata(context, SQLModel.metadata) if _touches_mine(d)]


async def test_models_match_the_migrated_schema(core: Core) -> None:
    async with core.database.connect() as connection:
        differences = await connection.run_sync(_differences)
    assert differences == []
