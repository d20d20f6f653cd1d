"""Drive a whole debrief through the service so reminder tests start from real notes and reminder rows."""

from __future__ import annotations

import itertools

from bot.conversation.service import ConversationService
from bot.events import Address, Start, TextAnswer
from tests.fakes.sender import RecordingSender

ANSWERS = (
    "1", "Sam Rivera", "Acme Robotics", "Data Engineer", "today 10am", "video", "Well",
    "Priya Natarajan and Tom Li", "Engineering Manager", "priya@acme.example",
    "moving the nightly batch pipeline to streaming", "her team's on-call rotation redesign",
    "Staff Engineer", "skip", "how they test schema changes", "skip", "five years running Kafka in production",
    "skip", "skip", "they will decide by next Friday", "warm", "email", "yes",
)  # fmt: skip
_ids = itertools.count()


def event_id() -> str:
    return f"evt-{next(_ids)}"


async def finish_debrief(service: ConversationService, address: Address, sender: RecordingSender) -> str:
    """Returns the event id of the final answer (so tests can redeliver it)."""
    await service.handle(Start(address, event_id(), "America/New_York"), sender)
    last = ""
    for answer in ANSWERS:
        last = event_id()
        await service.handle(TextAnswer(address, last, answer), sender)
    return last
