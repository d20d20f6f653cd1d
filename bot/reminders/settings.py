"""Per-user reminder settings from typed commands: pause/resume, time zone, quiet hours."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot import messages
from bot.events import Address
from bot.reminders import lifecycle
from bot.reminders.commands import Command
from bot.storage.prefs import prefs_row
from bot.time.future import parse_future
from bot.time.reading import WhenProblem
from bot.time.zones import known_zone

_FMT = "%a %d %b, %H:%M"
_QUIET = re.compile(r"^(\d{1,2})(?::00)?\s*(?:-|–|to)\s*(\d{1,2})(?::00)?$")
PAUSE_FOREVER = timedelta(days=3650)


async def run_setting(session: AsyncSession, address: Address, command: Command, now: datetime, tz: ZoneInfo) -> str:
    """Apply one settings command; on bad input say what to type and change nothing."""
    if command.verb == "timezone":
        name = known_zone(command.argument.strip())
        if name is None:
            return messages.text("timezone_unknown")
        prefs = await prefs_row(session, address, now)
        prefs.timezone, prefs.updated_at = name, now
        return messages.text("timezone_set", zone=name)
    if command.verb == "quiet":
        return await _quiet(session, address, command.argument.strip(), now)
    if command.verb == "resume":
        prefs = await prefs_row(session, address, now)
        prefs.paused_until, prefs.updated_at = None, now
        await lifecycle.undefer(session, address, now)
        return messages.text("reminders_resumed")
    return await _pause(session, address, command.argument.strip(), now, tz)


async def _pause(session: AsyncSession, address: Address, argument: str, now: datetime, tz: ZoneInfo) -> str:
    if argument:
        try:
            until = parse_future(argument, now=now, tz=tz)
        except WhenProblem as problem:
            return str(problem)
    else:
        until = now + PAUSE_FOREVER
    prefs = await prefs_row(session, address, now)
    prefs.paused_until, prefs.updated_at = until, now
    if not argument:
        return messages.text("reminders_paused")
    return messages.text("reminders_paused_until", until=until.astimezone(tz).strftime(_FMT))


async def _quiet(session: AsyncSession, address: Address, argument: str, now: datetime) -> str:
    if argument.lower() in ("off", "none", "no"):
        start: int | None = None
        end: int | None = None
    else:
        match = _QUIET.match(argument)
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 23 or match.group(1) == match.group(2):
            return messages.text("quiet_invalid")
        start, end = int(match.group(1)), int(match.group(2))
    prefs = await prefs_row(session, address, now)
    prefs.quiet_start, prefs.quiet_end, prefs.updated_at = start, end, now
    if start is None:
        return messages.text("quiet_off")
    return messages.text("quiet_set", start=start, end=end)
