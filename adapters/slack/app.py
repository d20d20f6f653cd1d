"""The Slack bot from settings: Web API client, bolt app and listeners around the core.

Building touches neither the network nor the database: tokens are only checked for shape here (missing,
placeholder, or one kind of token where the other belongs). `verify_tokens` asks Slack about them
(`thankyou-bot slack` calls it at start, before serving); the schema upgrade runs on `ready()`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable
from typing import NoReturn

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from adapters.slack import admin as community
from adapters.slack import oauth as distribution
from adapters.slack.background import Background
from adapters.slack.bot import SlackBot
from adapters.slack.listeners import register
from adapters.slack.sender import SlackSender, make_client
from bot.config import Settings
from bot.errors import ConfigError
from bot.runtime import Core, build_core
from bot.time.clock import Clock

log = logging.getLogger(__name__)

# bolt logs the whole body of a request that failed signature checks at INFO: user text must not reach logs.
SQLITE_JOBS = 4  # SQLite has one writer: more concurrent turns only queue on its lock
SERVER_DB_JOBS = 8
_VERIFICATION_LOGGERS = ("slack_bolt.AsyncRequestVerification", "slack_bolt.RequestVerification")

GUIDE = "deploy/slack/README.md"
BOT_PREFIX, APP_PREFIX = "xoxb-", "xapp-"
# What is left after the prefix in a token copied from an example rather than from Slack: `xoxb-...`.
_EXAMPLE_REST = re.compile(
    r"[.…x*_<>-]*|(your|my|the|bot|app|put|insert|replace|change|paste)\b.*|changeme|todo|token|secret", re.IGNORECASE
)
# Slack's answers that mean the token itself is wrong (anything else, such as a network failure, is not).
_REFUSED = {
    "invalid_auth": "is not a valid token",
    "not_authed": "is not a valid token",
    "token_revoked": "was revoked (the app was uninstalled, or the token regenerated)",
    "token_expired": "has expired",
    "account_inactive": "belongs to a deleted app or a deactivated workspace",
    "not_allowed_token_type": "is the wrong kind of token",
    "missing_scope": "lacks the scope it needs",
}


def build_bot(
    settings: Settings, *, socket_mode: bool = False, core: Core | None = None, clock: Clock | None = None
) -> SlackBot:
    """Wire the bot around `core` (built from settings when not given); raises `ConfigError` for a missing,
    placeholder or swapped token or signing secret, before anything else is built."""
    many = distribution.enabled(settings)  # OAuth: many workspaces, each with its own token from the database
    distribution.refuse_both(settings)
    if many and socket_mode:
        distribution.refuse_socket_mode()
    token = None if many else bot_token(settings)
    secret = None if socket_mode else _secret(settings, "slack_signing_secret")
    api = settings.slack_api_url
    client = distribution.make_client(api) if token is None else make_client(token, api)
    core = core or build_core(settings, clock=clock)
    oauth = distribution.oauth_settings(settings, core) if many else None
    app = AsyncApp(
        client=client,
        oauth_settings=oauth,
        # given to the app too, so bolt's authorize (and token rotation) calls Slack through `client`
        installation_store=oauth.installation_store if oauth is not None else None,
        installation_store_bot_only=True if oauth is not None else None,
        signing_secret=secret or "",
        request_verification_enabled=not socket_mode,
        process_before_response=True,  # listeners only ack and hand off, so responses stay fast
        logger=_app_logger(settings.log_level),
        name="thankyou-bot",
    )
    for name in _VERIFICATION_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    sender = SlackSender(client)
    if many:
        sender = distribution.installed_sender_for(app, settings, client)
    bot = SlackBot(app, client, core, sender, Background(SQLITE_JOBS if core.single_writer else SERVER_DB_JOBS))
    if many:
        distribution.install(app, bot.background.spawn, core)
    community.register(bot)  # first: its `/thankyou admin|forget|export|quiet` match before the plain command
    if isinstance(sender, distribution.InstalledSender):  # scheduled channel posts: each workspace's token
        core.community.register("slack", distribution.channel_poster(sender))
    register(bot)
    return bot


def build_app(
    settings: Settings, *, socket_mode: bool = False, core: Core | None = None, clock: Clock | None = None
) -> AsyncApp:
    """The bolt app with everything wired; `build_bot` also returns the parts around it."""
    return build_bot(settings, socket_mode=socket_mode, core=core, clock=clock).app


def bot_token(settings: Settings) -> str:
    """SLACK_BOT_TOKEN, checked for shape: set, not a placeholder, a bot token (`xoxb-`)."""
    return _token(settings, "slack_bot_token", BOT_PREFIX)


def app_token(settings: Settings) -> str:
    """SLACK_APP_TOKEN (Socket Mode), checked for shape: set, not a placeholder, an app-level token (`xapp-`)."""
    return _token(settings, "slack_app_token", APP_PREFIX)


async def verify_tokens(client: AsyncWebClient, app_token: str | None = None) -> None:
    """Ask Slack whether it takes the bot token (`auth.test`) and, for Socket Mode, the app-level token
    (`apps.connections.open`); `ConfigError` naming the variable when Slack refuses one. When Slack cannot
    be asked (network, 5xx, rate limit) this only logs: the bot starts and bolt asks again later."""
    await _ask(client.auth_test(), "SLACK_BOT_TOKEN")
    if app_token is not None:
        # The call Socket Mode makes to connect; it runs on the app-level token's own scope
        # (connections:write), not on a bot scope, so the manifest needs nothing for it.
        web_api = client
        await _ask(web_api.apps_connections_open(app_token=app_token), "SLACK_APP_TOKEN")


async def _ask(call: Awaitable[AsyncSlackResponse], variable: str) -> None:
    try:
        await call
    except SlackApiError as error:
        code = str(error.response.get("error", ""))
        if code in _REFUSED:
            why = _REFUSED[code]
            if code == "missing_scope" and variable == "SLACK_APP_TOKEN":
                why = "lacks connections:write, the scope Socket Mode needs"
            raise ConfigError(
                f"Slack refused {variable} ({code}): it {why}. "
                f"Copy the token again from the app's settings (see {GUIDE})."
            ) from None
        log.warning("could not check %s at start (%s); starting anyway", variable, code, extra={"platform": "slack"})
    except (TimeoutError, aiohttp.ClientError) as error:
        reason = type(error).__name__
        log.warning(
            "could not reach slack to check %s (%s); starting anyway", variable, reason, extra={"platform": "slack"}
        )


def _secret(settings: Settings, name: str) -> str:
    """A secret's value; `ConfigError` telling a missing one from a placeholder (never echoing either)."""
    variable = name.upper()
    stored = getattr(settings, name)
    if stored is None or not stored.get_secret_value().strip():
        raise ConfigError(f"{variable} is not set. Put the real value in the environment or .env (see {GUIDE}).")
    try:
        return settings.require_secret(name)
    except ConfigError:
        pass
    _placeholder(variable)


def _token(settings: Settings, name: str, prefix: str) -> str:
    variable = name.upper()
    token = _secret(settings, name)
    if token.startswith(prefix):
        if _EXAMPLE_REST.fullmatch(token[len(prefix) :]):
            _placeholder(variable)
        return token
    kinds = {BOT_PREFIX: "a bot token", APP_PREFIX: "an app-level token"}
    other = APP_PREFIX if prefix == BOT_PREFIX else BOT_PREFIX
    wanted = f"{kinds[prefix]} ({prefix}…)"
    if token.startswith(other):
        raise ConfigError(
            f"{variable} holds {kinds[other]} ({other}…) where {wanted} belongs; are the two tokens swapped? "
            f"(see {GUIDE})"
        )
    raise ConfigError(f"{variable} does not look like {wanted}. Copy it again from the app's settings (see {GUIDE}).")


def _placeholder(variable: str) -> NoReturn:
    raise ConfigError(
        f"{variable} is still a placeholder. Put the real value from the app's settings in the environment "
        f"or .env (see {GUIDE})."
    )


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
