"""The reminder queue in the database: claim with a lease, mark `sending`, record the outcome.

Status flow: pending → claimed → sending → sent | pending (retry) | failed | unknown.
`claimed` means "certainly not sent yet", so an expired claim is simply claimed again. `sending` is
committed *before* the platform call, so an expired `sending` row means "maybe sent": it is reconciled
(asked of the platform) or, for a platform that cannot answer, parked as `unknown` and never re-sent.
On PostgreSQL claims use `FOR UPDATE SKIP LOCKED`; on SQLite the single UPDATE … RETURNING runs under
the database's one write lock, so two claimers can never take the same row there either.

Leases live on the database's clock. Every lease is written and judged with one clock: PostgreSQL's
`clock_timestamp()`, evaluated by the server inside the statement, so a worker whose own clock runs
minutes ahead or behind can neither take over a live lease nor hold on to a dead one. SQLite is a file
written by processes on one machine, so the process clock (`now`, the injected clock) *is* its clock.
`now` itself is still the worker's time for everything that is not a lease: due times, backoff and the
`updated_at` bookkeeping (a skewed worker may nudge early or late by its skew, never twice).
A row claimed from another worker (its lease ran out) is logged with both worker ids.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.events import Address
from bot.storage.dbtime import database_now
from bot.storage.models import Reminder
from bot.vocabulary import IN_FLIGHT_REMINDERS, ReminderStatus

log = logging.getLogger(__name__)
IN_DOUBT = "in doubt: "  # `last_error` prefix: an earlier post may exist; look it up before any retry


def address_of(row: Reminder) -> Address:
    return Address(platform=row.platform, workspace=row.workspace, channel=row.channel, user=row.user_id)


def _scope(statement: Any, platforms: Sequence[str], address: Address | None) -> Any:
    statement = statement.where(col(Reminder.platform).in_(list(platforms)))
    if address is not None:
        statement = statement.where(col(Reminder.workspace) == address.workspace, col(Reminder.user_id) == address.user)
    return statement


def _due(now: datetime, db_now: Any) -> Any:
    """Due by the worker's clock (a user-facing time); an abandoned claim by the database's (a lease)."""
    ready = and_(
        col(Reminder.status) == ReminderStatus.PENDING,
        col(Reminder.due_at) <= now,
        or_(col(Reminder.next_attempt_at).is_(None), col(Reminder.next_attempt_at) <= now),
    )
    return or_(ready, and_(col(Reminder.status) == ReminderStatus.CLAIMED, col(Reminder.lease_until) < db_now))


async def _take(
    session: AsyncSession, condition: Any, *, status: ReminderStatus, worker: str, now: datetime, lease: timedelta,
    limit: int, platforms: Sequence[str], address: Address | None, count_attempt: bool,
) -> list[Reminder]:  # fmt: skip
    sqlite = session.get_bind().dialect.name == "sqlite"
    ids = _scope(select(col(Reminder.id)).where(condition), platforms, address)
    if not sqlite:  # PostgreSQL's RETURNING may name the CTE: who held each row before, in the same statement
        ids = ids.add_columns(col(Reminder.claimed_by).label("previous"))
    # A materialised CTE runs the locking SELECT exactly once; as an IN-subquery PostgreSQL may re-run
    # it per outer row and lock (and claim) far more than `limit` rows.
    picked = (
        ids.order_by(col(Reminder.due_at)).limit(limit).with_for_update(skip_locked=True)
        .cte("picked").prefix_with("MATERIALIZED")
    )  # fmt: skip
    values: dict[str, Any] = {
        "status": status, "lease_until": database_now(session, now) + lease, "claimed_by": worker, "updated_at": now,
    }  # fmt: skip
    if count_attempt:
        values["attempts"] = col(Reminder.attempts) + 1
    # On PostgreSQL the CTE's row locks already guarantee `condition`; repeating it outside only misleads
    # the planner. SQLite has no row locks: the one statement runs under its single write lock instead.
    guard = condition if sqlite else true()
    statement = (
        update(Reminder)
        .where(col(Reminder.id) == picked.c.id, guard)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if sqlite:  # its RETURNING sees only new values: read the holders first (a concurrent writer voids our write)
        held = _scope(select(col(Reminder.id), col(Reminder.claimed_by)).where(condition), platforms, address)
        found = await session.execute(held.where(col(Reminder.claimed_by).is_not(None)))
        before = {r.id: r.claimed_by for r in found}
        rows = (await session.execute(statement.returning(Reminder))).scalars().all()
        taken = [(row, before.get(row.id or 0)) for row in rows]
    else:
        taken = [
            (row, previous) for row, previous in await session.execute(statement.returning(Reminder, picked.c.previous))
        ]
    for row, previous in taken:
        if previous is not None and previous != worker:  # ids only: no personal data in this line
            log.warning(
                "reminder lease taken over",
                extra={"reminder": row.id, "from_worker": previous, "to_worker": worker, "status": str(status)},
            )
    return sorted((row for row, _ in taken), key=lambda r: (r.due_at, r.id or 0))


async def claim_due(
    session: AsyncSession, *, worker: str, now: datetime, lease: timedelta, limit: int,
    platforms: Sequence[str], address: Address | None = None,
) -> list[Reminder]:  # fmt: skip
    """Take up to `limit` due rows (and rows whose claim expired) for this worker."""
    condition = _due(now, database_now(session, now))
    return await _take(
        session, condition, status=ReminderStatus.CLAIMED, worker=worker, now=now, lease=lease, limit=limit,
        platforms=platforms, address=address, count_attempt=True,
    )  # fmt: skip


async def claim_stuck(
    session: AsyncSession, *, worker: str, now: datetime, lease: timedelta, limit: int,
    platforms: Sequence[str], address: Address | None = None,
) -> list[Reminder]:  # fmt: skip
    """Take rows whose send may or may not have happened (a worker died mid-send) for reconciliation."""
    expired = col(Reminder.lease_until) < database_now(session, now)
    condition = and_(col(Reminder.status).in_(sorted(IN_FLIGHT_REMINDERS)), expired)
    return await _take(
        session, condition, status=ReminderStatus.CHECKING, worker=worker, now=now, lease=lease, limit=limit,
        platforms=platforms, address=address, count_attempt=False,
    )  # fmt: skip


def _mine(row: Reminder, status: ReminderStatus) -> Any:
    return and_(
        col(Reminder.id) == row.id,
        col(Reminder.status) == status,
        col(Reminder.claimed_by) == row.claimed_by,
        col(Reminder.attempts) == row.attempts,
    )


async def mark_sending(
    session: AsyncSession, rows: Sequence[Reminder], *, worker: str, now: datetime, lease: timedelta
) -> set[int]:
    """Flip this worker's still-owned claims to `sending` in one statement (the point of no automatic return).

    `sending_at` is the database's time too, and is copied onto `rows`: it bounds the platform lookup when a
    send's outcome is in doubt. A row retried after such a doubt keeps its first `sending_at`, so the lookup
    before the retry still covers the earlier attempt.
    """
    if not rows:
        return set()
    db_now = database_now(session, now)
    statement = (
        update(Reminder)
        .where(
            col(Reminder.id).in_([r.id for r in rows]),
            col(Reminder.status) == ReminderStatus.CLAIMED,
            col(Reminder.claimed_by) == worker,
        )
        .values(
            status=ReminderStatus.SENDING, sending_at=case(
                (col(Reminder.last_error).startswith(IN_DOUBT), func.coalesce(col(Reminder.sending_at), db_now)),
                else_=db_now,
            ),
            lease_until=db_now + lease, updated_at=now,
        )
        .returning(col(Reminder.id), col(Reminder.sending_at))
    )  # fmt: skip
    marked = {i: at for i, at in (await session.execute(statement)).all() if i is not None}
    for row in rows:
        if row.id in marked:
            row.sending_at = marked[row.id]
    return set(marked)


async def mark_sent(session: AsyncSession, delivered: dict[int, str | None], *, worker: str, now: datetime) -> set[int]:
    """Record many deliveries (id → platform message id) in one statement; returns the ids recorded."""
    if not delivered:
        return set()
    statement = (
        update(Reminder)
        .where(
            col(Reminder.id).in_(list(delivered)),
            col(Reminder.status) == ReminderStatus.SENDING,
            col(Reminder.claimed_by) == worker,
        )
        .values(
            status=ReminderStatus.SENT, sent_at=now, lease_until=None, last_error=None, updated_at=now,
            message_id=case(delivered, value=col(Reminder.id), else_=None),
        )
        .returning(col(Reminder.id))
    )  # fmt: skip
    return {i for i in (await session.execute(statement)).scalars().all() if i is not None}


async def finish(
    session: AsyncSession, row: Reminder, *, from_status: ReminderStatus, now: datetime, **values: Any
) -> bool:
    """Record an outcome only if this worker still owns the row; False when someone else took over."""
    statement = update(Reminder).where(_mine(row, from_status)).values(updated_at=now, **values)
    return bool((await session.execute(statement)).rowcount)  # type: ignore[attr-defined]


async def release(
    session: AsyncSession, row: Reminder, *, from_status: ReminderStatus, now: datetime, **values: Any
) -> bool:
    """Put a claimed row back to `pending` (rescheduled, rate-limited, retry later)."""
    values.setdefault("lease_until", None)
    values.setdefault("claimed_by", None)
    return await finish(session, row, from_status=from_status, now=now, status=ReminderStatus.PENDING, **values)


async def hold_back(
    session: AsyncSession, rows: Sequence[Reminder], *, worker: str, until: datetime, now: datetime
) -> int:
    """Return rate-limited rows (never posted) to the queue in one statement; a rate limit isn't a failed try."""
    statement = (
        update(Reminder)
        .where(
            col(Reminder.id).in_([r.id for r in rows]),
            col(Reminder.status).in_((ReminderStatus.CLAIMED, ReminderStatus.SENDING)),
            col(Reminder.claimed_by) == worker,
        )
        .values(
            status=ReminderStatus.PENDING, next_attempt_at=until, attempts=col(Reminder.attempts) - 1, lease_until=None,
            claimed_by=None, sending_at=None, last_error="rate_limited", updated_at=now,
        )
    )  # fmt: skip
    return int((await session.execute(statement)).rowcount)  # type: ignore[attr-defined]


