"""Builders shared by the composer tests: a valid answers document with overrides, a fixed clock."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.answers import Answers, parse_answers
from bot.compose import compose
from bot.drafts import DraftsDocument

NEW_YORK = ZoneInfo("America/New_York")
#: Friday 20 November 2026, 17:00 in New York: three hours after the example interview.
NOW = datetime(2026, 11, 20, 17, 0, tzinfo=NEW_YORK)

PRIYA: dict[str, Any] = {
    "name": "Priya Natarajan",
    "title": "Engineering Manager",
    "email": "priya@acme.example",
    "discussed": "moving the nightly batch pipeline to streaming",
    "detail": "her team's on-call rotation redesign",
}
TOM: dict[str, Any] = {"name": "Tom Li", "discussed": "how the team tests data contracts"}
ANA: dict[str, Any] = {"name": "Ana García", "detail": "the warehouse robots on the lab tour"}
KIM: dict[str, Any] = {"name": "Kim Lee", "discussed": "the hiring plan for next year"}


def document(**overrides: Any) -> dict[str, Any]:
    """A full example answers document (a panel of one), with fields replaced (None removes a field)."""
    data: dict[str, Any] = {
        "occasion": "interview",
        "candidate": "Sam Rivera",
        "company": "Acme Robotics",
        "role": "Senior Data Engineer",
        "interview_at": "2026-11-20T14:00:00-05:00",
        "format": "onsite",
        "went": "well",
        "interviewers": [PRIYA],
        "strengths": "five years running Kafka in production",
        "add": "I cut cloud spend 30% at my last job",
        "share": "https://example.com/streaming-talk",
        "next_steps": "they will decide by next Friday",
        "tone": "warm",
        "channel": "email",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def answers(**overrides: Any) -> Answers:
    return parse_answers(document(**overrides))


def drafts(now: datetime = NOW, tz: ZoneInfo = NEW_YORK, **overrides: Any) -> DraftsDocument:
    return compose(answers(**overrides), tz=tz, now=now)


def codes(document: DraftsDocument, index: int = 0) -> list[str]:
    return [check.code for check in document.drafts[index].checks]
