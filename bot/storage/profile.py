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
from bot.storage.prefs import prefs_row


async def load_profile(session: AsyncSession, *, address: Address) -> dict[str, Any]:
    prefs = await session.get(UserPrefs, address.key)
    return dict(prefs.profile) if prefs is not None and isinstance(prefs.profile, dict) else {}


async def update_profile(
    session: AsyncSession, *, address: Address, values: Mapping[str, Any], now: datetime
) -> dict[str, Any]:
    """Merge `values` into the profile (a None value removes that entry)."""
    prefs = await prefs_row(session, address, now)
    current = dict(prefs.profile) if isinstance(prefs.profile, dict) else {}
    for key, value in values.items():
        if value is None:
            current.pop(key, None)
        else:
            current[key] = value
    prefs.profile = current or None
    prefs.updated_at = now
    return current


async def forget_profile(session: AsyncSession, *, address: Address, now: datetime) -> None:
    """`profile clear`: nothing remembered, and the time zone back to the platform's or the default."""
    prefs = await prefs_row(session, address, now)
    prefs.profile, prefs.timezone, prefs.updated_at = None, None, now


async def remember_profile(
    session: AsyncSession, *, address: Address, answers: Answers | None, fields: Iterable[str], now: datetime
) -> None:
    """After a finished debrief, keep these answers (the flow's `remember` steps) for next time."""
    if answers is None:
        return
    values = {name: getattr(answers, name, None) for name in fields}
    await update_profile(session, address=address, values={k: v for k, v in values.items() if v is not None}, now=now)
