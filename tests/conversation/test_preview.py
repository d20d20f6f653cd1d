"""Preview when unsure: an answer the composer can't read with confidence is shown as the line it becomes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.actions import Action, Ask, Say
from bot.compose import compose
from bot.conversation.engine import Engine
from bot.conversation.flow import default_flow
from bot.conversation.state import ConversationState
from bot.events import Address, ChoiceMade, TextAnswer

NOW = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
ADDRESS = Address("test", "w1", "c1", "u1")
ENGINE = Engine(default_flow(), compose)
BEFORE: dict[str, Any] = {
    "candidate": "Sam Rivera",
    "company": "Acme Robotics",
    "role": "Data Engineer",
    "interviewers": [{"name": "Priya Natarajan", "title": "CTO"}, {"name": "Tom Li"}],
}
TOPIC = "interviewers.0.discussed"


def at(cursor: str) -> ConversationState:
    return ConversationState("thank_you", 2, cursor, "UTC", dict(BEFORE))


def typed(state: ConversationState, text: str) -> tuple[ConversationState, list[Action]]:
    after, actions = ENGINE.handle(state, TextAnswer(ADDRESS, "e", text), NOW)
    assert after is not None
    return after, actions


def ask_of(actions: list[Action]) -> Ask:
    return [a for a in actions if isinstance(a, Ask)][-1]


def test_a_direct_question_is_shown_as_the_line_it_becomes_and_ok_moves_on() -> None:
    state, actions = typed(at(TOPIC), "why did they pick snowflake over bigquery??")
    shown = ask_of(actions)
    assert shown.field == TOPIC and "why they picked snowflake over BigQuery" in shown.text
    assert [c.value for c in shown.choices] == ["ok"]
    assert state.previewing and state.answers["interviewers"][0]["discussed"].startswith("why did they pick")
    state, actions = typed(state, "ok")
    assert not state.previewing and ask_of(actions).field == "interviewers.1.title"
    assert state.answers["interviewers"][0]["discussed"].startswith("why did they pick")


def test_a_click_on_looks_good_keeps_the_answer() -> None:
    state, _ = typed(at(TOPIC), "she still codes every day")
    after, actions = ENGINE.handle(state, ChoiceMade(ADDRESS, "e", TOPIC, "ok"), NOW)
    assert after is not None and not after.previewing and ask_of(actions).field == "interviewers.1.title"


def test_retyping_as_a_topic_replaces_the_answer_without_a_second_preview() -> None:
    state, _ = typed(at(TOPIC), "why did they pick snowflake over bigquery??")
    state, actions = typed(state, "their choice of Snowflake")
    assert state.answers["interviewers"][0]["discussed"] == "their choice of Snowflake"
    assert ask_of(actions).field == "interviewers.1.title" and not state.previewing


def test_an_answer_that_cannot_be_used_says_why_and_ok_leaves_it_to_the_checks() -> None:
    state, actions = typed(at("strengths"), "we both love hiking")
    assert state.previewing and "leave it out" in ask_of(actions).text
    state, actions = typed(state, "ok")
    assert ask_of(actions).field == "add"


def test_a_tidy_answer_adds_no_step() -> None:
    state, actions = typed(at(TOPIC), "moving their batch pipeline to streaming")
    assert not state.previewing and ask_of(actions).field == "interviewers.1.title"
    assert not [a for a in actions if isinstance(a, Say)]


def test_navigation_during_a_preview_still_works() -> None:
    state, _ = typed(at(TOPIC), "why did they pick snowflake over bigquery??")
    state, actions = typed(state, "back")
    assert not state.previewing and ask_of(actions).field == "interviewers.0.title"


def test_ok_typed_the_way_people_type_it_keeps_the_answer() -> None:
    for reply in ("Ok!! 👍", "looks good, thanks", "yeah lol", "yep", "sounds good", "👍", "thx"):
        state, _ = typed(at(TOPIC), "why did they pick snowflake over bigquery??")
        state, actions = typed(state, reply)
        assert not state.previewing and ask_of(actions).field == "interviewers.1.title", reply
        assert state.answers["interviewers"][0]["discussed"].startswith("why did they pick"), reply


def test_no_to_a_preview_asks_for_the_answer_again_instead_of_skipping_it() -> None:
    for reply in ("no", "nope", "hmm no", "not quite", "no thanks"):
        state, _ = typed(at(TOPIC), "why did they pick snowflake over bigquery??")
        state, actions = typed(state, reply)
        said = " ".join(a.text for a in actions if isinstance(a, Say))
        assert "Type it again as a short phrase" in said and "skip" in said, reply
        assert not state.previewing and ask_of(actions).field == TOPIC, reply
        state, actions = typed(state, "their choice of Snowflake over BigQuery")
        assert state.answers["interviewers"][0]["discussed"] == "their choice of Snowflake over BigQuery", reply
        assert ask_of(actions).field == "interviewers.1.title", reply


def test_skip_after_no_leaves_the_answer_out() -> None:
    state, _ = typed(at(TOPIC), "why did they pick snowflake over bigquery??")
    state, _ = typed(state, "no")
    state, actions = typed(state, "skip")
    assert "discussed" not in state.answers["interviewers"][0]
    assert ask_of(actions).field == "interviewers.1.title"


def test_the_preview_suggests_a_phrase_for_the_question_asked() -> None:
    _, actions = typed(at("strengths"), "i'm a people person lol and I know salesforce")
    assert "five years of running Kafka" in ask_of(actions).text
    _, actions = typed(at(TOPIC), "why did they pick snowflake over bigquery??")
    assert "your approach to caching" in ask_of(actions).text
