"""A user's data rights and storage limits: `forget` (delete everywhere), `export` (everything we hold), `purge`
(retention). Tables are found by walking the metadata, so a table added later with (platform, workspace,
user_id) columns is covered without touching this module.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col

import bot.storage.models  # noqa: F401  (registers every table on the metadata)
from bot.events import Address
from bot.storage.cancelled import wipe_expired_cancellations
from bot.storage.kept_longer import kept_longer
from bot.storage.models import Conversation, Note, ProcessedEvent, Reminder, UserPrefs
from bot.storage.store import mark_processed
from bot.vocabulary import LIVE_REMINDERS

USER_COLUMNS = ("platform", "workspace", "user_id")
KEEP_DAYS = 180
#: Slack redelivers an event within minutes and Discord not at all; a day is far past either
KEEP_EVENT_IDS = timedelta(hours=24)
_MAINTENANCE = "maintenance"  # the processed_events "platform" of the daily retention marker


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
    """Expire old data: event ids after a day (`KEEP_EVENT_IDS`, far past any platform's redelivery); debriefs,
    notes and reminders `keep_days` after their last change, finished or abandoned mid-way alike. A reminder
    still to come or mid-send (`LIVE_REMINDERS`) keeps its debrief only while it is itself inside the window
    (due or touched since the cutoff): one left pending past retention, which no worker will ever deliver,
    keeps nothing. A debrief whose community keeps data longer (`kept_longer`) stays until that period ends.
    Preferences go when their owner has nothing else left."""
    cutoff = now - timedelta(days=keep_days)
    counts: dict[str, int] = {}
    events = await session.execute(delete(ProcessedEvent).where(col(ProcessedEvent.seen_at) < now - KEEP_EVENT_IDS))
    counts["processed_events"] = int(events.rowcount)  # type: ignore[attr-defined]
    still_live = col(Reminder.status).in_(sorted(LIVE_REMINDERS)) & (
        (col(Reminder.due_at) >= cutoff) | (col(Reminder.updated_at) >= cutoff)
    )
    live = select(col(Reminder.conversation_id)).where(still_live, col(Reminder.conversation_id).is_not(None))
    old = select(col(Conversation.id)).where(col(Conversation.updated_at) < cutoff, col(Conversation.id).not_in(live))
    kept = await kept_longer(session, now=now, keep_days=keep_days)
    if kept is not None:
        old = old.where(~kept)
    old_ids = list((await session.execute(old)).scalars())
    counts["reminders"] = await _delete(
        session,
        delete(Reminder).where(
            (col(Reminder.conversation_id).in_(old_ids))
            | (col(Reminder.conversation_id).is_(None) & (col(Reminder.updated_at) < cutoff) & ~still_live)
        ),
    )
    counts["notes"] = await _delete(session, delete(Note).where(col(Note.conversation_id).in_(old_ids)))
    counts["conversations"] = await _delete(session, delete(Conversation).where(col(Conversation.id).in_(old_ids)))
    counts["user_prefs"] = await _purge_prefs(session, cutoff)
    counts["cancelled_answers"] = await wipe_expired_cancellations(session, now=now)  # `undo` lasts a day
    return counts


async def purge_once_a_day(session: AsyncSession, *, now: datetime) -> dict[str, int] | None:
    """The purge for processes without a scheduler (the console): at most once per UTC day across every
    process on this database, recorded as a processed event `retention-<date>` (cheap: one insert when done
    already). None when it ran today."""
    marker = f"retention-{now.astimezone(UTC).date().isoformat()}"
    if not await mark_processed(session, platform=_MAINTENANCE, event_id=marker, now=now):
        return None
    return await purge(session, now=now)


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
