"""Slack's side of HTTP mode: signed slash commands, Events API callbacks and button clicks.

Signatures come from slack_sdk's own `SignatureVerifier`, over the exact bytes sent. What a person types
is encoded as Slack encodes it (`slack_encode`: `&`, `<`, `>` as entities, e-mail addresses and links as
`<mailto:…|…>` / `<…>` tokens) and carried twice, like a real `message.im`: as `text` and as a `rich_text`
block. The shapes follow `tests/fakes/slack_payloads/` (checked by `test_payload_shapes.py`).
"""

from __future__ import annotations

import itertools
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from tests.fakes.slack_api import BOT_ID, BOT_USER, TEAM, Post, dm_channel

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
RUN = uuid.uuid4().hex[:8].upper()  # ids stay unique across runs against one database (benchmarks)
_counter = itertools.count(1)


@dataclass
class SlackRequest:
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)

    def signed(self, *, secret: str = SECRET, at: float | None = None) -> dict[str, str]:
        """Headers as Slack sends them, signed at `at` (default: now)."""
        timestamp = str(int(time.time() if at is None else at))
        signature = SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=self.body)
        return {
            "Content-Type": self.content_type,
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": str(signature),
            **self.headers,
        }


#: What Slack turns into a link token as it is typed: a web link, or an e-mail address.
_LINKS = re.compile(
    r"(?P<url>https?://[^\s<>|]+)|(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)", re.ASCII
)


def _next() -> int:
    return next(_counter)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _pieces(text: str) -> list[tuple[str, str]]:
    """`text` cut into ("text", …), ("url", …) and ("email", …) pieces, the way Slack links them."""
    pieces: list[tuple[str, str]] = []
    at = 0
    for match in _LINKS.finditer(text):
        if match.start() > at:
            pieces.append(("text", text[at : match.start()]))
        kind = "url" if match.group("url") else "email"
        pieces.append((kind, match.group(0)))
        at = match.end()
    if at < len(text):
        pieces.append(("text", text[at:]))
    return pieces


def slack_encode(text: str) -> str:
    """A message's `text` as Slack delivers what a person typed."""
    encoded = []
    for kind, piece in _pieces(text):
        if kind == "url":
            encoded.append(f"<{_escape(piece)}>")
        elif kind == "email":
            encoded.append(f"<mailto:{piece}|{piece}>")
        else:
            encoded.append(_escape(piece))
    return "".join(encoded)


def rich_text(text: str) -> list[dict[str, Any]]:
    """The `blocks` Slack attaches to the same message: one `rich_text` section, unescaped."""
    elements: list[dict[str, Any]] = []
    for kind, piece in _pieces(text):
        if kind == "url":
            elements.append({"type": "link", "url": piece})
        elif kind == "email":
            elements.append({"type": "link", "url": f"mailto:{piece}", "text": piece})
        else:
            elements.append({"type": "text", "text": piece})
    section = {"type": "rich_text_section", "elements": elements}
    return [{"type": "rich_text", "block_id": f"rt{_next()}", "elements": [section]}]


def command(
    user: str,
    text: str = "",
    *,
    channel: str = "C0GENERAL",
    response_url: str = "https://hooks.slack.invalid/c/1",
    team: str = TEAM,
) -> SlackRequest:
    form = {
        "token": "legacy",
        "team_id": team,
        "team_domain": "team",
        "channel_id": channel,
        "channel_name": "general",
        "user_id": user,
        "user_name": user.lower(),
        "command": "/thankyou",
        "text": text,
        "api_app_id": "A0APP",
        "response_url": response_url,
        "trigger_id": f"trigger.{RUN}.{_next()}",
    }
    return SlackRequest(urlencode(form).encode(), "application/x-www-form-urlencoded")


def event(
    inner: dict[str, Any],
    *,
    event_id: str | None = None,
    retry: int | None = None,
    team: str = TEAM,
    installed_in: str | None = None,
) -> SlackRequest:
    """An Events API envelope; `team` is the event's workspace, `installed_in` the installation's team
    (`authorizations[0].team_id`; the same as `team` unless a shared channel or Enterprise Grid differ)."""
    envelope = {
        "token": "legacy",
        "team_id": team,
        "api_app_id": "A0APP",
        "event": inner,
        "type": "event_callback",
        "event_id": event_id or f"Ev{RUN}{_next():08d}",
        "event_time": int(time.time()),
        "event_context": f"4-ctx{_next()}",
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": installed_in or team,
                "user_id": "UBOT",
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": installed_in is not None and installed_in != team,
    }
    headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else {}
    return SlackRequest(json.dumps(envelope).encode(), "application/json", headers)


