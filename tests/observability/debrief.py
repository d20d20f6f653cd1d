"""A whole debrief typed the way a stressed person types, answering whatever the flow asks (bounded)."""

from __future__ import annotations

import itertools

from bot.actions import Action, Ask, DraftsReady
from bot.events import Address, Start, TextAnswer
from bot.runtime import Core
from tests.fakes.sender import RecordingSender

USER_ID = "U0MARKER42"
#: strings typed during the debrief; none may ever appear in metrics (and answers never in logs)
MARKERS = ("U0MARKER42", "quillbright", "zentropa", "plumber", "vantablack", "glimmerstone", "capacitor",
           "pickleworth", "kafkaesque", "zanzibar")  # fmt: skip
ANSWERS = {
    "start": "start",
    "candidate": "sam quillbright",
    "company": "zentropa widgets",
    "role": "um data plumber i think",
    "interviewers": "priya vantablack and omar glimmerstone",
    "strengths": "i ran kafkaesque pipelines for 5 yrs tbh",
    "confirm": "yes",
}
_ids = itertools.count(1)


def address(platform: str = "slack") -> Address:
    return Address(platform=platform, workspace="T0MARKER", channel="D0MARKER", user=USER_ID)


def answer(ask: Ask) -> str:
    if ask.field in ANSWERS:
        return ANSWERS[ask.field]
    if ask.field.endswith(".discussed"):
        return "we talked about the flux capacitor migration lol 🙃"
    if ask.field.endswith(".detail"):
        return "her dog pickleworth was on the call"
    if ask.optional:
        return "skip"
    if ask.choices:
        return ask.choices[0].value
    return "zanzibar, sorry, long day"


async def turn(core: Core, where: Address, text: str | None) -> list[Action]:
    sender = RecordingSender()
    event_id = f"Ev{next(_ids):06d}"
    event = Start(where, event_id) if text is None else TextAnswer(where, event_id, text)
    await core.handle(event, sender)
    return sender.pop()


async def finish_debrief(core: Core, where: Address, *, limit: int = 40) -> tuple[int, list[Action]]:
    """Start and answer until the notes arrive; returns how many turns it took and every action."""
    everything = await turn(core, where, None)
    turns = 1
    while not any(isinstance(a, DraftsReady) for a in everything):
        asks = [a for a in everything if isinstance(a, Ask)]
        assert asks and turns < limit, f"the debrief stalled after {turns} turns: {everything[-3:]}"
        everything += await turn(core, where, answer(asks[-1]))
        turns += 1
    return turns, everything
