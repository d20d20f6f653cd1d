"""The note's life cycle (drafted → sent → replied | no_reply → closed) and the reminder rows that follow it."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.compose.timing import Offsets
from bot.events import Address
from bot.storage.models import Conversation, Note, Reminder, UserPrefs
from bot.time.business_days import is_business_day
from bot.time.local import same_time_later
from bot.time.zones import zone
from bot.vocabulary import (
    FINISHED_REMINDERS,
    OPEN_NOTES,
    REARMABLE_REMINDERS,
    UPCOMING_REMINDERS,
    NoteStatus,
    ReminderKind,
    ReminderStatus,
)

MAX_CHECKINS = 2
CHECKIN_GAP_DAYS = 7


def owns(row: Reminder | Conversation, address: Address) -> bool:
    return (row.platform, row.workspace, row.user_id) == address.key


async def insert_reminder(session: AsyncSession, **values: Any) -> bool:
    """Insert once per dedupe key; False when it already existed (a redelivery or a second worker)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(Reminder).values(**values).on_conflict_do_nothing(index_elements=["dedupe_key"])
    return bool((await session.execute(statement)).rowcount)  # type: ignore[attr-defined]


async def prefs_for(session: AsyncSession, platform: str, workspace: str, user: str) -> UserPrefs | None:
    return await session.get(UserPrefs, (platform, workspace, user))


async def prefs_of(session: AsyncSession, rows: Sequence[Reminder]) -> dict[tuple[str, str, str], UserPrefs]:
    """Preferences of every user in a batch, in one query."""
    users = sorted({r.user_id for r in rows})
    if not users:
        return {}
    found = await session.execute(select(UserPrefs).where(col(UserPrefs.user_id).in_(users)))
    return {(p.platform, p.workspace, p.user_id): p for p in found.scalars()}


def zone_for(prefs: UserPrefs | None, conversation: Conversation | None, default: str) -> ZoneInfo:
    """Preferences win over the zone the debrief was held in, which wins over the bot's default."""
    return zone(prefs.timezone if prefs else None, conversation.timezone if conversation else None, default)


async def notes_of(session: AsyncSession, conversation_ids: Sequence[int]) -> dict[int, list[Note]]:
    found: dict[int, list[Note]] = {cid: [] for cid in conversation_ids}
    if not conversation_ids:
        return found
    statement = select(Note).where(col(Note.conversation_id).in_(list(conversation_ids))).order_by(col(Note.position))
    for note in (await session.execute(statement)).scalars():
        found.setdefault(note.conversation_id, []).append(note)
    return found


async def mark_notes(
    session: AsyncSession, conversation_id: int, *, to: NoteStatus, now: datetime,
    only: Collection[NoteStatus] | None = None,
    position: int | None = None,
) -> int:  # fmt: skip
    statement = update(Note).where(col(Note.conversation_id) == conversation_id)
    if only is not None:
        statement = statement.where(col(Note.status).in_(sorted(only)))
    if position is not None:
        statement = statement.where(col(Note.position) == position)
    return int((await session.execute(statement.values(status=to, updated_at=now))).rowcount)  # type: ignore[attr-defined]


async def cancel_rest(
    session: AsyncSession, conversation_id: int, *, now: datetime, kinds: Sequence[ReminderKind] | None = None
) -> int:
    """Cancel upcoming reminders of a conversation (a row mid-send finishes; nothing re-creates it)."""
    statement = update(Reminder).where(
        col(Reminder.conversation_id) == conversation_id, col(Reminder.status).in_(sorted(UPCOMING_REMINDERS))
    )
    if kinds is not None:
        statement = statement.where(col(Reminder.kind).in_(list(kinds)))
    result = await session.execute(statement.values(status=ReminderStatus.CANCELLED, lease_until=None, updated_at=now))
    return int(result.rowcount)  # type: ignore[attr-defined]


async def notes_sent(session: AsyncSession, conversation_id: int, *, now: datetime, position: int | None) -> int:
    """The user sent their note(s): stop the send-by nudge once nothing is left to send."""
    changed = await mark_notes(
        session, conversation_id, to=NoteStatus.SENT, now=now, only=(NoteStatus.DRAFTED,), position=position
    )
    notes = (await notes_of(session, [conversation_id]))[conversation_id]
    if not any(n.status == NoteStatus.DRAFTED for n in notes):
        await cancel_rest(session, conversation_id, now=now, kinds=(ReminderKind.SEND_BY,))
    return changed


