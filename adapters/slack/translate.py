"""Slack payloads → neutral events. Pure functions: no I/O, no bolt objects, easy to test.

Event ids make redeliveries and double clicks harmless: the service records each id once.
Events API callbacks use Slack's `event_id`; a button uses the message it sits on plus its own id and
value, so clicking the same button twice has one effect.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from adapters.slack import ids
from adapters.slack.decode import plain_text, unnamed_mentions
from bot.events import Address, ChoiceMade, Command, DraftAction, Event, Navigate, ReminderAction, Start, TextAnswer

PLATFORM = "slack"
_ID_LIMIT = 120
_COMMAND_WORDS: dict[str, Command] = {"help": "help", "cancel": "cancel", "stop": "cancel", "restart": "restart"}
_NAV: dict[str, Command] = {"skip": "skip", "back": "back", "cancel": "cancel", "help": "help", "resume": "resume"}

Payload = Mapping[str, Any]


def _get(payload: Payload, *path: str) -> str:
    """A nested string field, or "" when any part is missing."""
    node: Any = payload
    for key in path:
        if not isinstance(node, Mapping):
            return ""
        node = node.get(key)
    return node if isinstance(node, str) else ""


def stable_id(*parts: str) -> str:
    """Join parts into an event id that fits the database column (long ones are hashed)."""
    joined = ":".join(parts)
    if len(joined) <= _ID_LIMIT:
        return joined
    return parts[0] + ":" + hashlib.sha256(joined.encode()).hexdigest()


def is_conversation_message(event: Payload) -> bool:
    """A person's own new DM text: not an edit, deletion, join or any bot's message. A message sent with
    a file (`file_share`) counts when it has text: the text is the answer, the file is left alone. A thread
    reply also sent to the conversation (`thread_broadcast`) is an answer like any other."""
    subtype = event.get("subtype")
    return (
        event.get("type") == "message"
        and event.get("channel_type") == "im"
        and (
            not subtype
            or subtype == "thread_broadcast"
            or (subtype == "file_share" and bool(_get(event, "text").strip()))
        )
        and _from_a_person(event)
        and isinstance(event.get("text"), str)
    )


def _from_a_person(message: Payload) -> bool:
    return not message.get("bot_id") and not message.get("bot_profile") and bool(_get(message, "user"))


def event_team(body: Payload) -> str:
    """The installation's team for an Events API envelope, as bolt reads it: `authorizations[0].team_id`
    first (right for Enterprise Grid and shared channels, where `team_id` may be another workspace)."""
    authorizations = body.get("authorizations")
    if isinstance(authorizations, list) and authorizations and isinstance(authorizations[0], Mapping):
        team = _get(authorizations[0], "team_id")
        if team:
            return team
    event = body.get("event")
    return _get(body, "team_id") or (_get(event, "team") if isinstance(event, Mapping) else "")


def action_team(body: Payload) -> str:
    """The team for an interactivity payload, as bolt reads it: `team.id`, else the user's `team_id`."""
    return _get(body, "team", "id") or _get(body, "user", "team_id")


def message_event(body: Payload, *, names: Mapping[str, str] | None = None) -> TextAnswer | None:
    """A DM answer from an Events API envelope, or None when the bot must ignore it.

    The text is decoded from Slack's encoding (`decode.plain_text`), so the engine sees what was typed.
    """
    event = body.get("event")
    if not isinstance(event, Mapping) or not is_conversation_message(event):
        return None
    address = Address(PLATFORM, event_team(body), _get(event, "channel"), _get(event, "user"))
    event_id = stable_id("ev", _get(body, "event_id") or _get(event, "ts"))
    text = plain_text(event["text"], names=names or {}, emoji=_emoji(event.get("blocks")))
    return TextAnswer(address, event_id, text)


def unnamed_users(body: Payload) -> list[str]:
    """Users mentioned in a DM without their name (`<@U…>`): their names are looked up before decoding."""
    return unnamed_mentions(_get(body, "event", "text"))


