"""The whole Slack bot in HTTP mode on loopback, driven like Slack drives it.

Requests are signed and sent over real HTTP to `/slack/events`; the bot's Web API calls land in
`FakeSlackApi`. After each request the rig waits for the acknowledged work to finish (bounded).
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy import select
from sqlmodel import col

from adapters.slack.app import build_bot
from adapters.slack.bot import SlackBot
from adapters.slack.server import EVENTS_PATH, bound_port, serve
from bot.config import load_settings
from bot.storage.models import Conversation, Note
from bot.time.clock import Clock
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import TEAM, FakeSlackApi, Post, dm_channel

DRAIN_TIMEOUT = 20.0


class Reply:
    def __init__(self, status: int, text: str) -> None:
        self.status = status
        self.text = text


class SlackRig:
    def __init__(self, api: FakeSlackApi, database_url: str, clock: Clock | None = None) -> None:
        self.api = api
        self.database_url = database_url
        self.clock = clock
        self.bot: SlackBot | None = None
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None
        self.url = ""

    def settings(self) -> Any:
        return load_settings(
            database_url=self.database_url,
            slack_bot_token="xoxb-test-token",
            slack_signing_secret=sr.SECRET,
            slack_api_url=self.api.base_url,
            default_timezone="UTC",
        )

    async def start(self) -> SlackRig:
        self.bot = build_bot(self.settings(), clock=self.clock)
        await self.bot.ready()  # as `thankyou-bot slack` does before serving
        self._runner = await serve(self.bot.app, host="127.0.0.1", port=0)
        self.url = f"http://127.0.0.1:{bound_port(self._runner)}{EVENTS_PATH}"
        self._http = self._http or aiohttp.ClientSession()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self.bot is not None:
            await self.bot.close()
            self.bot = None

    async def close(self) -> None:
        await self.stop()
        if self._http is not None:
            await self._http.close()

    async def restart(self) -> None:
        """A new app object (new process state) on the same database."""
        await self.stop()
        await self.start()

    async def send(
        self, request: sr.SlackRequest, *, headers: dict[str, str] | None = None, settle: bool = True
    ) -> Reply:
        assert self._http is not None and self.bot is not None
        sent = headers if headers is not None else request.signed()
        async with self._http.post(self.url, data=request.body, headers=sent) as response:
            reply = Reply(response.status, await response.text())
        if settle:
            await self.settle()
        return reply

    async def settle(self) -> None:
        assert self.bot is not None
        await asyncio.wait_for(self.bot.drain(), DRAIN_TIMEOUT)

    async def command(self, user: str, text: str = "") -> Reply:
        return await self.send(sr.command(user, text))

    async def dm(self, user: str, text: str) -> Reply:
        return await self.send(sr.event(sr.dm(user, text)))

    async def click(self, user: str, label: str, *, post: Post | None = None, option: str | None = None) -> Reply:
        """Click the button (or pick `option` in the select) called `label` on `post` (default: the latest)."""
        target = post or self.last(user)
        return await self.send(sr.click(target, target.button(label), user, option=option))

    def posts(self, user: str) -> list[Post]:
        return [p for p in self.api.posts if p.channel == dm_channel(user)]

    def last(self, user: str) -> Post:
        posts = self.posts(user)
        assert posts, "the bot posted nothing"
        return posts[-1]

    async def conversations(self, user: str) -> list[Conversation]:
        assert self.bot is not None
        async with self.bot.core.sessions() as session:
            statement = select(Conversation).where(
                col(Conversation.user_id) == user, col(Conversation.workspace) == TEAM
            )
            return list((await session.execute(statement.order_by(col(Conversation.id)))).scalars())

    async def notes(self, user: str) -> list[Note]:
        assert self.bot is not None
        async with self.bot.core.sessions() as session:
            statement = select(Note).where(col(Note.user_id) == user).order_by(col(Note.position))
            return list((await session.execute(statement)).scalars())
