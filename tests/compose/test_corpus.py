"""Notes composed from answers typed the way members type (tests/compose/corpus/): every note passes the
join validator, every answer is either in its note or named in a check, and a four-person panel reads as
four notes, not one skeleton re-worded."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.answers import parse_answers
from bot.compose import compose
from bot.compose.similarity import SEQUENCE_LIMIT, sentences, sequence_similarity, words
from bot.compose.text_format import format_drafts
from bot.drafts import DraftsDocument
from tests.compose.helpers import NEW_YORK, NOW
from tests.compose.join_validator import problems

CORPUS = Path(__file__).parent / "corpus"
_DEFAULTS: dict[str, Any] = {
    "candidate": "Sam Rivera",
    "interview_at": "2026-11-20T14:00:00-05:00",
    "format": "video",
    "next_steps": "they will decide next week",
}
_CHANNELS = ("email", "linkedin", "card")
_TONES = ("warm", "formal", "concise")


def _documents() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted(CORPUS.glob("answers_*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
            people = raw.pop("people")
            doc = {**_DEFAULTS, **{k: v for k, v in raw.items() if v is not None}, "interviewers": people}
            if raw.get("role", "x") is None:
                doc.pop("role", None)
            docs.append(doc)
    free = yaml.safe_load((CORPUS / "free_answers.yaml").read_text(encoding="utf-8"))
    details = itertools.cycle(free["detail"])
    extras = [itertools.cycle(free[field]) for field in ("strengths", "add", "share")]
    for number, start in enumerate(range(0, len(free["discussed"]), 4)):
        chunk = free["discussed"][start : start + 4]
        people = [{"name": f"Person{n} Example", "discussed": d, "detail": next(details)} for n, d in enumerate(chunk)]
        strengths, add, share = (next(e) for e in extras)
        docs.append({
            **_DEFAULTS, "company": f"Example Co {number}", "role": "Analyst", "interviewers": people,
            "strengths": strengths, "add": add, "share": share,
            "channel": _CHANNELS[number % 3], "tone": _TONES[(number // 3) % 3],
        })  # fmt: skip
    for detail in details:  # the details not yet dealt out
        if all(detail != p.get("detail") for d in docs for p in d["interviewers"]):
            docs.append({**_DEFAULTS, "company": "Example Co", "role": "Analyst",
                         "interviewers": [{"name": "Jo Example", "detail": detail}]})  # fmt: skip
        else:
            break
    return docs


DOCUMENTS = _documents()


def _compose(doc: dict[str, Any]) -> DraftsDocument:
    return compose(parse_answers(doc), tz=NEW_YORK, now=NOW)


def _free_answers(doc: dict[str, Any]) -> list[str]:
    found = [doc[field] for field in ("strengths", "add", "share") if doc.get(field)]
    return found + [p[f] for p in doc["interviewers"] for f in ("discussed", "detail") if p.get(f)]


def test_the_corpus_is_as_large_as_promised() -> None:
    assert len(DOCUMENTS) >= 40
    assert sum(len(_free_answers(doc)) for doc in DOCUMENTS) >= 300


@pytest.mark.parametrize("number", range(len(DOCUMENTS)))
def test_every_corpus_note_passes_the_join_validator(number: int) -> None:
    doc = DOCUMENTS[number]
    for channel in _CHANNELS:
        document = _compose({**doc, "channel": channel})
        for draft in document.drafts:
            assert problems(draft, company=doc["company"]) == [], (draft.body, problems(draft, company=doc["company"]))


@pytest.mark.parametrize("number", range(len(DOCUMENTS)))
def test_a_note_with_a_warning_is_never_called_ready(number: int) -> None:
    document = _compose(DOCUMENTS[number])
    text = format_drafts(document)
    for draft, section in zip(document.drafts, text.split("Note ")[1:], strict=True):
        if draft.checks:
            assert "ready to send" not in section


def test_a_four_person_panel_shares_no_sentence_and_reads_differently() -> None:
    """Measured: the highest pairwise word-sequence similarity (difflib) over the corpus's four-person panels."""
    highest = 0.0
    panels = [doc for doc in DOCUMENTS if len(doc["interviewers"]) == 4]
    assert len(panels) >= 5
    for doc, channel, tone in itertools.product(panels, _CHANNELS, _TONES):
        notes = _compose({**doc, "channel": channel, "tone": tone}).drafts
        for first, second in itertools.combinations(notes, 2):
            assert not sentences(first.body.split("\n", 1)[1]) & sentences(second.body.split("\n", 1)[1])
            if channel == "email":
                highest = max(highest, sequence_similarity(words(first.body), words(second.body)))
    assert highest <= SEQUENCE_LIMIT, highest


def test_recruiters_get_the_process_not_the_pitch() -> None:
    doc = DOCUMENTS[0]
    strengths = "a lot of energy"
    drafts = _compose(doc).drafts
    recruiter = next(d for d, p in zip(drafts, doc["interviewers"], strict=True) if p.get("title") == "Recruiter")
    assert strengths not in recruiter.body and "process" in recruiter.body
    assert sum("cut cloud spend" in d.body for d in drafts) == 1  # the extra point goes to one person
