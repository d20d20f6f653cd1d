"""Slack distribution: one HTTP-mode deployment installed into many workspaces through OAuth.

With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (and no SLACK_BOT_TOKEN), bolt serves `/slack/install` (an
"Add to Slack" page) and `/slack/oauth_redirect`, keeping installations in our database (tokens encrypted
with ENCRYPTION_KEY) and rotating tokens when the app has rotation on. The listeners keep using the one
`bot.client`: a middleware puts the workspace's token (bolt's `context.bot_token`) in a context variable
that the client sends with every call, so the work each request hands off speaks for its own workspace.
Reminders have no request: `InstalledSender` looks the token up by the address's workspace. Socket Mode
stays single-workspace (Slack keeps Socket Mode apps out of its directory).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from adapters.slack.channel_posts import SlackChannelPoster
from adapters.slack.installation_store import STATE_LIFETIME, DatabaseInstallationStore, DatabaseStateStore
from adapters.slack.metered import MeteredWebClient
from adapters.slack.sender import RateLimitWait, SlackSender, _quiet_logger
from bot import installations
from bot.actions import Action
from bot.community.ports import ChannelMessage
from bot.config import Settings
from bot.errors import ConfigError, DeliveryError
from bot.events import Address
from bot.runtime import Core

log = logging.getLogger(__name__)
PLATFORM = "slack"
ROTATE_MINUTES = 120  # bolt's default: refresh a rotating token this long before it expires
#: The bot scopes asked for at install: the manifest's (`deploy/slack/manifest.yml`; a test keeps them equal).
DEFAULT_SCOPES = (
    "app_mentions:read", "channels:history", "channels:read", "chat:write", "commands", "groups:history",
    "groups:read", "im:history", "im:write", "users:read",
)  # fmt: skip

_token: ContextVar[str | None] = ContextVar("slack_workspace_token", default=None)


def enabled(settings: Settings) -> bool:
    """OAuth is on when the app's client id and secret are set and no single-workspace bot token is."""
    return bool(settings.slack_client_id and settings.slack_client_secret) and settings.slack_bot_token is None


def refuse_both(settings: Settings) -> None:
    """SLACK_BOT_TOKEN and SLACK_CLIENT_ID together are ambiguous (and bolt, seeing the client id in the
    environment, would start its own file-based OAuth beside ours): one workspace or many, not both."""
    if settings.slack_bot_token is not None and (settings.slack_client_id or settings.slack_client_secret):
        raise ConfigError(
            "Set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (many "
            "workspaces through OAuth), not both (see deploy/slack/README.md)."
        )


def refuse_socket_mode() -> None:
    raise ConfigError(
        "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (OAuth, many workspaces) need HTTP mode: run "
        "`thankyou-bot slack --http`. Socket Mode serves one workspace with SLACK_BOT_TOKEN."
    )


class WorkspaceClient(MeteredWebClient):
    """A client with no token of its own: each call carries the token of the workspace in hand."""

    async def api_call(self, api_method: str, **kwargs: Any) -> AsyncSlackResponse:
        token = _token.get()
        if token is not None and not _carries_token(kwargs):
            kwargs["headers"] = {**(kwargs.get("headers") or {}), "Authorization": f"Bearer {token}"}
        return await super().api_call(api_method, **kwargs)


def _carries_token(kwargs: dict[str, Any]) -> bool:
    """The call names its own credentials (bolt's auth.test after install, oauth.v2.access's basic auth)."""
    if kwargs.get("auth") or "Authorization" in (kwargs.get("headers") or {}):
        return True
    return any(isinstance(kwargs.get(part), dict) and "token" in kwargs[part] for part in ("params", "json", "data"))


def make_client(base_url: str, *, rate_limit_retries: int = 3) -> WorkspaceClient:
    """As `sender.make_client` (429s waited out, nothing else re-sent), minus the token."""
    base_url = base_url if base_url.endswith("/") else base_url + "/"
    client = WorkspaceClient(token=None, base_url=base_url, logger=_quiet_logger())
    client.retry_handlers = [RateLimitWait(max_retry_count=rate_limit_retries)]
    return client


def oauth_settings(settings: Settings, core: Core) -> AsyncOAuthSettings:
    """bolt's OAuth settings on our stores; `ConfigError` naming ENCRYPTION_KEY when it is missing or bad."""
    vault = installations.vault(settings, core.sessions, core.clock)
    scopes = [s.strip() for s in (settings.slack_scopes or ",".join(DEFAULT_SCOPES)).split(",") if s.strip()]
    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.require_secret("slack_client_secret"),
        scopes=scopes,
        installation_store=DatabaseInstallationStore(vault),
        installation_store_bot_only=True,
        state_store=DatabaseStateStore(installations.StateLedger(core.sessions, core.clock, STATE_LIFETIME)),
        token_rotation_expiration_minutes=ROTATE_MINUTES,
    )


