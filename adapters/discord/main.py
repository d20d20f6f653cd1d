"""`thankyou-bot discord`: check the token, build the client around the core, run until stopped."""

from __future__ import annotations

import logging

from adapters.discord import build_client
from bot.runtime import Core

log = logging.getLogger(__name__)


async def run(core: Core) -> None:
    """Refuses to start without a real DISCORD_TOKEN (ConfigError names the variable, never its value)."""
    token = core.settings.require_secret("discord_token")
    client = build_client(core.settings, core=core)
    async with client:
        log.info("starting discord bot", extra={"platform": "discord"})
        await client.start(token)
