"""Drive a real discord.Client offline: REST goes to the loopback FakeHttpApi, events come in as raw gateway payloads.

This is the ONE place that touches private discord.py internals (pinned to discord.py>=2.7,<2.8):
`discord.http.Route.BASE` (where REST goes), `client._connection.parse_message_create` /
`parse_interaction_create` / `parse_message_update` (what the websocket calls for MESSAGE_CREATE /
INTERACTION_CREATE / MESSAGE_UPDATE), and the
names discord.py gives its event tasks (to wait until an event has been fully handled).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import discord
import jsonschema
import pytest
from discord.http import Route

from tests.fakes.http_api import Call, FakeHttpApi

API = "/api/v10"
APP_ID = 900_000_000_000_000_001
GUILD_ID = 910_000_000_000_000_001
GUILD_CHANNEL_ID = 910_000_000_000_000_002
NOW = "2026-11-23T20:00:00+00:00"
BOT_USER = {"id": str(APP_ID), "username": "thankyou", "discriminator": "0", "global_name": None, "avatar": None,
            "bot": True}  # fmt: skip
#: shared/ lies beside the checkout (CI lays a copy there); the workplace's own copy is the fallback.
SPEC = (
    next(
        (p for p in (Path(__file__).resolve().parents[3] / "shared", Path("/work/shared")) if p.is_dir()),
        Path("/work/shared"),
    )
    / "specs"
    / "discord"
    / "openapi.json"
)
_TASK_PREFIXES = ("discord", "CommandTree")


@dataclass(frozen=True)
class User:
    id: int
    name: str
    dm_channel: int
    bot: bool = False

    def payload(self) -> dict[str, Any]:
        return {"id": str(self.id), "username": self.name, "discriminator": "0", "global_name": self.name,
                "avatar": None, "bot": self.bot}  # fmt: skip


def point_discord_at(api: FakeHttpApi, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Route, "BASE", api.base_url + API)


def request_body(call: Call) -> dict[str, Any]:
    """The JSON a call carried, whether sent as JSON or as multipart `payload_json` (messages with files)."""
    if isinstance(call.body, dict):
        return call.body
    parts = _multipart(call.body)
    return json.loads(parts["payload_json"]) if "payload_json" in parts else {}


def request_files(call: Call) -> dict[str, bytes]:
    """filename → bytes of every file attached to a call."""
    if isinstance(call.body, dict):
        return {}
    return {name: data for key, (name, data) in _multipart_files(call.body).items() if key.startswith("files[")}


def _split_multipart(raw: bytes) -> list[Any]:
    boundary = raw.split(b"\r\n", 1)[0][2:]
    header = b"Content-Type: multipart/form-data; boundary=" + boundary + b"\r\n\r\n"
    return list(BytesParser(policy=HTTP).parsebytes(header + raw).iter_parts())


def _multipart(raw: bytes) -> dict[str, str]:
    return {part.get_param("name", header="content-disposition"): part.get_content()
            for part in _split_multipart(raw) if not part.get_filename()}  # fmt: skip


def _multipart_files(raw: bytes) -> dict[str, tuple[str, bytes]]:
    return {part.get_param("name", header="content-disposition"): (part.get_filename(), part.get_payload(decode=True))
            for part in _split_multipart(raw) if part.get_filename()}  # fmt: skip


class DiscordSchemas:
    """Validates outgoing payloads against Discord's official OpenAPI description."""

    def __init__(self) -> None:
        self.spec = json.loads(SPEC.read_text(encoding="utf-8"))

    def _body_schema(self, path: str, method: str) -> dict[str, Any]:
        body = self.spec["paths"][path][method]["requestBody"]
        schema: dict[str, Any] = body["content"]["application/json"]["schema"]
        return schema

    def validate(self, body: Any, schema: dict[str, Any]) -> None:
        root = {"components": self.spec["components"], **schema}
        jsonschema.Draft202012Validator(root).validate(body)

    def validate_call(self, call: Call) -> str:
        """Validate a recorded call by its route; returns which schema was used.

        Not covered: discord.py's own `POST /users/@me/channels` body, which sends `recipient_id` as a JSON
        number where the spec says string (Discord accepts both); we don't build that payload.
        """
        body = call.body if isinstance(call.body, list) else _snowflakes_as_strings(request_body(call))
        routes = [
            (r"/channels/\d+/messages", "/channels/{channel_id}/messages", "post"),
            (r"/interactions/\d+/[^/]+/callback", "/interactions/{interaction_id}/{interaction_token}/callback",
             "post"),
            (r"/webhooks/\d+/[^/]+", "/webhooks/{webhook_id}/{webhook_token}", "post"),
            (r"/webhooks/\d+/[^/]+/messages/@original", "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
             "patch"),
            (r"/applications/\d+/commands", "/applications/{application_id}/commands", "put"),
            (r"/applications/\d+/guilds/\d+/commands", "/applications/{application_id}/guilds/{guild_id}/commands",
             "put"),
        ]  # fmt: skip
        for pattern, path, method in routes:
            if re.fullmatch(API + pattern, call.path) and call.method.lower() == method:
                self.validate(body, self._body_schema(path, method))
                return path
        raise AssertionError(f"no schema known for {call.method} {call.path}")


