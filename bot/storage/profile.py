"""A member's profile: the answers they give the same way every time (name, tone, channel), kept between
debriefs so they are not asked again. Stored on `user_prefs`, so `forget me` and `export` already cover it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.answers import Answers
from bot.events import Address
from bot.storage.models import UserPrefs


async def load_profile(session: AsyncSession, *, address: Address) -> dict[str, Any]:
    prefs = await session.get(UserPrefs, address.key)
    return dict(prefs.profile) if prefs is not None and isinstance(prefs.profile, dict) else {}


async def update_profile(
    session: AsyncSession, *, address: Address, values: Mapping[str, Any], now: datetime, replace: bool = False
) -> dict[str, Any]:
    """Merge `values` into the profile (a None value removes that entry); `replace` starts from empty."""
    platform, workspace, user = address.key
    prefs = await session.get(UserPrefs, (platform, workspace, user))
    if prefs is None:
        prefs = UserPrefs(platform=platform, workspace=workspace, user_id=user, updated_at=now)
        session.add(prefs)
    current = {} if replace or not isinstance(prefs.profile, dict) else dict(prefs.profile)
    for key, value in values.items():
        if value is None:
            current.pop(key, None)
        else:
            current[key] = value
    prefs.profile = current or None
    prefs.updated_at = now
    return current


async def set_timezone(session: AsyncSession, *, address: Address, zone: str | None, now: datetime) -> None:
    platform, workspace, user = address.key
    prefs = await session.get(UserPrefs, (platform, workspace, user))
    if prefs is None:
        session.add(UserPrefs(platform=platform, workspace=workspace, user_id=user, timezone=zone, updated_at=now))
    else:
        prefs.timezone = zone
        prefs.updated_at = now


async def remember_profile(
    session: AsyncSession, *, address: Address, answers: Answers | None, fields: Iterable[str], now: datetime
) -> None:
    """After a finished debrief, keep these answers (the flow's `remember` steps) for next time."""
    if answers is None:
        return
    values = {name: getattr(answers, name, None) for name in fields}
    await update_profile(session, address=address, values={k: v for k, v in values.items() if v is not None}, now=now)
