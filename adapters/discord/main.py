"""`thankyou-bot discord`: check the token, build the client, run until stopped."""

from __future__ import annotations

import logging

from adapters.discord import build_client
from bot.config import Settings

log = logging.getLogger(__name__)


async def run(settings: Settings) -> None:
    """Refuses to start without a real DISCORD_TOKEN (ConfigError names the variable, never its value)."""
    token = settings.require_secret("discord_token")
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s")
    client = build_client(settings)
    async with client:
        log.info("starting discord bot", extra={"platform": "discord"})
        await client.start(token)
