"""T-SCH-2/3: a worker process killed with SIGKILL right after claiming, or right after posting but before
recording: another worker finishes the job, every reminder reaches the platform exactly once."""

from __future__ import annotations

import asyncio
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.reminders.scheduler import Scheduler
from bot.storage.db import session_factory
from tests.fakes.clock import FakeClock
from tests.fakes.reminder_api import ApiSender, LookupApiSender, ReminderApi
from tests.reminders.scheduler.helpers import leases_run_out, seed, statuses

ENTRY = Path(__file__).with_name("worker_entry.py")


async def _killed_worker(db_url: str, api: ReminderApi, kill: str) -> None:
    process = await asyncio.create_subprocess_exec(sys.executable, str(ENTRY), db_url, api.base_url, kill)
    assert await asyncio.wait_for(process.wait(), timeout=60) == -signal.SIGKILL


async def _survivor_drains(database: AsyncEngine, sender: ApiSender) -> None:
    later = FakeClock(datetime.now(UTC) + timedelta(minutes=2))
    sessions = session_factory(database)
    await leases_run_out(sessions)  # past the dead worker's lease, on the database's clock
    scheduler = Scheduler(sessions, {"fake": sender}, later)
    for _ in range(5):
        await scheduler.tick()


@pytest.mark.parametrize("kill", ["claimed", "sent"])
async def test_killed_worker_loses_nothing_and_doubles_nothing(database: AsyncEngine, db_url: str, kill: str) -> None:
    sessions = session_factory(database)
    ids = await seed(sessions, 20, due=datetime.now(UTC) - timedelta(minutes=1))
    api = await ReminderApi().start()
    sender = LookupApiSender(api.base_url)
    try:
        await _killed_worker(db_url, api, kill)
        assert len(api.posts) == (1 if kill == "sent" else 0)
        await _survivor_drains(database, sender)
    finally:
        await sender.close()
        await api.stop()
    assert sorted(api.counts()) == ids
    assert max(api.counts().values()) == 1
    assert set((await statuses(sessions)).values()) == {"sent"}


async def test_without_a_lookup_a_cut_short_send_is_parked_not_repeated(database: AsyncEngine, db_url: str) -> None:
    """The Slack trade-off: the platform cannot say whether it has the post, so we never post it again."""
    sessions = session_factory(database)
    ids = await seed(sessions, 5, due=datetime.now(UTC) - timedelta(minutes=1))
    api = await ReminderApi().start()
    sender = ApiSender(api.base_url)
    try:
        await _killed_worker(db_url, api, "sent-blind")
        await _survivor_drains(database, sender)
    finally:
        await sender.close()
        await api.stop()
    assert sorted(api.counts()) == ids and max(api.counts().values()) == 1  # nothing lost, nothing doubled
    assert sorted((await statuses(sessions)).values()) == ["sent"] * 4 + ["unknown"]  # the one in doubt is parked
