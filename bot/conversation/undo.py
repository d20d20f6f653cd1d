"""`undo` after `cancel`: bring the stopped debrief back, exactly where it was, within 24 hours.

A handler of the service's pipeline. With a debrief open, "undo" is left to the engine (it means `back`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot import messages
from bot.actions import Action, Say
from bot.conversation.engine import Engine
from bot.events import Event, Navigate, TextAnswer
from bot.storage.cancelled import latest_cancelled
from bot.storage.store import load_active, to_state
from bot.vocabulary import ConversationStatus

_UNDO = frozenset({"undo", "undo cancel", "undo that", "bring it back", "restore", "uncancel", "oops undo"})


def wants_undo(event: Event) -> bool:
    if isinstance(event, Navigate):
        return event.command == "resume" and event.argument == "undo"
    if not isinstance(event, TextAnswer):
        return False
    return " ".join(event.text.casefold().split()).strip(".!/ ") in _UNDO


class UndoCancelHandler:
    """Reactivates the latest cancelled debrief (answers kept for 24 hours) when no other is open."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    async def handle(self, session: AsyncSession, event: Event, now: datetime) -> list[Action] | None:
        if not wants_undo(event) or await load_active(session, address=event.address) is not None:
            return None
        row = await latest_cancelled(session, address=event.address, now=now)
        if row is None:
            return [Say(messages.text("undo_nothing"))]
        row.status = ConversationStatus.ACTIVE.value
        row.progress = {**(row.progress or {}), "confirming_cancel": False}
        row.updated_at = now
        row.version += 1
        await session.flush()
        company = row.answers.get("company") if isinstance(row.answers, dict) else None
        for_company = f" for {company}" if isinstance(company, str) and company else ""
        restored = messages.text("undo_restored", for_company=for_company)
        return [Say(restored), self.engine.current_question(to_state(row), now)]
