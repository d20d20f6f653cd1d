"""The composer end to end: the drafts document, panels, and bad or unusual input."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.compose import compose
from bot.text import MAX_ANSWER_CHARS
from tests.compose.helpers import ANA, NEW_YORK, NOW, PRIYA, TOM, answers, codes, drafts


def test_design_example_gives_one_draft_with_the_contract_shape() -> None:
    document = drafts()
    assert document.send_by.isoformat() == "2026-11-20T18:00:00-05:00"
    assert document.follow_up_at.isoformat() == "2026-12-01T10:00:00-05:00"
    (draft,) = document.drafts
    assert draft.to.name == "Priya Natarajan" and draft.to.email == "priya@acme.example"
    assert draft.channel == "email" and draft.subject and "Senior Data Engineer" in draft.subject
    assert draft.words == len(draft.body.split())
    body = draft.body
    for expected in (
        "Dear Priya,",
        "Acme Robotics",
        "moving the nightly batch pipeline to streaming",
        "your team's on-call rotation redesign",
        "five years running Kafka in production",
        "I cut cloud spend 30% at my last job",
        "https://example.com/streaming-talk",
    ):
        assert expected in body  # fmt: skip
    assert body.endswith("\nSam Rivera")
    assert draft.checks == []


def test_content_follows_the_advised_order() -> None:
    body = drafts().drafts[0].body
    order = [
        "Thank",
        "moving the nightly batch",
        "Acme Robotics is building",
        "Kafka",
        "cloud spend",
        "https://",
        "next steps",
    ]
    positions = [body.find(marker) for marker in order]
    assert -1 not in positions and positions == sorted(positions), positions


def test_the_json_contract_round_trips() -> None:
    data = drafts().to_json_dict()
    assert set(data) == {"drafts", "send_by", "follow_up_at"}
    assert set(data["drafts"][0]) == {"to", "channel", "subject", "body", "words", "checks"}
    assert data["send_by"] == "2026-11-20T18:00:00-05:00"


def test_composing_is_deterministic() -> None:
    people = [PRIYA, TOM, ANA]
    assert drafts(interviewers=people).to_json_dict() == drafts(interviewers=people).to_json_dict()


def test_one_draft_per_interviewer_in_the_order_given_each_with_their_own_detail() -> None:
    document = drafts(interviewers=[TOM, PRIYA, ANA])
    assert [d.to.name for d in document.drafts] == ["Tom Li", "Priya Natarajan", "Ana García"]
    assert "data contracts" in document.drafts[0].body and "data contracts" not in document.drafts[1].body
    assert "warehouse robots" in document.drafts[2].body and "warehouse robots" not in document.drafts[0].body


def test_panel_members_with_nothing_specific_still_get_differently_worded_notes() -> None:
    people = [{"name": name} for name in ("Priya Natarajan", "Tom Li", "Ana García", "Kim Lee")]
    bodies = [d.body.split("\n", 1)[1] for d in drafts(interviewers=people).drafts]
    sentences = [set(re.split(r"(?<=\.) ", body.replace("\n", " "))) for body in bodies]
    for i in range(4):
        for j in range(i + 1, 4):
            shared = {s for s in sentences[i] & sentences[j] if len(s.split()) > 3}
            assert len(shared) <= 1, shared  # one common sentence is tolerable; two read as a template


def test_fifteen_interviewers_each_get_their_own_note() -> None:
    first_names = [
        "Ada",
        "Ben",
        "Cleo",
        "Dev",
        "Eli",
        "Fay",
        "Gus",
        "Hana",
        "Ivo",
        "Jun",
        "Kai",
        "Lea",
        "Mo",
        "Nia",
        "Omar",
    ]
    people = [{"name": f"{first} Smith", "discussed": f"topic number {n}"} for n, first in enumerate(first_names)]
    document = drafts(interviewers=people)
    assert len(document.drafts) == 15
    assert len({d.body for d in document.drafts}) == 15
    for n, draft in enumerate(document.drafts):
        assert f"topic number {n}" in draft.body and f"Dear {first_names[n]}," in draft.body
        assert draft.checks == []


# bad input ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "syntax", ["{{ 7*7 }}", "{% for x in range(3) %}loop{% endfor %}", "{# hidden #}", "{{ config }}"]
)
def test_template_syntax_in_answers_appears_literally_and_is_flagged(syntax: str) -> None:
    document = drafts(interviewers=[{"name": "Priya Natarajan", "discussed": syntax}], strengths=syntax)
    body = document.drafts[0].body
    assert syntax in body and "49" not in body and "looploop" not in body
    assert "placeholder" in codes(document)


def test_template_syntax_in_names_and_company_stays_literal() -> None:
    document = drafts(candidate="{{ candidate }}", company="{% raw %}Acme", interviewers=[{"name": "{{ name }}"}])
    body = document.drafts[0].body
    assert body.startswith("Dear {{ name }},") and body.endswith("{{ candidate }}") and "{% raw %}Acme" in body


@pytest.mark.parametrize("text", ["<!channel> ping", "@everyone look", "<script>alert(1)</script>", "**bold** _it_"])
def test_mentions_and_markup_stay_plain_text_in_the_neutral_draft(text: str) -> None:
    document = drafts(interviewers=[{"name": "Priya Natarajan", "discussed": text}])
    assert text in document.drafts[0].body


def test_maximum_length_answers_are_shortened_or_left_out_and_the_note_stays_short() -> None:
    """A 1,000-character answer is a ramble: the note takes a usable part of it or leaves it out (and says
    so); it never pastes the whole answer into a sentence. (Before issue 12 such answers went in whole.)"""
    ramble = " ".join(f"{word} {n}" for n, word in enumerate(["kafka", "migration", "latency", "costs"] * 60))
    long = ramble[: MAX_ANSWER_CHARS - 1].rsplit(" ", 1)[0]
    fields: dict[str, Any] = dict.fromkeys(("strengths", "add", "next_steps"), long)
    person = {"name": "N" * 200 + " Smith", "title": long, "discussed": long, "detail": long}
    document = drafts(**fields, interviewers=[person], company="C" * 300, role="R" * 300)
    draft = document.drafts[0]
    assert long not in draft.body and draft.words <= 200
    assert {"answer-left-out", "answer-shortened"} & set(codes(document)), draft.checks


@pytest.mark.parametrize("blank", ["", "   ", "\t \t"])
def test_empty_or_whitespace_answers_count_as_not_given(blank: str) -> None:
    person = {"name": "Priya Natarajan", "discussed": blank, "detail": blank, "title": blank}
    document = drafts(interviewers=[person], strengths=blank, add=blank, share=blank, next_steps=blank)
    body = document.drafts[0].body
    assert not re.search(r"  | [,.:;]|: \.|about \.|, ,", body), body
    assert codes(document) == ["no-specific-detail"]


@pytest.mark.parametrize(
    ("name", "tone", "greeting"),
    [
        ("Siobhán O'Neill", "warm", "Dear Siobhán,"),
        ("Jean-Luc Picard", "concise", "Hi Jean-Luc,"),
        ("D'Angelo Russo", "warm", "Dear D'Angelo,"),
        ("Madonna", "warm", "Dear Madonna,"),
        ("王芳", "warm", "Dear 王芳,"),
        ("Анна Петрова", "warm", "Dear Анна Петрова,"),
        ("김 민수", "concise", "Hi 김 민수,"),
        ("J. Smith", "warm", "Dear J. Smith,"),
        ("Dr. Ana García", "warm", "Dear Dr. García,"),
        ("Dr. Ana García", "formal", "Dear Dr. García,"),
        ("Priya Natarajan", "formal", "Dear Priya Natarajan,"),
        ("Zoë Smith-Jones", "warm", "Dear Zoë,"),
    ],
)
def test_names_are_greeted_as_given(name: str, tone: str, greeting: str) -> None:
    document = drafts(interviewers=[{"name": name, "discussed": "the roadmap"}], tone=tone)
    assert document.drafts[0].body.splitlines()[0] == greeting
    assert document.drafts[0].to.name == name
    assert codes(document) == []


def test_unusual_names_are_never_flagged_as_spelling_slips() -> None:
    person = {
        "name": "Siobhán O'Neill-Ngata",
        "title": "Kaiwhakahaere",
        "discussed": "how kaiwhakahaere o'neill-ngata leads",
    }
    document = drafts(interviewers=[person], company="Xqzt Labs", role="Zyzzyva Engineer")
    assert "spelling" not in codes(document)


def test_role_and_user_phrases_are_shaped_to_fit_the_sentence() -> None:
    document = drafts(
        role="the Senior Engineer position",
        interviewers=[
            {"name": "Priya Natarajan", "discussed": "About the migration plan.", "detail": "Their new office"}
        ],
        strengths="My ten years in logistics.",
        tone="formal",
    )
    body = document.drafts[0].body
    assert "position role" not in body and "the the" not in body.lower() and "..." not in body
    assert "about about" not in body.lower() and "the migration plan" in body
    assert "your new office" in body and "ten years in logistics" in body


def test_a_card_never_carries_a_link_but_an_email_and_linkedin_do() -> None:
    assert "https://" not in drafts(channel="card").drafts[0].body
    assert "https://example.com/streaming-talk" in drafts(channel="linkedin").drafts[0].body
    linkedin = drafts(channel="linkedin").drafts[0].body
    assert "\nhttps://" in linkedin or re.search(r": https://\S+\n", linkedin)


def test_a_shared_resource_that_is_not_a_link_is_named_in_a_sentence() -> None:
    body = drafts(share="the slides from my talk on data contracts").drafts[0].body
    assert re.search(r"the slides from my talk on data contracts[.,]", body)


def test_the_users_zone_shapes_the_times() -> None:
    tokyo = compose(answers(), tz=ZoneInfo("Asia/Tokyo"), now=NOW)
    assert tokyo.send_by.utcoffset() == timedelta(hours=9)
    assert tokyo.send_by.isoformat() == "2026-11-21T09:00:00+09:00"  # 04:00 Saturday in Tokyo → 09:00 that day


def test_a_missing_interview_time_counts_from_now() -> None:
    document = compose(answers(interview_at=None), tz=NEW_YORK, now=NOW)
    assert document.send_by == NOW.replace(hour=9) + timedelta(days=3)  # 17:00 Friday + 4 h is past 19:00
    assert "timing" not in codes(document)
