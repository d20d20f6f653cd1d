"""Forgiving answers: choices typed loosely (synonyms, typos, fillers), skip words, and names tidied with a note."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from bot import TEMPLATES_DIR, messages
from bot.actions import Action, Ask, Say
from bot.compose import compose
from bot.conversation.engine import Engine
from bot.conversation.flow import default_flow, load_flow
from bot.conversation.parsers import PARSERS, SKIP_WORDS, ParseContext, Reject, means_skip
from bot.conversation.service import ConversationService
from bot.conversation.state import ConversationState
from bot.errors import FlowDefinitionError
from bot.events import Address, TextAnswer
from tests.fakes.conversation import asked, console_address, say, stored
from tests.fakes.sender import RecordingSender

NOW = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
FLOW = default_flow()
ENGINE = Engine(FLOW, compose)
ADDRESS = Address("test", "w1", "c1", "u1")
BEFORE_PEOPLE: dict[str, Any] = {"occasion": "interview", "candidate": "Sam", "company": "Acme", "role": "Data Eng"}
WITH_PEOPLE: dict[str, Any] = {**BEFORE_PEOPLE, "interviewers": [{"name": "Priya"}]}
DID_YOU_MEAN = "did you mean"


def step(field: str) -> Any:
    return next(s for s in FLOW.steps if s.field == field)


def parse(field: str, typed: str) -> Any:
    s = step(field)
    ctx = ParseContext(NOW, ZoneInfo("UTC"), s.choice_pairs, s.choice_synonyms)
    return PARSERS[s.parser].parse(typed, ctx)


def at(cursor: str, answers: dict[str, Any] | None = None) -> ConversationState:
    return ConversationState("thank_you", 1, cursor, "America/New_York", dict(answers or {}))


def said(actions: list[Action]) -> str:
    return " ".join(a.text for a in actions if isinstance(a, Say))


def ask_of(actions: list[Action]) -> Ask:
    return [a for a in actions if isinstance(a, Ask)][-1]


# --- choices ------------------------------------------------------------------------------------------------

READ_AS: list[tuple[str, str, str]] = [
    # exact value, label and number still work
    ("occasion", "interview", "interview"),
    ("occasion", "A job interview", "interview"),
    ("occasion", "1", "interview"),
    ("format", " VIDEO  CALL ", "video"),
    # synonyms, surrounding words, fillers, punctuation, emoji
    ("occasion", "job interview", "interview"),
    ("occasion", "interview lol", "interview"),
    ("occasion", "an informational interview", "informational"),
    ("occasion", "coffee chat", "informational"),
    ("format", "zoom", "video"),
    ("format", "Teams", "video"),
    ("format", "google meet", "video"),
    ("format", "video call", "video"),
    ("format", "we used zoom", "video"),
    ("format", "in person", "onsite"),
    ("format", "in-person", "onsite"),
    ("format", "onsite", "onsite"),
    ("format", "in-office", "onsite"),
    ("format", "at their office", "onsite"),
    ("format", "phone call", "phone"),
    ("format", "a panel", "panel"),
    ("went", "good", "well"),
    ("went", "pretty good actually 🙂", "well"),
    ("went", "pretty good actually :slightly_smiling_face:", "well"),  # Slack's way of sending 🙂
    ("went", "Great!", "well"),
    ("went", "it went well", "well"),
    ("went", "not bad", "well"),
    ("went", "meh", "mixed"),
    ("went", "so-so", "mixed"),
    ("went", "ok-ish", "mixed"),
    ("went", "hard to say", "mixed"),
    ("went", "not great", "mixed"),
    ("went", "bad", "rough"),
    ("went", "terrible", "rough"),
    ("went", "not good tbh", "rough"),
    ("went", "it didn't go well", "rough"),
    ("tone", "friendly", "warm"),
    ("tone", "professional i think", "formal"),
    ("tone", "short", "concise"),
    ("channel", "e-mail", "email"),
    ("channel", "mail", "email"),
    ("channel", "handwritten", "card"),
    ("channel", "thank you card", "card"),
    ("channel", "linked in", "linkedin"),
    ("channel", "LinkedIn", "linkedin"),
    # numbers with words around them
    ("format", "option 2", "video"),
    ("format", "2.", "video"),
    ("format", "3 i think", "onsite"),
    # typos, read with confidence
    ("format", "vidoe", "video"),
    ("format", "in persn", "onsite"),
    ("format", "inperson", "onsite"),
    ("format", "vidoe call", "video"),
    ("tone", "formla", "formal"),
    ("channel", "emial", "email"),
    ("channel", "linkdin", "linkedin"),
    ("channel", "handwriten", "card"),
]


@pytest.mark.parametrize(("field", "typed", "value"), READ_AS, ids=[f"{f}:{t}" for f, t, _ in READ_AS])
def test_a_choice_typed_loosely_is_understood(field: str, typed: str, value: str) -> None:
    assert parse(field, typed) == value


NONSENSE = [
    ("format", "purple"),
    ("format", "0"),
    ("format", "99"),
    ("format", "1 2"),
    ("occasion", "a party"),
    ("went", "asdf"),
    ("went", "hello"),
    ("went", "lol"),
    ("channel", "banana"),
    ("tone", "🙂"),
    ("tone", "x" * 5000),
    ("went", "it wasn't good"),  # a negation next to a choice is not read either way
    ("format", "no camera, just zoom"),
]


@pytest.mark.parametrize(("field", "typed"), NONSENSE, ids=[f"{f}:{t[:20]}" for f, t in NONSENSE])
def test_nonsense_is_refused_with_the_options_and_no_suggestion(field: str, typed: str) -> None:
    with pytest.raises(Reject) as refused:
        parse(field, typed)
    assert DID_YOU_MEAN not in str(refused.value).casefold()
    assert str(refused.value).startswith(messages.text("choice_invalid", options="").split(":")[0])


UNSURE = [
    ("went", "tell", "Well"),  # one letter off a four-letter word: too close to call
    ("format", "we did a vidoe", "Video call"),  # a typo inside a longer answer needs a clearer match
    ("channel", "hard", "Handwritten card"),
]


@pytest.mark.parametrize(("field", "typed", "label"), UNSURE, ids=[f"{f}:{t}" for f, t, _ in UNSURE])
def test_a_middle_band_match_is_refused_with_a_suggestion(field: str, typed: str, label: str) -> None:
    with pytest.raises(Reject) as refused:
        parse(field, typed)
    assert str(refused.value) == messages.text("choice_did_you_mean", label=label)


def test_two_choices_named_at_once_are_refused_with_both_suggested() -> None:
    with pytest.raises(Reject) as refused:
        parse("format", "zoom first, then in person")
    assert str(refused.value) == messages.text("choice_did_you_mean_either", first="Video call", second="In person")


def test_the_suggestion_reaches_the_user_and_nothing_is_stored() -> None:
    before = at("went", WITH_PEOPLE)
    state, actions = ENGINE.handle(before, TextAnswer(ADDRESS, "e", "tell"), NOW)
    assert state == before.with_(failures=1)
    assert said(actions) == messages.text("choice_did_you_mean", label="Well") and ask_of(actions).field == "went"


def test_every_synonym_in_the_flow_reads_as_its_own_choice() -> None:
    for s in FLOW.steps:
        for choice in s.choices:
            for phrase in choice.synonyms:
                assert parse(s.field, phrase) == choice.value, (s.field, phrase)


# --- skip words ---------------------------------------------------------------------------------------------

SKIPS = ["no", "None", "n/a", "N/A", "na", "nothing", "nope", "idk", "not sure", "-", "no link", "nothing to add",
         "Nope!", "idk lol", "n.a."]  # fmt: skip


@pytest.mark.parametrize("typed", SKIPS)
def test_skip_words_are_recognised(typed: str) -> None:
    assert means_skip(typed)


@pytest.mark.parametrize("typed", ["not a link!", "nothing special about it", "no way to know", "Nora", "???", ""])
def test_answers_that_only_contain_a_skip_word_are_not_skips(typed: str) -> None:
    assert not means_skip(typed)


@pytest.mark.parametrize("typed", SKIPS)
@pytest.mark.parametrize("cursor", ["share", "interviewers.0.title", "interviewers.0.email", "format", "add"])
def test_skip_words_skip_an_optional_question(cursor: str, typed: str) -> None:
    answers = {**WITH_PEOPLE, "share": "https://example.com", "format": "video", "add": "x"}
    answers["interviewers"] = [{"name": "Priya", "title": "CTO", "email": "p@acme.example"}]
    skipped, skip_actions = ENGINE.handle(at(cursor, answers), TextAnswer(ADDRESS, "e", "skip"), NOW)
    state, actions = ENGINE.handle(at(cursor, answers), TextAnswer(ADDRESS, "e", typed), NOW)
    assert (state, actions) == (skipped, skip_actions)
    assert state is not None and state.cursor != cursor


@pytest.mark.parametrize("typed", ["idk", "not sure", "n/a", "-", "none"])
@pytest.mark.parametrize(("cursor", "answers"), [("role", BEFORE_PEOPLE), ("company", {"candidate": "Sam"})])
def test_idk_to_a_required_question_is_not_stored_and_says_why(
    cursor: str, answers: dict[str, Any], typed: str
) -> None:
    before = at(cursor, {k: v for k, v in answers.items() if k != cursor})
    state, actions = ENGINE.handle(before, TextAnswer(ADDRESS, "e", typed), NOW)
    assert state == before
    why = step(cursor).why
    assert why and why in said(actions) and ask_of(actions).field == cursor


def test_skip_words_are_not_allowed_as_synonyms(tmp_path: Path) -> None:
    data = yaml.safe_load((TEMPLATES_DIR / "flows" / "thank_you.yaml").read_text(encoding="utf-8"))
    went = next(s for s in data["steps"] if s["field"] == "went")
    went["choices"][1]["synonyms"].append("not sure")
    path = tmp_path / "flow.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(FlowDefinitionError, match="means skip"):
        load_flow(path)


def test_a_synonym_may_name_only_one_choice(tmp_path: Path) -> None:
    data = yaml.safe_load((TEMPLATES_DIR / "flows" / "thank_you.yaml").read_text(encoding="utf-8"))
    fmt = next(s for s in data["steps"] if s["field"] == "format")
    fmt["choices"][0]["synonyms"].append("Zoom")
    path = tmp_path / "flow.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(FlowDefinitionError, match="names both"):
        load_flow(path)


def test_no_synonym_in_the_flow_is_a_skip_word() -> None:
    phrases = {p for s in FLOW.steps for c in s.choices for p in (c.value, c.label, *c.synonyms)}
    assert not {p for p in phrases if means_skip(p)}
    assert SKIP_WORDS


async def test_skip_words_skip_through_the_service(service: ConversationService) -> None:
    address = console_address("forgiving")
    sender = RecordingSender()
    turns = [
        (None, "candidate"),
        ("Sam Rivera", "company"),
        ("idk", "company"),  # required: asked again with the reason
        ("Acme", "role"),
        ("Data Engineer", "interview_at"),
        ("not sure", "interviewers"),  # optional: skipped
        ("Priya", "format"),
        ("zoom", "went"),
        ("nope", "interviewers.0.title"),
        ("n/a", "interviewers.0.discussed"),
    ]
    for typed, field in turns:
        actions = await say(service, sender, address, typed, "UTC")
        assert asked(actions) == field, (typed, actions)
    row, _ = await stored(service, address)
    assert row.answers == {
        "candidate": "Sam Rivera",
        "company": "Acme",
        "role": "Data Engineer",
        "format": "video",
        "interviewers": [{"name": "Priya"}],
    }


# --- names --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("raj (didnt catch last name)", ["Raj"]),
        ("raj (didn't catch last name, sorry) and Priya Natarajan", ["Raj", "Priya Natarajan"]),
        ("priya natarajan, tom li", ["Priya Natarajan", "Tom Li"]),
        ("siobhán o'brien [hiring manager]", ["Siobhán O'Brien"]),
        ("ana-maría", ["Ana-María"]),
        ("sarah jones, mike (cto)", ["Sarah Jones", "Mike"]),
        ("mike from engineering", ["Mike"]),
        ("John Smith - VP Eng, tom", ["John Smith", "Tom"]),
        ("Raj, the CTO", ["Raj"]),
        ("Sarah Chen, VP Engineering, tom li", ["Sarah Chen", "Tom Li"]),
        ("priya: hiring manager", ["Priya"]),
        ("Ana at the front desk and Lena who ran the tour", ["Ana", "Lena"]),
    ],
)
def test_names_lose_remarks_and_get_capitals_with_a_note(typed: str, names: list[str]) -> None:
    state, actions = ENGINE.handle(at("interviewers", BEFORE_PEOPLE), TextAnswer(ADDRESS, "e", typed), NOW)
    assert state is not None and [p["name"] for p in state.answers["interviewers"]] == names
    assert said(actions).startswith("I've written that as ") and all(name in said(actions) for name in names)
    assert ask_of(actions).field == ("format" if len(names) == 1 else "went")


@pytest.mark.parametrize(
    "typed",
    ["Priya Natarajan, Tom Li", "de la Cruz", "李雷", "Ana-María O'Neil and Dana", "Dr. Lee, Jean-Luc Moreau",
     "Marie Curie-Skłodowska", "Harold Finch, Grace Hopper"],
)  # fmt: skip
def test_names_typed_with_care_are_kept_as_typed_without_a_note(typed: str) -> None:
    state, actions = ENGINE.handle(at("interviewers", BEFORE_PEOPLE), TextAnswer(ADDRESS, "e", typed), NOW)
    assert state is not None and state.answers["interviewers"]
    assert not [a for a in actions if isinstance(a, Say)]


def test_a_remark_alone_is_not_a_name() -> None:
    before = at("interviewers", BEFORE_PEOPLE)
    state, actions = ENGINE.handle(before, TextAnswer(ADDRESS, "e", "(didn't catch any names)"), NOW)
    assert state == before.with_(failures=1)
    assert messages.text("names_missing") in said(actions)


@pytest.mark.parametrize("typed", ["hi", "Hello!", "hey there 👋", "ok", "thanks"])
def test_a_greeting_is_not_taken_as_the_members_own_name(typed: str) -> None:
    before = at("candidate", {"occasion": "interview"})
    state, actions = ENGINE.handle(before, TextAnswer(ADDRESS, "e", typed), NOW)
    assert state is not None and "candidate" not in state.answers
    assert messages.text("own_name_greeting") in said(actions)
    assert ask_of(actions).field == "candidate"


@pytest.mark.parametrize("typed", ["Hiro", "hilary swank", "Okay Adebayo"])
def test_a_name_that_starts_like_a_greeting_is_a_name(typed: str) -> None:
    state, _ = ENGINE.handle(at("candidate", {"occasion": "interview"}), TextAnswer(ADDRESS, "e", typed), NOW)
    assert state is not None and state.answers["candidate"].casefold() == typed.casefold()


# --- links ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("my portfolio jessokafor.design", "my portfolio https://jessokafor.design"),
        ("github: github.com/jess (the kafka one)", "github: https://github.com/jess (the kafka one)"),
        ("here's the deck https://example.com/deck.pdf", "here's the deck https://example.com/deck.pdf"),
        ("example.com/talk", "https://example.com/talk"),
    ],
)
def test_a_link_inside_a_few_words_is_kept_with_them(typed: str, stored: str) -> None:
    state, actions = ENGINE.handle(at("share", WITH_PEOPLE), TextAnswer(ADDRESS, "e", typed), NOW)
    assert state is not None and state.answers["share"] == stored
    assert ask_of(actions).field != "share"


@pytest.mark.parametrize("typed", ["my portfolio (will send tomorrow)", "the deck i mentioned", "my writing samples"])
def test_something_to_send_without_a_link_yet_is_kept_and_the_member_told(typed: str) -> None:
    state, actions = ENGINE.handle(at("share", WITH_PEOPLE), TextAnswer(ADDRESS, "e", typed), NOW)
    assert state is not None and state.answers["share"] == typed
    assert messages.text("share_without_link") in said(actions)


@pytest.mark.parametrize("typed", ["warm", "ok thanks", "email me at jess@example.com", "version 2.0 of it"])
def test_words_with_no_link_and_nothing_to_send_are_asked_again(typed: str) -> None:
    before = at("share", WITH_PEOPLE)
    state, actions = ENGINE.handle(before, TextAnswer(ADDRESS, "e", typed), NOW)
    assert state is not None and "share" not in state.answers
    assert messages.text("url_invalid") in said(actions) and ask_of(actions).field == "share"


@pytest.mark.parametrize(
    ("typed", "titles"),
    [("dana (recruiter), marcus lee - design director, and priya", ["Recruiter", "Design Director", None]),
     ("Raj, the CTO", ["CTO"]), ("priya: hiring manager", ["Hiring Manager"]), ("Kim (HR) & Lee", ["HR", None]),
     ("raj (didn't catch his last name)", [None]), ("mike from engineering", [None]), ("Raj, my future boss", [None])],
)  # fmt: skip
def test_a_job_title_typed_with_the_names_is_kept_as_the_title(typed: str, titles: list[str | None]) -> None:
    state, actions = ENGINE.handle(at("interviewers", BEFORE_PEOPLE), TextAnswer(ADDRESS, "e", typed), NOW)
    assert state is not None and [p.get("title") for p in state.answers["interviewers"]] == titles
    for title in filter(None, titles):
        assert f"({title})" in said(actions)


def test_the_title_question_offers_the_title_given_and_ok_keeps_it() -> None:
    state, _ = ENGINE.handle(at("interviewers", BEFORE_PEOPLE), TextAnswer(ADDRESS, "e", "dana (recruiter)"), NOW)
    assert state is not None
    state = state.with_(cursor="interviewers.0.title")
    shown = ENGINE._ask(state, NOW)
    assert "You told me: Recruiter" in shown.text
    after, _ = ENGINE.handle(state, TextAnswer(ADDRESS, "e", "ok"), NOW)
    assert after is not None and after.answers["interviewers"][0]["title"] == "Recruiter"
    assert after.cursor == "interviewers.0.discussed"
    after, _ = ENGINE.handle(state, TextAnswer(ADDRESS, "e", "Talent Partner, dana@acme.example"), NOW)
    assert after is not None and after.answers["interviewers"][0]["title"] == "Talent Partner"
    assert after.answers["interviewers"][0]["email"] == "dana@acme.example"


@pytest.mark.parametrize(
    ("typed", "title"),
    [("idk maybe senior researcher", "Senior Researcher"), ("something like head of design i think", "Head of Design"),
     ("vp of sales?", "VP of Sales"), ("she's the cto", "CTO"), ("staff engineer (i think)", "Staff Engineer"),
     ("probably a recruiter lol", "Recruiter")],
)  # fmt: skip
def test_a_job_title_loses_the_guess_around_it_with_a_note(typed: str, title: str) -> None:
    state, actions = ENGINE.handle(at("interviewers.0.title", WITH_PEOPLE), TextAnswer(ADDRESS, "e", typed), NOW)
    assert state is not None and state.answers["interviewers"][0]["title"] == title
    assert messages.text("title_tidied", title=title) in said(actions)


@pytest.mark.parametrize("typed", ["Engineering Manager", "A&R Manager", "Director of R&D", "Anesthesiologist"])
def test_a_job_title_typed_with_care_is_kept_without_a_note(typed: str) -> None:
    state, actions = ENGINE.handle(at("interviewers.0.title", WITH_PEOPLE), TextAnswer(ADDRESS, "e", typed), NOW)
    assert state is not None and state.answers["interviewers"][0]["title"] == typed
    assert not [a for a in actions if isinstance(a, Say)]


def test_only_a_guess_at_a_title_is_asked_again() -> None:
    state, actions = ENGINE.handle(at("interviewers.0.title", WITH_PEOPLE), TextAnswer(ADDRESS, "e", "maybe?"), NOW)
    assert state is not None and "title" not in state.answers["interviewers"][0]
    assert messages.text("title_unclear") in said(actions)


@pytest.mark.parametrize(
    "typed", ["we went deep on there pricing experiments??", "she asked about my last job and the gap year", "so um"]
)
def test_what_was_talked_about_typed_as_the_title_is_asked_again(typed: str) -> None:
    state, actions = ENGINE.handle(at("interviewers.0.title", WITH_PEOPLE), TextAnswer(ADDRESS, "e", typed), NOW)
    assert state is not None and "title" not in state.answers["interviewers"][0]
    assert messages.text("title_looks_like_topic") in said(actions)
    assert ask_of(actions).field == "interviewers.0.title"
