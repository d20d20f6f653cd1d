"""Reading how long an admin means, typed however they type it: "24h", "24 hours", "1 day", "a week", "7",
"two weeks", "a year"; and "default" or "reset" for the built-in value. Pure."""

from __future__ import annotations

import re

#: Words that mean "back to the built-in value".
RESET_WORDS = frozenset({"default", "defaults", "reset", "normal", "auto", "clear", "unset", "standard", "builtin"})
_RESET_FILLER = frozenset({"to", "the", "back", "please", "pls", "use", "built-in"})
_HOURS = {
    "h": 1, "hr": 1, "hrs": 1, "hour": 1, "hours": 1,
    "d": 24, "day": 24, "days": 24,
    "w": 168, "wk": 168, "wks": 168, "week": 168, "weeks": 168,
    "month": 720, "months": 720, "y": 8760, "yr": 8760, "year": 8760, "years": 8760,
}  # fmt: skip
_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fourteen": 14, "twenty": 20, "thirty": 30,
}  # fmt: skip
_FILLER = frozenset(
    {"after", "later", "about", "around", "roughly", "approx", "please", "pls", "in", "the", "of", "from", "interview"}
)
_AMOUNT = re.compile(r"(\d{1,5})\s*([a-z]*)")


def is_reset(text: str) -> bool:
    """`default`, `reset`, `back to the default`: the admin wants the built-in value again."""
    words = set(_words(text))
    return bool(words & RESET_WORDS) and words <= RESET_WORDS | _RESET_FILLER


def hours_in(text: str, *, bare: str) -> int | None:
    """The duration in whole hours (`bare` is the unit of a number typed alone); None when unreadable."""
    words = [w for w in _words(text) if w not in _FILLER]
    if not words:
        return None
    if words[0] in _WORDS:
        number, unit = _WORDS[words[0]], " ".join(words[1:])
    else:
        match = _AMOUNT.fullmatch(" ".join(words))
        if match is None:
            return None
        number, unit = int(match.group(1)), match.group(2)
    factor = _HOURS.get(unit or bare)
    return None if factor is None else number * factor


def days_in(text: str) -> int | None:
    """The duration in whole days (a number alone is days); None when unreadable or not whole days."""
    hours = hours_in(text, bare="days")
    return None if hours is None or hours % 24 else hours // 24


def _words(text: str) -> list[str]:
    return re.sub(r"[.,!?~:;()]", " ", text.casefold()).split()
