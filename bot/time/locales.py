"""A member's locale ("en-US", "en-GB", "de": Discord sends one with every interaction) → how they write
numeric dates, and which time zones to offer them first.

The date order reaches the date reader (`bot/time/past.py`) through `ParseContext.date_order`; until the
engine passes it explicitly, the service sets it for one turn with `reading_order` (a context variable, so
concurrent turns never see each other's order).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from bot.time.zones import is_known

MONTH_FIRST, DAY_FIRST = "MDY", "DMY"
#: Locales that write 11/29 for 29 November (the US; East Asian and Hungarian/Lithuanian/Swedish write the
#: year first and then the month, so a two-part "11/29" is month-first for them too).
_MONTH_FIRST = {"en-US", "es-US", "en-PH", "zh-CN", "zh-TW", "ja", "ko", "hu", "lt", "sv-SE"}
#: A few likely zones per language or locale, most populous first (Discord's locale list).
_ZONES: dict[str, tuple[str, ...]] = {
    "en-US": ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"),
    "en-GB": ("Europe/London", "Europe/Dublin"),
    "de": ("Europe/Berlin", "Europe/Vienna", "Europe/Zurich"),
    "fr": ("Europe/Paris", "Europe/Brussels", "America/Montreal"),
    "es-ES": ("Europe/Madrid",),
    "es-419": ("America/Mexico_City", "America/Bogota", "America/Argentina/Buenos_Aires"),
    "pt-BR": ("America/Sao_Paulo",),
    "it": ("Europe/Rome",),
    "nl": ("Europe/Amsterdam", "Europe/Brussels"),
    "pl": ("Europe/Warsaw",),
    "sv-SE": ("Europe/Stockholm",),
    "da": ("Europe/Copenhagen",),
    "no": ("Europe/Oslo",),
    "fi": ("Europe/Helsinki",),
    "ro": ("Europe/Bucharest",),
    "cs": ("Europe/Prague",),
    "hu": ("Europe/Budapest",),
    "el": ("Europe/Athens",),
    "bg": ("Europe/Sofia",),
    "hr": ("Europe/Zagreb",),
    "lt": ("Europe/Vilnius",),
    "tr": ("Europe/Istanbul",),
    "ru": ("Europe/Moscow",),
    "uk": ("Europe/Kyiv",),
    "hi": ("Asia/Kolkata",),
    "th": ("Asia/Bangkok",),
    "vi": ("Asia/Ho_Chi_Minh",),
    "id": ("Asia/Jakarta",),
    "zh-CN": ("Asia/Shanghai",),
    "zh-TW": ("Asia/Taipei",),
    "ja": ("Asia/Tokyo",),
    "ko": ("Asia/Seoul",),
}
#: Offered after the locale's own guesses, so most members find theirs without typing.
COMMON_ZONES = (
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/London",
    "Europe/Berlin", "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney", "UTC",
)  # fmt: skip

_ORDER: ContextVar[str] = ContextVar("date_order", default=MONTH_FIRST)


def date_order(locale: str | None) -> str:
    """ "MDY" for month-first locales (and when the locale is unknown: the reader's historic default), else "DMY"."""
    if not locale:
        return MONTH_FIRST
    return MONTH_FIRST if locale in _MONTH_FIRST or locale.split("-")[0] in _MONTH_FIRST else DAY_FIRST


def zone_guesses(locale: str | None, *, limit: int = 10) -> list[str]:
    """Zones to offer, the locale's own first ("en-US" → America/New_York first), then common ones."""
    own = _ZONES.get(locale or "") or _ZONES.get((locale or "").split("-")[0], ())
    ordered = [z for z in dict.fromkeys((*own, *COMMON_ZONES)) if is_known(z)]
    return ordered[:limit]


def reading_order() -> str:
    """The date order of the turn being handled (see `reading_order_for`)."""
    return _ORDER.get()


@contextlib.contextmanager
def reading_order_for(order: str) -> Iterator[None]:
    """Read numeric dates in `order` until the block ends (one turn)."""
    token = _ORDER.set(order)
    try:
        yield
    finally:
        _ORDER.reset(token)
