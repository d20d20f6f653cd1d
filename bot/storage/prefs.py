"""Per-user facts that outlive one debrief and are written from outside a turn (closed DMs)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.events import Address
from bot.storage.models import UserPrefs


async def record_dm_closed(session: AsyncSession, *, address: Address, now: datetime) -> None:
    """Remember that the platform refused a DM, so schedulers skip this user instead of retrying."""
    platform, workspace, user = address.key
    prefs = await session.get(UserPrefs, (platform, workspace, user))
    if prefs is None:
        session.add(UserPrefs(platform=platform, workspace=workspace, user_id=user, dm_closed_at=now, updated_at=now))
    else:
        prefs.dm_closed_at = now
        prefs.updated_at = now


async def clear_dm_closed(session: AsyncSession, *, address: Address, now: datetime) -> None:
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
    await session.execute(statement)
