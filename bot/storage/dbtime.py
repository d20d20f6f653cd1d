"""The database's own clock, for leases shared by several workers whose clocks may disagree."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, func
from sqlalchemy.ext.asyncio import AsyncSession


def database_now(session: AsyncSession, now: datetime) -> Any:
    """The clock every lease is written and compared with: the server's own on PostgreSQL, `now` on SQLite
    (one file, written from one machine, so the process clock is the database clock there).

    `clock_timestamp()` rather than `now()`: it is the moment the statement runs, not when its transaction
    began, so a long transaction cannot hand out a lease that is already partly spent.
    """
    if session.get_bind().dialect.name == "postgresql":
        return func.clock_timestamp(type_=DateTime(timezone=True))
    return now
