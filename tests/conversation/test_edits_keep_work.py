"""Edits that keep your work: renames keep a person's answers, `edit` takes people's words, `back` shows the
answer, and `cancel` asks first and can be undone for a day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.actions import Action, Ask, Say
from bot.compose import compose
from bot.conversation.engine import Engine
from bot.conversation.flow import default_flow
from bot.conversation.people import merge_people
from bot.conversation.service import ConversationService
from bot.conversation.state import CONFIRM, ConversationState
from bot.events import Address, Start, TextAnswer
from bot.storage.cancelled import wipe_expired_cancellations
from tests.fakes.clock import FakeClock
from tests.fakes.conversation import console_address, stored
from tests.fakes.sender import RecordingSender

NOW = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
ADDRESS = Address("test", "w1", "c1", "u1")
ENGINE = Engine(default_flow(), compose)
PEOPLE = [
    {
        "name": "Priya Natarajan",
        "title": "Engineering Manager",
        "email": "priya@acme.example",
        "discussed": "streaming",
    },
    {"name": "Ann Bee", "title": "Recruiter", "discussed": "the hiring timeline"},
    {"name": "Raj", "discussed": "their move to kubernetes", "detail": "his new puppy"},
]
DONE: dict[str, Any] = {
    "candidate": "Sam Rivera",
    "company": "Acme Robotics",
    "role": "Data Engineer",
    "interview_at": "2026-11-22T14:30:00-05:00",
    "went": "well",
    "interviewers": PEOPLE,
    "strengths": "five years of Kafka",
    "add": "I cut cloud spend 30%",
    "share": "https://example.com/talk",
    "next_steps": "by Friday",
}


def at(cursor: str, answers: dict[str, Any]) -> ConversationState:
    return ConversationState("thank_you", 2, cursor, "America/New_York", dict(answers))


def typed(state: ConversationState, text: str) -> tuple[ConversationState, list[Action]]:
    after, actions = ENGINE.handle(state, TextAnswer(ADDRESS, "e", text), NOW)
    assert after is not None
    return after, actions


def ask_of(actions: list[Action]) -> Ask:
    return [a for a in actions if isinstance(a, Ask)][-1]


# --- renames and people -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        "Priya Natarajan, Anne Bee, Raj",  # a typo fixed
        "priya natarajan, ann bee, Raj Patel",  # a surname added, lowercase
        "Priya N., Ann Bee, Rajesh",  # the same three people by position
    ],
)
def test_renaming_keeps_everyones_answers_and_asks_nothing_again(names: str) -> None:
    state, actions = typed(at(CONFIRM, DONE), "edit people")
    assert ask_of(actions).field == "interviewers"
    state, actions = typed(state, names)
    assert ask_of(actions).field == CONFIRM, "nobody's questions are asked again"
    for before, after in zip(PEOPLE, state.answers["interviewers"], strict=True):
        assert {k: v for k, v in after.items() if k != "name"} == {k: v for k, v in before.items() if k != "name"}


def test_adding_a_person_asks_only_about_them_and_removing_one_keeps_the_others() -> None:
    state, _ = typed(at(CONFIRM, DONE), "edit people")
    state, actions = typed(state, "Priya Natarajan, Ann Bee, Raj, Dana Cho")
    assert ask_of(actions).field == "interviewers.3.title"
    state, actions = typed(state, "skip")
    assert ask_of(actions).field == "interviewers.3.discussed"
    state, actions = typed(state, "skip")
    assert ask_of(actions).field == CONFIRM
    state, _ = typed(state, "edit people")
    state, actions = typed(state, "Priya Natarajan, Raj")
    assert ask_of(actions).field == CONFIRM
    assert state.answers["interviewers"] == [PEOPLE[0], PEOPLE[2]]


@given(
    st.lists(
        st.sampled_from(["Priya Natarajan", "Ann Bee", "Raj", "Anne Bee", "priya natarajan", "Raj Patel", "Dana"]),
        min_size=1,
        max_size=4,
        unique_by=str.casefold,
    )
)
@settings(max_examples=200, deadline=None)
def test_merging_names_never_loses_a_matched_persons_answers(names: list[str]) -> None:
    merged, new = merge_people(PEOPLE, [{"name": n} for n in names])
    assert [p["name"] for p in merged] == names
    for index, person in enumerate(merged):
        if index in new:
            assert set(person) == {"name"}
        else:
            assert any({k: v for k, v in person.items() if k != "name"} == {k: v for k, v in p.items() if k != "name"}
                       for p in PEOPLE)  # fmt: skip
    kept = [i for i in range(len(merged)) if i not in new]
    assert len(kept) == len({id(p) for p in kept}), "no earlier person is used twice"


EDITS = st.lists(
    st.sampled_from(
        [
            ("edit people", "Priya Natarajan, Anne Bee, Raj"),
            ("edit people", "Priya Natarajan, Ann Bee, Raj, Dana Cho"),
            ("edit people", "Raj, Priya Natarajan"),
            ("edit Priya's email", "p.natarajan@acme.example"),
            ("edit date", "yesterday at 2:30"),
            ("edit link", "none"),
            ("edit the part I didn't get to say", "I mentor two juniors"),
            ("edit title 1", "Director of Engineering"),
            ("back", "skip"),
        ]
    ),
    max_size=6,
)


@given(EDITS)
@settings(max_examples=150, deadline=None)
def test_no_edit_sequence_asks_a_persons_questions_twice_or_loses_an_unchanged_answer(
    edits: list[tuple[str, str]],
) -> None:
    state = at(CONFIRM, DONE)
    for command, answer in edits:
        before = state
        state, actions = typed(state, command)
        target = ask_of(actions).field
        state, actions = typed(state, answer)
        newcomers: list[int] = []
        if target == "interviewers":
            _, newcomers = merge_people(before.answers["interviewers"], [{"name": n} for n in answer.split(", ")])
        asked: list[str] = [ask_of(actions).field]
        for _ in range(12):  # answer any new person's questions; nobody else's may come up
            if state.cursor == CONFIRM:
                break
            assert any(state.cursor.startswith(f"interviewers.{i}.") for i in newcomers), (command, state.cursor)
            state, actions = typed(state, "skip")
            asked.append(ask_of(actions).field)
        assert state.cursor == CONFIRM and len(asked) == len(set(asked)), asked
        _same_except(before.answers, state.answers, target, command)


def _same_except(before: dict[str, Any], after: dict[str, Any], target: str, command: str) -> None:
    """Every answer not explicitly changed is as it was (people matched by their remaining answers)."""
    for key, value in before.items():
        if key in (target, "interviewers") or (command == "back" and key == target):
            continue
        assert after.get(key) == value, (command, key)
    old_people = before.get("interviewers", [])
    for person in after.get("interviewers", []):
        rest = {k: v for k, v in person.items() if k != "name"}
        if rest and not target.startswith("interviewers."):
            assert any(rest == {k: v for k, v in p.items() if k != "name"} for p in old_people), person


# --- the words people use -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "cursor"),
    [
        ("edit name", "candidate"),
        ("edit my name", "candidate"),
        ("edit date", "interview_at"),
        ("change the time", "interview_at"),
        ("edit link", "share"),
        ("edit the part I didn't get to say", "add"),
        ("edit Priya's email", "interviewers.0.email"),
        ("edit email for raj", "interviewers.2.email"),
        ("edit Ann's title", "interviewers.1.title"),
        ("edit Raj's name", "interviewers"),
        ("edit compnay", "company"),
        ("edit how it went", "went"),
        ("edit send as", "channel"),
    ],
)
def test_edit_understands_the_words_people_use(command: str, cursor: str) -> None:
    state, actions = typed(at(CONFIRM, DONE), command)
    assert state.cursor == cursor and ask_of(actions).field == cursor


def test_a_per_person_answer_without_a_name_asks_which_person() -> None:
    state, actions = typed(at(CONFIRM, DONE), "edit email")
    assert state.cursor == CONFIRM and "Priya's email" in " ".join(a.text for a in actions if isinstance(a, Say))


def test_the_summary_uses_human_labels() -> None:
    _, actions = typed(at("channel", {**DONE, "tone": "warm"}), "e-mail")
    summary = ask_of(actions).text
    for label in ("Your name:", "When:", "Point you didn't get to make:", "Link to share:", "Next steps:"):
        assert label in summary
    for internal in ("• add:", "• share:", "• next_steps:", "• candidate:", "interview_at", "title 1"):
        assert internal not in summary


def test_back_shows_the_previous_answer() -> None:
    state, actions = typed(at("role", {"candidate": "Sam Rivera", "company": "Acme Robtics"}), "back")
    assert state.cursor == "company" and "Acme Robtics" in ask_of(actions).text


def test_editing_a_title_alone_keeps_the_email() -> None:
    state, _ = typed(at(CONFIRM, DONE), "edit Priya's title")
    state, _ = typed(state, "Director of Engineering")
    priya = state.answers["interviewers"][0]
    assert (priya["title"], priya["email"]) == ("Director of Engineering", "priya@acme.example")


# --- cancel, confirm, undo ----------------------------------------------------------------------------------


async def talk(service: ConversationService, address: Address, text: str | None) -> list[Action]:
    event = Start(address, f"u-{text}-{id(text)}-{datetime.now().timestamp()}", "UTC") if text is None else None
    return await service.handle(
        event or TextAnswer(address, f"u-{text}-{datetime.now().timestamp()}", text), RecordingSender()
    )


async def test_cancel_confirmed_then_undo_brings_back_the_same_question(service: ConversationService) -> None:
    address = console_address("undoer")
    for text in (None, "Sam Rivera", "Acme Robotics", "Data Engineer", "skip", "Priya, Tom"):
        await talk(service, address, text)
    asked = await talk(service, address, "cancel")
    assert isinstance(asked[-1], Ask) and asked[-1].field == "cancel"
    stopped = await talk(service, address, "yes")
    assert "undo" in " ".join(a.text for a in stopped if isinstance(a, Say))
    row, _ = await stored(service, address)
    assert row.status == "cancelled" and row.answers["company"] == "Acme Robotics"
    back = await talk(service, address, "undo")
    assert "brought back" in " ".join(a.text for a in back if isinstance(a, Say))
    assert isinstance(back[-1], Ask) and back[-1].field == "went"
    row, _ = await stored(service, address)
    assert row.status == "active" and len(row.answers["interviewers"]) == 2


async def test_undo_after_a_day_brings_nothing_back_and_the_answers_are_wiped(
    service: ConversationService, clock: FakeClock
) -> None:
    address = console_address("late")
    for text in (None, "Sam Rivera", "Acme Robotics", "cancel", "yes"):
        await talk(service, address, text)
    clock.advance(hours=25)
    assert "no stopped debrief" in " ".join(a.text for a in await talk(service, address, "undo") if isinstance(a, Say))
    async with service.sessions() as session, session.begin():
        assert await wipe_expired_cancellations(session, now=clock.now()) == 1
    row, _ = await stored(service, address)
    assert row.answers == {}


async def test_undo_with_a_debrief_open_means_back(service: ConversationService) -> None:
    address = console_address("busy")
    for text in (None, "Sam Rivera"):
        await talk(service, address, text)
    actions = await talk(service, address, "undo")
    assert isinstance(actions[-1], Ask) and actions[-1].field == "candidate"


def test_the_undo_window_is_a_day() -> None:
    from bot.storage.cancelled import UNDO_WINDOW

    assert timedelta(hours=23) < UNDO_WINDOW <= timedelta(hours=24)


async def test_the_retention_job_keeps_a_cancelled_debrief_a_day_then_wipes_its_answers(
    service: ConversationService, clock: FakeClock
) -> None:
    from bot.storage.privacy import purge

    address = console_address("retained")
    for text in (None, "Sam Rivera", "Acme Robotics", "cancel", "yes"):
        await talk(service, address, text)
    clock.advance(hours=23)
    async with service.sessions() as session, session.begin():
        await purge(session, now=clock.now())
    row, _ = await stored(service, address)
    assert row.answers["company"] == "Acme Robotics", "undo still has something to bring back"
    clock.advance(hours=2)
    async with service.sessions() as session, session.begin():
        counts = await purge(session, now=clock.now())
    row, _ = await stored(service, address)
    assert row.answers == {} and counts["cancelled_answers"] == 1
