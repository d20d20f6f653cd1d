"""A check-in a dead worker had already posted is found by lookup, recorded once, and the next one is planned."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col

from bot.actions import Nudge
from bot.conversation.service import ConversationService
from bot.reminders.queue import claim_due, mark_sending
from bot.reminders.scheduler import Scheduler
from bot.storage.db import session_factory
from bot.storage.models import Reminder
from tests.fakes.clock import FakeClock
from tests.fakes.reminder_sender import LookupPlatform
from tests.fakes.sender import RecordingSender
from tests.reminders.conftest import ME
from tests.reminders.debrief import finish_debrief
from tests.reminders.scheduler.helpers import leases_run_out

LEASE = timedelta(seconds=60)


async def test_a_checkin_posted_by_a_dead_worker_still_schedules_the_second_one(
    reminder_service: ConversationService, database: AsyncEngine, clock: FakeClock
) -> None:
    await finish_debrief(reminder_service, ME, RecordingSender())
    sessions = session_factory(database)
    async with sessions() as session, session.begin():
        await session.execute(update(Reminder).where(col(Reminder.kind) == "send_by").values(status="cancelled"))
        await session.execute(update(Reminder).where(col(Reminder.kind) == "follow_up").values(due_at=clock.now()))
        claimed = await claim_due(session, worker="dead", now=clock.now(), lease=LEASE, limit=10, platforms=["console"])
        await mark_sending(session, claimed, worker="dead", now=clock.now(), lease=LEASE)
    [first] = claimed
    assert first.id is not None
    platform = LookupPlatform()
    await platform.send(ME, [Nudge(first.id, "follow_up", "any replies yet?")])  # it reached the member
    clock.advance(seconds=61)
    await leases_run_out(sessions)

    scheduler = Scheduler(sessions, {"console": platform}, clock)
    await scheduler.tick()

    async with sessions() as session:
        checkins = (
            (
                await session.execute(
                    select(Reminder).where(col(Reminder.kind) == "follow_up").order_by(col(Reminder.id))
                )
            )
            .scalars()
            .all()
        )
    assert [(r.sequence, r.status) for r in checkins] == [(1, "sent"), (2, "pending")]
    assert len(platform.posts) == 1, "found, not posted again"
