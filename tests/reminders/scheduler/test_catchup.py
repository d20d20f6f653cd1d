"""Downtime catch-up, quiet hours, pauses and an unavailable database."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import load_settings
from bot.reminders.scheduler import Scheduler
from bot.runtime import build_core
from bot.storage.db import session_factory
from bot.storage.models import UserPrefs
from tests.fakes.clock import FakeClock
from tests.fakes.reminder_sender import FakePlatform
from tests.reminders.scheduler.helpers import rows, seed


async def test_after_downtime_recent_ones_are_sent_and_old_ones_folded_into_one_message(
    database: AsyncEngine, clock: FakeClock
) -> None:
    sessions = session_factory(database)
    recent = await seed(sessions, 2, due=clock.now() - timedelta(hours=2), user="U1")
    old = await seed(sessions, 3, due=clock.now() - timedelta(days=3), user="U1", kind="follow_up")
    other_old = await seed(sessions, 1, due=clock.now() - timedelta(days=2), user="U2", kind="follow_up")
    platform = FakePlatform()
    scheduler = Scheduler(sessions, {"fake": platform}, clock, grace=timedelta(hours=12))

    await scheduler.tick()
    await scheduler.tick()
    await scheduler.tick()

    kinds = [(a.user, n.kind) for a, n in platform.posts]
    assert sorted(n.reminder_id for a, n in platform.posts if n.kind == "send_by") == recent
    assert sorted(u for u, k in kinds if k == "digest") == ["U1", "U2"]  # one summary per user
    digest = next(n for a, n in platform.posts if n.kind == "digest" and a.user == "U1")
    assert digest.text.count("•") == 3 and "While I was away" in digest.text
    stored = {r.id: r.status for r in await rows(sessions)}
    assert all(stored[i] == "missed" for i in old + other_old)


async def test_quiet_hours_move_delivery_to_the_next_local_morning(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    clock.set(datetime(2026, 11, 24, 4, 0, tzinfo=UTC))  # 23:00 in New York
    await seed(sessions, 1, due=clock.now(), user="U1")
    async with sessions() as session, session.begin():
        session.add(UserPrefs(platform="fake", workspace="W1", user_id="U1", timezone="America/New_York",
                              quiet_start=22, quiet_end=7, updated_at=clock.now()))  # fmt: skip
    platform = FakePlatform()
    scheduler = Scheduler(sessions, {"fake": platform}, clock)

    assert (await scheduler.tick()).deferred == 1
    [row] = await rows(sessions)
    assert row.next_attempt_at == datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # 07:00 EST
    clock.set(row.next_attempt_at)
    await scheduler.tick()
    assert len(platform.posts) == 1


async def test_a_pause_holds_reminders_until_it_ends(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    await seed(sessions, 2, due=clock.now(), user="U1")
    until = clock.now() + timedelta(days=3)
    async with sessions() as session, session.begin():
        session.add(UserPrefs(platform="fake", workspace="W1", user_id="U1", paused_until=until, updated_at=until))
    platform = FakePlatform()
    scheduler = Scheduler(sessions, {"fake": platform}, clock)

    await scheduler.tick()
    clock.advance(days=2)
    await scheduler.tick()
    assert platform.posts == []
    clock.set(until)
    await scheduler.tick()
    assert len(platform.posts) == 2  # held, not folded into a digest: the pause was the user's choice


async def test_an_unavailable_database_fails_the_tick_cleanly_and_the_next_one_delivers(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "bot.db"
    core = build_core(load_settings(database_url=f"sqlite:///{path}"), clock=clock)
    await core.ready()
    [rid] = await seed(core.sessions, 1, due=clock.now())
    platform = FakePlatform()
    scheduler = Scheduler(core.sessions, {"fake": platform}, clock)
    await core.close()
    shutil.move(path, tmp_path / "away.db")
    os.mkdir(path)  # the database file is gone and can't be created: every connection fails
    try:
        assert await scheduler.safe_tick() is None
        assert platform.posts == []
    finally:
        os.rmdir(path)
        shutil.move(tmp_path / "away.db", path)
    result = await scheduler.safe_tick()
    assert result is not None and result.delivered == 1
    assert platform.reminder_ids() == [rid]
    await core.close()


async def test_the_scheduler_runs_the_retention_purge_every_few_hours(database: AsyncEngine, clock: FakeClock) -> None:
    from sqlalchemy import func, select

    from bot.storage.models import ProcessedEvent

    sessions = session_factory(database)
    async with sessions() as session, session.begin():
        session.add(ProcessedEvent(platform="fake", event_id="old", seen_at=clock.now() - timedelta(days=2)))
        session.add(ProcessedEvent(platform="fake", event_id="new", seen_at=clock.now()))
    scheduler = Scheduler(sessions, {"fake": FakePlatform()}, clock)

    first = await scheduler.retention()
    assert first is not None and first["processed_events"] == 1
    assert await scheduler.retention() is None  # not again until the interval has passed
    clock.advance(hours=7)
    assert await scheduler.retention() is not None
    async with sessions() as session:
        assert (await session.execute(select(func.count()).select_from(ProcessedEvent))).scalar_one() == 1
