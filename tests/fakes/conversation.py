"""Driving a conversation through the service as a user would, turn by turn."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from bot.actions import Action, Ask, DraftsReady, End, Say
from bot.conversation.service import ConversationService
from bot.events import Address, Start, TextAnswer
from bot.storage.models import Conversation, Note
from tests.fakes.sender import RecordingSender
from tests.transcripts import Transcript

_ids = itertools.count(1)


def console_address(user: str = "sam") -> Address:
    return Address(platform="console", workspace="local", channel="terminal", user=user)


async def say(
    service: ConversationService,
    sender: RecordingSender,
    address: Address,
    text: str | None,
    timezone: str | None = None,
) -> list[Action]:
    """One user turn (None = start) and the actions it produced."""
    event_id = f"evt-{next(_ids)}"
    event = Start(address, event_id, timezone) if text is None else TextAnswer(address, event_id, text)
    await service.handle(event, sender)
    return sender.pop()


def asked(actions: Sequence[Action]) -> str | None:
    asks = [a for a in actions if isinstance(a, Ask)]
    return asks[-1].field if asks else None


def said(actions: Sequence[Action]) -> str:
    return "\n".join(a.text for a in actions if isinstance(a, Say)).casefold()


async def replay(service: ConversationService, transcript: Transcript, address: Address) -> list[Action]:
    """Play every turn, asserting the question asked after each; return all actions."""
    sender = RecordingSender()
    everything: list[Action] = []
    for number, turn in enumerate(transcript.turns):
        actions = await say(service, sender, address, turn.text, transcript.timezone)
        everything += actions
        assert asked(actions) == turn.ask, f"{transcript.name} turn {number} ({turn.text!r}): {actions}"
        for fragment in turn.says:
            assert fragment.casefold() in said(actions), f"{transcript.name} turn {number}: {fragment!r} not said"
    return everything


def outcome(actions: Sequence[Action]) -> tuple[str | None, list[str]]:
    ends = [a.reason for a in actions if isinstance(a, End)]
    drafts = [d.to.name for a in actions if isinstance(a, DraftsReady) for d in a.drafts.drafts]
    return (ends[-1] if ends else None), drafts


async def stored(service: ConversationService, address: Address) -> tuple[Conversation, list[Note]]:
    """The user's latest conversation row and its notes."""
    async with service.sessions() as session:
        row = (
            (
                await session.execute(
                    select(Conversation).where(Conversation.user_id == address.user).order_by(Conversation.id.desc())  # type: ignore[union-attr]
                )
            )
            .scalars()
            .first()
        )
        assert row is not None
        notes = (await session.execute(select(Note).where(Note.conversation_id == row.id))).scalars().all()
        return row, sorted(notes, key=lambda n: n.position)


def subset(expected: Any, actual: Any) -> bool:
    """Every key in `expected` is in `actual` with an equal (recursively subset) value."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and subset(v, actual[k]) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(map(subset, expected, actual))
    return bool(expected == actual)
