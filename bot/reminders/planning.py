"""Deciding each claimed reminder's fate before anything is posted: send (with its message), wait (pause,
quiet hours), skip (the note's life cycle made it pointless), fold (missed by more than the grace window),
or fail at once (the user's DM is known to be closed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from bot.actions import Nudge
from bot.reminders import lifecycle
from bot.reminders.messages import build_nudge
from bot.reminders.queue import finish
from bot.storage.models import Conversation, Reminder
from bot.storage.store import answers_of
from bot.time.local import deliverable_at
from bot.vocabulary import ReminderKind, ReminderStatus


@dataclass
class Plan:
    row: Reminder
    nudge: Nudge | None = None
    defer_to: datetime | None = None
    stale: bool = False
    closed: bool = False
    company: str = ""
    tz_name: str = "UTC"
    marked: bool = False  # committed as `sending`
    lease_until: datetime | None = None


async def plan_batch(
    session: AsyncSession, rows: list[Reminder], now: datetime, *, grace: timedelta, default_timezone: str
) -> list[Plan]:
    """Load what the messages need (preferences, conversations, notes) in a few queries and decide."""
    conversation_ids = sorted({r.conversation_id for r in rows if r.conversation_id is not None})
    conversations: dict[int, Conversation] = {}
    if conversation_ids:
        found = await session.execute(select(Conversation).where(col(Conversation.id).in_(conversation_ids)))
        conversations = {c.id: c for c in found.scalars() if c.id is not None}
    notes = await lifecycle.notes_of(session, conversation_ids)
    all_prefs = await lifecycle.prefs_of(session, rows)
    plans: list[Plan] = []
    for row in rows:
        prefs = all_prefs.get((row.platform, row.workspace, row.user_id))
        conversation = conversations.get(row.conversation_id or -1)
        tz = lifecycle.zone_for(prefs, conversation, default_timezone)
        plan = Plan(row, tz_name=tz.key, company=_company(conversation))
        when = deliverable_at(
            max(row.due_at, now), tz, quiet_start=prefs.quiet_start if prefs else None,
            quiet_stop=prefs.quiet_end if prefs else None, paused_until=prefs.paused_until if prefs else None,
        )  # fmt: skip
        if prefs is not None and prefs.dm_closed_at is not None:
            plan.closed = True  # a platform already told us this DM is closed: don't knock again
        elif prefs is not None and prefs.quiet:
            pass  # `/thankyou quiet`: the bot starts no DM, so the reminder is skipped (no nudge)
        elif when > now:
            plan.defer_to = when
        elif row.kind != ReminderKind.DIGEST and row.next_attempt_at is None and now - row.due_at > grace:
            plan.stale = True
        else:
            plan.nudge = build_nudge(row, conversation, notes.get(row.conversation_id or -1, []), tz)
        plans.append(plan)
    return plans


async def fold_stale(session: AsyncSession, group: list[Plan], now: datetime) -> int:
    """One user's reminders missed by more than the grace window become one "while I was away" message."""
    items = []
    for plan in group:
        if await finish(
            session,
            plan.row,
            from_status=ReminderStatus.CLAIMED,
            now=now,
            status=ReminderStatus.MISSED,
            lease_until=None,
        ):
            items.append({"kind": plan.row.kind, "due_at": plan.row.due_at.isoformat(), "company": plan.company})
    if items:
        first = group[0].row
        await lifecycle.insert_reminder(
            session, dedupe_key=f"away:{min(p.row.id or 0 for p in group)}", conversation_id=None,
            platform=first.platform, workspace=first.workspace, channel=first.channel, user_id=first.user_id,
            kind=ReminderKind.DIGEST, due_at=now, status=ReminderStatus.PENDING, attempts=0, sequence=1,
            occurrence=0,
            payload={"items": items}, created_at=now, updated_at=now,
        )  # fmt: skip
    return len(items)


def backoff(row: Reminder) -> timedelta:
    """30 s, 1 min, 2 min … capped at an hour, with a little per-row jitter so retries don't stampede."""
    seconds = min(30 * 2 ** max(row.attempts - 1, 0), 3600)
    return timedelta(seconds=seconds * (1 + ((row.id or 0) * 7919 % 100) / 500))


def _company(conversation: Conversation | None) -> str:
    answers = answers_of(conversation) if conversation is not None else None
    return answers.company if answers is not None else ""
