"""The rig speaks real Slack: what `tests/fakes/slack_requests.py` generates has the shapes of the payloads
in `tests/fakes/slack_payloads/`, and the adapter reads those payloads as a person meant them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from adapters.slack import translate
from bot.events import ChoiceMade, TextAnswer
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import Post

PAYLOADS = Path(__file__).resolve().parents[2] / "fakes" / "slack_payloads"
USER = "U0PRIYA"
#: Free-form content whose inside is not the rig's business (only its type is compared).
OPAQUE = frozenset({"files", "view", "state"})


def fixture(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text())
    return loaded


def shape(node: Any, key: str = "") -> Any:
    """Keys and value types, recursively; a list is the set of its items' shapes."""
    if key in OPAQUE:
        return type(node).__name__
    if isinstance(node, dict):
        return {k: shape(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return sorted({json.dumps(shape(item), sort_keys=True) for item in node})
    return type(node).__name__


def body(request: sr.SlackRequest) -> dict[str, Any]:
    if request.content_type == "application/json":
        loaded: dict[str, Any] = json.loads(request.body)
        return loaded
    payload: dict[str, Any] = json.loads(parse_qs(request.body.decode())["payload"][0])
    return payload


def _post() -> Post:
    button = {"type": "button", "action_id": "ty-choice|occasion|0", "value": "interview",
              "text": {"type": "plain_text", "text": "A job interview"}}  # fmt: skip
    return Post("DU0PRIYA", "What was the occasion?", [{"type": "actions", "elements": [button]}], "1764500000.000010")


TYPED = "AT&T <Labs>, write to priya@att.example about https://example.com/talk"
GENERATED = {
    "message_im": lambda: sr.event(sr.dm(USER, TYPED)),
    "message_im_file_share": lambda: sr.event(sr.file_share(USER, "Sam Rivera")),
    "message_im_changed": lambda: sr.event(sr.edit(sr.dm(USER, "Sam Rivra"), "Sam Rivera")),
    "message_im_thread_reply": lambda: sr.event(sr.dm(USER, "yesterday 3pm", thread_ts="1764500004.000050")),
    "app_mention": lambda: sr.event(sr.mention(USER, "I had an interview at AT&T")),
    "app_home_opened": lambda: sr.event(sr.home_opened(USER)),
    "app_uninstalled": lambda: sr.event(sr.uninstalled()),
    "tokens_revoked": lambda: sr.event(sr.tokens_revoked(USER)),
    "block_actions": lambda: sr.click(_post(), _post().button("A job interview"), USER),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_payloads_have_slacks_shape(name: str) -> None:
    assert shape(body(GENERATED[name]())) == shape(fixture(name))


def test_every_fixture_is_used() -> None:
    names = {p.stem for p in PAYLOADS.glob("*.json")}
    assert names == set(GENERATED) | {"message_im_bot", "view_submission"}


def test_generated_text_is_encoded_like_slacks() -> None:
    event = body(GENERATED["message_im"]())["event"]
    assert event["text"] == fixture("message_im")["event"]["text"]
    assert event["blocks"][0]["elements"] == fixture("message_im")["event"]["blocks"][0]["elements"]


def test_the_adapter_reads_each_payload_as_meant() -> None:
    answer = translate.message_event(fixture("message_im"))
    assert isinstance(answer, TextAnswer)
    assert answer.text == "AT&T <Labs>, write to priya@att.example about https://example.com/talk"
    shared = translate.message_event(fixture("message_im_file_share"))
    assert isinstance(shared, TextAnswer) and shared.text == "Sam Rivera"
    assert translate.message_event(fixture("message_im_changed")) is None
    assert translate.edited_message(fixture("message_im_changed")) is not None
    reply = fixture("message_im_thread_reply")
    assert translate.message_event(reply) is not None
    assert translate.thread_of(reply) == "1764500004.000050"
    assert translate.thread_of(fixture("message_im")) is None
    assert translate.message_event(fixture("message_im_bot")) is None
    assert translate.edited_message(fixture("message_im_bot")) is None
    assert isinstance(translate.action_event(fixture("block_actions")), ChoiceMade)
    assert translate.action_event(fixture("view_submission")) is None


def test_team_ids_as_bolt_reads_them() -> None:
    """Enterprise Grid / shared channels: the installation's team wins over the event's or the user's."""
    event = fixture("message_im")
    event["team_id"] = "T0ELSEWHERE"
    event["authorizations"][0]["team_id"] = "T0INSTALLED"
    assert translate.event_team(event) == "T0INSTALLED"
    del event["authorizations"]
    assert translate.event_team(event) == "T0ELSEWHERE"
    click = fixture("block_actions")
    click["user"]["team_id"] = "T0GUESTHOME"
    assert translate.action_team(click) == "T0TEAM"
    action = translate.action_event(click)
    assert action is not None and action.address.workspace == "T0TEAM"
    del click["team"]
    assert translate.action_team(click) == "T0GUESTHOME"
