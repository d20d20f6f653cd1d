"""Check-in emails are built from the validated answers, and each note finds its own interviewer."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.answers import parse_answers
from bot.reminders.messages import checkin_draft
from bot.storage.models import Note

NOW = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
ANSWERS = parse_answers({
    "candidate": "Sam Rivera", "company": "Acme Robotics", "role": "Data Engineer",
    "interview_at": "2026-11-20T14:00:00-05:00", "next_steps": "they decide by Friday",
    "interviewers": [
        {"name": "Priya Natarajan", "email": "priya@acme.example", "discussed": "the streaming migration"},
        {"name": "Tom Li", "email": "tom@acme.example", "discussed": "on-call rotations"},
    ],
})  # fmt: skip


def note(position: int, interviewer: str) -> Note:
    return Note(
        conversation_id=1, platform="console", workspace="local", user_id="sam", position=position,
        interviewer=interviewer, company="Acme Robotics", channel="email", body="…", created_at=NOW, updated_at=NOW,
    )  # fmt: skip


def test_the_checkin_goes_to_the_notes_own_interviewer() -> None:
    draft = checkin_draft(ANSWERS, note(1, "Tom Li"), 1, ZoneInfo("America/New_York"))
    assert draft.to.name == "Tom Li" and draft.to.email == "tom@acme.example"
    assert "Acme Robotics" in draft.body and "Friday, November 20" in draft.body


def test_a_note_whose_position_moved_is_matched_by_name() -> None:
    """After "edit interviewers" reorders people, a note's position may point at someone else."""
    draft = checkin_draft(ANSWERS, note(0, "Tom Li"), 1, ZoneInfo("America/New_York"))
    assert draft.to.email == "tom@acme.example"


def test_a_person_no_longer_in_the_answers_still_gets_a_checkin_without_an_address() -> None:
    draft = checkin_draft(ANSWERS, note(0, "Ann Bee"), 2, ZoneInfo("UTC"))
    assert draft.to.name == "Ann Bee" and draft.to.email is None and draft.subject
