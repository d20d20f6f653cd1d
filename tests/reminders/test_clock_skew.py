"""Leases on the database's clock (issue 11, item 3): workers whose clocks run 5 minutes ahead or behind
neither double nor lose a reminder on PostgreSQL, and a takeover names both workers in the log.

Before: a worker 120 s ahead judged other workers' live leases by its own clock, took their rows mid-send and
posted them again (268 duplicates in 2,000); a worker behind left dead workers' rows waiting. Now the server's
`clock_timestamp()` writes and judges every lease; only due times use the worker's (injected) clock.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta

import pytest

from bot.actions import Action
from bot.config import load_settings
from bot.events import Address
from bot.reminders.queue import claim_due, mark_sending
from bot.reminders.scheduler import Scheduler
from bot.runtime import Core, build_core
from tests.fakes.clock import FakeClock
from tests.fakes.reminder_sender import LookupPlatform
from tests.reminders.scheduler.helpers import leases_run_out, seed, statuses

SKEW = timedelta(minutes=5)
LEASE = timedelta(seconds=60)


class Gate:
    """The same platform seen from a worker whose sends hang until the test opens the gate (a slow network)."""

    def __init__(self, platform: LookupPlatform) -> None:
        self.platform = platform
        self.started = asyncio.Event()
        self.open = asyncio.Event()

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        self.started.set()
        await self.open.wait()
        return await self.platform.send(address, actions)

    async def delivered(self, address: Address, reminder_id: int, since: datetime) -> str | None:
        return await self.platform.delivered(address, reminder_id, since)


@pytest.fixture
async def cores(pg_url: str) -> AsyncIterator[list[Core]]:
    """Three cores on one PostgreSQL database, as three worker processes would have (the first seeds)."""
    settings = load_settings(database_url=pg_url)
    built = [build_core(settings) for _ in range(3)]
    await built[0].ready()
    yield built
    for core in built:
        await core.close()


def _worker(core: Core, name: str, platform: object, skew: timedelta) -> Scheduler:
    clock = FakeClock(datetime.now(UTC) + skew)  # this machine's clock, `skew` away from the database's
    return Scheduler(core.sessions, {"fake": platform}, clock, worker=name, lease=LEASE)  # type: ignore[dict-item]


async def test_a_worker_running_ahead_never_takes_a_live_lease(cores: list[Core]) -> None:
    ids = await seed(cores[0].sessions, 20, due=datetime.now(UTC) - 2 * SKEW)
    platform = LookupPlatform()
    gate = Gate(platform)
    behind = _worker(cores[1], "behind", gate, -SKEW)
    ahead = _worker(cores[2], "ahead", platform, SKEW)

    sending = asyncio.create_task(behind.tick())  # claims all 20, marks them `sending`, and hangs posting
    await asyncio.wait_for(gate.started.wait(), timeout=10)
    for _ in range(3):
        taken = await ahead.tick()  # its clock says the lease ran out 4 minutes ago; the database's does not
        assert (taken.claimed, taken.reconciled) == (0, 0)
    gate.open.set()
    assert (await asyncio.wait_for(sending, timeout=30)).delivered == 20

    assert sorted(platform.reminder_ids()) == ids  # every reminder once: 0 duplicates
    assert set((await statuses(cores[0].sessions)).values()) == {"sent"}


async def test_a_worker_running_behind_takes_over_a_dead_workers_rows_at_once(
    cores: list[Core], caplog: pytest.LogCaptureFixture
) -> None:
    sessions = cores[0].sessions
    ids = await seed(sessions, 10, due=datetime.now(UTC) - 2 * SKEW)
    platform = LookupPlatform()
    async with sessions() as session, session.begin():  # a worker claims all ten, starts five, and dies
        claimed = await claim_due(
            session, worker="dead", now=datetime.now(UTC), lease=LEASE, limit=10, platforms=["fake"]
        )
        await mark_sending(session, claimed[:5], worker="dead", now=datetime.now(UTC), lease=LEASE)
    await platform.send(Address("fake", "W1", "D0", "U0"), [_nudge(claimed[0].id)])  # one of those went out
    await leases_run_out(sessions, by=LEASE + timedelta(seconds=1))  # its leases ended a second ago
    behind = _worker(cores[1], "behind", platform, -SKEW)

    with caplog.at_level(logging.WARNING, logger="bot.reminders.queue"):
        for _ in range(3):
            await behind.tick()

    assert sorted(platform.reminder_ids()) == ids  # 0 losses, 0 duplicates
    assert set((await statuses(sessions)).values()) == {"sent"}
    takeovers = [r for r in caplog.records if r.getMessage() == "reminder lease taken over"]
    assert len(takeovers) == 10
    assert {(r.from_worker, r.to_worker) for r in takeovers} == {("dead", "behind")}  # type: ignore[attr-defined]


@pytest.mark.parametrize("skew", [-SKEW, SKEW], ids=["behind", "ahead"])
async def test_due_times_follow_the_database_clock_when_the_machine_clock_is_off(
    cores: list[Core], skew: timedelta
) -> None:
    """As `thankyou-bot worker` runs (no injected clock): behind, it still sends on time; ahead, never early."""
    now = datetime.now(UTC)
    due = await seed(cores[0].sessions, 3, due=now - timedelta(seconds=1))
    later = await seed(cores[0].sessions, 3, due=now + timedelta(minutes=2), kind="follow_up")
    platform = LookupPlatform()
    worker = Scheduler(cores[1].sessions, {"fake": platform}, FakeClock(now + skew), lease=LEASE, database_time=True)

    await worker.tick()
    await worker.tick()

    assert sorted(platform.reminder_ids()) == due
    stored = await statuses(cores[0].sessions)
    assert [stored[i] for i in later] == ["pending"] * 3


def _nudge(reminder_id: int | None):  # type: ignore[no-untyped-def]
    from bot.actions import Nudge

    assert reminder_id is not None
    return Nudge(reminder_id, "send_by", "hello")
