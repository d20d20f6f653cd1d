"""Slack's side of HTTP mode: signed slash commands, Events API callbacks and button clicks.

Signatures come from slack_sdk's own `SignatureVerifier`, over the exact bytes sent.
"""

from __future__ import annotations

import itertools
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from tests.fakes.slack_api import TEAM, Post, dm_channel

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


def _next() -> int:
    return next(_counter)


def command(
    user: str, text: str = "", *, channel: str = "C0GENERAL", response_url: str = "https://hooks.slack.invalid/c/1"
) -> SlackRequest:
    form = {
        "token": "legacy",
        "team_id": TEAM,
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


def event(inner: dict[str, Any], *, event_id: str | None = None, retry: int | None = None) -> SlackRequest:
    envelope = {
        "token": "legacy",
        "team_id": TEAM,
        "api_app_id": "A0APP",
        "event": inner,
        "type": "event_callback",
        "event_id": event_id or f"Ev{RUN}{_next():08d}",
        "event_time": int(time.time()),
    }
    headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else {}
    return SlackRequest(json.dumps(envelope).encode(), "application/json", headers)


def dm(user: str, text: str, **extra: Any) -> dict[str, Any]:
    """The inner `message.im` event a person's DM produces."""
    ts = f"{int(time.time())}.{_next():06d}"
    return {"type": "message", "channel_type": "im", "channel": dm_channel(user), "user": user, "text": text,
            "ts": ts, "event_ts": ts, "team": TEAM, **extra}  # fmt: skip


def click(post: Post, element: dict[str, Any], user: str, *, option: str | None = None) -> SlackRequest:
    """A block_actions payload for `element` of `post` (for a select, `option` is the chosen value)."""
    action: dict[str, Any] = {
        "action_id": element["action_id"],
        "block_id": "b1",
        "type": element["type"],
        "action_ts": f"{int(time.time())}.{_next():06d}",
    }
    if option is not None:
        action["selected_option"] = {"value": option, "text": {"type": "plain_text", "text": option}}
    elif "value" in element:
        action["value"] = element["value"]
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "team_id": TEAM},
        "api_app_id": "A0APP",
        "token": "legacy",
        "container": {"type": "message", "message_ts": post.ts, "channel_id": post.channel, "is_ephemeral": False},
        "trigger_id": f"trigger.{RUN}.{_next()}",
        "team": {"id": TEAM, "domain": "team"},
        "channel": {"id": post.channel, "name": "directmessage"},
        "message": {"ts": post.ts, "type": "message", "text": post.text},
        "actions": [action],
    }
    return SlackRequest(urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded")
