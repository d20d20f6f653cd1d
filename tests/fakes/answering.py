"""Answering whatever the debrief asks, by the field it asks, so tests don't depend on the question order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.actions import Action, Ask

#: A two-person panel typed the way the flow asks it (title and e-mail in one line; a personal detail after ";").
PANEL: Mapping[str, str] = {
    "occasion": "interview",
    "candidate": "Sam Rivera",
    "company": "Acme Robotics",
    "role": "Data Engineer",
    "interview_at": "today 10am",
    "interviewers": "Priya Natarajan and Tom Li",
    "format": "video",
    "went": "Well",
    "interviewers.0.title": "Engineering Manager, priya@acme.example",
    "interviewers.0.discussed": "moving the nightly batch pipeline to streaming; her team's on-call rotation redesign",
    "interviewers.1.title": "Staff Engineer",
    "interviewers.1.discussed": "how they test schema changes",
    "strengths": "five years running Kafka in production",
    "add": "skip",
    "share": "skip",
    "next_steps": "they will decide by next Friday",
    "tone": "warm",
    "channel": "email",
    "confirm": "yes",
}
MAX_TURNS = 60


def last_ask(actions: Sequence[Action]) -> Ask | None:
    asks = [a for a in actions if isinstance(a, Ask)]
    return asks[-1] if asks else None


def answer_for(field: str, answers: Mapping[str, str] = PANEL) -> str:
    """The answer to `field`: by its full path, else by its last part ("title" for every person), else skip."""
    if field in answers:
        return answers[field]
    return answers.get(field.rsplit(".", 1)[-1], "skip")
