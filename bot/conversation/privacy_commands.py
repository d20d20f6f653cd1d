"""Typed data-rights requests: `forget me` (asks first), `forget me now`, `export my data`.

A handler of the service's pipeline. Inside an open debrief only phrases nobody would give as an answer
count (or any of them after "reminders"); with no debrief open, a plain "export" works too.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from bot import messages
from bot.actions import Action, Say
from bot.events import Address, Event, TextAnswer
from bot.storage import privacy
from bot.storage.store import load_active


class Request(StrEnum):
    FORGET_ASK = "forget"
    FORGET_NOW = "forget-now"
    EXPORT = "export"


_PREFIX = re.compile(r"^reminders?\b[:\s]*", re.IGNORECASE)
_PHRASES = {
    "forget me": Request.FORGET_ASK,
    "forget me now": Request.FORGET_NOW,
    "export my data": Request.EXPORT,
    "export": Request.EXPORT,
}
_DELIBERATE = frozenset({"forget me", "forget me now", "export my data"})


def parse_request(text: str, *, debrief_open: bool) -> Request | None:
    """The data-rights request in `text`, or None when the text is something else (e.g. an answer)."""
    stripped = " ".join(text.strip().split())
    prefixed = _PREFIX.match(stripped)
    phrase = (stripped[prefixed.end() :] if prefixed else stripped).lower().rstrip(".!")
    if phrase not in _PHRASES or (debrief_open and not prefixed and phrase not in _DELIBERATE):
        return None
    return _PHRASES[phrase]


class PrivacyHandler:
    """`forget` deletes the user's rows from every table; `export` shows them all (bot/storage/privacy.py)."""

    async def handle(self, session: AsyncSession, event: Event, now: datetime) -> list[Action] | None:
        if not isinstance(event, TextAnswer):
            return None
        request = parse_request(event.text, debrief_open=False)
        if request is None:
            return None
        if parse_request(event.text, debrief_open=True) is None and await load_active(session, address=event.address):
            return None  # inside a debrief a bare "export" is an answer
        return [Say(await _carry_out(session, event.address, request))]


async def _carry_out(session: AsyncSession, address: Address, request: Request) -> str:
    if request is Request.FORGET_ASK:
        return messages.text("forget_confirm")
    if request is Request.FORGET_NOW:
        await privacy.forget(session, address)
        return messages.text("forgotten")
    data = await privacy.export(session, address)
    return messages.text("export_intro") + "\n" + json.dumps(data, ensure_ascii=False, indent=1)
