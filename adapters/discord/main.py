"""`thankyou-bot discord`: check the token, build the client around the core, run until stopped."""

from __future__ import annotations

import logging

import discord

from adapters.discord import build_client
from adapters.discord.sender import TOKEN_REFUSED
from bot.errors import ConfigError
from bot.runtime import Core

log = logging.getLogger(__name__)


async def run(core: Core) -> None:
    """Refuses to start without a real DISCORD_TOKEN (ConfigError names the variable, never its value).

    A token Discord refuses ends the process with one line (exit code 2) after the client has closed its
    HTTP session; it is not retried, since every refused login counts toward Discord's invalid-request limit.
    """
    token = core.settings.require_secret("discord_token")
    client = build_client(core.settings, core=core)
    try:
        async with client:
            log.info("starting discord bot", extra={"platform": "discord"})
            await client.start(token)
    except discord.LoginFailure:
        raise ConfigError(TOKEN_REFUSED) from None
