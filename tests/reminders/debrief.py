"""Drive a whole debrief through the service so reminder tests start from real notes and reminder rows."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from bot.conversation.service import ConversationService
from bot.events import Address, Start, TextAnswer
from tests.fakes.answering import MAX_TURNS, PANEL, answer_for, last_ask
from tests.fakes.sender import RecordingSender

_ids = itertools.count()


def event_id() -> str:
    return f"evt-{next(_ids)}"


async def finish_debrief(
    service: ConversationService, address: Address, sender: RecordingSender, answers: Mapping[str, str] = PANEL
) -> str:
    """Answer each question by its field until the notes are written; returns the final answer's event id
    (so tests can redeliver it)."""
    actions = await service.handle(Start(address, event_id(), "America/New_York"), sender)
    last = ""
    for _ in range(MAX_TURNS):
        ask = last_ask(actions)
        if ask is None:
            return last
        last = event_id()
        actions = await service.handle(TextAnswer(address, last, answer_for(ask.field, answers)), sender)
    raise AssertionError("the debrief did not finish")