def install(app: AsyncApp, spawn: Callable[[object, Callable[[], Awaitable[None]]], None], core: Core) -> None:
    """The token middleware, and the listeners that forget a workspace when it uninstalls or revokes."""
    store = app.installation_store
    assert isinstance(store, DatabaseInstallationStore)

    @app.middleware
    async def workspace_token(context: AsyncBoltContext, next: Callable[[], Awaitable[None]]) -> None:
        _token.set(context.bot_token)
        await next()

    async def forget(enterprise: str | None, team: str | None) -> None:
        await store.async_delete_all(enterprise_id=enterprise, team_id=team)
        if team:
            rows = await installations.forget_workspace(core.sessions, platform=PLATFORM, workspace=team)
            log.info("workspace uninstalled; its data deleted", extra={"platform": PLATFORM, "rows": rows})

    @app.event("app_uninstalled")
    async def on_uninstalled(ack: Callable[[], Awaitable[None]], context: AsyncBoltContext) -> None:
        await ack()
        enterprise, team = context.enterprise_id, context.team_id
        spawn(("workspace", team), lambda: forget(enterprise, team))

    @app.event("tokens_revoked")
    async def on_revoked(ack: Callable[[], Awaitable[None]], event: dict[str, Any], context: AsyncBoltContext) -> None:
        await ack()
        enterprise, team = context.enterprise_id, context.team_id
        tokens = event.get("tokens") or {}
        if tokens.get("bot"):  # the bot can no longer act there: the same as an uninstall
            spawn(("workspace", team), lambda: forget(enterprise, team))
            return
        for user in tokens.get("oauth") or []:
            await store.async_delete_installation(enterprise_id=enterprise, team_id=team, user_id=str(user))


def add_routes(web_app: web.Application, app: AsyncApp) -> None:
    """GET `/slack/install` and `/slack/oauth_redirect`, handed to bolt's OAuth flow (no-op without one)."""
    flow = app.oauth_flow
    if flow is None:
        return

    async def installation(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await flow.handle_installation(_bolt_request(request)))

    async def callback(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await flow.handle_callback(_bolt_request(request)))

    web_app.router.add_get(flow.install_path, installation)
    web_app.router.add_get(flow.redirect_uri_path, callback)


def _bolt_request(request: web.Request) -> AsyncBoltRequest:
    return AsyncBoltRequest(body="", query=request.query_string, headers=dict(request.headers))


class InstalledSender(SlackSender):
    """The reminder sender for many workspaces: each delivery uses its workspace's (rotated) bot token."""

    def __init__(
        self, client: AsyncWebClient, store: DatabaseInstallationStore, rotator: AsyncTokenRotator | None = None
    ) -> None:
        super().__init__(client)
        self.store = store
        self.rotator = rotator

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        async with self.speaking_for(address.workspace):
            return await super().send(address, actions)

    async def delivered(self, address: Address, reminder_id: int, since: datetime) -> str | None:
        async with self.speaking_for(address.workspace):
            return await super().delivered(address, reminder_id, since)

    @contextlib.asynccontextmanager
    async def speaking_for(self, team: str) -> AsyncIterator[None]:
        """Calls made inside carry `team`'s bot token."""
        token = _token.set(await self._token_for(team))
        try:
            yield
        finally:
            _token.reset(token)

    async def _token_for(self, team: str) -> str:
        """The bot token for `team`; a workspace that uninstalled is a permanent failure (nothing to retry)."""
        bot = await self.store.async_find_bot(enterprise_id=None, team_id=team)
        if bot is None:
            raise DeliveryError("not_installed", permanent=True)
        if self.rotator is not None and bot.bot_refresh_token:
            rotated = await self.rotator.perform_bot_token_rotation(bot=bot, minutes_before_expiration=ROTATE_MINUTES)
            if rotated is not None:
                await self.store.async_save_bot(rotated)
                bot = rotated
        return bot.bot_token


class InstalledChannelPoster:
    """Career-channel posts (a scheduled job, no request in hand) with each workspace's own token."""

    def __init__(self, poster: SlackChannelPoster, sender: InstalledSender) -> None:
        self._poster = poster
        self._sender = sender

    async def post(self, workspace: str, channel: str, message: ChannelMessage) -> str:
        async with self._sender.speaking_for(workspace):
            return await self._poster.post(workspace, channel, message)

    async def find_post(self, workspace: str, channel: str, post_id: int, since: datetime) -> str | None:
        async with self._sender.speaking_for(workspace):
            return await self._poster.find_post(workspace, channel, post_id, since)

    async def tell_admin(self, workspace: str, user: str, text: str) -> None:
        async with self._sender.speaking_for(workspace):
            await self._poster.tell_admin(workspace, user, text)


def channel_poster(sender: InstalledSender) -> InstalledChannelPoster:
    return InstalledChannelPoster(SlackChannelPoster(sender.client), sender)


def rotator(settings: Settings, client: AsyncWebClient) -> AsyncTokenRotator:
    """Refreshes a rotating bot token (only installations that came with a refresh token rotate)."""
    return AsyncTokenRotator(
        client_id=settings.slack_client_id or "",
        client_secret=settings.require_secret("slack_client_secret"),
        client=client,
    )


def installed_sender_for(app: AsyncApp, settings: Settings, client: AsyncWebClient) -> InstalledSender:
    """The bot process's sender: bolt's installation store (ours), the app's client."""
    store = app.installation_store
    assert isinstance(store, DatabaseInstallationStore)
    return InstalledSender(client, store, rotator(settings, client))


def installed_sender(settings: Settings, core: Core) -> InstalledSender:
    """The sender a worker process uses for Slack when OAuth is on (no bolt app there)."""
    client = make_client(settings.slack_api_url)
    store = DatabaseInstallationStore(installations.vault(settings, core.sessions, core.clock))
    return InstalledSender(client, store, rotator(settings, client))
