"""The answers document: the neutral result of a conversation and the composer's input.

A contract (docs/ARCHITECTURE.md, "Contracts"): scripts and `thankyou-bot draft --answers` rely on it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.errors import AnswersInvalid
from bot.text import TextProblem, clean_text

Occasion = Literal["interview", "informational", "referral", "recommendation"]
InterviewFormat = Literal["phone", "video", "onsite", "panel", "other"]
Went = Literal["well", "mixed", "rough"]
Tone = Literal["formal", "warm", "concise"]
Channel = Literal["email", "linkedin", "card"]

OCCASIONS: tuple[Occasion, ...] = ("interview", "informational", "referral", "recommendation")
TONES: tuple[Tone, ...] = ("formal", "warm", "concise")
CHANNELS: tuple[Channel, ...] = ("email", "linkedin", "card")
MAX_INTERVIEWERS = 20


def _clean_optional(value: object) -> object:
    """Strings are cleaned; empty or whitespace-only optional answers mean 'not given'."""
    if isinstance(value, str):
        try:
            cleaned = clean_text(value)
        except TextProblem as problem:
            raise ValueError(str(problem)) from None
        return cleaned or None
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Interviewer(_Strict):
    """One person the candidate met; only the name is required."""

    name: str = Field(min_length=1)
    title: str | None = None
    email: str | None = Field(default=None, pattern=r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
    discussed: str | None = None
    detail: str | None = None

    _clean = field_validator("name", "title", "email", "discussed", "detail", mode="before")(_clean_optional)


class Answers(_Strict):
    """Everything the composer needs; the question that fills each field is in templates/flows/thank_you.yaml."""

    occasion: Occasion = "interview"
    candidate: str = Field(min_length=1)
    company: str = Field(min_length=1)
    role: str | None = None
    interview_at: datetime | None = None
    format: InterviewFormat | None = None
    went: Went = "well"
    interviewers: list[Interviewer] = Field(min_length=1, max_length=MAX_INTERVIEWERS)
    strengths: str | None = None
    add: str | None = None
    share: str | None = None
    next_steps: str | None = None
    tone: Tone = "warm"
    channel: Channel = "email"

    _clean = field_validator("candidate", "company", "role", "strengths", "add", "share", "next_steps", mode="before")(
        _clean_optional
    )

    @field_validator("interview_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("needs a time zone offset, e.g. 2026-11-20T14:00:00-05:00")
        return value

    @model_validator(mode="after")
    def _role_for_interviews(self) -> Answers:
        if self.occasion == "interview" and not self.role:
            raise ValueError("role is required when the occasion is an interview")
        return self


def _problem_line(error: Any) -> str:
    loc = ".".join(str(part) for part in error["loc"]) or "document"
    kind = error["type"]
    if kind == "missing" or (kind == "string_type" and error.get("input") is None):
        return f"{loc}: required"
    if kind == "extra_forbidden":
        return f"{loc}: unknown field"
    if kind == "literal_error":
        return f"{loc}: must be one of {error['ctx']['expected']}"
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind == "value_error" and loc == "document" and "role is required" in message:
        return "role: required when the occasion is an interview"
    return f"{loc}: {message}"


def parse_answers(data: object) -> Answers:
    """Validate a decoded JSON value; raise AnswersInvalid with one line per problem, naming the field."""
    if not isinstance(data, dict):
        raise AnswersInvalid(["document: must be a JSON object"])
    try:
        return Answers.model_validate(data)
    except ValidationError as error:
        raise AnswersInvalid([_problem_line(e) for e in error.errors()]) from None
