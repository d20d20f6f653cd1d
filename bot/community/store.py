"""Community rows: settings per workspace/guild, which community a member came from, the quiet preference."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.events import Address
from bot.storage.models import CommunityMember, CommunitySettings, UserPrefs


async def load_settings(session: AsyncSession, *, platform: str, workspace: str) -> CommunitySettings | None:
    return await session.get(CommunitySettings, (platform, workspace))


async def settings_for_update(
    session: AsyncSession, *, platform: str, workspace: str, default_timezone: str, now: datetime
) -> CommunitySettings:
    """The community's row, created with defaults on first use (inside the caller's transaction)."""
    row = await session.get(CommunitySettings, (platform, workspace), with_for_update=True)
    if row is None:
        row = CommunitySettings(
            platform=platform, workspace=workspace, timezone=default_timezone, created_at=now, updated_at=now
        )
        session.add(row)
    return row


async def remember_member(session: AsyncSession, *, address: Address, community: str, now: datetime) -> None:
    """Note that this member reached a debrief from `community` (for its anonymous counts only)."""
    key = (address.platform, address.workspace, address.user, community)
    row = await session.get(CommunityMember, key)
    if row is None:
        session.add(CommunityMember(platform=key[0], workspace=key[1], user_id=key[2], community=key[3], seen_at=now))
    else:
        row.seen_at = now


async def set_quiet(session: AsyncSession, *, address: Address, quiet: bool, now: datetime) -> None:
    platform, workspace, user = address.key
    prefs = await session.get(UserPrefs, (platform, workspace, user))
    if prefs is None:
        session.add(UserPrefs(platform=platform, workspace=workspace, user_id=user, quiet=quiet, updated_at=now))
    else:
        prefs.quiet = quiet
        prefs.updated_at = now


async def pause(session: AsyncSession, *, platform: str, workspace: str, reason: str, now: datetime) -> bool:
    """Pause the schedule because the channel is out of reach; True only for the call that paused it (so the
    admin is told once)."""
    statement = (
        update(CommunitySettings)
        .where(
            col(CommunitySettings.platform) == platform,
            col(CommunitySettings.workspace) == workspace,
            col(CommunitySettings.paused_reason).is_(None),
        )
        .values(paused_reason=reason[:64], updated_at=now)
    )
    return bool((await session.execute(statement)).rowcount)  # type: ignore[attr-defined]
