"""The note's life cycle end to end: debrief → send-by nudge → Sent → check-ins (at most two) → stop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.actions import Say
from bot.conversation.service import ConversationService
from bot.events import DraftAction, ReminderAction, TextAnswer
from bot.reminders.handler import NOT_YOUR_REMINDER, NOTHING_TO_SNOOZE
from bot.reminders.scheduler import Scheduler
from bot.storage.db import session_factory
from bot.storage.models import Note, Reminder
from tests.fakes.clock import FakeClock
from tests.fakes.reminder_sender import FakePlatform
from tests.fakes.sender import RecordingSender
from tests.reminders.conftest import ME, SOMEONE_ELSE
from tests.reminders.debrief import event_id, finish_debrief


async def _reminders(database: AsyncEngine) -> list[Reminder]:
    async with session_factory(database)() as session:
        return list((await session.execute(select(Reminder).order_by(Reminder.id))).scalars())  # type: ignore[arg-type]


async def _note_statuses(database: AsyncEngine) -> list[str]:
    async with session_factory(database)() as session:
        return [n.status for n in (await session.execute(select(Note).order_by(Note.position))).scalars()]  # type: ignore[arg-type]


async def _click(service: ConversationService, reminder_id: int, action: str, who=ME) -> str:  # type: ignore[no-untyped-def]
    actions = await service.handle(ReminderAction(who, event_id(), reminder_id, action), RecordingSender())
    return " ".join(a.text for a in actions if isinstance(a, Say))


async def test_full_life_cycle_through_the_service(
    reminder_service: ConversationService, scheduler: Scheduler, platform: FakePlatform,
    database: AsyncEngine, clock: FakeClock,
) -> None:  # fmt: skip
    await finish_debrief(reminder_service, ME, RecordingSender())
    send_by, follow_up = await _reminders(database)
    assert (send_by.kind, follow_up.kind) == ("send_by", "follow_up")

    clock.set(send_by.due_at)
    await scheduler.tick()
    [(_, nudge)] = platform.posts
    assert nudge.kind == "send_by" and "Priya Natarajan and Tom Li" in nudge.text
    assert [c.value for c in nudge.options] == [
        "sent",
        "replied",
        "snooze:1h",
        "snooze:tomorrow",
        "snooze:week",
        "stop",
    ]
    assert "Marked as sent" in await _click(reminder_service, nudge.reminder_id, "sent")
    assert await _note_statuses(database) == ["sent", "sent"]
    assert await _click(reminder_service, nudge.reminder_id, "snooze:1h") == NOTHING_TO_SNOOZE

    clock.set(follow_up.due_at)
    await scheduler.tick()
    checkin = platform.posts[-1][1]
    assert checkin.kind == "follow_up" and checkin.draft is not None
    assert checkin.draft.to.email == "priya@acme.example" and "Acme Robotics" in checkin.draft.body
    assert "just checking in" not in checkin.draft.body.lower() and checkin.draft.words < 120
    assert await _note_statuses(database) == ["no_reply", "no_reply"]
    second = (await _reminders(database))[-1]
    assert second.sequence == 2
    assert second.due_at == follow_up.due_at + timedelta(days=7)  # same 10:00 local (no DST change here)

    clock.set(second.due_at)
    await scheduler.tick()
    assert "last check-in" in platform.posts[-1][1].text
    clock.advance(days=30)
    await scheduler.tick()
    assert len(platform.posts) == 3  # at most two check-ins, then stop
    assert await _note_statuses(database) == ["closed", "closed"]


async def test_finishing_twice_creates_one_set_of_reminders(
    reminder_service: ConversationService, database: AsyncEngine
) -> None:
    last = await finish_debrief(reminder_service, ME, RecordingSender())
    await reminder_service.handle(TextAnswer(ME, last, "yes"), RecordingSender())  # the platform redelivers it
    assert [r.kind for r in await _reminders(database)] == ["send_by", "follow_up"]


async def test_they_replied_cancels_the_rest(
    reminder_service: ConversationService, scheduler: Scheduler, platform: FakePlatform,
    database: AsyncEngine, clock: FakeClock,
) -> None:  # fmt: skip
    await finish_debrief(reminder_service, ME, RecordingSender())
    send_by, follow_up = await _reminders(database)
    clock.set(send_by.due_at)
    await scheduler.tick()
    assert "great news" in await _click(reminder_service, send_by.id or 0, "replied")
    clock.set(follow_up.due_at + timedelta(days=30))
    await scheduler.tick()
    assert len(platform.posts) == 1
    assert [r.status for r in await _reminders(database)] == ["sent", "cancelled"]
    assert await _note_statuses(database) == ["replied", "replied"]
    assert await _click(reminder_service, send_by.id or 0, "snooze:1h") == NOTHING_TO_SNOOZE


async def test_sent_on_the_draft_cancels_the_send_by_nudge_but_keeps_the_check_in(
    reminder_service: ConversationService, scheduler: Scheduler, platform: FakePlatform,
    database: AsyncEngine, clock: FakeClock,
) -> None:  # fmt: skip
    await finish_debrief(reminder_service, ME, RecordingSender())
    send_by, follow_up = await _reminders(database)
    assert send_by.conversation_id is not None
    for position in (0, 1):
        event = DraftAction(ME, event_id(), send_by.conversation_id, "sent", position)
        await reminder_service.handle(event, RecordingSender())
    assert [r.status for r in await _reminders(database)] == ["cancelled", "pending"]
    clock.set(follow_up.due_at)
    await scheduler.tick()
    assert [n.kind for _, n in platform.posts] == ["follow_up"]


async def test_snooze_tomorrow_redelivers_at_nine_local_and_stop_ends_it(
    reminder_service: ConversationService, scheduler: Scheduler, platform: FakePlatform,
    database: AsyncEngine, clock: FakeClock,
) -> None:  # fmt: skip
    await finish_debrief(reminder_service, ME, RecordingSender())
    send_by, _ = await _reminders(database)
    clock.set(send_by.due_at)
    await scheduler.tick()
    assert "remind you again" in await _click(reminder_service, send_by.id or 0, "snooze:tomorrow")
    snoozed = (await _reminders(database))[0]
    assert snoozed.due_at == datetime(2026, 11, 24, 14, 0, tzinfo=UTC)  # 09:00 in New York
    clock.set(snoozed.due_at)
    await scheduler.tick()
    assert [n.reminder_id for _, n in platform.posts] == [send_by.id, send_by.id]
    assert "no more reminders" in await _click(reminder_service, send_by.id or 0, "stop")
    assert [r.status for r in await _reminders(database)] == ["sent", "cancelled"]
    assert await _click(reminder_service, send_by.id or 0, "snooze:week") == NOTHING_TO_SNOOZE


async def test_a_click_on_someone_elses_reminder_is_refused(
    reminder_service: ConversationService, database: AsyncEngine
) -> None:
    await finish_debrief(reminder_service, ME, RecordingSender())
    send_by, _ = await _reminders(database)
    assert await _click(reminder_service, send_by.id or 0, "stop", who=SOMEONE_ELSE) == NOT_YOUR_REMINDER
    assert [r.status for r in await _reminders(database)] == ["pending", "pending"]
    assert await _note_statuses(database) == ["drafted", "drafted"]
