"""Per-user reminder settings from typed commands: pause/resume, time zone, quiet hours."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import Address
from bot.reminders import lifecycle
from bot.reminders.commands import Command
from bot.storage import privacy
from bot.time.local import parse_future
from bot.time.past import WhenProblem

_FMT = "%a %d %b, %H:%M"
_QUIET = re.compile(r"^(\d{1,2})(?::00)?\s*(?:-|–|to)\s*(\d{1,2})(?::00)?$")
PAUSE_FOREVER = timedelta(days=3650)


def known_zone(name: str) -> str | None:
    """The canonical IANA name, or None. Case-insensitive for convenience ("europe/berlin")."""
    for candidate in (name, "/".join(part.capitalize() for part in name.split("/")), name.upper()):
        try:
            return ZoneInfo(candidate).key
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None


async def run_setting(session: AsyncSession, address: Address, command: Command, now: datetime, tz: ZoneInfo) -> str:
    """Apply one settings command; on bad input say what to type and change nothing."""
    if command.verb == "timezone":
        name = known_zone(command.argument.strip())
        if name is None:
            return "I don't know that time zone. Use a name like Europe/Berlin or America/New_York."
        prefs = await lifecycle.prefs_row(session, address, now)
        prefs.timezone, prefs.updated_at = name, now
        return f"Got it: your reminders now follow {name} time."
    if command.verb == "quiet":
        return await _quiet(session, address, command.argument.strip(), now)
    if command.verb == "resume":
        prefs = await lifecycle.prefs_row(session, address, now)
        prefs.paused_until, prefs.updated_at = None, now
        await lifecycle.undefer(session, address, now)
        return "Reminders are back on. Anything that came due while paused will arrive shortly."
    return await _pause(session, address, command.argument.strip(), now, tz)


async def _pause(session: AsyncSession, address: Address, argument: str, now: datetime, tz: ZoneInfo) -> str:
    if argument:
        try:
            until = parse_future(argument, now=now, tz=tz)
        except WhenProblem as problem:
            return str(problem)
    else:
        until = now + PAUSE_FOREVER
    prefs = await lifecycle.prefs_row(session, address, now)
    prefs.paused_until, prefs.updated_at = until, now
    if not argument:
        return "Reminders paused. Type reminders resume when you want them back."
    return f"Reminders paused until {until.astimezone(tz).strftime(_FMT)}. Type reminders resume to restart sooner."


async def _quiet(session: AsyncSession, address: Address, argument: str, now: datetime) -> str:
    if argument.lower() in ("off", "none", "no"):
        start: int | None = None
        end: int | None = None
    else:
        match = _QUIET.match(argument)
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 23 or match.group(1) == match.group(2):
            return "Please give quiet hours as two hours of the day, like quiet 22-7 (10pm to 7am), or quiet off."
        start, end = int(match.group(1)), int(match.group(2))
    prefs = await lifecycle.prefs_row(session, address, now)
    prefs.quiet_start, prefs.quiet_end, prefs.updated_at = start, end, now
    if start is None:
        return "Quiet hours are off."
    return f"Quiet hours set: no reminders between {start}:00 and {end}:00 your time; they'll wait until {end}:00."


async def privacy_command(session: AsyncSession, address: Address, verb: str) -> str:
    """`forget me` asks for confirmation; `forget me now` deletes everything; `export my data` shows it all."""
    if verb == "forget":
        return (
            "This deletes your debriefs, notes, reminders and settings, everywhere, for good. "
            "If you're sure, type: forget me now"
        )
    if verb == "forget-now":
        await privacy.forget(session, address)
        return "Done. I've deleted everything I held about you. You can start fresh any time."
    data = await privacy.export(session, address)
    return "Here is everything I hold about you (JSON):\n" + json.dumps(data, ensure_ascii=False, indent=1)
