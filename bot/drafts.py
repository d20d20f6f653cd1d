"""The drafts document: what the composer returns, one draft per interviewer (a contract: docs/ARCHITECTURE.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from bot.answers import Channel

CheckLevel = Literal["info", "warning", "error"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Recipient(_Frozen):
    name: str
    email: str | None = None


class Check(_Frozen):
    """One proofreading finding; `code` is stable so tests and adapters can rely on it."""

    code: str
    level: CheckLevel
    message: str


class Draft(_Frozen):
    to: Recipient
    channel: Channel
    subject: str | None
    body: str
    words: int
    checks: list[Check] = []


class DraftsDocument(_Frozen):
    drafts: list[Draft]
    send_by: datetime
    follow_up_at: datetime

    def to_json_dict(self) -> dict[str, Any]:
        """The contract's JSON shape: ISO 8601 times with their offset."""
        return self.model_dump(mode="json")
