"""Remembering that a user's DMs are closed (UserPrefs.dm_closed_at), so schedulers can skip them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from bot.events import Address
from bot.storage.models import UserPrefs


async def record_dm_closed(sessions: async_sessionmaker[AsyncSession], address: Address, now: datetime) -> None:
    platform, workspace, user = address.key
    async with sessions() as session, session.begin():
        prefs = await session.get(UserPrefs, (platform, workspace, user))
        if prefs is None:
            row = UserPrefs(platform=platform, workspace=workspace, user_id=user, dm_closed_at=now, updated_at=now)
            session.add(row)
        else:
            prefs.dm_closed_at = now
            prefs.updated_at = now


async def clear_dm_closed(sessions: async_sessionmaker[AsyncSession], address: Address, now: datetime) -> None:
    """A DM got through again: forget the old failure (one UPDATE, no read)."""
    platform, workspace, user = address.key
    statement = (
        update(UserPrefs)
        .where(
            col(UserPrefs.platform) == platform,
            col(UserPrefs.workspace) == workspace,
            col(UserPrefs.user_id) == user,
            col(UserPrefs.dm_closed_at).is_not(None),
        )
        .values(dm_closed_at=None, updated_at=now)
    )
    async with sessions() as session, session.begin():
        await session.execute(statement)