async def after_checkin(session: AsyncSession, row: Reminder, *, tz: ZoneInfo, now: datetime) -> None:
    """A check-in went out: notes wait for a reply; schedule the second (and last) one a week later (or as many
    days as the member's community chose when the debrief started)."""
    if row.conversation_id is None:
        return
    if row.sequence >= MAX_CHECKINS:
        await mark_notes(session, row.conversation_id, to=NoteStatus.CLOSED, now=now, only=OPEN_NOTES)
        return
    await mark_notes(
        session, row.conversation_id, to=NoteStatus.NO_REPLY, now=now, only=(NoteStatus.DRAFTED, NoteStatus.SENT)
    )
    following = row.sequence + 1
    await insert_reminder(
        session, dedupe_key=f"conversation:{row.conversation_id}:follow_up:{following}",
        conversation_id=row.conversation_id, platform=row.platform, workspace=row.workspace, channel=row.channel,
        user_id=row.user_id, kind=ReminderKind.FOLLOW_UP, sequence=following, occurrence=0, attempts=0,
        status=ReminderStatus.PENDING,
        due_at=await _second_checkin(session, row, tz), created_at=now, updated_at=now,
    )  # fmt: skip


async def _second_checkin(session: AsyncSession, row: Reminder, tz: ZoneInfo) -> datetime:
    """A week after the first, at the same local time; or the community's gap (chosen when the debrief started),
    moved on to a business day when it lands on a weekend."""
    conversation = await session.get(Conversation, row.conversation_id)
    progress = conversation.progress if conversation is not None and isinstance(conversation.progress, dict) else {}
    offsets = Offsets.from_json(progress.get("offsets"))
    if offsets is None or offsets.follow_up_days is None:
        return same_time_later(row.due_at, tz, CHECKIN_GAP_DAYS)
    due = same_time_later(row.due_at, tz, offsets.follow_up_days)
    while not is_business_day(due.astimezone(tz).date()):
        due = same_time_later(due, tz, 1)
    return due


async def rearm(session: AsyncSession, row: Reminder, *, due: datetime, now: datetime) -> bool:
    """Deliver this reminder again at `due` (snooze or a new time); a no-op on finished reminders."""
    if row.status in FINISHED_REMINDERS or row.status == ReminderStatus.SENDING:
        return False
    statement = (
        update(Reminder)
        .where(col(Reminder.id) == row.id, col(Reminder.status).in_(sorted(REARMABLE_REMINDERS)))
        .values(
            status=ReminderStatus.PENDING, due_at=due, occurrence=row.occurrence + 1, attempts=0, next_attempt_at=None,
            lease_until=None, claimed_by=None, message_id=None, last_error=None, updated_at=now,
        )
    )  # fmt: skip
    return bool((await session.execute(statement)).rowcount)  # type: ignore[attr-defined]


async def upcoming(session: AsyncSession, address: Address) -> list[Reminder]:
    platform, workspace, user = address.key
    statement = (
        select(Reminder)
        .where(
            col(Reminder.platform) == platform, col(Reminder.workspace) == workspace,
            col(Reminder.user_id) == user, col(Reminder.status).in_(sorted(UPCOMING_REMINDERS)),
        )
        .order_by(col(Reminder.due_at))
    )  # fmt: skip
    return list((await session.execute(statement)).scalars())


async def undefer(session: AsyncSession, address: Address, now: datetime) -> None:
    """After "resume", held reminders become due again at once (the scheduler re-checks quiet hours)."""
    platform, workspace, user = address.key
    await session.execute(
        update(Reminder)
        .where(
            col(Reminder.platform) == platform, col(Reminder.workspace) == workspace, col(Reminder.user_id) == user,
            col(Reminder.status) == ReminderStatus.PENDING, col(Reminder.next_attempt_at) > now,
        )
        .values(next_attempt_at=now, updated_at=now)
    )  # fmt: skip
