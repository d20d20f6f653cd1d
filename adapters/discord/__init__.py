"""The Discord adapter: `/thankyou` in servers and DMs, the debrief in DMs, persistent buttons, drafts."""

from __future__ import annotations

from typing import Any

from adapters.discord.client import ThankYouClient
from bot.config import Settings
from bot.time.clock import Clock

__all__ = ["ThankYouClient", "build_client"]


def build_client(settings: Settings, *, clock: Clock | None = None, **options: Any) -> ThankYouClient:
    """Wire database, engine, service, sender and command tree; no network until `start`/`login`."""
    return ThankYouClient(settings, clock=clock, **options)
