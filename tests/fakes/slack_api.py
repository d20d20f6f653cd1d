"""A fake Slack Web API on loopback (built on FakeHttpApi): answers the methods the bot calls and keeps
every post, so tests can read what a user would see and click its buttons."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from aiohttp import web

from tests.fakes.http_api import Call, FakeHttpApi

TEAM = "T0TEAM"
BOT_USER = "UBOT"
BOT_ID = "BBOT"
PREFIX = "/api/"


@dataclass
class Post:
    """One `chat.postMessage` the fake accepted."""

    channel: str
    text: str
    blocks: list[dict[str, Any]]
    ts: str
    metadata: dict[str, Any] | None = None
    thread: str | None = None  # `thread_ts`: the post is a reply in that thread

    def buttons(self) -> list[dict[str, Any]]:
        return [e for b in self.blocks if b.get("type") == "actions" for e in b.get("elements", [])]

    def labels(self) -> list[str]:
        """The visible label of every button and select, in order."""
        return [str((e.get("text") or e.get("placeholder") or {}).get("text")) for e in self.buttons()]

    def button(self, label: str) -> dict[str, Any]:
        for element in self.buttons():
            text = element.get("text") or element.get("placeholder") or {}
            if text.get("text") == label:
                return element
        raise AssertionError(f"no button {label!r} in {[e.get('text') for e in self.buttons()]}")

    def all_text(self) -> str:
        """Every piece of text in the post (top-level and blocks), as sent (still escaped)."""
        parts = [self.text]
        parts.extend(_texts(self.blocks))
        return "\n".join(parts)


def _texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["text"]] if isinstance(node.get("text"), str) else []
        return found + [t for k, v in node.items() if k != "text" or not isinstance(v, str) for t in _texts(v)]
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    return []


class _SlackHttp(FakeHttpApi):
    """FakeHttpApi that also reads query-string arguments (slack_sdk sends some methods' arguments there)."""

    def __init__(self) -> None:
        super().__init__()
        self.latency: dict[str, float] = {}

    async def _handle(self, request: web.Request) -> web.Response:
        if request.path in self.latency:  # a slow Slack, to show acks never wait for the Web API
            await asyncio.sleep(self.latency[request.path])
        raw = await request.read()
        body: dict[str, Any] = {k: v[-1] for k, v in parse_qs(request.query_string).items()}
        if raw and "json" in request.headers.get("content-type", ""):
            body.update(json.loads(raw))
        elif raw:
            body.update({k: v[0] for k, v in parse_qs(raw.decode()).items()})
        self.calls.append(Call(request.method, request.path, dict(request.headers), body))
        drop = self.dropping(request.method, request.path)
        if drop == "before":
            return self.hang_up(request)
        status, headers, payload = 200, dict[str, str](), self.default
        if self.scripted[request.path]:
            status, headers, payload = self.scripted[request.path].pop(0)
        elif request.path in self.responders:
            payload = self.responders[request.path](request.method, body)
        if drop == "after":  # Slack has the post; we never hear so
            return self.hang_up(request)
        return web.json_response(payload, status=status, headers=headers)


class FakeSlackApi:
    """The Web API methods thankyou-bot uses; `timezone` is what users.info reports (None = error)."""

    def __init__(self) -> None:
        self.http = _SlackHttp()
        self.posts: list[Post] = []
        self.timezone: str | None = "America/Los_Angeles"
        self.names: dict[str, str] = {}  # user id → display name, as users.info reports it
        self.locale: str | None = None  # what users.info reports with include_locale (Slack's "en-US", "en-GB")
        self.now: Callable[[], float] = time.time  # message timestamps (tests with a fake clock replace it)
        # OAuth (many workspaces): an install's one-time code → (team, bot token); a token → its team
        self.codes: dict[str, tuple[str, str]] = {}
        self.teams: dict[str, str] = {}
        self.rotating: dict[str, str] = {}  # token rotation on: a team's current refresh token
        self.rotated = 0  # refresh-token exchanges answered

    @property
    def base_url(self) -> str:
        return self.http.base_url + PREFIX

    def slow(self, method: str, seconds: float) -> None:
        self.http.latency[self.path(method)] = seconds

    def path(self, method: str) -> str:
        return PREFIX + method

    async def start(self) -> FakeSlackApi:
        await self.http.start()
        self.http.respond(self.path("auth.test"), lambda _m, b: self._auth_test(b))
        self.http.respond(self.path("oauth.v2.access"), lambda _m, b: self._oauth_access(b))
        self.http.respond(self.path("conversations.open"), lambda _m, b: _open(b))
        self.http.respond(self.path("users.info"), lambda _m, b: self._user(b))
        self.http.respond(self.path("chat.postMessage"), lambda _m, b: self._post(b))
        self.http.respond(self.path("chat.postEphemeral"), lambda _m, _b: {"ok": True, "message_ts": "1.1"})
        self.http.respond(self.path("views.publish"), lambda _m, _b: {"ok": True, "view": {"id": "V1"}})
        self.http.respond(self.path("conversations.history"), lambda _m, b: self._history(b))
        return self

    async def stop(self) -> None:
        await self.http.stop()

    def calls(self, method: str) -> list[Any]:
        return [c.body for c in self.http.calls_to(self.path(method))]

    def install(self, code: str, team: str, token: str, *, rotating: bool = False) -> None:
        """Slack will exchange `code` (from an install's redirect) for `token`, a bot token in `team`; with
        `rotating`, a token that expires in a minute, with a refresh token (the app has rotation on)."""
        self.codes[code] = (team, token)
        self.teams[token] = team
        if rotating:
            self.rotating[team] = f"xoxe-1-refresh-{team}-0"

    def tokens(self, method: str, *, channel: str | None = None) -> list[str]:
        """The bearer token of each call to `method` (to `channel` only, when given), in order."""
        calls = self.http.calls_to(self.path(method))
        found = [c for c in calls if channel is None or c.body.get("channel") == channel]
        return [c.headers.get("Authorization", "").removeprefix("Bearer ") for c in found]

    def _bearer(self) -> str:
        """The token of the call being answered (the fake records each call before it answers)."""
        return self.http.calls[-1].headers.get("Authorization", "").removeprefix("Bearer ")

    def _auth_test(self, body: Any) -> dict[str, Any]:
        team = self.teams.get(self._bearer())
        if team is None:
            return _auth() if not self.teams else {"ok": False, "error": "invalid_auth"}
        return {**_auth(), "team_id": team}

    def _oauth_access(self, body: Any) -> dict[str, Any]:
        """oauth.v2.access: the code for a bot token, once (client credentials come as basic auth)."""
        if "Basic " not in self.http.calls[-1].headers.get("Authorization", ""):
            return {"ok": False, "error": "invalid_client_id"}
        if body.get("grant_type") == "refresh_token":
            return self._refresh(str(body.get("refresh_token")))
        found = self.codes.pop(str(body.get("code")), None)
        if found is None:
            return {"ok": False, "error": "invalid_code"}
        team, token = found
        if team in self.rotating:
            expiring = {"refresh_token": self.rotating[team], "expires_in": 60}
            return {**self._granted(team, token), **expiring}
        return self._granted(team, token)

    def _refresh(self, refresh: str) -> dict[str, Any]:
        """A rotating token exchanged for a new one (and a new refresh token: the old one stops working)."""
        team = next((t for t, r in self.rotating.items() if r == refresh), None)
        if team is None:
            return {"ok": False, "error": "invalid_refresh_token"}
        self.rotated += 1
        token = f"xoxe.xoxb-rotated-{team}-{self.rotated}"
        self.teams[token] = team
        self.rotating[team] = f"xoxe-1-refresh-{team}-{self.rotated}"
        return {**self._granted(team, token), "refresh_token": self.rotating[team], "expires_in": 43200}

    def _granted(self, team: str, token: str) -> dict[str, Any]:
        return {
            "ok": True, "app_id": "A0APP", "authed_user": {"id": "UINSTALLER"}, "scope": "chat:write,commands",
            "token_type": "bot", "access_token": token, "bot_user_id": BOT_USER,
            "team": {"id": team, "name": f"Team {team}"}, "enterprise": None, "is_enterprise_install": False,
        }  # fmt: skip

    def _user(self, body: Any) -> dict[str, Any]:
        if self.timezone is None:
            return {"ok": False, "error": "user_not_found"}
        user = body.get("user")
        name = self.names.get(str(user), "")
        found: dict[str, Any] = {"id": user, "tz": self.timezone, "profile": {"display_name": name}}
        if self.locale is not None and str(body.get("include_locale", "")).lower() in ("true", "1"):
            found["locale"] = self.locale
        return {"ok": True, "user": found}

    def _history(self, body: Any) -> dict[str, Any]:
        """Newest first, like Slack; metadata only when asked for."""
        oldest = float(body.get("oldest") or 0)
        found = [p for p in self.posts if p.channel == body.get("channel") and float(p.ts) > oldest]
        with_metadata = str(body.get("include_all_metadata")).lower() in ("1", "true")
        messages = []
        for post in reversed(found):
            message: dict[str, Any] = {"type": "message", "ts": post.ts, "text": post.text, "bot_id": BOT_ID}
            if with_metadata and post.metadata:
                message["metadata"] = post.metadata
            messages.append(message)
        return {"ok": True, "messages": messages, "has_more": False}

    def _post(self, body: Any) -> dict[str, Any]:
        ts = f"{int(self.now())}.{len(self.posts):06d}"
        blocks = list(body.get("blocks") or [])
        thread = body.get("thread_ts") or None
        self.posts.append(Post(body["channel"], body.get("text", ""), blocks, ts, body.get("metadata"), thread))
        return {"ok": True, "channel": body["channel"], "ts": ts}


def dm_channel(user: str) -> str:
    return "D" + user


def _auth() -> dict[str, Any]:
    return {"ok": True, "team_id": TEAM, "team": "Team", "user_id": BOT_USER, "bot_id": BOT_ID, "url": "x"}


def _open(body: Any) -> dict[str, Any]:
    return {"ok": True, "channel": {"id": dm_channel(str(body.get("users", "")))}}
