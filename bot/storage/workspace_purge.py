"""Delete everything one workspace left behind, when it uninstalls the app or revokes its bot token.

Tables are found by walking the metadata, like `privacy.user_tables`: every table with `platform` and
`workspace` columns (debriefs, notes, reminders, preferences, community settings and posts, members), plus
`community_members` rows counted for that community. Processed event ids carry no workspace and no personal
data; they expire within a day (`privacy.KEEP_EVENT_IDS`).
"""

from __future__ import annotations

from sqlalchemy import Table, delete
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

import bot.storage.models  # noqa: F401  (registers every table on the metadata)

WORKSPACE_COLUMNS = ("platform", "workspace")


def workspace_tables() -> list[Table]:
    """Tables holding a workspace's rows, children before parents (safe deletion order)."""
    tables = [t for t in SQLModel.metadata.sorted_tables if all(c in t.c for c in WORKSPACE_COLUMNS)]
    return list(reversed(tables))


async def purge_workspace(session: AsyncSession, *, platform: str, workspace: str) -> dict[str, int]:
    """Delete every row of `workspace` on `platform`; returns rows deleted per table."""
    deleted: dict[str, int] = {}
    for table in workspace_tables():
        ours = table.c.workspace == workspace
        if "community" in table.c:  # a member counted for this community, whatever their own workspace
            ours = ours | (table.c.community == workspace)
        mine = (table.c.platform == platform) & ours
        result = await session.execute(delete(table).where(mine))
        deleted[table.name] = int(result.rowcount)  # type: ignore[attr-defined]
    return deleted