def dm(user: str, text: str, **extra: Any) -> dict[str, Any]:
    """The inner `message.im` event a person's DM produces, `text` encoded as Slack encodes it."""
    ts = f"{int(time.time())}.{_next():06d}"
    return {"type": "message", "channel_type": "im", "channel": dm_channel(user), "user": user,
            "text": slack_encode(text), "blocks": rich_text(text), "client_msg_id": str(uuid.uuid4()),
            "ts": ts, "event_ts": ts, "team": TEAM, **extra}  # fmt: skip


def mention(user: str, text: str, *, channel: str = "C0GENERAL") -> dict[str, Any]:
    """The inner `app_mention` event: someone wrote `@thankyou-bot …` in a channel."""
    ts = f"{int(time.time())}.{_next():06d}"
    typed = f"<@{BOT_USER}> {slack_encode(text)}"
    blocks = rich_text(text)
    blocks[0]["elements"][0]["elements"].insert(0, {"type": "user", "user_id": BOT_USER})
    return {"type": "app_mention", "user": user, "text": typed, "blocks": blocks, "client_msg_id": str(uuid.uuid4()),
            "ts": ts, "team": TEAM, "channel": channel, "event_ts": ts}  # fmt: skip


def home_opened(user: str, *, tab: str = "home") -> dict[str, Any]:
    """The inner `app_home_opened` event (`tab` is "home" or "messages")."""
    ts = f"{int(time.time())}.{_next():06d}"
    return {"type": "app_home_opened", "user": user, "channel": dm_channel(user), "tab": tab, "event_ts": ts}


def uninstalled() -> dict[str, Any]:
    return {"type": "app_uninstalled"}


def tokens_revoked(*users: str) -> dict[str, Any]:
    return {"type": "tokens_revoked", "tokens": {"oauth": list(users), "bot": [BOT_USER]}}


def file_share(user: str, text: str) -> dict[str, Any]:
    """A DM sent with an attachment: `subtype: file_share`, the typed text beside the file."""
    files = [{"id": f"F{_next():08d}", "name": "notes.png", "mimetype": "image/png", "filetype": "png"}]
    return {**dm(user, text), "subtype": "file_share", "files": files, "upload": False, "display_as_bot": False}


def edit(original: dict[str, Any], text: str) -> dict[str, Any]:
    """The `message_changed` event for a person's edit of the DM `original` (an event from `dm`)."""
    ts = f"{int(time.time())}.{_next():06d}"
    kept = {k: v for k, v in original.items() if k not in ("channel", "channel_type", "event_ts", "team")}
    previous = {**kept, "text": original["text"]}
    changed = {**kept, "text": slack_encode(text), "blocks": rich_text(text),
               "edited": {"user": original["user"], "ts": ts}}  # fmt: skip
    return {"type": "message", "subtype": "message_changed", "channel": original["channel"],
            "channel_type": "im", "hidden": True, "message": changed, "previous_message": previous,
            "ts": ts, "event_ts": ts}  # fmt: skip


def click(
    post: Post,
    element: dict[str, Any],
    user: str,
    *,
    option: str | None = None,
    team: str = TEAM,
    user_team: str | None = None,
) -> SlackRequest:
    """A block_actions payload for `element` of `post` (for a select, `option` is the chosen value).

    `team` is the installation's team (`team.id`); `user_team` the clicking user's home team, which differs
    for a guest from another organisation in a shared channel or on Enterprise Grid."""
    action: dict[str, Any] = {
        "action_id": element["action_id"],
        "block_id": "b1",
        "type": element["type"],
        "action_ts": f"{int(time.time())}.{_next():06d}",
    }
    if "text" in element:
        action["text"] = element["text"]
    if option is not None:
        action["selected_option"] = {"value": option, "text": {"type": "plain_text", "text": option}}
    elif "value" in element:
        action["value"] = element["value"]
    message = {"type": "message", "user": BOT_USER, "bot_id": BOT_ID, "text": post.text, "blocks": post.blocks,
               "ts": post.ts, "team": team}  # fmt: skip
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": user_team or team},
        "api_app_id": "A0APP",
        "token": "legacy",
        "container": {"type": "message", "message_ts": post.ts, "channel_id": post.channel, "is_ephemeral": False},
        "trigger_id": f"trigger.{RUN}.{_next()}",
        "team": {"id": team, "domain": "team"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": post.channel, "name": "directmessage"},
        "message": message,
        "state": {"values": {}},
        "response_url": f"https://hooks.slack.invalid/actions/{_next()}",
        "actions": [action],
    }
    return SlackRequest(urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded")
