"""The app manifest parses and asks for exactly the scopes the code needs, and wires what the code listens to."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from adapters.slack.listeners import COMMAND
from tests.adapters.slack.test_conversation import USER, debrief_until_confirm
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import PREFIX, FakeSlackApi
from tests.fakes.slack_rig import SlackRig

ROOT = Path(__file__).resolve().parents[3]
MANIFEST = ROOT / "deploy" / "slack" / "manifest.yml"
SOURCES = ROOT / "adapters" / "slack"

# Web API method → the bot scope it needs (None: no scope); from Slack's method reference.
METHOD_SCOPES: dict[str, str | tuple[str, ...] | None] = {
    "auth.test": None,
    "chat.postMessage": "chat:write",
    "chat.postEphemeral": "chat:write",
    "conversations.open": "im:write",
    # only to reconcile a reminder (DM) or career-channel post (public or private channel) whose outcome is unknown
    "conversations.history": ("im:history", "channels:history", "groups:history"),
    "conversations.info": ("channels:read", "groups:read"),  # the channel an admin names (community posts)
    "conversations.list": ("channels:read", "groups:read"),
    "users.info": "users:read",
    "views.publish": None,
    "views.open": None,  # the debrief as a form (adapters/slack/form_modal.py)
    "apps.connections.open": None,  # the app-level token's own connections:write, checked at start
}
EVENT_SCOPES = {
    "message.im": "im:history",
    "app_mention": "app_mentions:read",
    "app_home_opened": None,
    "app_uninstalled": None,  # this and tokens_revoked: OAuth (adapters/slack/oauth.py) forgets the workspace
    "tokens_revoked": None,
}


def manifest() -> dict[str, object]:
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def methods_in_code() -> set[str]:
    """Web API methods the adapter calls, from `client.<method_name>(` (or `web_api.…`) in its source."""
    names = set()
    for path in SOURCES.glob("*.py"):
        names.update(re.findall(r"(?:client|web_api)\.([a-z]+_[a-zA-Z_]+)\(", path.read_text(encoding="utf-8")))
    return {name.replace("_", ".") for name in names}  # slack_sdk's chat_postMessage is chat.postMessage


def test_manifest_scopes_are_exactly_what_the_code_needs() -> None:
    data = manifest()
    scopes = set(data["oauth_config"]["scopes"]["bot"])  # type: ignore[index]
    events = set(data["settings"]["event_subscriptions"]["bot_events"])  # type: ignore[index]
    called = methods_in_code()
    assert called <= set(METHOD_SCOPES), f"add scopes for {called - set(METHOD_SCOPES)}"
    wanted = [METHOD_SCOPES[m] for m in called]
    needed = {s for w in wanted for s in (w if isinstance(w, tuple) else (w,))}
    needed |= {EVENT_SCOPES[e] for e in events} | {"commands"}
    assert scopes == needed - {None}
    assert events == set(EVENT_SCOPES)


def test_manifest_declares_the_command_home_and_interactivity() -> None:
    data = manifest()
    features = data["features"]
    assert [c["command"] for c in features["slash_commands"]] == [COMMAND]  # type: ignore[index]
    assert features["app_home"]["home_tab_enabled"] and features["app_home"]["messages_tab_enabled"]  # type: ignore[index]
    assert data["settings"]["interactivity"]["is_enabled"]  # type: ignore[index]
    assert data["settings"]["socket_mode_enabled"] is True  # type: ignore[index]
    assert MANIFEST.read_text(encoding="utf-8").count("/slack/events") >= 3, "HTTP-mode URLs documented"


async def test_every_method_called_at_run_time_is_covered(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await debrief_until_confirm(rig)
    await rig.click(USER, "Write my notes")
    await rig.send(sr.event({"type": "app_home_opened", "user": USER, "tab": "home", "event_ts": "1.3"}))
    await rig.send(sr.event({"type": "app_mention", "channel": "C1", "user": USER, "text": "hi", "ts": "1.4"}))
    used = {call.path.removeprefix(PREFIX) for call in slack_api.http.calls}
    assert used == set(METHOD_SCOPES) - {
        "conversations.history",
        "conversations.info",  # community admin commands (tests/adapters/slack/test_community_admin.py)
        "conversations.list",
        "apps.connections.open",
        "views.open",  # the form (tests/adapters/slack/test_form_modal.py)
    }  # apps.connections.open: Socket Mode start
    assert used - {"auth.test"} <= methods_in_code()
