"""Side commands typed in the middle of a debrief: answered, then the open question is asked again."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.actions import Ask, Say
from bot.conversation.service import ConversationService
from bot.storage.models import Conversation
from tests.fakes.conversation import console_address, say
from tests.fakes.sender import RecordingSender


async def test_reminders_list_mid_debrief_repeats_the_open_question(reminder_service: ConversationService) -> None:
    address, sender = console_address(), RecordingSender()
    for text in (None, "skip", "Sam Rivera"):
        await say(reminder_service, sender, address, text)
    actions = await say(reminder_service, sender, address, "reminders")
    assert isinstance(actions[0], Say) and "no reminders" in actions[0].text.lower()
    assert isinstance(actions[-1], Ask) and actions[-1].field == "company"


async def test_privacy_request_mid_debrief_is_a_command_not_an_answer(reminder_service: ConversationService) -> None:
    address, sender = console_address(), RecordingSender()
    for text in (None, "skip", "Sam Rivera"):
        await say(reminder_service, sender, address, text)
    asked = await say(reminder_service, sender, address, "Forget me")
    assert "forget me now" in " ".join(a.text for a in asked if isinstance(a, Say))
    assert isinstance(asked[-1], Ask) and asked[-1].field == "company", "nothing was stored as the company"
    await say(reminder_service, sender, address, "forget me now")
    async with reminder_service.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Conversation)) == 0


async def test_ordinary_answers_that_mention_reminders_stay_answers(reminder_service: ConversationService) -> None:
    address, sender = console_address(), RecordingSender()
    for text in (None, "skip", "Sam Rivera"):
        await say(reminder_service, sender, address, text)
    actions = await say(reminder_service, sender, address, "Reminder Labs")
    assert isinstance(actions[-1], Ask) and actions[-1].field == "role"
