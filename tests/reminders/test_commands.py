"""Typed reminder commands through the service: list, move, cancel, pause, time zone, quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.actions import Ask, Say
from bot.conversation.service import ConversationService
from bot.events import Start, TextAnswer
from bot.reminders.commands import parse
from bot.reminders.scheduler import Scheduler
from bot.storage.db import session_factory
from bot.storage.models import Reminder, UserPrefs
from tests.fakes.clock import FakeClock
from tests.fakes.reminder_sender import FakePlatform
from tests.fakes.sender import RecordingSender
from tests.reminders.conftest import ME, SOMEONE_ELSE
from tests.reminders.debrief import event_id, finish_debrief


async def _say(service: ConversationService, text: str, who=ME) -> str:  # type: ignore[no-untyped-def]
    actions = await service.handle(TextAnswer(who, event_id(), text), RecordingSender())
    return "\n".join(a.text for a in actions if isinstance(a, Say))


async def _rows(database: AsyncEngine) -> list[Reminder]:
    async with session_factory(database)() as session:
        return list((await session.execute(select(Reminder).order_by(Reminder.id))).scalars())  # type: ignore[arg-type]


async def _prefs(database: AsyncEngine) -> UserPrefs | None:
    async with session_factory(database)() as session:
        return await session.get(UserPrefs, ME.key)


def test_commands_never_steal_answers_inside_a_debrief() -> None:
    assert parse("quiet 22-7", debrief_open=True) is None
    assert parse("timezone Europe/Berlin", debrief_open=True) is None
    assert parse("pause reminders until monday", debrief_open=True) is None
    assert parse("reminders quiet 22-7", debrief_open=True) is not None
    assert parse("quiet 22-7", debrief_open=False) is not None
    assert parse("they will decide by Friday", debrief_open=False) is None
    assert parse("Reminders move 12 tomorrow 9am", debrief_open=True) == parse(
        "reminders 12 tomorrow 9am", debrief_open=True
    )


async def test_inside_an_open_debrief_a_bare_command_is_an_answer(reminder_service: ConversationService) -> None:
    await reminder_service.handle(Start(ME, event_id(), "America/New_York"), RecordingSender())
    await reminder_service.handle(TextAnswer(ME, event_id(), "1"), RecordingSender())
    actions = await reminder_service.handle(TextAnswer(ME, event_id(), "quiet 22-7"), RecordingSender())
    assert [a.field for a in actions if isinstance(a, Ask)] == ["company"]  # taken as the candidate's name
    actions = await reminder_service.handle(TextAnswer(ME, event_id(), "Reminder Labs"), RecordingSender())
    assert [a.field for a in actions if isinstance(a, Ask)] == ["role"]  # a company called "Reminder Labs"
    actions = await reminder_service.handle(TextAnswer(ME, event_id(), "reminders"), RecordingSender())
    assert "no reminders coming up" in " ".join(a.text for a in actions if isinstance(a, Say))


async def test_list_move_and_cancel(reminder_service: ConversationService, database: AsyncEngine) -> None:
    await finish_debrief(reminder_service, ME, RecordingSender())
    send_by, follow_up = await _rows(database)
    listing = await _say(reminder_service, "reminders")
    assert f"{send_by.id}: send your thank-you notes for Acme Robotics" in listing
    assert f"{follow_up.id}: check in" in listing

    moved = await _say(reminder_service, f"reminders move {send_by.id} tomorrow 9am")
    assert "moved to Tue 24 Nov, 09:00" in moved
    assert (await _rows(database))[0].due_at == datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
    assert "Cancelled" in await _say(reminder_service, f"reminders cancel {follow_up.id}")
    assert [r.status for r in await _rows(database)] == ["pending", "cancelled"]
    assert "nothing to change" in await _say(reminder_service, f"reminders move {follow_up.id} in 3 days")


async def test_bad_or_past_times_change_nothing(reminder_service: ConversationService, database: AsyncEngine) -> None:
    await finish_debrief(reminder_service, ME, RecordingSender())
    before = [(r.due_at, r.status) for r in await _rows(database)]
    send_by_id = (await _rows(database))[0].id
    assert "couldn't read" in await _say(reminder_service, f"reminders move {send_by_id} whenever works")
    assert "already passed" in await _say(reminder_service, f"reminders move {send_by_id} today 9am")
    assert "couldn't read" in await _say(reminder_service, "reminders pause until the cows come home")
    assert "can't find reminder 999" in await _say(reminder_service, "reminders cancel 999")
    assert "can't find" in await _say(reminder_service, f"reminders cancel {send_by_id}", who=SOMEONE_ELSE)
    assert "didn't catch" in await _say(reminder_service, "reminders frobnicate")
    assert [(r.due_at, r.status) for r in await _rows(database)] == before
    prefs = await _prefs(database)  # only the profile the finished debrief remembered
    assert prefs is not None and prefs.paused_until is None and prefs.quiet_start is None and prefs.timezone is None


async def test_pause_until_monday_holds_delivery_then_resume(
    reminder_service: ConversationService, database: AsyncEngine, clock: FakeClock
) -> None:
    await finish_debrief(reminder_service, ME, RecordingSender())
    assert "paused until Mon 30 Nov, 09:00" in await _say(reminder_service, "pause reminders until Monday")
    platform = FakePlatform()
    scheduler = Scheduler(session_factory(database), {"console": platform}, clock)
    clock.set(datetime(2026, 11, 26, 12, 0, tzinfo=UTC))
    await scheduler.tick()
    assert platform.posts == []
    await _say(reminder_service, "reminders resume")
    await scheduler.tick()
    assert [n.kind for _, n in platform.posts] == ["send_by"]


async def test_time_zone_and_quiet_hours(reminder_service: ConversationService, database: AsyncEngine) -> None:
    assert "don't know that time zone" in await _say(reminder_service, "timezone Mars/Olympus")
    assert "Europe/Berlin" in await _say(reminder_service, "timezone europe/berlin")
    assert "two hours of the day" in await _say(reminder_service, "quiet 25-7")
    assert "between 22:00 and 7:00" in await _say(reminder_service, "reminders quiet 22-7")
    prefs = await _prefs(database)
    assert prefs is not None and (prefs.timezone, prefs.quiet_start, prefs.quiet_end) == ("Europe/Berlin", 22, 7)
    assert "off" in await _say(reminder_service, "quiet off")
    assert "Reminder commands" in await _say(reminder_service, "reminders help")
