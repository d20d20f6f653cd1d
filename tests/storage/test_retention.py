"""Data that should go, goes: abandoned debriefs, stale pending reminders, event ids; the console purges too;
and SQLite overwrites what `forget me` deletes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.console.main import converse
from bot.config import load_settings
from bot.conversation.service import ConversationService
from bot.events import Start, TextAnswer
from bot.runtime import Core, running
from bot.storage.db import session_factory
from bot.storage.models import Conversation, ProcessedEvent, Reminder
from bot.storage.privacy import forget, purge, purge_once_a_day
from tests.fakes.clock import FakeClock
from tests.fakes.sender import RecordingSender
from tests.reminders.conftest import ME, SOMEONE_ELSE
from tests.reminders.debrief import event_id, finish_debrief


async def _rows(engine: AsyncEngine, model: type, who: str | None = None) -> int:
    async with session_factory(engine)() as session:
        query = select(func.count()).select_from(model)
        if who is not None:
            query = query.where(model.user_id == who)  # type: ignore[attr-defined]
        return int((await session.execute(query)).scalar_one())


async def _half_debrief(service: ConversationService, who: str = ME.user) -> None:
    """Start and give two answers, then walk away (the row stays active)."""
    address = ME if who == ME.user else SOMEONE_ELSE
    sender = RecordingSender()
    await service.handle(Start(address, event_id(), "America/New_York"), sender)
    for answer in ("um sam quillbright", "zentropa widgets i think"):
        await service.handle(TextAnswer(address, event_id(), answer), sender)


async def _age(engine: AsyncEngine, days: int, who: str) -> None:
    async with session_factory(engine)() as session, session.begin():
        old = {"updated_at": (await session.execute(select(func.max(Conversation.updated_at)))).scalar_one()}
        when = old["updated_at"] - timedelta(days=days)
        await session.execute(update(Conversation).where(Conversation.user_id == who).values(updated_at=when))  # type: ignore[arg-type]
        await session.execute(
            update(Reminder).where(Reminder.user_id == who).values(updated_at=when, due_at=when)  # type: ignore[arg-type]
        )


async def test_an_abandoned_debrief_older_than_retention_is_removed_with_its_answers(
    service: ConversationService, database: AsyncEngine, clock: FakeClock
) -> None:
    await _half_debrief(service, ME.user)
    await _half_debrief(service, SOMEONE_ELSE.user)  # abandoned too, but only last week: kept
    await _age(database, 400, ME.user)
    await _age(database, 7, SOMEONE_ELSE.user)
    async with session_factory(database)() as session, session.begin():
        counts = await purge(session, now=clock.now())
    assert counts["conversations"] == 1
    assert await _rows(database, Conversation, ME.user) == 0
    assert await _rows(database, Conversation, SOMEONE_ELSE.user) == 1


async def test_a_finished_debrief_whose_reminders_stayed_pending_past_retention_is_removed(
    service: ConversationService, database: AsyncEngine, clock: FakeClock
) -> None:
    await finish_debrief(service, ME, RecordingSender())  # reminders pending, never delivered (console only)
    await finish_debrief(service, SOMEONE_ELSE, RecordingSender())  # old debrief, reminder still to come
    await _age(database, 200, ME.user)
    async with session_factory(database)() as session, session.begin():
        await session.execute(
            update(Conversation).where(Conversation.user_id == SOMEONE_ELSE.user)  # type: ignore[arg-type]
            .values(updated_at=clock.now() - timedelta(days=200))
        )  # fmt: skip
    async with session_factory(database)() as session, session.begin():
        counts = await purge(session, now=clock.now())
    assert counts["conversations"] == 1 and counts["reminders"] >= 1
    assert await _rows(database, Reminder, ME.user) == 0
    assert await _rows(database, Conversation, ME.user) == 0
    assert await _rows(database, Conversation, SOMEONE_ELSE.user) == 1
    assert await _rows(database, Reminder, SOMEONE_ELSE.user) >= 1


async def test_event_ids_are_pruned_after_the_redelivery_window_so_the_table_stays_bounded(
    service: ConversationService, database: AsyncEngine, clock: FakeClock
) -> None:
    await finish_debrief(service, ME, RecordingSender())
    first_day = await _rows(database, ProcessedEvent)
    clock.advance(days=2)
    await finish_debrief(service, SOMEONE_ELSE, RecordingSender())
    async with session_factory(database)() as session, session.begin():
        counts = await purge(session, now=clock.now())
    assert counts["processed_events"] == first_day
    assert await _rows(database, ProcessedEvent) > 0  # today's stay: a redelivery now still dedupes


async def test_the_daily_purge_runs_once_per_day_across_processes(core: Core, clock: FakeClock) -> None:
    async with core.sessions() as session, session.begin():
        assert await purge_once_a_day(session, now=clock.now()) is not None
    async with core.sessions() as session, session.begin():
        assert await purge_once_a_day(session, now=clock.now() + timedelta(hours=3)) is None
    clock.advance(days=1)
    async with core.sessions() as session, session.begin():
        assert await purge_once_a_day(session, now=clock.now()) is not None


class _NoInput:
    async def read(self) -> None:
        return None


async def test_the_console_runs_retention_at_start_for_console_only_installs(
    core: Core, database: AsyncEngine, capsys: object
) -> None:
    await _half_debrief(core.service, SOMEONE_ELSE.user)
    await _age(database, 400, SOMEONE_ELSE.user)
    await converse(core, user=ME.user, jsonl=True, reader=_NoInput())
    assert await _rows(database, Conversation, SOMEONE_ELSE.user) == 0
    assert await _rows(database, Conversation, ME.user) == 1  # the session it just started


async def test_forgotten_answers_are_overwritten_in_the_sqlite_file(sqlite_url: str, clock: FakeClock) -> None:
    """PostgreSQL keeps dead rows until VACUUM (README, Privacy); SQLite must not keep them at all."""
    async with running(load_settings(database_url=sqlite_url), clock=clock) as core:
        async with core.database.connect() as connection:
            assert (await connection.execute(text("PRAGMA secure_delete"))).scalar_one() == 1
        await finish_debrief(core.service, ME, RecordingSender())
        async with core.sessions() as session, session.begin():
            await forget(session, ME)
    # closed: the last connection checkpointed the WAL into the file
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    stored = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    for answer in ("Acme Robotics", "Priya Natarajan", "Kafka in production", "nightly batch pipeline"):
        assert answer.encode() not in stored, f"{answer!r} is still readable in the SQLite file"
