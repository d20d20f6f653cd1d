"""The debrief as a Slack modal, through bolt against the loopback fake: opened from the first message and from
App Home, problems shown inline (`response_action: errors`), a valid form DMs the summary, a closed one resumes
the chat; and first contact (App Home content, the welcome once)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest

from adapters.slack.form_modal import block_id
from tests.adapters.slack.helpers import asked_field
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import TEAM, FakeSlackApi, dm_channel
from tests.fakes.slack_rig import SlackRig

USER = "U0FORM"
FORM = "Fill in a form instead"


@pytest.fixture(autouse=True)
def views(slack_api: FakeSlackApi) -> list[dict[str, Any]]:
    """views.open as Slack answers it: the view comes back with its id and hash; the opened views are kept."""
    opened: list[dict[str, Any]] = []

    def open_view(_method: str, body: Any) -> dict[str, Any]:
        view = _view(body)
        view = {**view, "id": f"V{len(opened) + 1:04d}", "hash": f"17645.h{len(opened)}", "team_id": TEAM}
        opened.append(view)
        return {"ok": True, "view": view}

    slack_api.http.respond(slack_api.path("views.open"), open_view)
    return opened


def _view(call: dict[str, Any]) -> dict[str, Any]:
    view = call["view"]
    return json.loads(view) if isinstance(view, str) else dict(view)


def _element_state(block: dict[str, Any], typed: str) -> dict[str, Any]:
    element = block["element"]
    kind = element["type"]
    if kind == "static_select":
        option = next(o for o in element["options"] if o["value"] == typed) if typed else None
        return {"type": kind, "selected_option": option}
    if kind == "datepicker":
        return {"type": kind, "selected_date": typed or None}
    if kind == "timepicker":
        return {"type": kind, "selected_time": typed or None}
    return {"type": kind, "value": typed or None}


def view_payload(
    view: dict[str, Any], user: str, typed: dict[str, str], *, kind: str = "view_submission"
) -> sr.SlackRequest:
    """A `view_submission` (or `view_closed`) for `view` as Slack sends it: every input's state, with `typed`
    (by answers key; `interview_at:time` for the time picker) replacing what the modal showed."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block.get("type") != "input":
            continue
        key = block["block_id"].removeprefix("f:")
        element = block["element"]
        shown = element.get("initial_value") or element.get("initial_date") or element.get("initial_time") or ""
        if "initial_option" in element:
            shown = element["initial_option"]["value"]
        values[block["block_id"]] = {"v": _element_state(block, typed.get(key, shown))}
    state_view = {**view, "state": {"values": values}, "root_view_id": view["id"], "previous_view_id": None,
                  "app_id": "A0APP", "external_id": "", "app_installed_team_id": TEAM, "bot_id": "BBOT"}  # fmt: skip
    payload = {"type": kind, "team": {"id": TEAM, "domain": "team"},
               "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM},
               "api_app_id": "A0APP", "token": "legacy", "trigger_id": f"trigger.form.{view['id']}", "view": state_view,
               "response_urls": [], "is_enterprise_install": False, "enterprise": None}  # fmt: skip
    if kind == "view_closed":
        payload.pop("trigger_id")
        payload.pop("response_urls")
        payload["is_cleared"] = False
    return sr.SlackRequest(urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded")


GOOD = {
    "candidate": "sam rivera",
    "company": "Acme Robotics",
    "role": "data engineer lol",
    "interview_at": "2026-11-22",
    "interview_at:time": "14:00",
    "interviewers": "priya natarajan, engineering manager, priya@acme.example\nraj (didnt catch last name)",
    "interviewers.*.discussed": "moving the batch pipeline to streaming; her on-call redesign\nRaj: kafka at scale",
    "went": "well",
    "share": "n/a",
}


async def open_form(rig: SlackRig, views: list[dict[str, Any]]) -> dict[str, Any]:
    await rig.command(USER)
    first = rig.last(USER)
    assert FORM in first.labels(), "the first message offers the form"
    await rig.click(USER, FORM)
    assert views, "the button opened a modal"
    return views[-1]


async def test_a_valid_form_fills_the_answers_and_dms_the_summary(rig: SlackRig, views: list[dict[str, Any]]) -> None:
    view = await open_form(rig, views)
    assert view["type"] == "modal" and len(view["title"]["text"]) <= 24 and len(view["blocks"]) <= 100
    assert view["notify_on_close"] is True
    kinds = {b["block_id"]: b["element"]["type"] for b in view["blocks"] if b["type"] == "input"}
    assert kinds[block_id("interview_at")] == "datepicker" and kinds["f:interview_at:time"] == "timepicker"
    assert kinds[block_id("format")] == "static_select" and kinds[block_id("interviewers")] == "plain_text_input"
    optional = {b["block_id"] for b in view["blocks"] if b.get("optional")}
    assert block_id("share") in optional and block_id("company") not in optional

    reply = await rig.send(view_payload(view, USER, GOOD))
    assert reply.status == 200 and "errors" not in reply.text

    [conversation] = await rig.conversations(USER)
    answers = conversation.answers
    assert answers["company"] == "Acme Robotics" and answers["role"] == "data engineer lol"
    assert answers["interview_at"] == "2026-11-22T14:00:00-08:00"  # the member's zone (users.info)
    assert [p["name"] for p in answers["interviewers"]] == ["Priya Natarajan", "Raj"]
    assert answers["interviewers"][0]["email"] == "priya@acme.example"
    assert answers["interviewers"][0]["detail"] == "her on-call redesign"
    assert answers["interviewers"][1]["discussed"] == "kafka at scale"
    assert "share" not in answers
    summary = rig.last(USER)
    assert asked_field(summary) == "confirm" and "Acme Robotics" in summary.all_text()
    await rig.click(USER, "Write my notes")
    assert len(await rig.notes(USER)) == 2


async def test_invalid_input_is_shown_beside_its_field_and_nothing_is_saved(
    rig: SlackRig, views: list[dict[str, Any]]
) -> None:
    view = await open_form(rig, views)
    posts_before = len(rig.posts(USER))
    bad = {**GOOD, "company": "", "interview_at": "2026-12-24", "interviewers": "priya, pm, priya@acme\nraj"}
    reply = await rig.send(view_payload(view, USER, bad))
    body = json.loads(reply.text)
    assert body["response_action"] == "errors"
    errors = body["errors"]
    assert set(errors) == {block_id("company"), block_id("interview_at"), block_id("interviewers")}
    assert "future" in errors[block_id("interview_at")].casefold() or "hasn't" in errors[block_id("interview_at")]
    assert errors[block_id("interviewers")].startswith("Line 1:")
    [conversation] = await rig.conversations(USER)
    assert "company" not in conversation.answers and len(rig.posts(USER)) == posts_before


async def test_the_form_shows_chat_answers_and_fills_the_same_document(
    rig: SlackRig, views: list[dict[str, Any]]
) -> None:
    await rig.command(USER)
    await rig.dm(USER, "Sam Rivera")
    await rig.dm(USER, "acme robotics")
    await rig.click(USER, FORM, post=rig.posts(USER)[0])
    view = views[-1]
    shown = {b["block_id"]: b["element"].get("initial_value") for b in view["blocks"] if b["type"] == "input"}
    assert shown[block_id("candidate")] == "Sam Rivera" and shown[block_id("company")] == "acme robotics"
    await rig.send(view_payload(view, USER, {"role": "Data Engineer", "interviewers": "Tom Lee"}))
    [conversation] = await rig.conversations(USER)
    assert conversation.answers["candidate"] == "Sam Rivera" and conversation.answers["company"] == "acme robotics"
    assert conversation.answers["interviewers"] == [{"name": "Tom Lee"}]
    assert conversation.step == "confirm"


async def test_a_closed_form_keeps_what_was_valid_and_resumes_the_chat(
    rig: SlackRig, views: list[dict[str, Any]]
) -> None:
    view = await open_form(rig, views)
    typed = {"candidate": "Sam Rivera", "company": "Acme", "share": "not a link at all"}
    reply = await rig.send(view_payload(view, USER, typed, kind="view_closed"))
    assert reply.status == 200
    [conversation] = await rig.conversations(USER)
    assert conversation.answers["company"] == "Acme" and "share" not in conversation.answers
    assert asked_field(rig.last(USER)) == conversation.step == "role"


async def test_app_home_offers_start_form_sample_reminders_and_privacy(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await rig.send(sr.event(sr.home_opened(USER)))
    [published] = slack_api.calls("views.publish")
    view = _view(published)
    text = json.dumps(view)
    buttons = [e for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert {"Start a debrief", FORM} <= {b["text"]["text"] for b in buttons}
    assert rig.bot is not None
    sample = rig.bot.core.desk.sample_note()
    assert "Dana" in sample.body and sample.body.split("\n")[0] in text  # written by the real composer
    assert "reminders pause" in text and "forget me" in text and "export my data" in text
    assert len(view["blocks"]) <= 100


async def test_start_and_form_buttons_on_app_home_answer_in_the_dm(
    rig: SlackRig, slack_api: FakeSlackApi, views: list[dict[str, Any]]
) -> None:
    await rig.send(sr.event(sr.home_opened(USER)))
    view = _view(slack_api.calls("views.publish")[0])
    home = sr.Post("", "", view["blocks"], "1.1")
    await rig.send(sr.click(home, home.button("Start a debrief"), USER))
    assert asked_field(rig.last(USER)) is not None and rig.last(USER).channel == dm_channel(USER)
    await rig.send(sr.click(home, home.button(FORM), USER))
    assert views and json.loads(views[-1]["private_metadata"])["tz"] == "America/Los_Angeles"


async def test_the_welcome_comes_once_on_the_first_dm_visit(rig: SlackRig) -> None:
    for _ in range(3):
        await rig.send(sr.event(sr.home_opened(USER, tab="messages")))
    [welcome] = rig.posts(USER)
    assert "thank-you bot" in welcome.text and {"Start a debrief", FORM} <= set(welcome.labels())
