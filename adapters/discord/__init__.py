"""The Discord adapter: `/thankyou` in servers and DMs, the debrief in DMs, persistent buttons, drafts."""

from __future__ import annotations

from typing import Any

from adapters.discord.client import ThankYouClient
from bot.config import Settings
from bot.runtime import Core, build_core
from bot.time.clock import Clock

__all__ = ["ThankYouClient", "build_client"]


def build_client(
    settings: Settings, *, core: Core | None = None, clock: Clock | None = None, **options: Any
) -> ThankYouClient:
    """The client around `core` (built from settings when not given); no network until `start`/`login`."""
    return ThankYouClient(core or build_core(settings, clock=clock), **options)
