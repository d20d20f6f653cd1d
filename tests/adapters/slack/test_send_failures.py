"""Slack answers 500 to `chat.postMessage` at each point of a debrief and of the final notes (issue 11, item 1).

Through the real AsyncApp and SlackSender against the loopback Web API: the turn is committed, its reply is
refused, and the person does what a stressed person does (sends the same thing again, or "hello?"). No answer
may land on a question they never saw, and notes that never all arrived come back with their next message.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlencode

import pytest

from adapters.slack.escape import unescape
from bot import messages
from tests.adapters.slack.helpers import asked_field, copied_code
from tests.adapters.slack.test_conversation import DEBRIEF, USER
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi, Post
from tests.fakes.slack_rig import SlackRig

HOOK = "/hooks/actions"
SORRY = messages.text("reply_lost")
UNSEEN = messages.text("notes_unseen")
#: the answers the no-fault debrief stores (tests/adapters/slack/test_conversation.py)
EXPECTED: dict[str, Any] = {
    "candidate": "Sam Rivera",
    "company": "Acme Robotics",
    "role": "Senior Data Engineer",
    "went": "well",
    "strengths": "five years running Kafka in production",
    "next_steps": "they will decide by next Friday",
    "tone": "warm",
    "channel": "email",
}
PEOPLE = [("Priya Natarajan", "Engineering Manager"), ("Tom Li", "Staff Engineer")]


def fail_post(api: FakeSlackApi, nth: int = 1) -> None:
    """The `nth` `chat.postMessage` from now gets an HTTP 500 (Slack's `internal_error`); the others go through."""
    path, refusal = api.path("chat.postMessage"), {"ok": False, "error": "internal_error"}
    if nth == 1:
        api.http.script(path, status=500, body=refusal)
        return
    seen = 0

    def post(_method: str, body: Any) -> Any:
        nonlocal seen
        seen += 1
        if seen == nth - 1:
            api.http.script(path, status=500, body=refusal)
        return api._post(body)

    api.http.respond(path, post)


def _with_response_url(request: sr.SlackRequest, url: str) -> sr.SlackRequest:
    """The same click, with its `response_url` on the loopback fake (nothing leaves 127.0.0.1)."""
    payload = json.loads(parse_qs(request.body.decode())["payload"][0])
    payload["response_url"] = url
    return sr.SlackRequest(urlencode({"payload": json.dumps(payload)}).encode(), request.content_type)


async def _click(rig: SlackRig, api: FakeSlackApi, label: str, post: Post | None = None) -> None:
    target = post or rig.last(USER)
    await rig.send(_with_response_url(sr.click(target, target.button(label), USER), api.http.base_url + HOOK))


async def _act(rig: SlackRig, api: FakeSlackApi, how: str, what: str, post: Post | None = None) -> None:
    await (_click(rig, api, what, post) if how == "click" else rig.dm(USER, what))


def _told_via_response_url(api: FakeSlackApi) -> list[dict[str, Any]]:
    return [c.body for c in api.http.calls_to(HOOK)]


async def _answers(rig: SlackRig) -> dict[str, Any]:
    [conversation] = await rig.conversations(USER)
    return dict(conversation.answers)


def _check_answers(answers: dict[str, Any]) -> None:
    assert {k: answers.get(k) for k in EXPECTED} == EXPECTED
    assert [(p["name"], p.get("title")) for p in answers["interviewers"]] == PEOPLE


@pytest.mark.parametrize("point", range(len(DEBRIEF)), ids=[what for (_, what), _ in DEBRIEF])
async def test_a_500_on_any_reply_of_the_debrief_puts_no_answer_on_an_unseen_question(
    rig: SlackRig, slack_api: FakeSlackApi, point: int
) -> None:
    await rig.command(USER)
    for number, ((how, what), expected) in enumerate(DEBRIEF):
        if number == point:
            shown = rig.last(USER)
            fail_post(slack_api)
            await _act(rig, slack_api, how, what)  # committed; the next question never arrives
            assert rig.last(USER) is shown
            if how == "click":  # Slack had its ack: the click's response_url still works, and says what to do
                told = _told_via_response_url(slack_api)
                assert [(b["text"], b["response_type"]) for b in told] == [
                    (messages.text("slack_reply_lost"), "ephemeral")
                ]
                await _act(rig, slack_api, how, what, post=shown)  # a second click on it is the same click
                assert rig.last(USER) is shown
                await rig.dm(USER, "hello?")
            else:
                await rig.dm(USER, what)  # the person, hearing nothing, sends it again
            assert SORRY in unescape(rig.last(USER).all_text())
        else:
            await _act(rig, slack_api, how, what)
        assert asked_field(rig.last(USER)) == expected, (number, how, what)
    _check_answers(await _answers(rig))


async def test_the_company_typed_twice_after_a_500_stays_the_company(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    """Measured before this fix: `role: "Acme Robotics"`."""
    await rig.command(USER)
    await rig.dm(USER, "Sam Rivera")
    fail_post(slack_api)
    await rig.dm(USER, "Acme Robotics")
    await rig.dm(USER, "Acme Robotics")
    answers = await _answers(rig)
    assert answers["company"] == "Acme Robotics" and "role" not in answers
    assert asked_field(rig.last(USER)) == "role"


async def _to_confirm(rig: SlackRig, api: FakeSlackApi) -> None:
    await rig.command(USER)
    for (how, what), expected in DEBRIEF:
        await _act(rig, api, how, what)
        assert asked_field(rig.last(USER)) == expected


def _notes_in(posts: list[Post]) -> list[str]:
    return ["\n".join(copied_code(p)) for p in posts if copied_code(p)]


#: the posts of "Write my notes": the intro, note 1, note 2, then the reminders and goodbye
FINAL_POSTS = 4
NOTE_POSTS = (2, 3)


@pytest.mark.parametrize("point", range(1, FINAL_POSTS + 1))
async def test_a_500_at_any_post_of_the_notes_is_made_good_at_the_next_message(
    rig: SlackRig, slack_api: FakeSlackApi, point: int
) -> None:
    await _to_confirm(rig, slack_api)
    before = len(rig.posts(USER))
    fail_post(slack_api, point)
    await _click(rig, slack_api, "Write my notes")
    assert len(rig.posts(USER)) == before + point - 1, "the posts after the refused one are not attempted"
    notes = await rig.notes(USER)
    both_arrived = point > NOTE_POSTS[-1]
    assert len(notes) == 2 and all((n.delivered_at is not None) == both_arrived for n in notes)

    seen = len(rig.posts(USER))
    await rig.dm(USER, "hello?? did my notes come through")
    again = rig.posts(USER)[seen:]
    if both_arrived:  # only the reminder lines were lost: the notes are not sent a second time
        assert not _notes_in(again)
    else:
        assert SORRY in unescape(again[0].all_text()) and UNSEEN in unescape(again[0].all_text())
        assert len(_notes_in(again)) == 2, "the whole set again, Note 1 of 2 and Note 2 of 2"
    assert all(n.delivered_at is not None for n in await rig.notes(USER))

    seen = len(rig.posts(USER))
    await rig.dm(USER, "thanks!")
    assert not _notes_in(rig.posts(USER)[seen:]), "sent again once, never twice"


async def test_a_command_whose_dm_reply_fails_is_told_where_it_was_typed(
    rig: SlackRig, slack_api: FakeSlackApi
) -> None:
    fail_post(slack_api)
    await rig.send(sr.command(USER, response_url=slack_api.http.base_url + HOOK))
    told = _told_via_response_url(slack_api)
    assert [b["text"] for b in told] == [messages.text("slack_reply_lost")]
    assert told[0]["response_type"] == "ephemeral"
    await rig.dm(USER, "hi, are you there")
    assert SORRY in unescape(rig.last(USER).all_text()) and asked_field(rig.last(USER)) == "candidate"
    assert "candidate" not in await _answers(rig)
