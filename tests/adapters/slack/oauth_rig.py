"""The Slack bot in HTTP mode with OAuth on (many workspaces), on loopback, installed the way a browser does."""

from __future__ import annotations

import re
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy import text

from adapters.slack.app import build_bot
from adapters.slack.bot import SlackBot
from adapters.slack.server import EVENTS_PATH, bound_port, serve
from bot.config import load_settings
from bot.storage.crypto import new_key
from bot.time.clock import Clock
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi

COOKIE = "slack-app-oauth-state"
_STATE = re.compile(r"[?&]state=([A-Za-z0-9_\-]+)")


def oauth_settings(api: FakeSlackApi, database_url: str, **overrides: Any) -> Any:
    values: dict[str, Any] = {
        "database_url": database_url,
        "slack_client_id": "111.222",
        "slack_client_secret": "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4",
        "slack_signing_secret": sr.SECRET,
        "slack_api_url": api.base_url,
        "encryption_key": new_key(),
        "default_timezone": "UTC",
    }
    return load_settings(**{**values, **overrides})


class OAuthRig:
    def __init__(self, api: FakeSlackApi, database_url: str, clock: Clock) -> None:
        self.api = api
        self.settings = oauth_settings(api, database_url)
        self.clock = clock
        self.bot: SlackBot | None = None
        self._runner: web.AppRunner | None = None
        self.http = aiohttp.ClientSession()
        self.base = ""

    async def start(self) -> OAuthRig:
        self.bot = build_bot(self.settings, clock=self.clock)
        await self.bot.ready()
        self._runner = await serve(self.bot.app, host="127.0.0.1", port=0)
        self.base = f"http://127.0.0.1:{bound_port(self._runner)}"
        return self

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self.bot is not None:
            await self.bot.close()
        await self.http.close()

    async def install_page(self) -> tuple[int, str, str]:
        """GET /slack/install: (status, page, the state in its Add to Slack link)."""
        async with self.http.get(self.base + "/slack/install") as response:
            page = await response.text()
        found = _STATE.search(page)
        return response.status, page, found.group(1) if found else ""

    async def redirect(self, code: str, state: str) -> tuple[int, str]:
        """Slack sending the browser back to /slack/oauth_redirect (with the state cookie it was given)."""
        headers = {"Cookie": f"{COOKIE}={state}"}
        url = f"{self.base}/slack/oauth_redirect?code={code}&state={state}"
        async with self.http.get(url, headers=headers, allow_redirects=False) as response:
            return response.status, await response.text()

    async def install(self, team: str, token: str) -> None:
        """A whole install of the app into `team`, ending with `token` as its bot token."""
        code = f"code-{team}"
        self.api.install(code, team, token)
        _, _, state = await self.install_page()
        status, _ = await self.redirect(code, state)
        assert status == 200, "the install did not finish"

    async def send(self, request: sr.SlackRequest) -> int:
        assert self.bot is not None
        async with self.http.post(self.base + EVENTS_PATH, data=request.body, headers=request.signed()) as response:
            status = response.status
        await self.bot.drain()
        return status

    async def send_command(self, team: str, user: str) -> int:
        """`/thankyou` in `team`: a debrief starts in the person's DM."""
        return await self.send(sr.command(user, team=team))

    async def dm(self, team: str, user: str, typed: str) -> int:
        return await self.send(sr.event(sr.dm(user, typed, team=team), team=team))

    async def rows(self, sql: str) -> list[Any]:
        assert self.bot is not None
        async with self.bot.core.database.connect() as connection:
            return list((await connection.execute(text(sql))).all())
