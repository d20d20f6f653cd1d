"""Whole conversations written as data, replayed through the service on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from bot.conversation.service import ConversationService
from tests.fakes.conversation import console_address, outcome, replay, stored, subset
from tests.transcripts import Transcript, load_transcripts

TRANSCRIPTS = load_transcripts()


@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=[t.name for t in TRANSCRIPTS])
async def test_transcript_replays_with_expected_outcome(service: ConversationService, transcript: Transcript) -> None:
    address = console_address()
    actions = await replay(service, transcript, address)
    end, recipients = outcome(actions)
    assert end == transcript.end
    assert recipients == transcript.recipients
    row, notes = await stored(service, address)
    assert row.status == (transcript.end if transcript.end == "cancelled" else "done" if transcript.end else "active")
    assert subset(transcript.answers, row.answers), row.answers
    assert [n.interviewer for n in notes] == transcript.recipients
    if transcript.end == "cancelled":
        assert row.answers, "a cancelled debrief keeps its answers for 24 hours, so undo can bring them back"
