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


async def is_quiet(session: AsyncSession, *, address: Address) -> bool:
    """Whether the member asked for quiet (`/thankyou quiet`): the bot starts no DM with them (reminders,
    welcome); replies to their own messages still go out."""
    platform, workspace, user = address.key
    prefs = await session.get(UserPrefs, (platform, workspace, user))
    return bool(prefs is not None and prefs.quiet)


# --- first contact and the member's own zone and locale (issue 13) ------------------------------------------


async def member_prefs(session: AsyncSession, *, address: Address) -> UserPrefs | None:
    return await session.get(UserPrefs, address.key)


async def prefs_row(session: AsyncSession, address: Address, now: datetime) -> UserPrefs:
    """The member's preferences row, added (inside the caller's transaction) when they have none yet."""
    prefs = await member_prefs(session, address=address)
    if prefs is None:
        platform, workspace, user = address.key
        prefs = UserPrefs(platform=platform, workspace=workspace, user_id=user, updated_at=now)
        session.add(prefs)
    return prefs


async def remember_zone(
    session: AsyncSession, *, address: Address, now: datetime, timezone: str | None = None, locale: str | None = None
) -> None:
    """Keep the member's time zone (chosen once) and their locale (how they write dates); None keeps the old one."""
    prefs = await prefs_row(session, address, now)
    if timezone is not None:
        prefs.timezone = timezone
    if locale is not None:
        prefs.locale = locale[:35]
    prefs.updated_at = now


async def mark_welcomed(session: AsyncSession, *, address: Address, now: datetime) -> bool:
    """True the first time a member opens the DM (they get the welcome); False ever after."""
    prefs = await prefs_row(session, address, now)
    if prefs.welcomed_at is not None:
        return False
    prefs.welcomed_at = now
    prefs.updated_at = now
    return True
