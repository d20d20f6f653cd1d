"""A two-minute debrief: how many questions a panel takes, and a profile that saves asking the same things again."""

from __future__ import annotations

from collections.abc import Sequence

from bot.actions import Action, Ask, DraftsReady, Say
from bot.conversation.service import ConversationService
from bot.events import Address, Start, TextAnswer
from tests.fakes.answering import MAX_TURNS, answer_for, last_ask
from tests.fakes.conversation import console_address
from tests.fakes.sender import RecordingSender

#: A three-person panel typed the way a tired person types on a phone.
SLOPPY_PANEL = {
    "candidate": "sam rivera",
    "company": "acme robotics",
    "role": "senior data engineer i think",
    "interview_at": "yesterday at 2:30",
    "interviewers": "priya natarajan, tom li and raj (didnt catch last name)",
    "format": "zoom",
    "went": "pretty good actually 🙂",
    "interviewers.0.title": "eng manager - priya@acme.example",
    "interviewers.0.discussed": "we talked about moving their batch pipeline to streaming; her dog max lol",
    "interviewers.1.title": "staff eng, no email",
    "interviewers.1.discussed": "how they test schema changes",
    "interviewers.2.title": "idk",
    "interviewers.2.discussed": "n/a",
    "strengths": "5 yrs running kafka in prod",
    "add": "i cut cloud spend 30% at my last job",
    "share": "no",
    "next_steps": "they said theyd decide by next friday",
    "tone": "friendly",
    "channel": "e-mail",
    "confirm": "yes",
}

_ids = iter(range(1_000_000))


async def run_debrief(
    service: ConversationService, address: Address, answers: dict[str, str]
) -> tuple[list[str], list[Action]]:
    """Start and answer every question by its field; the fields asked (in order) and everything said."""
    sender = RecordingSender()
    actions = await service.handle(Start(address, f"s-{next(_ids)}", "Europe/Berlin"), sender)
    asked: list[str] = []
    everything = list(actions)
    for _ in range(MAX_TURNS):
        ask = last_ask(actions)
        if ask is None:
            return asked, everything
        asked.append(ask.field)
        actions = await service.handle(TextAnswer(address, f"t-{next(_ids)}", answer_for(ask.field, answers)), sender)
        everything += actions
    raise AssertionError(f"the debrief did not finish: {asked}")


def drafts_of(actions: Sequence[Action]) -> DraftsReady:
    return next(a for a in actions if isinstance(a, DraftsReady))


async def test_a_first_three_person_panel_takes_at_most_22_questions(service: ConversationService) -> None:
    asked, actions = await run_debrief(service, console_address("first"), SLOPPY_PANEL)
    assert len(asked) <= 22, asked
    ready = drafts_of(actions)
    assert [d.to.name for d in ready.drafts.drafts] == ["Priya Natarajan", "Tom Li", "Raj"]
    assert ready.answers is not None
    priya = ready.answers.interviewers[0]
    assert (priya.title, priya.email) == ("Eng Manager", "priya@acme.example")  # capitals: typed in lower case
    assert priya.detail == "her dog max lol", "the personal detail after ';' is kept as its own answer"
    assert ready.answers.tone == "warm" and ready.answers.channel == "email"


async def test_a_returning_members_panel_takes_at_most_18_questions_and_skips_the_profile(
    service: ConversationService,
) -> None:
    address = console_address("returning")
    await run_debrief(service, address, SLOPPY_PANEL)
    second = {**SLOPPY_PANEL, "company": "globex", "candidate": "WRONG", "tone": "WRONG", "channel": "WRONG"}
    asked, actions = await run_debrief(service, address, second)
    assert len(asked) <= 18, asked
    assert not {"candidate", "tone", "channel"} & set(asked)
    assert "from your profile" in " ".join(a.text for a in actions if isinstance(a, Say)).casefold()
    ready = drafts_of(actions)
    assert ready.answers is not None and ready.answers.candidate == "Sam Rivera"
    assert ready.answers.company == "globex" and ready.answers.tone == "warm"


async def test_one_person_is_asked_the_format_a_panel_is_not(service: ConversationService) -> None:
    one = {**SLOPPY_PANEL, "interviewers": "Jo Park"}
    asked, _ = await run_debrief(service, console_address("one"), one)
    assert "format" in asked
    asked, _ = await run_debrief(service, console_address("three"), SLOPPY_PANEL)
    assert "format" not in asked and "occasion" not in asked


async def say(service: ConversationService, address: Address, text: str) -> list[Action]:
    return await service.handle(TextAnswer(address, f"p-{next(_ids)}", text), RecordingSender())


def words(actions: Sequence[Action]) -> str:
    return " ".join(a.text for a in actions if isinstance(a, Say | Ask))


async def test_profile_shows_and_changes_what_is_remembered(service: ConversationService) -> None:
    address = console_address("profiled")
    assert "don't remember anything" in words(await say(service, address, "profile"))
    await run_debrief(service, address, SLOPPY_PANEL)
    shown = words(await say(service, address, "profile"))
    assert "Sam Rivera" in shown and "Warm" in shown and "Email" in shown
    assert "Formal" in words(await say(service, address, "profile tone more formal pls"))
    assert "LinkedIn" in words(await say(service, address, "Profile send as linkedin"))
    assert "Europe/Paris" in words(await say(service, address, "profile time zone Europe/Paris"))
    assert "don't know the time zone" in words(await say(service, address, "profile timezone Mars/Olympus"))
    assert "I can remember" in words(await say(service, address, "profile favourite colour blue"))
    asked, actions = await run_debrief(service, address, SLOPPY_PANEL)
    ready = drafts_of(actions)
    assert ready.answers is not None and (ready.answers.tone, ready.answers.channel) == ("formal", "linkedin")
    assert "forgotten your profile" in words(await say(service, address, "profile clear"))
    asked, _ = await run_debrief(service, address, SLOPPY_PANEL)
    assert {"candidate", "tone", "channel"} <= set(asked)


async def test_profile_typed_mid_debrief_answers_then_repeats_the_question(service: ConversationService) -> None:
    address = console_address("mid")
    await service.handle(Start(address, "mid-start", "UTC"), RecordingSender())
    actions = await say(service, address, "profile")
    assert isinstance(actions[-1], Ask) and actions[-1].field == "candidate"
