"""Seeding reminder rows straight into the database for scheduler tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.storage.models import Reminder


async def seed(
    sessions: async_sessionmaker[AsyncSession], count: int, *, due: datetime, platform: str = "fake",
    kind: str = "send_by", user: str | None = None, **extra: Any,
) -> list[int]:  # fmt: skip
    rows = [
        Reminder(
            dedupe_key=f"test:{platform}:{due.isoformat()}:{n}:{kind}", platform=platform, workspace="W1",
            channel=f"D{n}", user_id=user or f"U{n}", kind=kind, due_at=due, status="pending", attempts=0,
            created_at=due, updated_at=due, **extra,
        )
        for n in range(count)
    ]  # fmt: skip
    async with sessions() as session, session.begin():
        session.add_all(rows)
    return [r.id for r in rows if r.id is not None]


async def rows(sessions: async_sessionmaker[AsyncSession]) -> list[Reminder]:
    async with sessions() as session:
        return list((await session.execute(select(Reminder).order_by(Reminder.id))).scalars())  # type: ignore[arg-type]


async def statuses(sessions: async_sessionmaker[AsyncSession]) -> dict[int, str]:
    return {r.id: r.status for r in await rows(sessions) if r.id is not None}


async def leases_run_out(sessions: async_sessionmaker[AsyncSession], by: timedelta = timedelta(hours=1)) -> None:
    """Time passes on the database's clock: every lease ends `by` earlier, as if its holder had gone quiet.

    Leases are judged by the database's clock (PostgreSQL's `clock_timestamp()`), which a fake clock cannot move.
    """
    async with sessions() as session, session.begin():
        held = await session.execute(select(Reminder).where(Reminder.lease_until.is_not(None)))  # type: ignore[union-attr]
        for row in held.scalars():
            assert row.lease_until is not None
            await session.execute(
                update(Reminder).where(Reminder.id == row.id).values(lease_until=row.lease_until - by)
            )  # type: ignore[arg-type]
