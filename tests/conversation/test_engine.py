"""Pure engine tests: (state, event, now) -> (state, actions), no database."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.actions import Action, Ask, DraftsReady, End, ReminderScheduled, Say
from bot.compose import compose
from bot.conversation.engine import Engine
from bot.conversation.flow import default_flow
from bot.conversation.state import CONFIRM, ConversationState
from bot.events import Address, ChoiceMade, Navigate, Start, TextAnswer

NOW = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # a Monday, 15:00 in New York
ADDRESS = Address("test", "w1", "c1", "u1")
ENGINE = Engine(default_flow(), compose)
FULL: dict[str, Any] = {
    "occasion": "interview",
    "candidate": "Sam Rivera",
    "company": "Acme Robotics",
    "role": "Data Engineer",
    "interviewers": [{"name": "Priya Natarajan", "discussed": "streaming"}, {"name": "Tom Li"}],
}


def at(cursor: str, answers: dict[str, Any] | None = None, **extra: Any) -> ConversationState:
    return ConversationState("thank_you", 1, cursor, "America/New_York", dict(answers or {}), **extra)


def text(value: str) -> TextAnswer:
    return TextAnswer(ADDRESS, "e", value)


def ask_of(actions: list[Action]) -> Ask:
    asks = [a for a in actions if isinstance(a, Ask)]
    assert asks, actions
    return asks[-1]


def said(actions: list[Action]) -> str:
    return " ".join(a.text for a in actions if isinstance(a, Say))


def test_start_introduces_and_asks_first_question() -> None:
    state, actions = ENGINE.handle(None, Start(ADDRESS, "e", "Europe/Berlin"), NOW)
    assert state is not None and state.timezone == "Europe/Berlin"
    assert "thank-you notes" in said(actions)
    assert ask_of(actions).field == "candidate"
    assert "edit occasion" in said(actions), "the other occasions are offered in the first message"


def test_start_with_open_conversation_resumes_at_same_question() -> None:
    open_state = at("role", {"candidate": "Sam", "company": "Acme"})
    state, actions = ENGINE.handle(open_state, Start(ADDRESS, "e"), NOW)
    assert state == open_state
    assert "welcome back" in said(actions).lower() and ask_of(actions).field == "role"


@pytest.mark.parametrize(
    ("cursor", "answers", "typed", "next_field", "stored"),
    [
        ("occasion", {}, "INFORMATIONAL", "candidate", ("occasion", "informational")),
        ("occasion", {}, "a referral", "candidate", ("occasion", "referral")),
        ("occasion", {}, "4", "candidate", ("occasion", "recommendation")),
        ("interviewers", {"candidate": "Sam", "company": "Acme", "role": "PM"}, "Priya", "format", ("role", "PM")),
        ("candidate", {}, "  Sam   Rivera ", "company", ("candidate", "Sam Rivera")),
        ("interview_at", FULL, "yesterday 3pm", "interviewers", ("interview_at", "2026-11-22T15:00:00-05:00")),
        ("interview_at", FULL, "Friday 9:30", "interviewers", ("interview_at", "2026-11-20T09:30:00-05:00")),
        ("tone", FULL, "Formal", "channel", ("tone", "formal")),
    ],
)
def test_valid_answer_is_stored_and_next_question_asked(
    cursor: str, answers: dict[str, Any], typed: str, next_field: str, stored: tuple[str, str]
) -> None:
    state, actions = ENGINE.handle(at(cursor, answers), text(typed), NOW)
    assert state is not None and state.answers[stored[0]] == stored[1]
    assert ask_of(actions).field == next_field


def test_names_answer_creates_one_interviewer_each_and_asks_about_the_first() -> None:
    state, actions = ENGINE.handle(at("interviewers", FULL), text("Ana-María O'Neil, 李雷 and Dana"), NOW)
    assert state is not None
    assert [p["name"] for p in state.answers["interviewers"]] == ["Ana-María O'Neil", "李雷", "Dana"]
    assert ask_of(actions).field == "went", "a panel implies the format, so it is not asked"
    state, actions = ENGINE.handle(state, text("good"), NOW)
    assert ask_of(actions).field == "interviewers.0.title" and "Ana-María O'Neil" in ask_of(actions).text
    assert ask_of(actions).fields == ("interviewers.0.title", "interviewers.0.email")


@pytest.mark.parametrize(
    ("cursor", "typed", "reason"),
    [
        ("candidate", "", "empty"),
        ("candidate", "   ", "empty"),
        ("company", "x" * 10_000, "under 1,000"),
        ("company", "Acme\x00Corp", "control characters"),
        ("company", "Acme\x1b[31m", "control characters"),
        ("candidate", "Sam\u202eRivera", "text-direction"),
        ("interview_at", "tomorrow 9am", "future"),
        ("interview_at", "2099-01-01 10:00", "future"),
        ("interview_at", "the blue moon", "couldn't read"),
        ("interview_at", "2026-02-30 10:00", "couldn't read"),
        ("occasion", "a party", "pick one"),
        ("interviewers.0.email", "priya at acme", "email address"),
        ("share", "not a link", "link"),
    ],
)
def test_invalid_answer_is_reasked_with_reason_and_nothing_stored(cursor: str, typed: str, reason: str) -> None:
    before = at(cursor, FULL)
    state, actions = ENGINE.handle(before, text(typed), NOW)
    assert state is not None and state.answers == before.answers
    assert reason.lower() in said(actions).lower()
    assert ask_of(actions).field == cursor


def test_zero_width_characters_are_removed_from_names() -> None:
    state, _ = ENGINE.handle(at("candidate"), text("Sa\u200bm Ri\ufeffvera"), NOW)
    assert state is not None and state.answers["candidate"] == "Sam Rivera"


def test_repeated_failures_offer_a_way_out() -> None:
    state: ConversationState | None = at("interview_at", FULL)
    messages = []
    for _ in range(3):
        assert state is not None
        state, actions = ENGINE.handle(state, text("whenever"), NOW)
        messages.append(said(actions))
    assert "skip" not in messages[0] and "skip" in messages[2]


def test_required_question_cannot_be_skipped_and_says_why() -> None:
    state, actions = ENGINE.handle(at("company", {"candidate": "Sam"}), text("skip"), NOW)
    assert state is not None and state.cursor == "company"
    assert "every note mentions the company" in said(actions)


def test_role_is_optional_for_informational_chats() -> None:
    state, actions = ENGINE.handle(
        at("role", {"occasion": "informational", "candidate": "Sam", "company": "A"}), text("skip"), NOW
    )
    assert state is not None and "role" not in state.answers and ask_of(actions).field == "interview_at"


def test_back_at_first_question_explains_and_stays() -> None:
    state, actions = ENGINE.handle(at("occasion"), text("BACK"), NOW)
    assert state is not None and state.cursor == "occasion"
    assert "first question" in said(actions)


def test_back_returns_to_previous_question_keeping_answers() -> None:
    state, actions = ENGINE.handle(at("role", {"candidate": "Sam", "company": "Acme"}), text("back"), NOW)
    assert state is not None and state.cursor == "company" and state.answers["company"] == "Acme"
    assert ask_of(actions).field == "company"


def test_edit_jumps_to_field_and_returns_to_where_user_was() -> None:
    state, actions = ENGINE.handle(at("strengths", FULL), text("Edit Company"), NOW)
    assert state is not None and ask_of(actions).field == "company" and "Acme Robotics" in ask_of(actions).text
    state, actions = ENGINE.handle(state, text("Globex"), NOW)
    assert state is not None and state.answers["company"] == "Globex"
    assert ask_of(actions).field == "strengths"


def test_edit_by_alias_and_person_number() -> None:
    _, actions = ENGINE.handle(at(CONFIRM, FULL), text("edit when"), NOW)
    assert ask_of(actions).field == "interview_at"
    _, actions = ENGINE.handle(at(CONFIRM, FULL), text("edit discussed 2"), NOW)
    assert ask_of(actions).field == "interviewers.1.discussed"


def test_edit_of_unknown_field_lists_valid_ones_and_changes_nothing() -> None:
    before = at("strengths", FULL)
    state, actions = ENGINE.handle(before, text("edit salary"), NOW)
    assert state == before
    assert '"salary"' in said(actions) and "company" in said(actions)


def test_editing_names_asks_about_new_people_then_returns() -> None:
    state, actions = ENGINE.handle(at(CONFIRM, FULL), text("edit interviewers"), NOW)
    state, actions = ENGINE.handle(state, text("Priya Natarajan, Tom Li, Kim"), NOW)
    assert state is not None and ask_of(actions).field == "interviewers.2.title"
    assert state.answers["interviewers"][0]["discussed"] == "streaming", "details of known people are kept"
    for _ in range(4):
        state, actions = ENGINE.handle(state, text("skip"), NOW)
    assert ask_of(actions).field == CONFIRM


def test_skip_optional_question_moves_on() -> None:
    state, actions = ENGINE.handle(at("format", FULL), Navigate(ADDRESS, "e", "skip"), NOW)
    assert state is not None and "format" not in state.answers and ask_of(actions).field == "went"


def test_help_explains_commands_and_reasks() -> None:
    _, actions = ENGINE.handle(at("company", {"candidate": "Sam"}), text("help"), NOW)
    assert "edit date" in said(actions) and "profile" in said(actions) and ask_of(actions).field == "company"


def test_cancel_asks_first_then_ends_keeping_the_answers_for_undo() -> None:
    state, actions = ENGINE.handle(at("strengths", FULL), text("CANCEL"), NOW)
    assert state is not None and state.status == "active" and state.confirming_cancel
    assert ask_of(actions).field == "cancel" and [c.value for c in ask_of(actions).choices] == ["yes", "no"]
    state, actions = ENGINE.handle(state, ChoiceMade(ADDRESS, "e", "cancel", "yes"), NOW)
    assert state is not None and state.status == "cancelled" and state.answers == FULL
    assert "undo" in said(actions) and isinstance(actions[-1], End) and actions[-1].reason == "cancelled"


@pytest.mark.parametrize("reply", ["no", "nope keep going", "keep going"])
def test_cancel_then_no_carries_on_at_the_same_question(reply: str) -> None:
    state, _ = ENGINE.handle(at("strengths", FULL), text("cancel"), NOW)
    state, actions = ENGINE.handle(state, text(reply), NOW)
    assert state is not None and state.status == "active" and not state.confirming_cancel
    assert state.answers == FULL and ask_of(actions).field == "strengths"


def test_cancel_then_an_answer_is_taken_as_the_answer() -> None:
    state, _ = ENGINE.handle(at("strengths", FULL), text("cancel"), NOW)
    state, actions = ENGINE.handle(state, text("five years of Kafka"), NOW)
    assert state is not None and state.answers["strengths"] == "five years of Kafka"
    assert ask_of(actions).field == "add"


def test_restart_starts_over_with_nothing_kept() -> None:
    state, actions = ENGINE.handle(at("strengths", FULL), text("restart"), NOW)
    assert state is not None and state.answers == {} and ask_of(actions).field == "candidate"


def test_choice_button_answers_current_question() -> None:
    state, actions = ENGINE.handle(at("tone", FULL), ChoiceMade(ADDRESS, "e", "tone", "concise"), NOW)
    assert state is not None and state.answers["tone"] == "concise" and ask_of(actions).field == "channel"


def test_stale_button_is_answered_politely_and_changes_nothing() -> None:
    before = at("channel", {**FULL, "tone": "warm"})
    state, actions = ENGINE.handle(before, ChoiceMade(ADDRESS, "e", "tone", "formal"), NOW)
    assert state == before
    assert "earlier question" in said(actions) and ask_of(actions).field == "channel"


def test_confirm_yes_composes_one_draft_per_interviewer_and_schedules_reminders() -> None:
    state, actions = ENGINE.handle(at(CONFIRM, {**FULL, "interview_at": "2026-11-23T10:00:00-05:00"}), text("Yes"), NOW)
    assert state is not None and state.status == "done"
    drafts = next(a for a in actions if isinstance(a, DraftsReady)).drafts
    assert [d.to.name for d in drafts.drafts] == ["Priya Natarajan", "Tom Li"]
    kinds = [a.kind for a in actions if isinstance(a, ReminderScheduled)]
    assert "follow_up" in kinds
    assert isinstance(actions[-1], End) and actions[-1].reason == "done"


def test_confirm_other_text_explains_how_to_finish() -> None:
    state, actions = ENGINE.handle(at(CONFIRM, FULL), text("hmm"), NOW)
    assert state is not None and state.status == "active" and '"yes"' in said(actions)


def test_text_without_conversation_offers_to_start() -> None:
    state, actions = ENGINE.handle(None, text("hello?"), NOW)
    assert state is None and ask_of(actions).field == "start"
    state, actions = ENGINE.handle(None, ChoiceMade(ADDRESS, "e", "start", "start"), NOW)
    assert state is not None and ask_of(actions).field == "candidate"


@pytest.mark.parametrize(
    ("answers", "cursor", "recovered_to"),
    [
        ({**FULL, "company": 42}, "strengths", "company"),
        ({**FULL, "occasion": "party"}, "strengths", "occasion"),
        ({**FULL, "interviewers": "Priya"}, "strengths", "interviewers"),
        ({**FULL, "interview_at": "2099-01-01T00:00:00+00:00"}, "strengths", "interview_at"),
        ({**FULL, "candidate": "Sam\x00"}, "strengths", "candidate"),
        (FULL, "no_such_step", CONFIRM),
        ({k: v for k, v in FULL.items() if k != "candidate"}, "strengths", "candidate"),
    ],
)
def test_corrupted_answers_row_recovers_to_first_invalid_field(
    answers: dict[str, Any], cursor: str, recovered_to: str
) -> None:
    state, actions = ENGINE.handle(at(cursor, answers), text("anything"), NOW)
    assert state is not None and state.cursor == recovered_to
    assert ask_of(actions).field == recovered_to
    assert said(actions), "the user is told why the question is asked again"
