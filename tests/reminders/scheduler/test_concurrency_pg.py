"""T-SCH-1: several workers against one PostgreSQL database deliver each of 1,000 reminders exactly once."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from bot.actions import Action, Nudge
from bot.config import load_settings
from bot.events import Address
from bot.reminders.scheduler import Scheduler
from bot.runtime import build_core
from tests.fakes.clock import FakeClock
from tests.reminders.scheduler.helpers import seed, statuses


class CountingPlatform:
    """Counts provider calls per reminder; yields to the loop so workers interleave mid-send."""

    def __init__(self) -> None:
        self.calls: Counter[int] = Counter()

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        await asyncio.sleep(0)
        for action in actions:
            assert isinstance(action, Nudge)
            self.calls[action.reminder_id] += 1
        return [f"m{sum(self.calls.values())}"]


@pytest.mark.parametrize("workers", [2, 8])
async def test_concurrent_workers_deliver_every_reminder_exactly_once(pg_url: str, workers: int) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 20, 0, tzinfo=UTC))
    settings = load_settings(database_url=pg_url)
    setup = build_core(settings, clock=clock)  # one process seeds; each worker is a process of its own
    assert not setup.single_writer  # SQLite ignores FOR UPDATE: this test must not pass there
    await setup.ready()
    ids = await seed(setup.sessions, 1000, due=clock.now() - timedelta(minutes=5))
    platform = CountingPlatform()
    cores = [build_core(settings, clock=clock) for _ in range(workers)]
    schedulers = [
        Scheduler(c.sessions, {"fake": platform}, clock, worker=f"w{n}", batch=25, concurrency=8)
        for n, c in enumerate(cores)
    ]
    claimed: Counter[str] = Counter()

    async def drain(scheduler: Scheduler) -> None:
        while (result := await scheduler.tick()).claimed:
            claimed[scheduler.worker] += result.claimed

    try:
        await asyncio.gather(*(drain(s) for s in schedulers))
        assert sorted(platform.calls) == ids
        assert max(platform.calls.values()) == 1
        assert set((await statuses(setup.sessions)).values()) == {"sent"}
        assert len(claimed) == workers  # every worker really took part
    finally:
        for core in [setup, *cores]:
            await core.close()
