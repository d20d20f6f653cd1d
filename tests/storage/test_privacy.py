"""forget / export / retention purge across every table that holds a user's data."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.conversation.service import ConversationService
from bot.storage.db import session_factory
from bot.storage.models import Conversation, ProcessedEvent, Reminder, UserPrefs
from bot.storage.privacy import export, forget, purge, user_tables
from tests.fakes.clock import FakeClock
from tests.fakes.sender import RecordingSender
from tests.reminders.conftest import ME, SOMEONE_ELSE
from tests.reminders.debrief import finish_debrief


async def _count(engine: AsyncEngine, who: str) -> dict[str, int]:
    counts = {}
    async with session_factory(engine)() as session:
        for table in user_tables():
            query = select(func.count()).select_from(table).where(table.c.user_id == who)
            counts[table.name] = int((await session.execute(query)).scalar_one())
    return counts


async def test_forget_deletes_one_users_rows_from_every_table(
    reminder_service: ConversationService, database: AsyncEngine, clock: FakeClock
) -> None:
    await finish_debrief(reminder_service, ME, RecordingSender())
    await finish_debrief(reminder_service, SOMEONE_ELSE, RecordingSender())
    async with session_factory(database)() as session, session.begin():
        await session.merge(UserPrefs(platform="console", workspace="local", user_id=ME.user, timezone="Asia/Kolkata",
                                      updated_at=clock.now()))  # fmt: skip
    assert {"conversations", "notes", "reminders", "user_prefs"} <= {t.name for t in user_tables()}
    before_other = await _count(database, SOMEONE_ELSE.user)

    async with session_factory(database)() as session, session.begin():
        deleted = await forget(session, ME)

    assert deleted["notes"] == 2 and deleted["reminders"] == 2 and deleted["user_prefs"] == 1
    assert set((await _count(database, ME.user)).values()) == {0}
    assert await _count(database, SOMEONE_ELSE.user) == before_other


async def test_export_returns_only_this_users_data_as_json(
    reminder_service: ConversationService, database: AsyncEngine
) -> None:
    await finish_debrief(reminder_service, ME, RecordingSender())
    await finish_debrief(reminder_service, SOMEONE_ELSE, RecordingSender())
    async with session_factory(database)() as session:
        data = await export(session, ME)
    text = json.dumps(data)
    assert data["conversations"][0]["answers"]["company"] == "Acme Robotics"
    assert [n["interviewer"] for n in data["notes"]] == ["Priya Natarajan", "Tom Li"]
    assert {r["user_id"] for rows in data.values() for r in rows} == {ME.user}
    assert "alex" not in text


async def test_retention_purge_expires_old_data_and_keeps_young_or_pending(
    reminder_service: ConversationService, database: AsyncEngine, clock: FakeClock
) -> None:
    await finish_debrief(reminder_service, ME, RecordingSender())  # will be old and finished
    await finish_debrief(reminder_service, SOMEONE_ELSE, RecordingSender())  # old, but a reminder is still to come
    sessions = session_factory(database)
    async with sessions() as session, session.begin():
        await session.execute(update(Conversation).values(updated_at=clock.now() - timedelta(days=200)))
        await session.execute(update(UserPrefs).values(updated_at=clock.now() - timedelta(days=200)))  # the profile
        await session.execute(update(Reminder).where(Reminder.user_id == ME.user).values(status="sent"))  # type: ignore[arg-type]
    clock.advance(days=2)
    async with sessions() as session, session.begin():
        counts = await purge(session, now=clock.now(), keep_days=180)
    assert counts["conversations"] == 1 and counts["notes"] == 2 and counts["reminders"] == 2
    assert counts["processed_events"] > 0
    assert set((await _count(database, ME.user)).values()) == {0}
    assert (await _count(database, SOMEONE_ELSE.user))["conversations"] == 1
    async with sessions() as session:
        assert (await session.execute(select(func.count()).select_from(ProcessedEvent))).scalar_one() == 0


async def test_forget_me_asks_first_then_deletes_and_export_shows_the_data(
    reminder_service: ConversationService, database: AsyncEngine
) -> None:
    from bot.actions import Say
    from bot.events import TextAnswer
    from tests.reminders.debrief import event_id

    async def say(text: str) -> str:
        actions = await reminder_service.handle(TextAnswer(ME, event_id(), text), RecordingSender())
        return " ".join(a.text for a in actions if isinstance(a, Say))

    await finish_debrief(reminder_service, ME, RecordingSender())
    assert "Acme Robotics" in await say("export my data")
    assert "forget me now" in await say("forget me")
    assert (await _count(database, ME.user))["notes"] == 2  # asking changed nothing
    assert "deleted everything" in await say("forget me now")
    assert set((await _count(database, ME.user)).values()) == {0}
