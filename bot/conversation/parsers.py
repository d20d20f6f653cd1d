"""Named parsers the flow YAML refers to: turn typed text into a stored value, or reject with a reason.

Each parser also checks an already-stored value, so a hand-edited or corrupted row is detected.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot import messages
from bot.answers import MAX_INTERVIEWERS
from bot.text import TextProblem, clean_text
from bot.time.past import parse_past
from bot.time.reading import WhenProblem

JSON = Any


class Reject(ValueError):
    """The answer can't be used; `str(self)` is the reason, written for the user."""


@dataclass(frozen=True, slots=True)
class ParseContext:
    now: datetime
    tz: ZoneInfo
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Parser:
    parse: Callable[[str, ParseContext], JSON]
    valid: Callable[[JSON, ParseContext], bool]


def _clean(text: str, *, max_chars: int = 1000) -> str:
    try:
        value = clean_text(text, max_chars=max_chars)
    except TextProblem as problem:
        raise Reject(str(problem)) from None
    if not value:
        raise Reject(messages.text("answer_empty"))
    return value


def _is_clean(value: JSON, max_chars: int = 1000) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return clean_text(value, max_chars=max_chars) == value and bool(value)
    except TextProblem:
        return False


def parse_text(text: str, ctx: ParseContext) -> JSON:
    return _clean(text)


def parse_name(text: str, ctx: ParseContext) -> JSON:
    value = _clean(text, max_chars=100)
    if not any(ch.isalpha() for ch in value):
        raise Reject(messages.text("name_invalid"))
    return value


def _valid_name(value: JSON, ctx: ParseContext) -> bool:
    return _is_clean(value, 100) and any(ch.isalpha() for ch in value)


_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\n|\s&\s|\band\b)\s*", re.IGNORECASE)


def parse_names(text: str, ctx: ParseContext) -> JSON:
    raw = [part for part in _SPLIT_NAMES.split(_clean(text)) if part.strip()]
    names: list[str] = []
    for part in raw:
        name = parse_name(part, ctx)
        if name.casefold() not in (n.casefold() for n in names):
            names.append(name)
    if not names:
        raise Reject(messages.text("names_missing"))
    if len(names) > MAX_INTERVIEWERS:
        raise Reject(messages.text("names_too_many", count=len(names), limit=MAX_INTERVIEWERS))
    return [{"name": name} for name in names]


def _valid_names(value: JSON, ctx: ParseContext) -> bool:
    return (
        isinstance(value, list)
        and 0 < len(value) <= MAX_INTERVIEWERS
        and all(isinstance(p, dict) and _valid_name(p.get("name"), ctx) for p in value)
    )


_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


def parse_email(text: str, ctx: ParseContext) -> JSON:
    value = _clean(text, max_chars=254).removeprefix("mailto:")
    if not _EMAIL.match(value):
        raise Reject(messages.text("email_invalid"))
    return value


_URL = re.compile(r"^(https?://)?[\w-]+(\.[\w-]+)+(/\S*)?$", re.IGNORECASE)


def parse_url(text: str, ctx: ParseContext) -> JSON:
    value = _clean(text, max_chars=500)
    if not _URL.match(value):
        raise Reject(messages.text("url_invalid"))
    return value if value.lower().startswith(("http://", "https://")) else f"https://{value}"


def parse_choice(text: str, ctx: ParseContext) -> JSON:
    wanted = " ".join(text.split()).casefold()
    for number, (value, label) in enumerate(ctx.choices, start=1):
        if wanted in (value.casefold(), label.casefold(), str(number)):
            return value
    options = ", ".join(label for _, label in ctx.choices)
    raise Reject(messages.text("choice_invalid", options=options))


def parse_past_datetime(text: str, ctx: ParseContext) -> JSON:
    try:
        return parse_past(_clean(text, max_chars=100), now=ctx.now, tz=ctx.tz).isoformat()
    except WhenProblem as problem:
        raise Reject(str(problem)) from None


def _valid_datetime(value: JSON, ctx: ParseContext) -> bool:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return moment.tzinfo is not None and moment <= ctx.now + timedelta(minutes=1)


def _valid_by_reparse(parse: Callable[[str, ParseContext], JSON]) -> Callable[[JSON, ParseContext], bool]:
    def valid(value: JSON, ctx: ParseContext) -> bool:
        if not isinstance(value, str):
            return False
        try:
            return bool(parse(value, ctx) == value)
        except Reject:
            return False

    return valid


PARSERS: dict[str, Parser] = {
    "text": Parser(parse_text, _valid_by_reparse(parse_text)),
    "name": Parser(parse_name, _valid_name),
    "names": Parser(parse_names, _valid_names),
    "email": Parser(parse_email, _valid_by_reparse(parse_email)),
    "url": Parser(parse_url, _valid_by_reparse(parse_url)),
    "choice": Parser(parse_choice, lambda value, ctx: isinstance(value, str) and value in {v for v, _ in ctx.choices}),
    "past_datetime": Parser(parse_past_datetime, _valid_datetime),
}
