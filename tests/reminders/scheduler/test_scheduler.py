"""Scheduler behaviour with a fake clock and fake platforms, on SQLite and PostgreSQL (no sleeps)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.errors import DeliveryError
from bot.reminders.queue import claim_due, mark_sending
from bot.reminders.scheduler import Scheduler
from bot.storage.db import session_factory
from tests.fakes.clock import FakeClock
from tests.fakes.reminder_sender import FakePlatform, LookupPlatform, RateLimited
from tests.reminders.scheduler.helpers import leases_run_out, rows, seed, statuses

LEASE = timedelta(seconds=60)


async def test_delivers_due_reminders_once_and_records_message_ids(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    due = await seed(sessions, 3, due=clock.now() - timedelta(minutes=1))
    later = await seed(sessions, 2, due=clock.now() + timedelta(hours=1), kind="follow_up")
    platform = FakePlatform()
    scheduler = Scheduler(sessions, {"fake": platform}, clock)

    first = await scheduler.tick()
    second = await scheduler.tick()

    assert sorted(platform.reminder_ids()) == due
    assert (first.delivered, second.claimed) == (3, 0)
    stored = {r.id: r for r in await rows(sessions)}
    assert all(stored[i].status == "sent" and stored[i].message_id for i in due)
    assert all(stored[i].status == "pending" for i in later)


async def test_an_expired_claim_is_taken_over_and_sent_exactly_once(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    ids = await seed(sessions, 4, due=clock.now())
    async with sessions() as session, session.begin():  # a worker claims, then dies before sending
        claimed = await claim_due(session, worker="dead", now=clock.now(), lease=LEASE, limit=10, platforms=["fake"])
    assert len(claimed) == 4
    platform = FakePlatform()
    survivor = Scheduler(sessions, {"fake": platform}, clock, lease=LEASE)

    assert (await survivor.tick()).claimed == 0  # the lease still holds
    clock.advance(seconds=61)
    await leases_run_out(sessions)
    await survivor.tick()
    await survivor.tick()

    assert sorted(platform.reminder_ids()) == ids


async def _die_mid_send(sessions, clock: FakeClock, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    ids = await seed(sessions, count, due=clock.now())
    async with sessions() as session, session.begin():
        claimed = await claim_due(session, worker="dead", now=clock.now(), lease=LEASE, limit=10, platforms=["fake"])
        await mark_sending(session, claimed, worker="dead", now=clock.now(), lease=LEASE)
    return ids


async def test_a_send_cut_short_is_not_resent_when_the_platform_cannot_tell(
    database: AsyncEngine, clock: FakeClock
) -> None:
    sessions = session_factory(database)
    ids = await _die_mid_send(sessions, clock, 2)
    platform = FakePlatform()
    scheduler = Scheduler(sessions, {"fake": platform}, clock)
    clock.advance(seconds=61)
    await leases_run_out(sessions)

    result = await scheduler.tick()
    await scheduler.tick()

    assert platform.posts == []
    assert result.unknown == 2
    assert set((await statuses(sessions)).values()) == {"unknown"}
    assert all("not re-sent" in (r.last_error or "") for r in await rows(sessions) if r.id in ids)


async def test_a_send_cut_short_is_reconciled_by_lookup_without_a_second_post(
    database: AsyncEngine, clock: FakeClock
) -> None:
    sessions = session_factory(database)
    posted, lost = await _die_mid_send(sessions, clock, 2)
    platform = LookupPlatform()
    await platform.send(_address(), [_nudge(posted)])  # the dead worker's post reached the platform
    scheduler = Scheduler(sessions, {"fake": platform}, clock)
    clock.advance(seconds=61)
    await leases_run_out(sessions)

    await scheduler.tick()
    await scheduler.tick()

    assert sorted(platform.reminder_ids()) == [posted, lost]
    assert set((await statuses(sessions)).values()) == {"sent"}


async def test_temporary_failures_retry_with_backoff_without_duplicates(
    database: AsyncEngine, clock: FakeClock
) -> None:
    sessions = session_factory(database)
    [rid] = await seed(sessions, 1, due=clock.now())
    platform = FakePlatform()
    platform.fail_next(DeliveryError("HTTP 503", permanent=False), DeliveryError("HTTP 500", permanent=False))
    scheduler = Scheduler(sessions, {"fake": platform}, clock)

    assert (await scheduler.tick()).retried == 1
    assert (await scheduler.tick()).claimed == 0  # waits for its backoff
    clock.advance(seconds=40)
    assert (await scheduler.tick()).retried == 1
    clock.advance(seconds=30)
    assert (await scheduler.tick()).claimed == 0  # the second backoff is longer
    clock.advance(seconds=60)
    await scheduler.tick()

    assert platform.reminder_ids() == [rid]
    [row] = await rows(sessions)
    assert (row.status, row.attempts, row.last_error) == ("sent", 3, None)


async def test_rate_limit_holds_the_platform_and_then_delivers_each_once(
    database: AsyncEngine, clock: FakeClock
) -> None:
    sessions = session_factory(database)
    ids = await seed(sessions, 5, due=clock.now())
    platform = FakePlatform()
    platform.fail_next(RateLimited(retry_after=30))
    scheduler = Scheduler(sessions, {"fake": platform}, clock, concurrency=1)

    first = await scheduler.tick()
    assert (first.delivered, first.retried) == (0, 5)
    assert (await scheduler.tick()).claimed == 0
    clock.advance(seconds=31)
    for _ in range(5):  # the batch shrank while throttled and grows back tick by tick
        await scheduler.tick()

    assert sorted(platform.reminder_ids()) == ids
    assert all(r.attempts == 1 for r in await rows(sessions))  # a rate limit isn't counted as a failed try


async def test_permanent_failures_stop_and_are_recorded(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    await seed(sessions, 1, due=clock.now())
    platform = FakePlatform()
    platform.fail_next(DeliveryError("cannot send messages to this user (50007)", permanent=True))
    scheduler = Scheduler(sessions, {"fake": platform}, clock)

    assert (await scheduler.tick()).failed == 1
    clock.advance(days=1)
    assert (await scheduler.tick()).claimed == 0
    [row] = await rows(sessions)
    assert row.status == "failed" and "50007" in (row.last_error or "")
    assert platform.posts == []


async def test_giving_up_after_the_last_attempt(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    await seed(sessions, 1, due=clock.now())
    platform = FakePlatform()
    platform.fail_next(*(DeliveryError("HTTP 502", permanent=False) for _ in range(3)))
    scheduler = Scheduler(sessions, {"fake": platform}, clock, max_attempts=3)
    for _ in range(5):
        await scheduler.tick()
        clock.advance(hours=2)
    [row] = await rows(sessions)
    assert (row.status, row.attempts) == ("failed", 3)


async def test_an_ambiguous_crash_in_the_sender_is_never_resent(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    await seed(sessions, 1, due=clock.now())
    platform = FakePlatform()
    platform.fail_next(ConnectionResetError())
    scheduler = Scheduler(sessions, {"fake": platform}, clock)
    assert (await scheduler.tick()).unknown == 1
    clock.advance(hours=1)
    assert (await scheduler.tick()).claimed == 0
    assert (await rows(sessions))[0].status == "unknown"


async def test_cancelled_before_or_during_claim_is_never_sent(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    await seed(sessions, 2, due=clock.now())
    async with sessions() as session, session.begin():
        claimed = await claim_due(session, worker="w", now=clock.now(), lease=LEASE, limit=10, platforms=["fake"])
    from sqlalchemy import update

    from bot.storage.models import Reminder

    async with sessions() as session, session.begin():
        await session.execute(update(Reminder).values(status="cancelled"))
    async with sessions() as session, session.begin():
        assert await mark_sending(session, claimed, worker="w", now=clock.now(), lease=LEASE) == set()
    platform = FakePlatform()
    clock.advance(minutes=5)
    await Scheduler(sessions, {"fake": platform}, clock).tick()
    assert platform.posts == []


async def test_other_platforms_rows_are_left_for_their_own_workers(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    await seed(sessions, 2, due=clock.now(), platform="slack")
    platform = FakePlatform()
    assert (await Scheduler(sessions, {"fake": platform}, clock).tick()).claimed == 0
    assert set((await statuses(sessions)).values()) == {"pending"}


def _address():  # type: ignore[no-untyped-def]
    from bot.events import Address

    return Address("fake", "W1", "D0", "U0")


def _nudge(reminder_id: int):  # type: ignore[no-untyped-def]
    from bot.actions import Nudge

    return Nudge(reminder_id, "send_by", "hello")


async def test_a_dm_known_to_be_closed_is_not_knocked_on_again(database: AsyncEngine, clock: FakeClock) -> None:
    from bot.storage.models import UserPrefs

    sessions = session_factory(database)
    await seed(sessions, 1, due=clock.now(), user="U1")
    async with sessions() as session, session.begin():
        session.add(UserPrefs(platform="fake", workspace="W1", user_id="U1", dm_closed_at=clock.now(),
                              updated_at=clock.now()))  # fmt: skip
    platform = FakePlatform()
    assert (await Scheduler(sessions, {"fake": platform}, clock).tick()).failed == 1
    assert platform.posts == []
    assert [(r.status, r.last_error) for r in await rows(sessions)] == [("failed", "dm_closed")]


async def test_a_short_rate_limit_hold_is_waited_out_in_place(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    ids = await seed(sessions, 3, due=clock.now())
    platform = LookupPlatform()
    platform.fail_next(RateLimited(retry_after=0.01))
    scheduler = Scheduler(sessions, {"fake": platform}, clock, concurrency=1, inline_hold=timedelta(seconds=1))

    result = await scheduler.tick()

    assert (result.delivered, result.retried) == (3, 0)  # nothing went back to the queue
    assert sorted(platform.reminder_ids()) == ids


class SlowPlatform(LookupPlatform):
    """A send that hangs until the test lets it finish (a slow platform or a long rate-limit wait)."""

    def __init__(self) -> None:
        super().__init__()
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    async def send(self, address, actions):  # type: ignore[no-untyped-def]
        self.started.set()
        await self.release.wait()
        return await super().send(address, actions)


async def test_a_long_send_keeps_its_lease_so_nobody_sends_it_twice(database: AsyncEngine, clock: FakeClock) -> None:
    sessions = session_factory(database)
    [rid] = await seed(sessions, 1, due=clock.now())
    slow = SlowPlatform()
    busy = Scheduler(sessions, {"fake": slow}, clock, lease=LEASE, heartbeat_seconds=0.01)
    witness = LookupPlatform()  # what a second worker would post
    other = Scheduler(sessions, {"fake": witness}, clock, lease=LEASE)
    task = asyncio.create_task(busy.tick())
    await asyncio.wait_for(slow.started.wait(), timeout=5)

    [row] = await rows(sessions)
    first_lease = row.lease_until
    assert first_lease is not None
    clock.advance(seconds=50)
    for _ in range(200):  # bounded polling until a heartbeat has pushed the lease out (on the database's clock)
        [row] = await rows(sessions)
        if row.lease_until is not None and row.lease_until > first_lease:
            break
        await asyncio.sleep(0.01)
    assert row.lease_until is not None and row.lease_until > first_lease
    clock.advance(seconds=30)  # past the original lease: without the heartbeat the row would look abandoned
    await other.tick()
    await other.tick()
    assert witness.posts == []
    slow.release.set()
    result = await asyncio.wait_for(task, timeout=5)

    assert result.delivered == 1
    assert slow.reminder_ids() == [rid]
