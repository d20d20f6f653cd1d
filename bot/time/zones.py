"""Time-zone names to zones, with one fallback rule, so a bad stored or typed name never crashes a turn."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC = ZoneInfo("UTC")


def _load(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a directory such as "America"
        return None


def zone(*candidates: str | None) -> ZoneInfo:
    """The one fallback rule: the first candidate that names a known zone, else UTC; never raises.

    Callers list their candidates in their own order of preference (e.g. the platform's zone for the user,
    then their saved preference, then the configured default).
    """
    for candidate in candidates:
        found = _load(candidate) if candidate else None
        if found is not None:
            return found
    return UTC


def first_known(*candidates: str | None) -> str:
    """`zone(...)` as its IANA name, for storing."""
    return zone(*candidates).key


def is_known(name: str) -> bool:
    """Whether `name` is exactly an IANA zone name (case matters, as in settings and stored values)."""
    return bool(name) and _load(name) is not None


def known_zone(name: str) -> str | None:
    """The IANA name, forgiving case ("europe/berlin" → "Europe/Berlin", "utc" → "UTC"); None if unknown."""
    for candidate in (name, "/".join(part.capitalize() for part in name.split("/")), name.upper()):
        found = _load(candidate) if candidate else None
        if found is not None:
            return found.key
    return None


def machine_zone(environ: Mapping[str, str] | None = None, localtime: Path = Path("/etc/localtime")) -> str | None:
    """The zone this computer is set to (the `TZ` variable, else where /etc/localtime points), or None.

    The console uses it so "yesterday 3pm" means the member's afternoon without a `--tz`.
    """
    named = (os.environ if environ is None else environ).get("TZ", "").strip().removeprefix(":")
    if named and is_known(named):
        return _plain_utc(named)
    try:
        target = str(localtime.resolve())
    except OSError:
        return None
    _, found, key = target.partition("zoneinfo/")
    return _plain_utc(key) if found and is_known(key) else None


def _plain_utc(name: str) -> str:
    """UTC under its aliases ("Etc/UTC", "Zulu") reads as plain "UTC" to a member."""
    return "UTC" if name.removeprefix("Etc/") in ("UTC", "UCT", "Universal", "Zulu", "GMT") else name
