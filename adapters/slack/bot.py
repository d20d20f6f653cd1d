"""What one Slack process holds: the bolt app, its Web API client and sender, and the core it relays to."""

from __future__ import annotations

from dataclasses import dataclass, field

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.background import Background
from adapters.slack.sender import SlackSender
from bot.runtime import Core


@dataclass
class SlackBot:
    """`app` is the bolt `AsyncApp` whose listeners hand each turn to `core` in the background."""

    app: AsyncApp
    client: AsyncWebClient
    core: Core
    sender: SlackSender
    background: Background = field(default_factory=Background)

    async def ready(self) -> None:
        """Bring the database schema up to date once per process (before serving)."""
        await self.core.ready()

    async def drain(self) -> None:
        """Wait for every acknowledged request's work to finish (tests, and a clean shutdown)."""
        await self.background.drain()

    async def close(self) -> None:
        await self.drain()
        await self.core.close()
