"""User text never pings, links or leaks: escaping in every post, and nothing of it in the logs."""

from __future__ import annotations

import logging
import re

import pytest

from tests.adapters.slack.helpers import asked_field, copied_code, raw_controls
from tests.adapters.slack.test_conversation import USER, debrief_until_confirm
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_rig import SlackRig

HOSTILE = {
    "company": "Acme <!channel> & <!here|here>",
    "discussed": "the <https://evil.example|Your bank> login & <@U0BOSS>",
    "strengths": "<!everyone> and <!subteam^S123> plus <#C0SECRET> and &lt;!channel&gt;",
}
APP_LOGGERS = ("adapters", "bot", "slack_bolt", "slack_sdk", "aiohttp")


async def hostile_debrief(rig: SlackRig) -> None:
    """The standard debrief with hostile text as some answers, ending with the drafts."""
    answers = {
        "candidate": "Sam Rivera",
        "company": HOSTILE["company"],
        "role": "Engineer <@U0BOSS>",
        "interviewers": "Priya Natarajan",
        "interviewers.0.discussed": HOSTILE["discussed"],
        "strengths": HOSTILE["strengths"],
    }
    await rig.command(USER)
    answered: str | None = None
    for _ in range(30):  # bounded: one answer per question, "ok" to a preview of the line an answer becomes
        field = asked_field(rig.last(USER))
        if field == "confirm":
            break
        assert field is not None
        await rig.dm(USER, "ok" if field == answered else answers.get(field, "skip"))
        answered = field
    assert asked_field(rig.last(USER)) == "confirm"
    await rig.click(USER, "Write my notes")


#: Our own "Open in email" link: a mailto token whose address and text are percent-encoded, so nothing a
#: user typed can end the token early or add another one.
EMAIL_LINK = re.compile(r":email: <mailto:[A-Za-z0-9%._~@?&=+-]*\|Open in email>")


def without_email_link(text: str) -> str:
    return EMAIL_LINK.sub("", text)


async def test_no_user_text_can_ping_or_link_anywhere(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await hostile_debrief(rig)
    assert [n.interviewer for n in await rig.notes(USER)] == ["Priya Natarajan"]
    for post in rig.posts(USER):
        assert raw_controls(without_email_link(post.all_text())) == [], post.all_text()
    summary = "\n".join(p.all_text() for p in rig.posts(USER))
    assert "Acme &lt;!channel&gt; &amp; &lt;!here|here&gt;" in summary, "the summary echoes the answer, escaped"
    assert "&amp;lt;!channel&amp;gt;" in summary, "already-escaped text is escaped again"
    for call in slack_api.calls("chat.postMessage"):
        assert "link_names" not in call or not call["link_names"]
        assert call.get("unfurl_links") is False and call.get("unfurl_media") is False


async def test_copied_note_is_exactly_the_composed_note(rig: SlackRig) -> None:
    await hostile_debrief(rig)
    [note] = await rig.notes(USER)
    [draft_post] = [p for p in rig.posts(USER) if copied_code(p)]
    subject, *body = copied_code(draft_post)
    assert (subject, "".join(body)) == (note.subject, note.body)
    assert "<" in note.body and "&" in note.body, "the note itself holds the hostile answers"
    assert "<" not in without_email_link(draft_post.all_text()).replace("<!date^", "")


async def test_no_user_text_in_logs_over_a_whole_conversation(rig: SlackRig, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    for name in APP_LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    await debrief_until_confirm(rig)
    await rig.click(USER, "Write my notes")
    assert caplog.records, "the bot does log; it just keeps answers out"
    for secret in ("Sam Rivera", "Acme Robotics", "Priya", "nightly batch", "Kafka", "next Friday", "xoxb-test"):
        assert secret not in caplog.text


async def test_failed_verification_body_is_not_logged(rig: SlackRig, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    request = sr.event(sr.dm(USER, "my salary is 123456 secret-marker"))
    reply = await rig.send(request, headers=request.signed(secret="wrong"))
    assert reply.status == 401
    assert "secret-marker" not in caplog.text
