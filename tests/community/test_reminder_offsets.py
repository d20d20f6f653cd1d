"""A community's reminder timing (`nudge 24h`, `checkin 10 days`) moves its members' reminders, through the real
service and scheduler on the fake clock (SQLite and PostgreSQL); other communities keep the built-in rules."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import select

from bot.actions import DraftsReady
from bot.community.ports import AdminRequest
from bot.events import Address, Start, TextAnswer
from bot.runtime import Core
from bot.storage.models import Reminder
from tests.community.fakes import FakeDirectory
from tests.fakes.answering import MAX_TURNS, PANEL, answer_for, last_ask
from tests.fakes.clock import FakeClock
from tests.fakes.reminder_sender import FakePlatform
from tests.fakes.sender import RecordingSender

TEAM = "T0TIMING"
MONDAY_3PM_NEW_YORK = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
#: interviewed at 10:00 today; no timeline from the employer, so the check-in follows the "no timeline" rule
NO_TIMELINE = {**PANEL, "interview_at": "today at 10am", "next_steps": "they didnt say tbh"}
_ids = itertools.count()


async def admin(core: Core, text: str, workspace: str = TEAM) -> str:
    request = AdminRequest("slack", workspace, "UADMIN", True, text, "/thankyou admin", FakeDirectory())
    reply = await core.community.admin(request)
    assert reply.changed, reply.text
    return reply.text


async def debrief(core: Core, address: Address, answers: Mapping[str, str] = NO_TIMELINE) -> DraftsReady:
    actions = await core.service.handle(Start(address, f"s{next(_ids)}", "America/New_York"), RecordingSender())
    for _ in range(MAX_TURNS):
        ask = last_ask(actions)
        if ask is None:
            return next(a for a in actions if isinstance(a, DraftsReady))
        event = TextAnswer(address, f"t{next(_ids)}", answer_for(ask.field, answers))
        actions = await core.service.handle(event, RecordingSender())
    raise AssertionError("the debrief did not finish")


async def due_times(core: Core, address: Address) -> list[tuple[str, int, datetime]]:
    async with core.sessions() as session:
        rows = (await session.execute(select(Reminder).where(Reminder.user_id == address.user))).scalars().all()
    return sorted((r.kind, r.sequence, r.due_at) for r in rows)


def at(day: int, hour: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


async def test_the_communitys_nudge_and_check_in_move_the_reminders(core: Core, clock: FakeClock) -> None:
    clock.set(MONDAY_3PM_NEW_YORK)
    assert "24 hours after the interview" in await admin(core, "nudge 24 hours")
    assert "10 days after the interview" in await admin(core, "check in after 10 days")
    mia, alex = Address("slack", TEAM, "D0MIA", "U0MIA"), Address("slack", "T0OTHER", "D0ALEX", "U0ALEX")
    notes = await debrief(core, mia)
    built_in = await debrief(core, alex)
    # Tuesday 10:00 New York, a day after the interview; the check-in Thursday Dec 3, 10:00
    assert (notes.drafts.send_by, notes.drafts.follow_up_at) == (at(24, 15), at(3, 15, 12))
    assert await due_times(core, mia) == [("follow_up", 1, at(3, 15, 12)), ("send_by", 1, at(24, 15))]
    # the built-in rules elsewhere: today by 19:00 (the 4-hour sweet spot has passed), a week later at 10:00
    assert await due_times(core, alex) == [("follow_up", 1, at(30, 15)), ("send_by", 1, at(24, 0))]
    assert (built_in.drafts.send_by, built_in.drafts.follow_up_at) == (at(24, 0), at(30, 15))


async def test_the_second_check_in_comes_the_communitys_days_later_on_a_business_day(
    core: Core, clock: FakeClock
) -> None:
    clock.set(MONDAY_3PM_NEW_YORK)
    await admin(core, "checkin 10")
    mia = Address("slack", TEAM, "D0MIA", "U0MIA")
    await debrief(core, mia)
    platform = FakePlatform()
    scheduler = core.scheduler({"slack": platform})
    clock.set(at(3, 15, 12))
    await scheduler.tick()
    assert [nudge.kind for _, nudge in platform.posts] == ["follow_up"]
    # ten days after Thursday Dec 3 is a Sunday: the last check-in waits for Monday Dec 14, 10:00 New York
    assert ("follow_up", 2, at(14, 15, 12)) in await due_times(core, mia)


async def test_a_timeline_the_employer_gave_still_decides_the_first_check_in(core: Core, clock: FakeClock) -> None:
    clock.set(MONDAY_3PM_NEW_YORK)
    await admin(core, "checkin 10 days")
    said_friday = {**NO_TIMELINE, "next_steps": "they'll decide by friday"}
    mia = Address("slack", TEAM, "D0MIA", "U0MIA")
    notes = await debrief(core, mia, said_friday)
    assert notes.drafts.follow_up_at == at(1, 15, 12)  # two business days after Friday Nov 27, as without it
    platform = FakePlatform()
    clock.set(at(1, 15, 12))
    await core.scheduler({"slack": platform}).tick()
    assert ("follow_up", 2, at(11, 15, 12)) in await due_times(core, mia), "the community's gap to the last one"


async def test_a_nudge_that_would_come_at_night_waits_for_the_morning(core: Core, clock: FakeClock) -> None:
    clock.set(MONDAY_3PM_NEW_YORK)
    await admin(core, "send-by 12h")  # 22:00 New York
    notes = await debrief(core, Address("slack", TEAM, "D0MIA", "U0MIA"))
    assert notes.drafts.send_by == at(24, 14)  # Tuesday 09:00 New York


async def test_a_debrief_keeps_the_timing_it_started_with_and_default_restores_the_rules(
    core: Core, clock: FakeClock
) -> None:
    clock.set(MONDAY_3PM_NEW_YORK)
    await admin(core, "reminders send-by 24h follow-up a week")
    mia = Address("slack", TEAM, "D0MIA", "U0MIA")
    actions = await core.service.handle(Start(mia, "s-open", "America/New_York"), RecordingSender())
    assert last_ask(actions) is not None
    await admin(core, "nudge default")
    notes = await debrief(core, mia)  # the open debrief finishes with the timing it started with
    assert notes.drafts.send_by == at(24, 15)
    later = await debrief(core, Address("slack", TEAM, "D0ALEX", "U0ALEX"))
    assert later.drafts.send_by == at(24, 0)
