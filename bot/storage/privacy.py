"""A user's data rights and storage limits: `forget` (delete everywhere), `export` (everything we hold), `purge`
(retention). Tables are found by walking the metadata, so a table added later with (platform, workspace,
user_id) columns is covered without touching this module.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col

import bot.storage.models  # noqa: F401  (registers every table on the metadata)
from bot.events import Address
from bot.storage.models import Conversation, Note, ProcessedEvent, Reminder, UserPrefs
from bot.vocabulary import LIVE_REMINDERS, ConversationStatus

USER_COLUMNS = ("platform", "workspace", "user_id")
KEEP_DAYS = 180
KEEP_EVENT_IDS = timedelta(hours=24)


def user_tables() -> list[Table]:
    """Tables that hold a user's rows, children before parents (safe deletion order)."""
    tables = [t for t in SQLModel.metadata.sorted_tables if all(c in t.c for c in USER_COLUMNS)]
    return list(reversed(tables))


def _mine(table: Table, address: Address) -> Any:
    platform, workspace, user = address.key
    return (table.c.platform == platform) & (table.c.workspace == workspace) & (table.c.user_id == user)


async def forget(session: AsyncSession, address: Address) -> dict[str, int]:
    """Delete everything about this user from every table; returns rows deleted per table."""
    deleted: dict[str, int] = {}
    for table in user_tables():
        result = await session.execute(delete(table).where(_mine(table, address)))
        deleted[table.name] = int(result.rowcount)  # type: ignore[attr-defined]
    return deleted


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


async def export(session: AsyncSession, address: Address) -> dict[str, list[dict[str, Any]]]:
    """Everything we hold about this user, as JSON-ready rows per table."""
    found: dict[str, list[dict[str, Any]]] = {}
    for table in reversed(user_tables()):
        rows = (await session.execute(select(table).where(_mine(table, address)))).mappings().all()
        found[table.name] = [{key: _plain(value) for key, value in row.items()} for row in rows]
    return found


async def purge(session: AsyncSession, *, now: datetime, keep_days: int = KEEP_DAYS) -> dict[str, int]:
    """Expire old data: event ids after a day; debriefs, notes and reminders `keep_days` after their last
    change (unless a reminder is still to come or mid-send: `LIVE_REMINDERS`); preferences of users with nothing
    else left."""
    cutoff = now - timedelta(days=keep_days)
    counts: dict[str, int] = {}
    events = await session.execute(delete(ProcessedEvent).where(col(ProcessedEvent.seen_at) < now - KEEP_EVENT_IDS))
    counts["processed_events"] = int(events.rowcount)  # type: ignore[attr-defined]
    live = select(col(Reminder.conversation_id)).where(
        col(Reminder.status).in_(sorted(LIVE_REMINDERS)), col(Reminder.conversation_id).is_not(None)
    )
    old = select(col(Conversation.id)).where(
        col(Conversation.updated_at) < cutoff,
        col(Conversation.status) != ConversationStatus.ACTIVE,
        col(Conversation.id).not_in(live),
    )
    old_ids = list((await session.execute(old)).scalars())
    counts["reminders"] = await _delete(
        session,
        delete(Reminder).where(
            (col(Reminder.conversation_id).in_(old_ids))
            | (col(Reminder.conversation_id).is_(None) & (col(Reminder.updated_at) < cutoff)
               & col(Reminder.status).not_in(sorted(LIVE_REMINDERS)))
        ),
    )  # fmt: skip
    counts["notes"] = await _delete(session, delete(Note).where(col(Note.conversation_id).in_(old_ids)))
    counts["conversations"] = await _delete(session, delete(Conversation).where(col(Conversation.id).in_(old_ids)))
    counts["user_prefs"] = await _purge_prefs(session, cutoff)
    return counts


async def _delete(session: AsyncSession, statement: Any) -> int:
    return int((await session.execute(statement)).rowcount)  # type: ignore[attr-defined]


async def _purge_prefs(session: AsyncSession, cutoff: datetime) -> int:
    """Preferences untouched since the cutoff whose owner has no debrief or reminder left."""
    stale = (await session.execute(select(UserPrefs).where(col(UserPrefs.updated_at) < cutoff))).scalars().all()
    removed = 0
    for prefs in stale:
        address = Address(prefs.platform, prefs.workspace, "", prefs.user_id)
        exported = await export(session, address)
        if not any(rows for name, rows in exported.items() if name != UserPrefs.__tablename__):
            await session.delete(prefs)
            removed += 1
    return removed
