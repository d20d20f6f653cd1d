"""Data-rights requests as members type them: recognised with or without "reminders", never stealing an answer."""

from __future__ import annotations

import json

import pytest

from bot.actions import Ask, Say
from bot.conversation.privacy_commands import Request, parse_request
from bot.conversation.service import ConversationService
from tests.fakes.conversation import console_address, say
from tests.fakes.sender import RecordingSender


@pytest.mark.parametrize(
    ("text", "debrief_open", "expected"),
    [
        ("forget me", False, Request.FORGET_ASK),
        ("  Forget   me! ", True, Request.FORGET_ASK),
        ("forget me now.", True, Request.FORGET_NOW),
        ("export my data", True, Request.EXPORT),
        ("export", False, Request.EXPORT),
        ("export", True, None),  # could be an answer ("what did you discuss?" → "export")
        ("reminders export", True, Request.EXPORT),
        ("Reminders: forget me now", True, Request.FORGET_NOW),
        ("forget me not, the flower shop", False, None),
        ("exports", False, None),
        ("reminders", False, None),
    ],
)
def test_requests_are_recognised_as_people_type_them(text: str, debrief_open: bool, expected: Request | None) -> None:
    assert parse_request(text, debrief_open=debrief_open) == expected


async def test_export_with_no_debrief_open_returns_everything_as_json(service: ConversationService) -> None:
    address, sender = console_address(), RecordingSender()
    await say(service, sender, address, None)
    await say(service, sender, address, "cancel")
    await say(service, sender, address, "yes")
    actions = await say(service, sender, address, "export")
    text = "\n".join(a.text for a in actions if isinstance(a, Say))
    data = json.loads(text.split("\n", 1)[1])
    assert [row["status"] for row in data["conversations"]] == ["cancelled"]


async def test_a_bare_export_inside_a_debrief_is_an_answer(service: ConversationService) -> None:
    address, sender = console_address(), RecordingSender()
    for text in (None, "skip", "Sam Rivera"):
        await say(service, sender, address, text)
    actions = await say(service, sender, address, "Export")  # a company called Export
    assert isinstance(actions[-1], Ask) and actions[-1].field == "role"
