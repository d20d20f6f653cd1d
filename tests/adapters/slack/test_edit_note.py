""" "Edit note" on a delivered draft: a modal pre-filled with the note, proofread on submit (through real bolt)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from slack_sdk.models.views import View

from tests.adapters.slack.helpers import copied_code
from tests.adapters.slack.test_conversation import USER
from tests.adapters.slack.test_drafts import drafts
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import TEAM, FakeSlackApi, Post
from tests.fakes.slack_rig import SlackRig

PAYLOADS = Path(__file__).parents[2] / "fakes" / "slack_payloads"


def opened_views(api: FakeSlackApi) -> list[dict[str, Any]]:
    return [json.loads(c["view"]) if isinstance(c["view"], str) else c["view"] for c in api.calls("views.open")]


async def open_editor(rig: SlackRig, api: FakeSlackApi, post: Post) -> dict[str, Any]:
    api.http.respond(api.path("views.open"), lambda _m, _b: {"ok": True, "view": {"id": "V0EDIT"}})
    await rig.click(USER, "Edit note", post=post)
    calls = api.calls("views.open")
    assert calls, "the modal was not opened"
    assert str(calls[-1]["trigger_id"]).startswith("trigger.")
    return opened_views(api)[-1]


def submission(view: dict[str, Any], text: str, user: str = USER) -> sr.SlackRequest:
    """A view_submission as Slack sends it (tests/fakes/slack_payloads/view_submission.json), typed into `view`."""
    payload = json.loads((PAYLOADS / "view_submission.json").read_text(encoding="utf-8"))
    payload["user"] = {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM}
    payload["team"] = {"id": TEAM, "domain": "team"}
    sent = payload["view"]
    sent.update({"blocks": view["blocks"], "callback_id": view["callback_id"]})
    sent.update({"private_metadata": view["private_metadata"], "title": view["title"]})
    sent["state"] = {"values": {"note": {"text": {"type": "plain_text_input", "value": text}}}}
    return sr.SlackRequest(urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded")


def initial_text(view: dict[str, Any]) -> str:
    [field] = [b for b in view["blocks"] if b["type"] == "input"]
    return str(field["element"]["initial_value"])


async def test_edit_note_opens_a_valid_modal_with_the_note_and_keeps_edit_an_answer(
    rig: SlackRig, slack_api: FakeSlackApi
) -> None:
    first, _ = await drafts(rig)
    assert {"Edit note", "Edit an answer", "Mark as sent"} <= set(first.labels())
    view = await open_editor(rig, slack_api, first)
    assert View(**view).to_dict() == view  # slack_sdk's own validation of the modal
    note = (await rig.notes(USER))[0]
    assert initial_text(view) == f"Subject: {note.subject}\n\n{note.body}"
    assert len(view["title"]["text"]) <= 24 and len(view["submit"]["text"]) <= 24


async def test_a_clean_edit_closes_the_modal_and_posts_the_checked_note(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    first, _ = await drafts(rig)
    view = await open_editor(rig, slack_api, first)
    edited = initial_text(view).replace("Thank you", "Thanks so much", 1)
    before = len(rig.posts(USER))
    reply = await rig.send(submission(view, edited))
    assert reply.status == 200 and "response_action" not in reply.text
    [posted] = rig.posts(USER)[before:]
    body = edited.split("\n\n", 1)[1]
    assert "".join(copied_code(posted)) == body
    assert "Edit note" in posted.labels()
    assert (await rig.notes(USER))[0].body == body, "the next Edit note starts from this version"


async def test_an_error_shows_under_the_text_and_keeps_the_modal_open(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    first, _ = await drafts(rig)
    view = await open_editor(rig, slack_api, first)
    before = len(rig.posts(USER))
    edited = initial_text(view).replace("Priya", "Prya", 1) + "\n[Your Name]"
    reply = await rig.send(submission(view, edited))
    answer = json.loads(reply.text)
    assert answer["response_action"] == "errors"
    assert "Prya" in answer["errors"]["note"] and "[Your Name]" in answer["errors"]["note"]
    assert rig.posts(USER)[before:] == [], "nothing is posted while the modal is still open"


async def test_warnings_come_back_with_the_note_in_the_dm(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    first, _ = await drafts(rig)
    view = await open_editor(rig, slack_api, first)
    edited = initial_text(view) + "\nlol i loved how there team works, as promised here is my portfolio"
    before = len(rig.posts(USER))
    await rig.send(submission(view, edited))
    [posted] = rig.posts(USER)[before:]
    checks = " ".join(b["elements"][0]["text"] for b in posted.blocks if b["type"] == "context")
    assert "“there team (→ their)”" in checks
    assert "“lol” reads as casual" in checks
    assert "promises a portfolio but has no link" in checks
    assert "nothing to fix" not in checks


async def test_someone_elses_note_cannot_be_opened_or_checked(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    first, _ = await drafts(rig)
    slack_api.http.respond(slack_api.path("views.open"), lambda _m, _b: {"ok": True, "view": {"id": "V0EDIT"}})
    await rig.send(sr.click(first, first.button("Edit note"), "U0MALLORY"))
    assert slack_api.calls("views.open") == []
    assert "can't find that note" in str(slack_api.calls("chat.postEphemeral")[-1]["text"])
    view = await open_editor(rig, slack_api, first)
    reply = await rig.send(submission(view, "Dear Priya, hello", user="U0MALLORY"))
    assert json.loads(reply.text)["response_action"] == "errors"
    assert "Dear Priya, hello" not in [n.body for n in await rig.notes(USER)]
