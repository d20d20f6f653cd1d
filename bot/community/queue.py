"""Channel-post occurrences in the database: insert once, claim with a lease, mark `sending`, record the outcome.

Status flow: pending → claimed → sending → sent | pending (retry) | failed | unknown, and a `sending` row
whose lease ran out (its worker died mid-post) → checking → sent (the platform has the post) | pending.
The unique (platform, workspace, occurrence_at) makes a second insert of one occurrence a no-op, and claims
take rows with `FOR UPDATE SKIP LOCKED` on PostgreSQL, or in one UPDATE under SQLite's single write lock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.storage.dbtime import database_now
from bot.storage.models import ChannelPost


class PostStatus(StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    SENDING = "sending"
    CHECKING = "checking"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"


async def add_occurrence(
    session: AsyncSession, *, platform: str, workspace: str, channel: str, at: datetime, now: datetime
) -> int | None:
    """Insert the post for one occurrence; None when it exists already (another worker got there first)."""
    values = {"platform": platform, "workspace": workspace, "channel_id": channel, "occurrence_at": at,
              "status": PostStatus.PENDING.value, "attempts": 0, "created_at": now, "updated_at": now}  # fmt: skip
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (
        insert(ChannelPost)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["platform", "workspace", "occurrence_at"])
        .returning(col(ChannelPost.id))
    )
    found: int | None = (await session.execute(statement)).scalar_one_or_none()
    return found


async def _take(
    session: AsyncSession, condition: Any, *, to: PostStatus, worker: str, now: datetime, lease: timedelta,
    platforms: list[str], limit: int, post_id: int | None, count_attempt: bool,
) -> list[ChannelPost]:  # fmt: skip
    wanted = select(col(ChannelPost.id)).where(condition, col(ChannelPost.platform).in_(platforms))
    if post_id is not None:
        wanted = wanted.where(col(ChannelPost.id) == post_id)
    wanted = wanted.order_by(col(ChannelPost.occurrence_at)).limit(limit).with_for_update(skip_locked=True)
    lease_until = database_now(session, now) + lease  # leases run on the database's clock, as for reminders
    values: dict[str, Any] = {"status": to.value, "lease_until": lease_until, "claimed_by": worker, "updated_at": now}
    if count_attempt:
        values["attempts"] = col(ChannelPost.attempts) + 1
    if session.get_bind().dialect.name == "postgresql":
        picked = wanted.cte("picked").prefix_with("MATERIALIZED")  # the locking SELECT runs exactly once
        statement = update(ChannelPost).where(col(ChannelPost.id) == picked.c.id)
    else:  # one statement under SQLite's write lock; the condition is checked again inside it
        statement = update(ChannelPost).where(col(ChannelPost.id).in_(wanted.scalar_subquery()), condition)
    statement = statement.values(**values).returning(ChannelPost).execution_options(synchronize_session=False)
    return sorted((await session.execute(statement)).scalars().all(), key=lambda r: (r.occurrence_at, r.id or 0))


async def claim_due(
    session: AsyncSession, *, worker: str, now: datetime, lease: timedelta, platforms: list[str], limit: int = 20,
    post_id: int | None = None,
) -> list[ChannelPost]:  # fmt: skip
    """Pending posts (a retry waits until its `lease_until`) and claims whose worker went away."""
    ready = and_(
        col(ChannelPost.status) == PostStatus.PENDING.value,
        or_(col(ChannelPost.lease_until).is_(None), col(ChannelPost.lease_until) <= now),
    )
    expired = and_(
        col(ChannelPost.status) == PostStatus.CLAIMED.value, col(ChannelPost.lease_until) < database_now(session, now)
    )
    return await _take(
        session, or_(ready, expired), to=PostStatus.CLAIMED, worker=worker, now=now, lease=lease,
        platforms=platforms, limit=limit, post_id=post_id, count_attempt=True,
    )  # fmt: skip


async def claim_stuck(
    session: AsyncSession, *, worker: str, now: datetime, lease: timedelta, platforms: list[str], limit: int = 20
) -> list[ChannelPost]:
    """Posts a worker left mid-send (or mid-check): maybe posted, so they are checked, never blindly re-sent."""
    stuck = and_(
        col(ChannelPost.status).in_([PostStatus.SENDING.value, PostStatus.CHECKING.value]),
        col(ChannelPost.lease_until) < database_now(session, now),
    )
    return await _take(
        session, stuck, to=PostStatus.CHECKING, worker=worker, now=now, lease=lease, platforms=platforms,
        limit=limit, post_id=None, count_attempt=False,
    )  # fmt: skip


async def move(
    session: AsyncSession, row: ChannelPost, *, worker: str, frm: PostStatus, to: PostStatus, now: datetime,
    **values: Any,
) -> bool:  # fmt: skip
    """Change a row this worker still owns; False when its claim expired and someone else took it."""
    statement = (
        update(ChannelPost)
        .where(
            col(ChannelPost.id) == row.id,
            col(ChannelPost.status) == frm.value,
            col(ChannelPost.claimed_by) == worker,
        )
        .values(status=to.value, updated_at=now, **values)
    )
    return bool((await session.execute(statement)).rowcount)  # type: ignore[attr-defined]
