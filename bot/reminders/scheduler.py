"""The durable reminder scheduler: claim due rows → decide → mark `sending` → deliver → record.

At-least-once claiming with leases plus an idempotent send step gives one message per reminder:
- a killed worker's *claims* expire and are claimed again (nothing was sent yet);
- a killed worker's *sends* (`sending` past its lease) are reconciled: a sender that can look up its
  own messages (`delivered(address, reminder_id, since)`) tells us whether the post exists, and we
  re-send only if it does not (Slack finds its post by message metadata, Discord by the buttons' ids).
  A sender without that capability gets the row parked as `unknown` and never re-sent: we prefer a
  rare missed nudge over a duplicate one.
- a send whose answer never came (timeout, connection dropped after the request went out: the sender
  raises `DeliveryInDoubt`, or anything unexpected) is "in doubt", not "retryable": the platform is
  asked first, and the row is retried only if the post is not there (and asked again before that retry).
Leases are on the database's clock (bot/reminders/queue.py). Due times, backoff and holds use `now()`: the
injected clock, set by the database's at every tick when `database_time` is on (as `thankyou-bot` runs it).
A stop (`run`'s event) never cuts a post short: posts not yet started are handed back to the queue.
Temporary failures retry with backoff; a rate limit holds the whole platform for `retry_after`;
permanent failures stop and are recorded. Time comes from an injected clock, so tests never sleep.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, runtime_checkable

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.errors import DeliveryError, DeliveryInDoubt
from bot.events import Address
from bot.observability import metrics
from bot.ports import Sender
from bot.reminders import lifecycle
from bot.reminders.planning import Plan, backoff, fold_stale, plan_batch
from bot.reminders.queue import (
    IN_DOUBT,
    address_of,
    claim_due,
    claim_stuck,
    extend_leases,
    finish,
    hold_back,
    mark_sending,
    mark_sent,
    release,
    release_claims,
)
from bot.storage.models import Conversation, Reminder
from bot.storage.privacy import purge
from bot.time.clock import Clock, SystemClock
from bot.time.zones import zone
from bot.vocabulary import ReminderKind, ReminderStatus

log = logging.getLogger(__name__)
PURGE_EVERY = timedelta(hours=6)
INLINE_HOLD = timedelta(seconds=5)  # running schedulers wait out short 429 holds in place (tests keep 0)
LOOKUP_MARGIN = timedelta(minutes=15)  # look that far before the send: the platform's clock is not ours


@runtime_checkable
class DeliveryLookup(Protocol):
    """Optional sender capability: find the message we may have posted for a reminder since `since`."""

    async def delivered(self, address: Address, reminder_id: int, since: datetime) -> str | None: ...


@dataclass
class TickResult:
    claimed: int = 0
    delivered: int = 0
    retried: int = 0
    failed: int = 0
    deferred: int = 0
    skipped: int = 0
    missed: int = 0
    reconciled: int = 0
    unknown: int = 0

    @property
    def busy(self) -> bool:
        return bool(self.claimed or self.reconciled or self.unknown)


@dataclass
class _Outcome:
    kind: str  # sent | retry | permanent | unknown | held | limited | lost | doubt | stopped
    message_id: str | None = None
    reason: str = ""
    in_doubt: bool = False  # a retry after a send whose outcome was unknown (and not found by lookup)


def worker_name() -> str:
    return f"{socket.gethostname()[:30]}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


class Scheduler:
    """One worker. Several may run against one PostgreSQL database (in bot processes or `thankyou-bot worker`)."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], senders: Mapping[str, Sender], clock: Clock | None = None,
        *, worker: str | None = None, batch: int = 100, lease: timedelta = timedelta(seconds=60),
        grace: timedelta = timedelta(hours=12), concurrency: int = 16, max_attempts: int = 8,
        poll_seconds: float = 5.0, default_timezone: str = "UTC", inline_hold: timedelta = timedelta(0),
        heartbeat_seconds: float | None = None, database_time: bool = False,
    ) -> None:  # fmt: skip
        self.inline_hold = inline_hold  # rate-limit holds up to this long are waited out without re-queuing
        self.heartbeat_seconds = heartbeat_seconds or lease.total_seconds() / 3
        self.sessions, self.senders, self.clock = sessions, dict(senders), clock or SystemClock()
        self.worker = worker or worker_name()
        self.batch, self.lease, self.grace, self.concurrency = batch, lease, grace, concurrency
        self.max_attempts, self.poll_seconds, self.default_timezone = max_attempts, poll_seconds, default_timezone
        self.holds: dict[str, datetime] = {}
        self._stuck_check_at: datetime | None = None
        self._purge_at: datetime | None = None
        self._limit = batch  # shrinks while a platform rate-limits us, grows back when it stops
        self._stop: asyncio.Event | None = None  # set by `run`'s caller: posts not yet started are handed back
        # With `database_time`, each tick sets this worker's clock by the database's (PostgreSQL), so due times,
        # backoff and holds do not shift with a skewed machine clock. Tests inject a fake clock instead.
        self.database_time = database_time
        self._offset = timedelta(0)

    def now(self) -> datetime:
        """This worker's time: the injected clock, corrected by the database's when `database_time` is on."""
        return self.clock.now() + self._offset

    async def _sync_clock(self) -> None:
        if not self.database_time:
            return
        async with self.sessions() as session:
            if session.get_bind().dialect.name != "postgresql":
                return  # SQLite lives on this machine: its clock is ours
            before = self.clock.now()
            server = (await session.execute(select(func.clock_timestamp()))).scalar_one()
            after = self.clock.now()
        self._offset = server - (before + (after - before) / 2)

    def _platforms(self, now: datetime) -> list[str]:
        return [p for p in self.senders if self.holds.get(p, now) <= now]

    async def tick(self, *, address: Address | None = None) -> TickResult:
        """One pass; raises on database failure (the caller decides; `run` logs and tries again)."""
        await self._sync_clock()
        result, now = TickResult(), self.now()
        platforms = self._platforms(now)
        if not platforms:
            return result
        scope = {"worker": self.worker, "lease": self.lease, "limit": self._limit, "platforms": platforms}
        if address is not None or self._stuck_check_at is None or now >= self._stuck_check_at:
            self._stuck_check_at = now + self.lease / 4  # dead workers are rare: look for them now and then
            async with self.sessions() as session, session.begin():
                stuck = await claim_stuck(session, now=now, address=address, **scope)  # type: ignore[arg-type]
            await self._reconcile(stuck, result)
        async with self.sessions() as session, session.begin():
            rows = await claim_due(session, now=now, address=address, **scope)  # type: ignore[arg-type]
            plans = await self._plan(session, rows, now)
        result.claimed = len(rows)
        metrics.scheduler_lag(now, [row.next_attempt_at or row.due_at for row in rows])
        if not rows:
            return result
        async with self.sessions() as session, session.begin():
            sending = await self._prepare(session, plans, now, result)
        outcomes = await self._send_all(sending)
        async with self.sessions() as session, session.begin():
            await self._record_all(session, sending, outcomes, result)
        if any(o.kind == "held" for o in outcomes):
            self._limit = max(self.concurrency, result.delivered)
        else:
            self._limit = min(self.batch, self._limit * 2)
        return result

    async def safe_tick(self, *, address: Address | None = None) -> TickResult | None:
        """A tick that survives an unavailable database: logged, nothing half-done, retried next time."""
        try:
            result = await self.tick(address=address)
            metrics.reminder_outcomes(
                due=result.claimed, delivered=result.delivered, failed=result.failed, in_doubt=result.unknown
            )
            return result
        except (SQLAlchemyError, OSError) as error:
            log.warning(
                "scheduler tick failed; will retry", extra={"worker": self.worker, "error": type(error).__name__}
            )
            return None

    async def run(self, stop: asyncio.Event | None = None) -> None:
        """Tick until `stop` is set; busy ticks follow each other at once, idle ones wait `poll_seconds`.

        Stopping never cuts a tick short: the batch in hand is posted and recorded, then any claim still
        held is handed back (`release_claims`), so another worker need not wait out the lease.
        """
        stop = self._stop = stop or asyncio.Event()
        log.info("scheduler started", extra={"worker": self.worker, "platforms": sorted(self.senders)})
        try:
            while not stop.is_set():
                await self.retention()
                result = await self.safe_tick()
                if result is not None and result.busy:
                    continue
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self._idle_wait())
        finally:
            await self.release_claims()

    async def release_claims(self) -> int:
        """Give back every row this worker claimed but has not started sending (shutdown); 0 if the database is away."""
        try:
            async with self.sessions() as session, session.begin():
                released = await release_claims(session, worker=self.worker, now=self.now())
        except (SQLAlchemyError, OSError):
            log.warning("could not release claims; they expire with their lease", extra={"worker": self.worker})
            return 0
        log.info("scheduler stopped", extra={"worker": self.worker, "released": released})
        return released

    async def retention(self) -> dict[str, int] | None:
        """Run the retention purge (bot/storage/privacy.py) about every six hours; any worker may, it is idempotent."""
        now = self.now()
        if self._purge_at is not None and now < self._purge_at:
            return None
        self._purge_at = now + PURGE_EVERY
        try:
            async with self.sessions() as session, session.begin():
                counts = await purge(session, now=now)
        except (SQLAlchemyError, OSError):
            log.warning("retention purge failed; will retry", extra={"worker": self.worker})
            return None
        log.info("retention purge", extra={"worker": self.worker, **{f"purged_{k}": v for k, v in counts.items()}})
        return counts

    def _idle_wait(self) -> float:
        now = self.now()
        waits = [(until - now).total_seconds() for until in self.holds.values() if until > now]
        return max(0.01, min([self.poll_seconds, *waits]))

    async def _plan(self, session: AsyncSession, rows: list[Reminder], now: datetime) -> list[Plan]:
        return await plan_batch(session, rows, now, grace=self.grace, default_timezone=self.default_timezone)

    async def _prepare(self, session: AsyncSession, plans: list[Plan], now: datetime, result: TickResult) -> list[Plan]:
        """Defer, skip and fold rows; flip the rest to `sending` in one commit before any platform call."""
        stale: dict[tuple[str, str, str], list[Plan]] = {}
        to_send: list[Plan] = []
        for plan in plans:
            if plan.defer_to is not None:
                result.deferred += await release(
                    session, plan.row, from_status=ReminderStatus.CLAIMED, now=now, next_attempt_at=plan.defer_to,
                    attempts=plan.row.attempts - 1,
                )  # fmt: skip
            elif plan.closed:
                result.failed += await finish(
                    session, plan.row, from_status=ReminderStatus.CLAIMED, now=now, status=ReminderStatus.FAILED,
                    lease_until=None, last_error="dm_closed",
                )  # fmt: skip
            elif plan.stale:
                stale.setdefault((plan.row.platform, plan.row.workspace, plan.row.user_id), []).append(plan)
            elif plan.nudge is None:
                result.skipped += await finish(
                    session, plan.row, from_status=ReminderStatus.CLAIMED, now=now, status=ReminderStatus.SKIPPED
                )
            else:
                to_send.append(plan)
        for group in stale.values():
            result.missed += await fold_stale(session, group, now)
        # Platforms that can be asked afterwards are marked in one batch; the others one by one just
        # before their post (see `_send`), so a crash leaves at most one post in doubt per worker.
        batch = [p for p in to_send if isinstance(self.senders[p.row.platform], DeliveryLookup)]
        kept = await mark_sending(session, [p.row for p in batch], worker=self.worker, now=now, lease=self.lease)
        for plan in batch:
            plan.marked = plan.row.id in kept
            plan.lease_until = now + self.lease
        return [p for p in to_send if p.marked or p not in batch]

    async def _send_all(self, plans: list[Plan]) -> list[_Outcome]:
        gate = asyncio.Semaphore(self.concurrency)

        async def one(plan: Plan) -> _Outcome:
            async with gate:
                return await self._send(plan)

        beat = asyncio.create_task(self._heartbeat(plans))
        try:
            return list(await asyncio.gather(*(one(p) for p in plans)))
        finally:
            beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beat

    async def _heartbeat(self, plans: list[Plan]) -> None:
        """Keep the batch's leases fresh during slow sends (a slow platform, rate-limit waits), so no other
        worker mistakes them for a dead worker's rows and posts them a second time."""
        while True:
            await asyncio.sleep(self.heartbeat_seconds)
            now = self.now()
            until = now + self.lease  # our own reckoning of the lease (relative, so skew cancels out)
            try:
                async with self.sessions() as session, session.begin():
                    rows = [p.row for p in plans]
                    await extend_leases(session, rows, worker=self.worker, lease=self.lease, now=now)
            except (SQLAlchemyError, OSError):
                log.warning("lease heartbeat failed; will retry", extra={"worker": self.worker})
                continue
            for plan in plans:
                plan.lease_until = until

    async def _send(self, plan: Plan) -> _Outcome:
        """Post one nudge; a short rate-limit hold is waited out in place when the row's lease allows it.
        Once the scheduler is stopping, a post not yet started is not started: the row goes back to the queue."""
        for _ in range(4):
            if self._stop is not None and self._stop.is_set():
                return _Outcome("stopped")
            if not await self._hold_passed(plan):
                break
            outcome = await self._post(plan)
            if outcome.kind != "limited":
                return outcome
        return _Outcome("held")

    async def _hold_passed(self, plan: Plan) -> bool:
        """True once the platform may be called; False when the hold is too long to wait for here."""
        now = self.now()
        left = (self.holds.get(plan.row.platform, now) - now).total_seconds()
        if left <= 0:
            return True
        lease_left = (plan.lease_until - now).total_seconds() if plan.lease_until else float("inf")
        if left > self.inline_hold.total_seconds() or lease_left - left < self.lease.total_seconds() / 2:
            return False
        await asyncio.sleep(left)
        return True

    async def _post(self, plan: Plan) -> _Outcome:
        row = plan.row
        assert plan.nudge is not None
        if not plan.marked:
            async with self.sessions() as session, session.begin():
                now = self.now()
                plan.marked = bool(await mark_sending(session, [row], worker=self.worker, now=now, lease=self.lease))
                plan.lease_until = now + self.lease
            if not plan.marked:
                return _Outcome("lost")  # our claim expired and another worker took the row over
        if (row.last_error or "").startswith(IN_DOUBT):  # an earlier try may have gone out after all
            earlier = await self._look_up(row)
            if earlier is None or earlier[0] is not None:
                return self._after_lookup(earlier, row.last_error or IN_DOUBT)
        try:
            ids = await self.senders[row.platform].send(address_of(row), [plan.nudge])
        except DeliveryInDoubt as error:
            return await self._in_doubt(plan, error.reason)
        except DeliveryError as error:
            retry_after = getattr(error, "retry_after", None)
            if isinstance(retry_after, int | float) and retry_after > 0:
                self.holds[row.platform] = self.now() + timedelta(seconds=float(retry_after))
                return _Outcome("limited", reason=error.reason[:200])
            return _Outcome("permanent" if error.permanent else "retry", reason=error.reason[:200])
        except Exception as error:  # ambiguous: the post may exist; never guess, never re-send blindly
            return await self._in_doubt(plan, type(error).__name__)
        return _Outcome("sent", message_id=ids[0][:128] if ids else None)

    async def _in_doubt(self, plan: Plan, reason: str) -> _Outcome:
        """The request went out and no answer came back: ask the platform whether the post exists."""
        row = plan.row
        log.warning("reminder send outcome unknown", extra={"reminder": row.id, "error": reason[:80]})
        if not isinstance(self.senders[row.platform], DeliveryLookup):
            return _Outcome("unknown", reason=f"send outcome unknown ({reason})"[:200])
        return self._after_lookup(await self._look_up(row), f"{IN_DOUBT}{reason}")

    async def _look_up(self, row: Reminder) -> tuple[str | None] | None:
        """(message id or None) from the platform; None when the lookup itself failed."""
        sender = self.senders[row.platform]
        assert isinstance(sender, DeliveryLookup) and row.id is not None
        since = (row.sending_at or self.now()) - LOOKUP_MARGIN
        try:
            return (await sender.delivered(address_of(row), row.id, since),)
        except Exception as error:
            log.warning("reminder lookup failed", extra={"reminder": row.id, "error": type(error).__name__})
            return None

    @staticmethod
    def _after_lookup(found: tuple[str | None] | None, reason: str) -> _Outcome:
        if found is None:  # still in doubt: keep the row `sending`; after its lease, reconciliation asks again
            return _Outcome("doubt", reason=reason[:200])
        if found[0] is not None:
            return _Outcome("sent", message_id=found[0][:128] or None)
        return _Outcome("retry", reason=reason[:200], in_doubt=True)  # not there: safe to post (asked again first)

    async def _record_all(
        self, session: AsyncSession, plans: list[Plan], outcomes: list[_Outcome], result: TickResult
    ) -> None:
        """Deliveries in one statement; the rarer outcomes row by row."""
        now = self.now()
        sent = {p.row.id: o.message_id for p, o in zip(plans, outcomes, strict=True) if o.kind == "sent"}
        recorded = await mark_sent(
            session, {k: v for k, v in sent.items() if k is not None}, worker=self.worker, now=now
        )
        result.delivered += len(recorded)
        held = [p.row for p, o in zip(plans, outcomes, strict=True) if o.kind == "held"]
        if held:
            until = max(self.holds.get(held[0].platform, now), now)
            result.retried += await hold_back(session, held, worker=self.worker, until=until, now=now)
        for plan, outcome in zip(plans, outcomes, strict=True):
            if outcome.kind == "stopped":
                result.retried += await self._hand_back(session, plan)
            elif outcome.kind not in ("sent", "lost", "held", "doubt"):
                await self._record(session, plan, outcome, result)
            elif plan.row.kind == ReminderKind.FOLLOW_UP and plan.row.id in recorded:
                await lifecycle.after_checkin(session, plan.row, tz=zone(plan.tz_name), now=now)

    async def _hand_back(self, session: AsyncSession, plan: Plan) -> int:
        """A row we never posted (shutdown): back to `pending` at once, the try not counted."""
        row, doubt = plan.row, (plan.row.last_error or "").startswith(IN_DOUBT)
        status = ReminderStatus.SENDING if plan.marked else ReminderStatus.CLAIMED
        return int(
            await release(
                session, row, from_status=status, now=self.now(), attempts=row.attempts - 1,
                sending_at=row.sending_at if doubt else None,
            )
        )  # fmt: skip

    async def _record(self, session: AsyncSession, plan: Plan, outcome: _Outcome, result: TickResult) -> None:
        row, now = plan.row, self.now()
        if outcome.kind == "retry" and row.attempts < self.max_attempts:
            result.retried += await release(
                session, row, from_status=ReminderStatus.SENDING, now=now,
                sending_at=row.sending_at if outcome.in_doubt else None,  # bounds the lookup before the retry
                next_attempt_at=now + backoff(row), last_error=outcome.reason,
            )  # fmt: skip
        elif outcome.kind == "unknown" or outcome.in_doubt:  # out of tries, and it may be there: never `failed`
            result.unknown += await finish(
                session, row, from_status=ReminderStatus.SENDING, now=now, status=ReminderStatus.UNKNOWN,
                lease_until=None, last_error=outcome.reason,
            )  # fmt: skip
        else:
            log.warning("reminder failed permanently", extra={"reminder": row.id, "platform": row.platform})
            result.failed += await finish(
                session, row, from_status=ReminderStatus.SENDING, now=now, status=ReminderStatus.FAILED,
                lease_until=None, last_error=outcome.reason or "gave up",
            )  # fmt: skip

    async def _after_checkin(self, session: AsyncSession, row: Reminder, now: datetime) -> None:
        """The next check-in (or closing the notes) for a check-in a dead worker had already posted."""
        prefs = (await lifecycle.prefs_of(session, [row])).get((row.platform, row.workspace, row.user_id))
        conversation = await session.get(Conversation, row.conversation_id) if row.conversation_id else None
        tz = lifecycle.zone_for(prefs, conversation, self.default_timezone)
        await lifecycle.after_checkin(session, row, tz=tz, now=now)

    async def _reconcile(self, stuck: list[Reminder], result: TickResult) -> None:
        """Rows a dead worker left mid-send: ask the platform, or park them as `unknown`."""
        for row in stuck:
            now, sender = self.now(), self.senders[row.platform]
            found: str | None = None
            if isinstance(sender, DeliveryLookup):
                try:
                    assert row.id is not None
                    since = (row.sending_at or row.updated_at) - LOOKUP_MARGIN
                    found = await sender.delivered(address_of(row), row.id, since)
                except Exception:
                    log.warning("reconciliation lookup failed; will retry", extra={"reminder": row.id})
                    continue  # the lease expires again and another pass retries
            async with self.sessions() as session, session.begin():
                if found is not None:
                    recorded = await finish(
                        session, row, from_status=ReminderStatus.CHECKING, now=now, status=ReminderStatus.SENT,
                        sent_at=now, message_id=found or None, lease_until=None,
                    )  # fmt: skip
                    result.reconciled += recorded
                    if recorded and row.kind == ReminderKind.FOLLOW_UP:  # as if this worker had posted it
                        await self._after_checkin(session, row, now)
                elif isinstance(sender, DeliveryLookup):
                    result.reconciled += await release(
                        session, row, from_status=ReminderStatus.CHECKING, now=now, sending_at=None
                    )
                else:
                    result.unknown += await finish(
                        session, row, from_status=ReminderStatus.CHECKING, now=now, status=ReminderStatus.UNKNOWN,
                        lease_until=None, last_error="a worker stopped mid-send; not re-sent to avoid a duplicate",
                    )  # fmt: skip