def _snowflakes_as_strings(body: dict[str, Any]) -> dict[str, Any]:
    """discord.py writes attachment ids (0, 1, …) as JSON numbers where the spec says snowflake strings;
    Discord accepts both. Only that one field is normalised, so every other check stays strict."""
    if not body.get("attachments"):
        return body
    return {**body, "attachments": [{**a, "id": str(a["id"])} for a in body["attachments"]]}


class DiscordFake:
    """The Discord side of a test: users, their DM channels, and the raw events they cause."""

    def __init__(self, api: FakeHttpApi) -> None:
        self.api = api
        self._ids = itertools.count(1_200_000_000_000_000_000)
        self.users: dict[int, User] = {}
        self.token_of: dict[int, str] = {}
        self.history: dict[int, list[dict[str, Any]]] = {}
        self.nonces: dict[tuple[int, str], dict[str, Any]] = {}  # (channel, nonce) → the message it created
        self._install()

    def _install(self) -> None:
        app = {"id": str(APP_ID), "name": "thankyou", "icon": None, "description": "", "bot_public": False,
               "bot_require_code_grant": False, "owner": BOT_USER, "verify_key": "k", "flags": 0}  # fmt: skip
        self.api.respond(f"{API}/users/@me", lambda _m, _b: BOT_USER)
        self.api.respond(f"{API}/oauth2/applications/@me", lambda _m, _b: app)
        self.api.respond(f"{API}/applications/{APP_ID}/commands", lambda _m, _b: [])
        self.api.respond(f"{API}/applications/{APP_ID}/guilds/{GUILD_ID}/commands", lambda _m, _b: [])
        self.api.respond(f"{API}/users/@me/channels", self._open_dm)

    def next_id(self) -> int:
        return next(self._ids)

    def user(self, name: str, *, bot: bool = False) -> User:
        user = User(self.next_id(), name, self.next_id(), bot)
        self.users[user.id] = user
        self.api.respond(f"{API}/channels/{user.dm_channel}/messages", self._echo(user.dm_channel))
        return user

    def _open_dm(self, _method: str, body: Any) -> dict[str, Any]:
        user = self.users[int(body["recipient_id"])]
        return {"id": str(user.dm_channel), "type": 1, "recipients": [user.payload()], "last_message_id": None}

    def _echo(self, channel_id: int) -> Any:
        """POST: answer like Discord with the created message; GET: the channel's history, newest first."""
        history = self.history.setdefault(channel_id, [])

        def answer(method: str, body: Any) -> Any:
            if method == "GET":
                return list(reversed(history))
            data = body if isinstance(body, dict) else request_body(Call(method, "", {}, body))
            nonce = (channel_id, str(data.get("nonce")))
            if data.get("enforce_nonce") and nonce in self.nonces:  # Discord: the same nonce again → the same message
                return self.nonces[nonce]
            created = self.message(channel_id, BOT_USER, data.get("content", ""), self.next_id())
            history.append({**created, "components": data.get("components", [])})
            if data.get("enforce_nonce"):
                self.nonces[nonce] = created
            return created

        return answer

    @staticmethod
    def message(channel_id: int, author: dict[str, Any], content: str, message_id: int) -> dict[str, Any]:
        return {"id": str(message_id), "channel_id": str(channel_id), "author": author, "content": content,
                "timestamp": NOW, "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
                "mention_roles": [], "attachments": [], "embeds": [], "pinned": False, "type": 0,
                "flags": 0}  # fmt: skip

    # --- outgoing, as recorded by the fake REST API ---------------------------------------------

    def messages_to(self, user: User) -> list[Call]:
        return [c for c in self.api.calls_to(f"{API}/channels/{user.dm_channel}/messages") if c.method == "POST"]

    def interaction_calls(self, interaction_id: int) -> list[Call]:
        token = self.token_of[interaction_id]
        return [c for c in self.api.calls if f"/{token}" in c.path]

    # --- incoming, as the gateway would deliver them -----------------------------------------------

    def dm_payload(self, user: User, text: str, *, message_id: int | None = None) -> dict[str, Any]:
        return self.message(user.dm_channel, user.payload(), text, message_id or self.next_id())

    def slash_payload(
        self, user: User, *, action: str | None = None, in_guild: bool = True, place: str | None = None
    ) -> dict[str, Any]:
        """/thankyou from a server that added the bot (default), the bot's DM (`in_guild=False`), or, for a
        person who added the app to their account, `place="user_guild"` (a server without the bot) or
        `place="group_dm"`."""
        options = [{"name": "action", "type": 3, "value": action}] if action else []
        data = {"id": "930000000000000001", "name": "thankyou", "type": 1, "options": options}
        parts = {"guild": self._guild_part, "dm": self._dm_part, "user_guild": self._user_guild_part,
                 "group_dm": self._group_dm_part}  # fmt: skip
        where = parts[place or ("guild" if in_guild else "dm")](user)
        return self._interaction(2, data, where)

    def _user_guild_part(self, user: User) -> dict[str, Any]:
        """A server the bot is not in: the app is installed to the person (integration type 1) only."""
        where = self._guild_part(user)
        other = self.next_id()
        where.update(guild_id=str(other), authorizing_integration_owners={"1": str(user.id)})
        where["channel"] = {**where["channel"], "guild_id": str(other)}
        return where

    def _group_dm_part(self, user: User) -> dict[str, Any]:
        group = self.next_id()
        return {"channel_id": str(group), "user": user.payload(), "context": 2,
                "channel": {"id": str(group), "type": 3, "recipients": [user.payload()], "name": None},
                "authorizing_integration_owners": {"1": str(user.id)}}  # fmt: skip

    def click_payload(self, user: User, sent: Call, custom_id: str) -> dict[str, Any]:
        """A click on a button of a message the bot sent (its components come from the recorded POST)."""
        body = request_body(sent)
        message = {**self.message(user.dm_channel, BOT_USER, body.get("content", ""), self.next_id()),
                   "components": body.get("components", [])}  # fmt: skip
        data = {"custom_id": custom_id, "component_type": 2}
        return {**self._interaction(3, data, self._dm_part(user)), "message": message}

    def _guild_part(self, user: User) -> dict[str, Any]:
        member = {"user": user.payload(), "roles": [], "joined_at": NOW, "deaf": False, "mute": False, "flags": 0,
                  "permissions": "0", "nick": None, "avatar": None}  # fmt: skip
        return {"guild_id": str(GUILD_ID), "channel_id": str(GUILD_CHANNEL_ID), "member": member, "context": 0,
                "channel": {"id": str(GUILD_CHANNEL_ID), "type": 0, "name": "career", "guild_id": str(GUILD_ID),
                            "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None},
                "authorizing_integration_owners": {"0": str(GUILD_ID)}, "app_permissions": "0"}  # fmt: skip

    def _dm_part(self, user: User) -> dict[str, Any]:
        return {"channel_id": str(user.dm_channel), "user": user.payload(), "context": 1,
                "channel": {"id": str(user.dm_channel), "type": 1, "recipients": [user.payload()]},
                "authorizing_integration_owners": {"0": str(APP_ID)}}  # fmt: skip

    def _interaction(self, kind: int, data: dict[str, Any], where: dict[str, Any]) -> dict[str, Any]:
        interaction_id, token = self.next_id(), f"tok{self.next_id()}"
        self.token_of[interaction_id] = token
        done = {"interaction": {"id": str(interaction_id), "type": kind}}
        self.api.respond(f"{API}/interactions/{interaction_id}/{token}/callback", lambda _m, _b: done)
        reply = self._echo(int(where["channel_id"]))
        self.api.respond(f"{API}/webhooks/{APP_ID}/{token}", reply)
        self.api.respond(f"{API}/webhooks/{APP_ID}/{token}/messages/@original", reply)
        return {"id": str(interaction_id), "application_id": str(APP_ID), "type": kind, "token": token, "version": 1,
                "locale": "en-US", "attachment_size_limit": 8_388_608, "entitlements": [], "data": data,
                **where}  # fmt: skip


async def feed_message(client: discord.Client, payload: dict[str, Any]) -> None:
    """MESSAGE_CREATE as the websocket would dispatch it; returns when the handlers have finished."""
    await _settle(client._connection.parse_message_create, payload)


async def feed_interaction(client: discord.Client, payload: dict[str, Any]) -> None:
    """INTERACTION_CREATE as the websocket would dispatch it; returns when the handlers have finished."""
    await _settle(client._connection.parse_interaction_create, payload)


async def feed_message_update(client: discord.Client, payload: dict[str, Any]) -> None:
    """MESSAGE_UPDATE (an edit, a link preview, a pin) as the websocket would dispatch it."""
    await _settle(client._connection.parse_message_update, payload)


def parse_only(client: discord.Client, payload: dict[str, Any], *, interaction: bool) -> None:
    """Dispatch without waiting (for concurrency tests and benchmarks)."""
    parse = client._connection.parse_interaction_create if interaction else client._connection.parse_message_create
    parse(payload)  # type: ignore[arg-type]


async def settle_tasks(before: set[asyncio.Task[Any]], limit: float = 30.0) -> None:
    """Wait for every discord.py event task started since `before` (including the tasks those start)."""
    async with asyncio.timeout(limit):
        while True:
            pending = [t for t in asyncio.all_tasks() - before
                       if t is not asyncio.current_task() and t.get_name().startswith(_TASK_PREFIXES)]  # fmt: skip
            if not pending:
                return
            await asyncio.gather(*pending, return_exceptions=True)
            before = before | set(pending)


async def _settle(parse: Any, payload: dict[str, Any]) -> None:
    before = set(asyncio.all_tasks())
    parse(payload)
    await settle_tasks(before)
