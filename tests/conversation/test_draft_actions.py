"""Buttons on delivered drafts, through the service: change tone, edit an answer and finish again, mark sent."""

from __future__ import annotations

from sqlalchemy import select

from bot.actions import Action, Ask, DraftsReady, Say
from bot.conversation.service import ConversationService
from bot.events import Address, DraftAction, TextAnswer
from bot.storage.models import Note
from tests.fakes.conversation import console_address, say, stored
from tests.fakes.sender import RecordingSender
from tests.transcripts import load_transcripts


async def finish_panel(service: ConversationService, address: Address) -> int:
    transcript = next(t for t in load_transcripts() if t.name == "panel_interview")
    sender = RecordingSender()
    for turn in transcript.turns:
        await say(service, sender, address, turn.text, transcript.timezone)
    row, _ = await stored(service, address)
    assert row.id is not None and row.status == "done"
    return row.id


async def click(service: ConversationService, address: Address, conversation: int, action: str,
                position: int | None = None) -> list[Action]:  # fmt: skip
    return await service.handle(
        DraftAction(address, f"click-{action}-{position}", conversation, action, position), RecordingSender()
    )


async def test_edit_an_answer_then_finish_again_replaces_the_notes(service: ConversationService) -> None:
    address = console_address()
    conversation = await finish_panel(service, address)
    reopened = await click(service, address, conversation, "edit")
    assert isinstance(reopened[-1], Ask) and reopened[-1].field == "confirm"
    sender = RecordingSender()
    for text in ("edit company", "Acme Robotics Inc", "yes"):
        actions = await service.handle(TextAnswer(address, f"t-{text}", text), sender)
    assert any(isinstance(a, DraftsReady) for a in actions)
    row, notes = await stored(service, address)
    assert row.id == conversation and row.status == "done" and row.answers["company"] == "Acme Robotics Inc"
    assert [n.interviewer for n in notes] == ["Priya Natarajan", "Tom Li"]
    assert all("Acme Robotics Inc" in n.body for n in notes)


async def test_change_tone_recomposes_and_keeps_one_note_per_person(service: ConversationService) -> None:
    address = console_address()
    conversation = await finish_panel(service, address)
    _, before = await stored(service, address)
    actions = await click(service, address, conversation, "tone:formal")
    drafts = next(a for a in actions if isinstance(a, DraftsReady))
    assert drafts.conversation_id == conversation
    row, after = await stored(service, address)
    assert row.answers["tone"] == "formal" and len(after) == 2
    assert [n.body for n in after] != [n.body for n in before]


async def test_mark_sent_and_a_strangers_click_is_refused(service: ConversationService) -> None:
    address = console_address()
    conversation = await finish_panel(service, address)
    stranger = await click(service, console_address("mallory"), conversation, "tone:concise", None)
    assert "someone else's" in " ".join(a.text for a in stranger if isinstance(a, Say))
    await click(service, address, conversation, "sent", 0)
    async with service.sessions() as session:
        notes = (await session.execute(select(Note).order_by(Note.position))).scalars().all()  # type: ignore[arg-type]
    assert [n.status for n in notes] == ["sent", "drafted"]
    _, unchanged = await stored(service, address)
    assert all(n.company == "Acme Robotics" for n in unchanged)


async def test_a_tone_change_goes_through_the_versioned_save_like_any_turn(service: ConversationService) -> None:
    address = console_address()
    conversation = await finish_panel(service, address)
    before, _ = await stored(service, address)
    await click(service, address, conversation, "tone:concise")
    after, _ = await stored(service, address)
    assert after.version == before.version + 1 and after.status == "done"
    again = await click(service, address, conversation, "tone:concise")  # the same click delivered twice
    assert again == [] and (await stored(service, address))[0].version == after.version


async def test_edit_is_refused_while_another_debrief_is_open(service: ConversationService) -> None:
    address = console_address()
    conversation = await finish_panel(service, address)
    await say(service, RecordingSender(), address, "start")
    refused = await click(service, address, conversation, "edit")
    assert "another debrief in progress" in " ".join(a.text for a in refused if isinstance(a, Say))
    row, _ = await stored(service, address)
    assert row.id != conversation and row.status == "active", "the new debrief is untouched"
