"""The Slack bot from settings: Web API client, bolt app and listeners around the core.

Nothing here touches the network or the database: the schema upgrade runs on `ready()` (at start, and
before the first background job), bolt's `auth.test` on the first request.
"""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp

from adapters.slack.background import Background
from adapters.slack.bot import SlackBot
from adapters.slack.listeners import register
from adapters.slack.sender import SlackSender, make_client
from bot.config import Settings
from bot.runtime import Core, build_core
from bot.time.clock import Clock

# bolt logs the whole body of a request that failed signature checks at INFO: user text must not reach logs.
SQLITE_JOBS = 4  # SQLite has one writer: more concurrent turns only queue on its lock
SERVER_DB_JOBS = 8
_VERIFICATION_LOGGERS = ("slack_bolt.AsyncRequestVerification", "slack_bolt.RequestVerification")


def build_bot(
    settings: Settings, *, socket_mode: bool = False, core: Core | None = None, clock: Clock | None = None
) -> SlackBot:
    """Wire the bot around `core` (built from settings when not given); raises `ConfigError` for a missing
    or placeholder token or signing secret, before anything else is built."""
    token = settings.require_secret("slack_bot_token")
    secret = None if socket_mode else settings.require_secret("slack_signing_secret")
    client = make_client(token, settings.slack_api_url)
    core = core or build_core(settings, clock=clock)
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
    bot = SlackBot(
        app, client, core, SlackSender(client), Background(SQLITE_JOBS if core.single_writer else SERVER_DB_JOBS)
    )
    register(bot)
    return bot


def build_app(
    settings: Settings, *, socket_mode: bool = False, core: Core | None = None, clock: Clock | None = None
) -> AsyncApp:
    """The bolt app with everything wired; `build_bot` also returns the parts around it."""
    return build_bot(settings, socket_mode=socket_mode, core=core, clock=clock).app


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