def _emoji(blocks: object) -> dict[str, str]:
    """Shortcode → emoji, from the rich-text `emoji` elements (which carry the code points, e.g. 1f642)."""
    found: dict[str, str] = {}
    stack = [blocks]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, Mapping):
            name, points = node.get("name"), node.get("unicode")
            if node.get("type") == "emoji" and isinstance(name, str) and isinstance(points, str):
                try:
                    found[name] = "".join(chr(int(point, 16)) for point in points.split("-"))
                except ValueError:  # not hex, or beyond Unicode: leave the shortcode as it is
                    continue
            stack.extend(v for v in node.values() if isinstance(v, list | Mapping))
    return found


def thread_of(body: Payload) -> str | None:
    """The thread a DM (or an edited DM) was written in, to answer there; None for the main conversation."""
    event = body.get("event")
    if not isinstance(event, Mapping):
        return None
    message = event.get("message") if event.get("subtype") == "message_changed" else event
    thread = _get(message, "thread_ts") if isinstance(message, Mapping) else ""
    return thread or None


def edited_message(body: Payload) -> tuple[Address, str] | None:
    """A person edited the text of one of their DMs (`message_changed`): the address to tell them that the
    first version was used, and the id of this edit event; None for anything else.

    Slack also sends `message_changed` when it adds a link preview to a message; the text is unchanged
    then, and so is nothing else we care about.
    """
    event = body.get("event")
    if not isinstance(event, Mapping) or event.get("subtype") != "message_changed":
        return None
    new, old = event.get("message"), event.get("previous_message")
    if event.get("channel_type") != "im" or not isinstance(new, Mapping) or not _from_a_person(new):
        return None
    if isinstance(old, Mapping) and _get(old, "text") == _get(new, "text"):
        return None
    address = Address(PLATFORM, event_team(body), _get(event, "channel"), _get(new, "user"))
    return address, stable_id("edit", _get(body, "event_id") or _get(event, "ts"))


def command_event(body: Payload, *, channel: str, timezone: str | None) -> Event:
    """`/thankyou [help|cancel|restart|resume]`: anything else starts or resumes the debrief."""
    address = Address(PLATFORM, _get(body, "team_id"), channel, _get(body, "user_id"))
    event_id = stable_id("cmd", _get(body, "trigger_id") or _get(body, "command_ts"))
    word = plain_text(_get(body, "text")).strip().casefold()
    command = _COMMAND_WORDS.get(word)
    if command is not None:
        return Navigate(address, event_id, command)
    return Start(address, event_id, timezone)


def action_event(body: Payload) -> Event | None:
    """A click on one of our buttons; None for link buttons and ids we don't own (ack only)."""
    actions = body.get("actions")
    if not isinstance(actions, list) or not actions or not isinstance(actions[0], Mapping):
        return None
    action: Payload = actions[0]
    kind, parts = ids.parse(_get(action, "action_id"))
    value = _get(action, "value") or _get(action, "selected_option", "value")
    address = Address(
        PLATFORM,
        action_team(body),
        _get(body, "channel", "id") or _get(body, "container", "channel_id"),
        _get(body, "user", "id"),
    )
    event_id = _action_id(body, action, value)
    try:
        return _decode(kind, parts, value, address, event_id)
    except (ValueError, IndexError):
        return None


def _action_id(body: Payload, action: Payload, value: str) -> str:
    """Same button on the same message → same id; a select adds its click time (each choice counts)."""
    message_ts = _get(body, "container", "message_ts") or _get(body, "message", "ts")
    click = _get(action, "action_ts") if action.get("type") == "static_select" else ""
    return stable_id("act", message_ts, _get(action, "action_id"), value, click)


def _decode(kind: str, parts: list[str], value: str, address: Address, event_id: str) -> Event | None:
    if kind == ids.CHOICE:
        field = parts[0]
        if field == "start":
            return Start(address, event_id)
        return ChoiceMade(address, event_id, field, value)
    if kind == ids.NAV:
        command = _NAV.get(parts[0])
        question = parts[1] if len(parts) > 1 else None  # the question the button was shown under
        return Navigate(address, event_id, command, question=question) if command else None
    if kind == ids.DRAFT:
        what, conversation, position = parts[0], int(parts[1]), int(parts[2])
        if what == "open":
            return None
        action = value if what == "tone" else what
        return DraftAction(address, event_id, conversation, action, position if what == "sent" else None)
    if kind == ids.REMIND:
        return ReminderAction(address, event_id, int(parts[0]), value)
    return None
