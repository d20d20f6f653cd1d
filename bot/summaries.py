"""Neutral read models the adapters show outside a debrief (Slack's App Home), so they never query tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class NoteSummary:
    """One composed note as a list entry: who it is for, where, and how far it got."""

    interviewer: str
    company: str
    status: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class HomeSummary:
    """A user's open debrief (if any, with its company when known) and their most recent notes."""

    debrief_open: bool
    open_company: str | None
    notes: tuple[NoteSummary, ...]
