"""Properties of the composer over random valid answers documents (hypothesis)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import CHANNELS, OCCASIONS, TONES, Answers, parse_answers
from bot.compose import compose
from bot.compose.checks import LENGTH_BOUNDS
from bot.compose.fields import address_name
from bot.compose.fit import CONCISE_EMAIL_FLOOR
from bot.compose.name_field import read_name_field
from bot.compose.similarity import shingles

NOW = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_NAME_PARTS = st.one_of(
    st.text(alphabet=_LETTERS, min_size=2, max_size=9).filter(lambda w: w != "none").map(str.capitalize),
    st.sampled_from(["O'Neill", "Jean-Luc", "García", "Zoë", "Siobhán", "Nguyễn", "王芳", "Анна", "D'Souza", "Ng"]),
)
#: A role typed where the name goes ("Their Manager") is addressed as the role: test_names_and_symbols.py.
_NAMES = st.lists(_NAME_PARTS, min_size=1, max_size=3).map(" ".join).filter(lambda n: not read_name_field(n).no_name)
_WORD = st.text(alphabet=_LETTERS, min_size=1, max_size=10).filter(lambda w: w != "none")
_WORDS = st.lists(_WORD, min_size=1, max_size=10, unique=True).map(" ".join)  # no "a a" of its own
_PUNCTUATED = st.one_of(_WORDS, _WORDS.map(lambda text: text + "."), _WORDS.map(lambda text: "The " + text))


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def answers_documents(draw: st.DrawFn) -> Answers:
    names = draw(st.lists(_NAMES, min_size=1, max_size=6, unique_by=str.casefold))
    people = [
        {
            "name": name,
            "title": draw(_optional(_NAMES)),
            "email": draw(_optional(st.just(f"person{n}@example.com"))),
            "discussed": draw(_optional(_PUNCTUATED)),
            "detail": draw(_optional(_PUNCTUATED)),
        }
        for n, name in enumerate(names)
    ]
    minutes_ago = draw(st.integers(min_value=0, max_value=14 * 24 * 60))
    offset = timezone(timedelta(minutes=15 * draw(st.integers(min_value=-48, max_value=56))))
    data = {
        "occasion": draw(st.sampled_from(OCCASIONS)),
        "candidate": draw(_NAMES),
        "company": draw(_NAMES),
        "role": draw(_NAMES),
        "interview_at": draw(_optional(st.just((NOW - timedelta(minutes=minutes_ago)).astimezone(offset).isoformat()))),
        "format": draw(_optional(st.sampled_from(["phone", "video", "onsite", "panel", "other"]))),
        "went": draw(st.sampled_from(["well", "mixed", "rough"])),
        "interviewers": people,
        "strengths": draw(_optional(_PUNCTUATED)),
        "add": draw(_optional(_PUNCTUATED)),
        "share": draw(_optional(st.one_of(_WORDS, st.just("https://example.com/talk")))),
        "next_steps": draw(_optional(st.sampled_from(["by Friday", "in two weeks", "soon", "2026-12-04"]))),
        "tone": draw(st.sampled_from(TONES)),
        "channel": draw(st.sampled_from(CHANNELS)),
    }
    if data["occasion"] != "interview" and draw(st.booleans()):
        data["role"] = None
    return parse_answers({k: v for k, v in data.items() if v is not None})


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(answers_documents())
def test_every_draft_is_addressed_by_name_names_the_company_and_is_clean(answers: Answers) -> None:
    document = compose(answers, tz=UTC, now=NOW)
    assert len(document.drafts) == len(answers.interviewers)
    for person, draft in zip(answers.interviewers, document.drafts, strict=True):
        assert draft.to.name == person.name
        greeting, *_ = draft.body.splitlines()
        assert address_name(person.name, answers.tone) in greeting
        assert answers.company in draft.body
        assert draft.body.rstrip().endswith(answers.candidate)
        assert not re.search(r"\{|\}|\[|\]|\bNone\b|  | [,.;:]|\.\.", draft.body), draft.body
        assert (draft.subject is None) == (answers.channel != "email")
        assert not any(c.code in ("placeholder", "name-missing", "doubled-word") for c in draft.checks), draft.checks


@PROPERTY
@given(answers_documents())
def test_every_draft_stays_within_its_channels_length(answers: Answers) -> None:
    for draft in compose(answers, tz=UTC, now=NOW).drafts:
        low, high = LENGTH_BOUNDS[draft.channel]
        if (draft.channel, answers.tone) == ("email", "concise"):
            low = CONCISE_EMAIL_FLOOR  # a concise email from tiny answers may stay short, with the length tip
        assert low <= draft.words <= high, (draft.words, draft.body)
        assert "length" not in [c.code for c in draft.checks] or draft.words < LENGTH_BOUNDS[draft.channel][0]


@PROPERTY
@given(answers_documents())
def test_panel_drafts_differ_beyond_the_greeting(answers: Answers) -> None:
    document = compose(answers, tz=UTC, now=NOW)
    bodies = [d.body.split("\n", 1)[1] for d in document.drafts]
    assert len(set(bodies)) == len(bodies)
    if len(bodies) <= 4:  # up to four, every pair shares well under half its phrasing
        prints = [shingles(body) for body in bodies]
        for i, first in enumerate(prints):
            for second in prints[i + 1 :]:
                assert len(first & second) / len(first | second) < 0.5


@PROPERTY
@given(answers_documents())
def test_composing_is_deterministic_and_times_are_sane(answers: Answers) -> None:
    first, second = compose(answers, tz=UTC, now=NOW), compose(answers, tz=UTC, now=NOW)
    assert first == second
    interview = answers.interview_at or NOW
    assert first.send_by > interview and first.follow_up_at > first.send_by
    assert first.send_by >= NOW or first.send_by.time().hour == 9
    assert first.follow_up_at.weekday() < 5 and first.follow_up_at.time().hour == 10
