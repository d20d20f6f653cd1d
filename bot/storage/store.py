"""Repository functions over the tables; keyword-only, each takes the caller's session (one transaction)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.actions import DraftsReady, ReminderScheduled
from bot.answers import Answers, parse_answers
from bot.compose.timing import Offsets
from bot.conversation.state import ConversationState
from bot.errors import AnswersInvalid, ConversationConflict
from bot.events import Address
from bot.storage.models import Conversation, Note, ProcessedEvent, Reminder, UserPrefs
from bot.vocabulary import ConversationStatus, ReminderStatus

# The three statements of every turn are built once: rebuilding them per call, and sending single-row
# writes through the ORM's bulk path, cost about half the CPU of a turn (benchmarks/bench_engine.py).
_EVENTS: Table = ProcessedEvent.__table__  # type: ignore[attr-defined]
_CONVERSATIONS: Table = Conversation.__table__  # type: ignore[attr-defined]
_NOTES: Table = Note.__table__  # type: ignore[attr-defined]
_MARK = {
    name: dialect.insert(_EVENTS).on_conflict_do_nothing(index_elements=["platform", "event_id"])
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}
_REMIND = {
    name: dialect.insert(Reminder.__table__).on_conflict_do_nothing(index_elements=["dedupe_key"])  # type: ignore[attr-defined]
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}
_ACTIVE = select(Conversation).where(
    col(Conversation.platform) == bindparam("platform"),
    col(Conversation.workspace) == bindparam("workspace"),
    col(Conversation.user_id) == bindparam("user_id"),
    col(Conversation.status) == ConversationStatus.ACTIVE,
)
_SAVE = update(_CONVERSATIONS).where(
    _CONVERSATIONS.c.id == bindparam("row_id"), _CONVERSATIONS.c.version == bindparam("row_version")
)


async def mark_processed(session: AsyncSession, *, platform: str, event_id: str, now: datetime) -> bool:
    """Record an event id; False when it was already handled (a redelivery or a double click)."""
    statement = _MARK["postgresql" if session.get_bind().dialect.name == "postgresql" else "sqlite"]
    result = await session.execute(statement, {"platform": platform, "event_id": event_id, "seen_at": now})
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def load_active(session: AsyncSession, *, address: Address) -> Conversation | None:
    platform, workspace, user = address.key
    parameters = {"platform": platform, "workspace": workspace, "user_id": user}
    return (await session.execute(_ACTIVE, parameters)).scalar_one_or_none()


def to_state(row: Conversation) -> ConversationState:
    progress = row.progress if isinstance(row.progress, dict) else {}
    return ConversationState(
        flow_id=row.flow_id,
        flow_version=row.flow_version,
        cursor=row.step,
        timezone=row.timezone,
        answers=row.answers if isinstance(row.answers, dict) else {},
        status=ConversationStatus.ACTIVE if row.status == ConversationStatus.ACTIVE else ConversationStatus.DONE,
        return_to=progress.get("return_to") if isinstance(progress.get("return_to"), str) else None,
        queue=tuple(q for q in progress.get("queue", []) if isinstance(q, str)),
        failures=progress.get("failures", 0) if isinstance(progress.get("failures"), int) else 0,
        remembered=tuple(f for f in progress.get("remembered", []) if isinstance(f, str)),
        confirming_cancel=progress.get("confirming_cancel") is True,
        previewing=progress.get("previewing") is True,
        community=dict(progress["community"]) if isinstance(progress.get("community"), dict) else {},
        offsets=Offsets.from_json(progress.get("offsets")),
    )


async def save_state(
    session: AsyncSession, *, row: Conversation | None, state: ConversationState, address: Address, now: datetime
) -> int:
    """Insert or update (optimistic version check); return the conversation id."""
    values: dict[str, Any] = {
        "step": state.cursor,
        "status": state.status,
        "answers": state.answers,
        "progress": state.progress(),
        "timezone": state.timezone,
        "channel": address.channel,
        "updated_at": now,
    }
    if row is None:
        new = Conversation(
            platform=address.platform, workspace=address.workspace, user_id=address.user,
            flow_id=state.flow_id, flow_version=state.flow_version, created_at=now, **values,
        )  # fmt: skip
        session.add(new)
        try:
            await session.flush()
        except IntegrityError:
            raise ConversationConflict("another conversation was started at the same moment") from None
        assert new.id is not None
        return new.id
    parameters = {"row_id": row.id, "row_version": row.version, "version": row.version + 1, **values}
    result = await session.execute(_SAVE, parameters)
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConversationConflict(f"conversation {row.id} changed underneath us")
    assert row.id is not None
    return row.id


async def save_notes(
    session: AsyncSession, *, conversation_id: int, address: Address, ready: DraftsReady, now: datetime
) -> DraftsReady:
    """Store the drafts, replacing earlier ones of this conversation (finishing again after an edit); each
    note's `position` is its interviewer's index in the answers. Returns the drafts tagged with the id."""
    answers = ready.answers
    assert answers is not None, "the engine attaches the answers it composed from"
    await session.execute(delete(_NOTES).where(_NOTES.c.conversation_id == conversation_id))
    for position, (person, draft) in enumerate(zip(answers.interviewers, ready.drafts.drafts, strict=True)):
        session.add(
            Note(
                conversation_id=conversation_id, platform=address.platform, workspace=address.workspace,
                user_id=address.user, position=position, interviewer=person.name, company=answers.company,
                channel=draft.channel, subject=draft.subject, body=draft.body, created_at=now, updated_at=now,
            )
        )  # fmt: skip
    return replace(ready, conversation_id=conversation_id)


def answers_of(row: Conversation) -> Answers | None:
    """A finished debrief's answers as the validated model (None while partial, or if the row was damaged)."""
    try:
        return parse_answers(row.answers)
    except AnswersInvalid:
        return None


async def schedule_reminders(
    session: AsyncSession,
    *,
    conversation_id: int,
    address: Address,
    reminders: Sequence[ReminderScheduled],
    now: datetime,
) -> None:
    """One row per (conversation, kind): finishing twice never creates a second set."""
    statement = _REMIND["postgresql" if session.get_bind().dialect.name == "postgresql" else "sqlite"]
    for reminder in reminders:
        await session.execute(statement, {
            "dedupe_key": f"conversation:{conversation_id}:{reminder.kind}", "conversation_id": conversation_id,
            "platform": address.platform, "workspace": address.workspace, "channel": address.channel,
            "user_id": address.user, "kind": reminder.kind, "due_at": reminder.due_at,
            "status": ReminderStatus.PENDING, "attempts": 0, "created_at": now, "updated_at": now,
        })  # fmt: skip


async def user_timezone(session: AsyncSession, *, address: Address) -> str | None:
    platform, workspace, user = address.key
    prefs = await session.get(UserPrefs, (platform, workspace, user))
    return prefs.timezone if prefs is not None else None
