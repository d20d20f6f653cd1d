"""The typed vocabulary (bot/vocabulary.py) matches what is stored and what the code does with it.

These tests fail when a status list drifts again: the sets are checked against the queries that use them
(`reminders` list, cancel, claim, retention purge), not against copies of themselves.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, get_args

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

import bot
from bot import actions
from bot.answers import TONES
from bot.conversation import state
from bot.conversation.service import ConversationService
from bot.events import ReminderAction
from bot.reminders import lifecycle
from bot.reminders.commands import parse
from bot.reminders.messages import OPTIONS
from bot.reminders.queue import claim_due, claim_stuck
from bot.storage.db import session_factory
from bot.storage.models import Conversation, Note, Reminder
from bot.storage.privacy import purge
from bot.vocabulary import (
    ANSWERED_NOTES,
    FINISHED_REMINDERS,
    IN_FLIGHT_REMINDERS,
    LIVE_REMINDERS,
    OPEN_NOTES,
    REARMABLE_REMINDERS,
    SNOOZE_PREFIX,
    TONE_PREFIX,
    UPCOMING_REMINDERS,
    ConversationStatus,
    DraftActionName,
    NoteStatus,
    ReminderActionName,
    ReminderKind,
    ReminderStatus,
)
from tests.fakes.clock import FakeClock
from tests.fakes.sender import RecordingSender
from tests.reminders.conftest import ME
from tests.reminders.debrief import event_id, finish_debrief

BOT_SOURCES = Path(bot.__file__).parent
LEASE = timedelta(minutes=1)


# --- the enums are the stored strings ---------------------------------------------------------------------


def test_members_are_their_strings() -> None:
    assert ReminderStatus.PENDING == "pending" and "pending" in UPCOMING_REMINDERS
    assert f"{ReminderKind.SEND_BY}" == str(ReminderKind.SEND_BY) == "send_by"
    assert json.dumps({"kind": ReminderKind.SEND_BY}) == '{"kind": "send_by"}'
    assert {"send_by": 1}[ReminderKind.SEND_BY] == 1  # same hash as the plain string


def test_model_defaults_are_the_vocabulary() -> None:
    assert Conversation.model_fields["status"].default == ConversationStatus.ACTIVE
    assert Note.model_fields["status"].default == NoteStatus.DRAFTED
    assert Reminder.model_fields["status"].default == ReminderStatus.PENDING


async def test_values_fit_the_migrated_columns_and_the_active_index(database: AsyncEngine) -> None:
    """The schema comes from the migrations: no CHECK constraint to update, every value fits its VARCHAR."""

    def schema(connection: Any) -> dict[str, Any]:
        inspector = inspect(connection)
        lengths = {
            (table, column["name"]): column["type"].length
            for table in ("conversations", "notes", "reminders")
            for column in inspector.get_columns(table)
            if column["name"] in ("status", "kind")
        }
        checks = {t: inspector.get_check_constraints(t) for t in ("conversations", "notes", "reminders")}
        active = next(i for i in inspector.get_indexes("conversations") if i["name"] == "uq_conversations_active_user")
        return {"lengths": lengths, "checks": checks, "active": active}

    async with database.connect() as connection:
        found = await connection.run_sync(schema)
    for table, column, vocabulary in (
        ("conversations", "status", ConversationStatus),
        ("notes", "status", NoteStatus),
        ("reminders", "status", ReminderStatus),
        ("reminders", "kind", ReminderKind),
    ):
        assert max(len(v) for v in vocabulary) <= found["lengths"][(table, column)], (table, column)
    assert found["checks"] == {"conversations": [], "notes": [], "reminders": []}
    where = " ".join(str(v) for k, v in found["active"]["dialect_options"].items() if k.endswith("_where"))
    assert f"'{ConversationStatus.ACTIVE}'" in where


def test_literal_types_elsewhere_stay_inside_the_vocabulary() -> None:
    assert {str(k) for k in get_args(actions.ReminderKind)} == {ReminderKind.SEND_BY, ReminderKind.FOLLOW_UP}
    assert set(get_args(actions.EndReason)) <= set(ConversationStatus)
    status = {f.name: f for f in fields(state.ConversationState)}["status"]
    assert status.type == "ConversationStatus" and status.default == ConversationStatus.ACTIVE


@pytest.mark.parametrize("vocabulary", [ReminderStatus, NoteStatus, ReminderKind])
def test_every_member_is_used_by_the_code(vocabulary: type[Any]) -> None:
    """Nothing invented: each value is written or read somewhere outside the vocabulary itself."""
    sources = " ".join(p.read_text(encoding="utf-8") for p in BOT_SOURCES.rglob("*.py") if p.name != "vocabulary.py")
    for member in vocabulary:
        assert f"{vocabulary.__name__}.{member.name}" in sources or f'"{member.value}"' in sources, member


# --- the sets ---------------------------------------------------------------------------------------------


def test_reminder_sets_partition_the_statuses() -> None:
    groups = [UPCOMING_REMINDERS, IN_FLIGHT_REMINDERS, FINISHED_REMINDERS, {ReminderStatus.SENT}]
    assert sum(len(g) for g in groups) == len(ReminderStatus)
    assert set().union(*groups) == set(ReminderStatus)
    assert LIVE_REMINDERS == UPCOMING_REMINDERS | IN_FLIGHT_REMINDERS
    assert UPCOMING_REMINDERS | {ReminderStatus.SENT} == REARMABLE_REMINDERS


def test_note_sets_partition_the_statuses() -> None:
    assert not OPEN_NOTES & ANSWERED_NOTES
    assert set(NoteStatus) == OPEN_NOTES | ANSWERED_NOTES


def _conversation(user: str, now: datetime) -> Conversation:
    return Conversation(
        platform=ME.platform, workspace=ME.workspace, user_id=user, channel=ME.channel, flow_id="debrief",
        flow_version=1, status=ConversationStatus.DONE, step="done", timezone="UTC", created_at=now, updated_at=now,
    )  # fmt: skip


def _reminder(
    key: str, status: ReminderStatus, now: datetime, conversation_id: int | None, user: str, due: datetime | None = None
) -> Reminder:
    kind = ReminderKind.FOLLOW_UP if conversation_id is not None else ReminderKind.DIGEST
    return Reminder(
        dedupe_key=key, conversation_id=conversation_id, platform=ME.platform, workspace=ME.workspace,
        channel=ME.channel, user_id=user, kind=kind, due_at=due or now, status=status, attempts=1, claimed_by="gone",
        lease_until=now - LEASE, created_at=now, updated_at=now,
    )  # fmt: skip


async def _one_of_each(sessions: async_sessionmaker[AsyncSession], now: datetime) -> int:
    """One conversation of ME holding a reminder in every status (all due, every lease expired)."""
    async with sessions() as session, session.begin():
        conversation = _conversation(ME.user, now)
        session.add(conversation)
        await session.flush()
        assert conversation.id is not None
        session.add_all(_reminder(f"each:{s}", s, now, conversation.id, ME.user) for s in ReminderStatus)
        return conversation.id


async def _statuses(session: AsyncSession, ids: list[int]) -> set[str]:
    return {r.status for r in (await session.execute(select(Reminder).where(Reminder.id.in_(ids)))).scalars()}  # type: ignore[union-attr]


async def test_the_reminders_list_shows_exactly_the_upcoming(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    await _one_of_each(sessions, clock.now())
    async with sessions() as session:
        assert {r.status for r in await lifecycle.upcoming(session, ME)} == UPCOMING_REMINDERS


async def test_stop_cancels_exactly_the_upcoming(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    conversation_id = await _one_of_each(sessions, clock.now())
    async with sessions() as session, session.begin():
        cancelled = await lifecycle.cancel_rest(session, conversation_id, now=clock.now())
        rows = (await session.execute(select(Reminder))).scalars().all()
    assert cancelled == len(UPCOMING_REMINDERS)
    assert {r.dedupe_key for r in rows if r.status == ReminderStatus.CANCELLED} == {
        f"each:{s}" for s in UPCOMING_REMINDERS | {ReminderStatus.CANCELLED}
    }


async def test_the_queue_claims_the_upcoming_and_reconciles_the_in_flight(
    database: AsyncEngine, clock: FakeClock
) -> None:
    sessions = session_factory(database)
    await _one_of_each(sessions, clock.now())
    scope: dict[str, Any] = {"worker": "w", "now": clock.now(), "lease": LEASE, "limit": 100, "platforms": ["console"]}
    async with sessions() as session, session.begin():
        due = await claim_due(session, **scope)
        stuck = await claim_stuck(session, **scope)
    assert {r.dedupe_key for r in due} == {f"each:{s}" for s in UPCOMING_REMINDERS}
    assert {r.dedupe_key for r in stuck} == {f"each:{s}" for s in IN_FLIGHT_REMINDERS}


async def test_purge_keeps_every_live_reminder_and_deletes_the_rest(database: AsyncEngine, clock: FakeClock) -> None:
    """Per status: an old finished debrief whose only reminder (last touched long ago, due within the retention
    window) has that status, and an old digest. A live reminder due inside the window keeps its debrief; one
    left pending past retention keeps nothing (issue 11: `tests/storage/test_retention.py`)."""
    sessions = session_factory(database)
    old = clock.now() - timedelta(days=200)
    soon = clock.now() + timedelta(days=3)
    conversations: dict[ReminderStatus, int] = {}
    async with sessions() as session, session.begin():
        for status in ReminderStatus:
            conversation = _conversation(f"user-{status}", old)
            session.add(conversation)
            await session.flush()
            assert conversation.id is not None
            conversations[status] = conversation.id
            session.add(_reminder(f"debrief:{status}", status, old, conversation.id, f"user-{status}", due=soon))
            session.add(_reminder(f"digest:{status}", status, old, None, f"user-{status}", due=soon))
    async with sessions() as session, session.begin():
        await purge(session, now=clock.now(), keep_days=180)
    async with sessions() as session:
        left = {r.dedupe_key for r in (await session.execute(select(Reminder))).scalars()}
        kept = set((await session.execute(select(Conversation.id))).scalars())
    assert left == {f"{what}:{s}" for s in LIVE_REMINDERS for what in ("debrief", "digest")}
    assert kept == {conversations[s] for s in LIVE_REMINDERS}


# --- action names -----------------------------------------------------------------------------------------


def test_draft_action_names_cover_every_tone() -> None:
    tones = {a for a in DraftActionName if a.startswith(TONE_PREFIX)}
    assert tones == {f"{TONE_PREFIX}{t}" for t in TONES}
    assert set(DraftActionName) - tones == {"edit", "sent"}


def test_reminder_buttons_and_adapters_use_the_same_names() -> None:
    from adapters.discord.ids import DRAFT_TEMPLATE, REMINDER_ACTIONS, draft_id, reminder_id

    assert [c.value for c in OPTIONS] == list(ReminderActionName)
    assert tuple(ReminderActionName) == REMINDER_ACTIONS
    assert all(reminder_id(12, a) is not None for a in ReminderActionName)
    for action in DraftActionName:
        custom_id = draft_id(12, action, 0)
        assert custom_id is not None and re.fullmatch(DRAFT_TEMPLATE, custom_id), action


def test_typed_snooze_commands_give_button_names() -> None:
    for text, action in (
        ("reminders snooze 12", ReminderActionName.SNOOZE_HOUR),
        ("reminders snooze 12 tomorrow", ReminderActionName.SNOOZE_TOMORROW),
        ("reminders snooze 12 next week", ReminderActionName.SNOOZE_WEEK),
        ("reminders replied 12", ReminderActionName.REPLIED),
    ):
        command = parse(text, debrief_open=False)
        assert command is not None and (command.verb, command.target, command.argument) == ("act", 12, action)


async def test_every_snooze_button_rearms(
    reminder_service: ConversationService, database: AsyncEngine, clock: FakeClock
) -> None:
    await finish_debrief(reminder_service, ME, RecordingSender())
    sessions = session_factory(database)
    async with sessions() as session:
        query = select(Reminder).where(Reminder.kind == ReminderKind.SEND_BY)  # type: ignore[arg-type]
        row = (await session.execute(query)).scalar_one()
    assert row.id is not None
    snoozes = [a for a in ReminderActionName if a.startswith(SNOOZE_PREFIX)]
    for count, action in enumerate(snoozes, start=1):
        await reminder_service.handle(ReminderAction(ME, event_id(), row.id, action), RecordingSender())
        async with sessions() as session:
            again = await session.get(Reminder, row.id)
            assert again is not None and again.occurrence == count and again.status == ReminderStatus.PENDING