async def extend_leases(
    session: AsyncSession, rows: Sequence[Reminder], *, worker: str, lease: timedelta, now: datetime
) -> int:
    """Heartbeat: push out the lease of rows this worker still holds (claimed or mid-send), by the database's clock."""
    statement = (
        update(Reminder)
        .where(
            col(Reminder.id).in_([r.id for r in rows]),
            col(Reminder.status).in_((ReminderStatus.CLAIMED, ReminderStatus.SENDING)),
            col(Reminder.claimed_by) == worker,
        )
        .values(lease_until=database_now(session, now) + lease)
    )
    return int((await session.execute(statement)).rowcount)  # type: ignore[attr-defined]


async def release_claims(session: AsyncSession, *, worker: str, now: datetime) -> int:
    """On shutdown: hand every row this worker claimed but has not started sending back to the queue at once,
    so nobody waits out a lease for it (the claim is not counted as a try). Rows mid-send are left alone:
    whether they went out is only known to the platform, and reconciliation asks it."""
    statement = (
        update(Reminder)
        .where(col(Reminder.status) == ReminderStatus.CLAIMED, col(Reminder.claimed_by) == worker)
        .values(
            status=ReminderStatus.PENDING, lease_until=None, claimed_by=None, attempts=col(Reminder.attempts) - 1,
            updated_at=now,
        )
    )  # fmt: skip
    return int((await session.execute(statement)).rowcount)  # type: ignore[attr-defined]
