"""A reply that never arrived is never answered (issue 11, item 1), through the service on both databases.

The sender here is the `Sender` port refusing a send the way every adapter reports a failed post
(`DeliveryError`); the Slack, Discord and console tests inject the same faults through the real adapters.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest

from bot import messages
from bot.actions import Action, Ask, DraftsReady, Say
from bot.conversation.service import ConversationService
from bot.errors import DeliveryError
from bot.events import Address, ChoiceMade, Event, Start, TextAnswer
from tests.fakes.answering import answer_for, last_ask
from tests.fakes.conversation import console_address, stored
from tests.fakes.sender import RecordingSender

SORRY = messages.text("reply_lost")
UNSEEN = messages.text("notes_unseen")
_ids = itertools.count(1)


class FlakySender(RecordingSender):
    """Records what reached the user; `fail_next` refuses the next send (a Slack 500, a Discord 5xx storm)."""

    def __init__(self) -> None:
        super().__init__()
        self.fail_next = False

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        if self.fail_next:
            self.fail_next = False
            raise DeliveryError("internal_error", permanent=False)
        return await super().send(address, actions)


def _id() -> str:
    return f"delivery-{next(_ids)}"


async def _turn(service: ConversationService, sender: FlakySender, event: Event, *, lost: bool = False) -> list[Action]:
    """One turn; `lost`: its reply never reaches the user (the turn itself was committed)."""
    sender.fail_next = lost
    if lost:
        with pytest.raises(DeliveryError):
            await service.handle(event, sender)
        return []
    await service.handle(event, sender)
    return sender.pop()


async def _until(service: ConversationService, sender: FlakySender, me: Address, field: str) -> Ask:
    """Start and answer everything until `field` is asked."""
    ask = last_ask(await _turn(service, sender, Start(me, _id(), "America/New_York")))
    for _ in range(60):
        assert ask is not None
        if ask.field == field:
            return ask
        ask = last_ask(await _turn(service, sender, TextAnswer(me, _id(), answer_for(ask.field))))
    raise AssertionError(f"{field} was never asked")


def _said(actions: Sequence[Action]) -> list[str]:
    return [a.text for a in actions if isinstance(a, Say)]


async def test_the_company_typed_twice_after_a_lost_reply_stays_the_company(service: ConversationService) -> None:
    """Measured before this fix: the second "Acme Robotics" became `role: "Acme Robotics"`."""
    me, sender = console_address("twice"), FlakySender()
    await _until(service, sender, me, "company")
    await _turn(service, sender, TextAnswer(me, _id(), "Acme Robotics"), lost=True)  # "what role?" never arrives
    reply = await _turn(service, sender, TextAnswer(me, _id(), "acme robotics"))
    row, _ = await stored(service, me)
    assert row.answers["company"] == "acme robotics" and "role" not in row.answers
    assert SORRY in _said(reply)
    assert last_ask(reply) is not None and last_ask(reply).field == "role"  # type: ignore[union-attr]
    reply = await _turn(service, sender, TextAnswer(me, _id(), "senior data engineer"))
    row, _ = await stored(service, me)
    assert row.answers["role"] == "senior data engineer" and SORRY not in _said(reply)


async def test_text_that_does_not_fit_the_question_seen_is_not_consumed(service: ConversationService) -> None:
    me, sender = console_address("unfit"), FlakySender()
    await _until(service, sender, me, "interview_at")
    await _turn(service, sender, TextAnswer(me, _id(), "yesterday at 3pm"), lost=True)  # "who interviewed you?" lost
    before, _ = await stored(service, me)
    reply = await _turn(service, sender, TextAnswer(me, _id(), "umm hello?? did u get that 😅"))
    after, _ = await stored(service, me)
    assert after.answers == before.answers and after.step == before.step == "interviewers"
    assert _said(reply)[0] == SORRY and last_ask(reply).field == "interviewers"  # type: ignore[union-attr]
    await _turn(service, sender, TextAnswer(me, _id(), "priya natarajan and tom li"))
    row, _ = await stored(service, me)
    assert [p["name"] for p in row.answers["interviewers"]] == ["Priya Natarajan", "Tom Li"]


async def test_chatter_after_a_lost_reply_never_replaces_a_free_text_answer(service: ConversationService) -> None:
    """Any words "fit" a free-text question, so only the same answer again counts as answering it."""
    me, sender = console_address("chatter"), FlakySender()
    await _until(service, sender, me, "next_steps")
    await _turn(service, sender, TextAnswer(me, _id(), "they said 2 weeks"), lost=True)
    before, _ = await stored(service, me)
    reply = await _turn(service, sender, TextAnswer(me, _id(), "hello?? r u there"))
    after, _ = await stored(service, me)
    assert after.answers == before.answers and after.answers["next_steps"] == "they said 2 weeks"
    assert _said(reply)[0] == SORRY and last_ask(reply).field == before.step  # type: ignore[union-attr]


async def test_a_date_that_reads_as_one_answers_the_date_question_seen(service: ConversationService) -> None:
    """A structured question (a date) only takes text that reads as a date: a correction there is taken."""
    me, sender = console_address("date"), FlakySender()
    await _until(service, sender, me, "interview_at")
    await _turn(service, sender, TextAnswer(me, _id(), "yesterday 3pm"), lost=True)
    first, _ = await stored(service, me)
    reply = await _turn(service, sender, TextAnswer(me, _id(), "yesterday 4pm"))
    after, _ = await stored(service, me)
    assert after.answers["interview_at"] != first.answers["interview_at"]
    assert after.step == first.step and SORRY in _said(reply)


async def test_a_click_committed_while_its_reply_failed_does_not_swallow_the_next_answer(
    service: ConversationService,
) -> None:
    me, sender = console_address("click"), FlakySender()
    went = await _until(service, sender, me, "went")
    await _turn(service, sender, ChoiceMade(me, _id(), went.field, "well"), lost=True)
    row, _ = await stored(service, me)
    unseen = row.step
    assert unseen != "went"
    reply = await _turn(service, sender, TextAnswer(me, _id(), "Engineering Manager, priya@acme.example"))
    after, _ = await stored(service, me)
    assert after.step == unseen and after.answers == row.answers  # "well" was the last answer; nothing consumed
    assert SORRY in _said(reply) and last_ask(reply).field == unseen  # type: ignore[union-attr]


async def test_navigation_words_still_work_after_a_lost_reply(service: ConversationService) -> None:
    me, sender = console_address("nav"), FlakySender()
    await _until(service, sender, me, "company")
    await _turn(service, sender, TextAnswer(me, _id(), "Acme Robotics"), lost=True)
    reply = await _turn(service, sender, TextAnswer(me, _id(), "back"))
    assert last_ask(reply).field == "company" and SORRY not in _said(reply)  # type: ignore[union-attr]


async def test_a_start_after_a_lost_reply_resumes_at_the_open_question(service: ConversationService) -> None:
    me, sender = console_address("resume"), FlakySender()
    await _until(service, sender, me, "company")
    await _turn(service, sender, TextAnswer(me, _id(), "Acme Robotics"), lost=True)
    reply = await _turn(service, sender, Start(me, _id(), "America/New_York"))
    assert last_ask(reply).field == "role"  # type: ignore[union-attr]
    reply = await _turn(service, sender, TextAnswer(me, _id(), "Data Engineer"))
    row, _ = await stored(service, me)
    assert row.answers["role"] == "Data Engineer" and SORRY not in _said(reply)


async def _finish(service: ConversationService, sender: FlakySender, me: Address, *, lost: bool) -> list[Action]:
    await _until(service, sender, me, "confirm")
    return await _turn(service, sender, TextAnswer(me, _id(), "yes"), lost=lost)


def _drafts(actions: Sequence[Action]) -> list[DraftsReady]:
    return [a for a in actions if isinstance(a, DraftsReady)]


async def test_notes_that_never_arrived_are_sent_again_once_with_the_next_message(
    service: ConversationService,
) -> None:
    me, sender = console_address("notes"), FlakySender()
    await _finish(service, sender, me, lost=True)
    row, notes = await stored(service, me)
    assert row.status == "done" and len(notes) == 2 and all(n.delivered_at is None for n in notes)

    reply = await _turn(service, sender, TextAnswer(me, _id(), "hello? did my notes come through"))
    [again] = _drafts(reply)
    assert _said(reply)[:2] == [SORRY, UNSEEN]
    assert [d.body for d in again.drafts.drafts] == [n.body for n in notes]
    assert again.conversation_id == row.id
    _, notes = await stored(service, me)
    assert all(n.delivered_at is not None for n in notes)

    reply = await _turn(service, sender, TextAnswer(me, _id(), "thanks!"))
    assert not _drafts(reply) and UNSEEN not in _said(reply)


async def test_notes_resent_but_lost_again_are_offered_at_the_next_start(service: ConversationService) -> None:
    me, sender = console_address("twice-lost"), FlakySender()
    await _finish(service, sender, me, lost=True)
    await _turn(service, sender, TextAnswer(me, _id(), "hi"), lost=True)
    reply = await _turn(service, sender, Start(me, _id(), "America/New_York"))
    assert _said(reply)[0] == UNSEEN and len(_drafts(reply)) == 1
    assert not _drafts(await _turn(service, sender, TextAnswer(me, _id(), "ok")))


async def test_delivered_notes_are_never_sent_twice(service: ConversationService) -> None:
    me, sender = console_address("fine"), FlakySender()
    finished = await _finish(service, sender, me, lost=False)
    assert len(_drafts(finished)) == 1
    reply = await _turn(service, sender, TextAnswer(me, _id(), "thank you"))
    assert not _drafts(reply) and UNSEEN not in _said(reply)


async def test_notes_edited_by_hand_are_resent_as_edited(service: ConversationService) -> None:
    """The re-sent notes are the stored ones: a hand edit made since (a chat modal) is what comes back."""
    from sqlalchemy import update

    from bot.storage.models import Note

    me, sender = console_address("edited"), FlakySender()
    await _finish(service, sender, me, lost=True)
    row, _ = await stored(service, me)
    async with service.sessions() as session, session.begin():
        statement = update(Note).where(Note.conversation_id == row.id, Note.position == 0)  # type: ignore[arg-type]
        await session.execute(statement.values(body="Dear Priya, thank you (edited by hand)."))
    [again] = _drafts(await _turn(service, sender, TextAnswer(me, _id(), "hey")))
    assert again.drafts.drafts[0].body == "Dear Priya, thank you (edited by hand)."
