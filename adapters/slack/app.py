"""Composition of the Slack bot: settings → database, service, Web API client, bolt app, listeners.

Nothing here touches the network or the database: the schema upgrade runs on `ready()` (at start, and
before the first background job), bolt's `auth.test` on the first request.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from adapters.slack.background import Background
from adapters.slack.sender import SlackSender, make_client
from bot.compose import compose
from bot.config import Settings
from bot.conversation.engine import Engine
from bot.conversation.flow import default_flow
from bot.conversation.service import ConversationService
from bot.ports import EventHandler
from bot.storage.db import make_engine, session_factory, upgrade_engine
from bot.time.clock import Clock

# bolt logs the whole body of a request that failed signature checks at INFO: user text must not reach logs.
SQLITE_JOBS = 4  # SQLite has one writer: more concurrent turns only queue on its lock
SERVER_DB_JOBS = 8
_VERIFICATION_LOGGERS = ("slack_bolt.AsyncRequestVerification", "slack_bolt.RequestVerification")


@dataclass
class SlackBot:
    """Everything one Slack process holds; `app` is the bolt `AsyncApp` wired to the service."""

    app: AsyncApp
    client: AsyncWebClient
    service: ConversationService
    sender: SlackSender
    database: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    background: Background = field(default_factory=Background)
    _ready: bool = False
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def ready(self) -> None:
        """Bring the database schema up to date once per process."""
        if self._ready:
            return
        async with self._lock:
            if not self._ready:
                await upgrade_engine(self.database)
                self._ready = True

    async def drain(self) -> None:
        """Wait for every acknowledged request's work to finish (tests, and a clean shutdown)."""
        await self.background.drain()

    async def close(self) -> None:
        await self.drain()
        await self.database.dispose()


def build_bot(
    settings: Settings,
    *,
    socket_mode: bool = False,
    clock: Clock | None = None,
    handlers: Sequence[EventHandler] | None = None,
) -> SlackBot:
    """Wire the bot; raises `ConfigError` for a missing or placeholder token or signing secret.

    `handlers` default to the reminder handler (reminder buttons and typed reminder commands).
    """
    from adapters.slack.listeners import register

    token = settings.require_secret("slack_bot_token")
    secret = None if socket_mode else settings.require_secret("slack_signing_secret")
    base_url = settings.slack_api_url if settings.slack_api_url.endswith("/") else settings.slack_api_url + "/"
    client = make_client(token, base_url)
    database = make_engine(settings.database_url)
    sessions = session_factory(database)
    service = ConversationService(
        sessions=sessions,
        engine=Engine(default_flow(), compose),
        clock=clock,
        default_timezone=settings.default_timezone,
        handlers=_default_handlers(settings) if handlers is None else handlers,
    )
    app = AsyncApp(
        client=client,
        signing_secret=secret or "",
        request_verification_enabled=not socket_mode,
        process_before_response=True,  # listeners only ack and hand off, so responses stay fast
        logger=_app_logger(settings.log_level),
        name="thankyou-bot",
    )
    for name in _VERIFICATION_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    limit = SQLITE_JOBS if database.dialect.name == "sqlite" else SERVER_DB_JOBS
    bot = SlackBot(app, client, service, SlackSender(client), database, sessions, Background(limit))
    register(bot)
    return bot


def build_app(
    settings: Settings,
    *,
    socket_mode: bool = False,
    clock: Clock | None = None,
    handlers: Sequence[EventHandler] | None = None,
) -> AsyncApp:
    """The bolt app with everything wired; `build_bot` also returns the parts around it."""
    return build_bot(settings, socket_mode=socket_mode, clock=clock, handlers=handlers).app


def _default_handlers(settings: Settings) -> list[EventHandler]:
    from bot.reminders.handler import ReminderHandler

    return [ReminderHandler(default_timezone=settings.default_timezone)]


def _app_logger(level: str) -> logging.Logger:
    """bolt logs request payloads at DEBUG; never let its loggers go below INFO."""
    logger = logging.getLogger("adapters.slack.bolt")
    wanted = logging.getLevelName(level.upper())
    logger.setLevel(max(wanted if isinstance(wanted, int) else logging.INFO, logging.INFO))
    if not any(isinstance(f, _TokenNotice) for f in logger.filters):
        logger.addFilter(_TokenNotice())
    return logger


class _TokenNotice(logging.Filter):
    """bolt warns that SLACK_BOT_TOKEN in the environment is unused because we pass our own client: expected."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()
