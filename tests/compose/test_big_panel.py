"""Panels bigger than the bank's rotation (five or six people; four for an occasion with three phrasings a
slot): the notes still share no sentence (spare phrasings), and later notes are steered away from the
earlier ones, so no pair reads as one skeleton re-worded."""

from __future__ import annotations

import itertools
import statistics
from typing import Any

import pytest

from bot.compose.similarity import sentences, sequence_similarity, words
from tests.compose.helpers import drafts

# Typed the way members type, as benchmarks/bench_compose.py does: a clause, questions, a ramble, a recruiter.
SIX: list[dict[str, Any]] = [
    {"name": "priya natarajan", "title": "Engineering Manager", "discussed": "I explained my approach to caching",
     "detail": "she still codes every day"},
    {"name": "Tom Li", "title": "Staff Engineer", "discussed": "why did they pick Snowflake over BigQuery?",
     "detail": "his team's dbt setup"},
    {"name": "Ana García", "discussed": "what does success look like in the first 90 days",
     "detail": "the warehouse robots on the lab tour"},
    {"name": "Kim Lee", "title": "Recruiter", "discussed": "the hiring timeline and the relocation package"},
    {"name": "Dr. Wei Zhang", "discussed": "so basically we talked alot about how their idempotency keys work",
     "detail": "WE TALKED ABOUT THE KAFKA MIGRATION"},
    {"name": "Lena", "discussed": "how do they keep p99 latency under 50ms", "detail": "idk"},
]  # fmt: skip
TYPED = {"strengths": "I am gonna bring alot of energy to the the team", "format": "panel"}


def _bodies(**overrides: Any) -> list[str]:
    return [d.body.split("\n", 1)[1] for d in drafts(**overrides).drafts]


@pytest.mark.parametrize(("tone", "channel"), list(itertools.product(("warm", "formal", "concise"), ("email", "card"))))
def test_a_six_person_panel_shares_no_sentence(tone: str, channel: str) -> None:
    bodies = _bodies(interviewers=SIX, tone=tone, channel=channel, **TYPED)
    for first, second in itertools.combinations(bodies, 2):
        assert not sentences(first) & sentences(second), (first, second)


@pytest.mark.parametrize("occasion", ["informational", "referral", "recommendation"])
def test_a_four_person_panel_shares_no_sentence_whatever_the_occasion(occasion: str) -> None:
    people = SIX[:3] + SIX[4:5]
    bodies = _bodies(interviewers=people, occasion=occasion, role=None, **TYPED)
    for first, second in itertools.combinations(bodies, 2):
        assert not sentences(first) & sentences(second), (first, second)


def test_a_six_person_panel_reads_as_six_notes() -> None:
    """Measured: the highest pairwise word-sequence similarity per panel, averaged over companies and tones
    (0.58 before later notes were steered; about 0.43 since)."""
    highest = []
    for number, tone in itertools.product(range(5), ("warm", "formal", "concise")):
        notes = [words(d.body) for d in drafts(interviewers=SIX, tone=tone, company=f"Acme {number}", **TYPED).drafts]
        highest.append(max(sequence_similarity(b, a) for a, b in itertools.combinations(notes, 2)))
    assert statistics.mean(highest) <= 0.47, highest
