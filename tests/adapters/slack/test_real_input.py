"""Slack as it really sends things: encoded text, files, edits, threads and other teams' ids."""

from __future__ import annotations

from bot.events import Start, TextAnswer
from tests.adapters.slack.helpers import asked_field, raw_controls
from tests.fakes import slack_requests as sr
from tests.fakes.conversation import console_address
from tests.fakes.sender import RecordingSender
from tests.fakes.slack_api import TEAM, FakeSlackApi
from tests.fakes.slack_rig import SlackRig

USER = "U0REAL"
ZONE = "America/New_York"

#: One debrief, typed; the company, e-mail and link are what Slack encodes.
TYPED = [
    "Sam Rivera",
    "AT&T <Labs>",
    "Data Engineer",
    "yesterday 2pm",
    "Priya Natarajan",
    "panel",
    "Well",
    "Engineering Manager, priya@att.example",
    "her talk at https://example.com/talk?x=1&y=2 on streaming; the on-call rotation redesign",
    "five years running Kafka in production",
    "skip",
    "skip",
    "they will decide by next Friday",
    "warm",
    "email",
]


async def _debrief_in_slack(rig: SlackRig, slack_api: FakeSlackApi, user: str) -> None:
    slack_api.timezone = ZONE
    await rig.command(user)
    for text in TYPED:
        await rig.dm(user, text)


async def test_encoded_answers_arrive_as_typed(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await _debrief_in_slack(rig, slack_api, USER)
    assert asked_field(rig.last(USER)) == "confirm", [p.text for p in rig.posts(USER)[-3:]]
    [row] = await rig.conversations(USER)
    assert row.answers["company"] == "AT&T <Labs>"
    [priya] = row.answers["interviewers"]
    assert priya["email"] == "priya@att.example"
    assert priya["discussed"] == "her talk at https://example.com/talk?x=1&y=2 on streaming"


async def test_slack_and_console_write_the_same_notes(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    """The same answers typed in Slack and in the console give identical notes."""
    await _debrief_in_slack(rig, slack_api, USER)
    await rig.dm(USER, "yes")
    assert rig.bot is not None
    console, sender = console_address("U0CONSOLE"), RecordingSender()
    await rig.bot.core.handle(Start(console, "console-start", ZONE), sender)
    for number, text in enumerate([*TYPED, "yes"]):
        await rig.bot.core.handle(TextAnswer(console, f"console-{number}", text), sender)
    in_slack = [(n.interviewer, n.company, n.subject, n.body) for n in await rig.notes(USER)]
    in_console = [(n.interviewer, n.company, n.subject, n.body) for n in await rig.notes("U0CONSOLE")]
    assert in_slack, "Slack wrote no notes"
    assert in_slack == in_console
    assert "AT&T <Labs>" in in_slack[0][3]


async def test_an_answer_sent_with_a_file_is_taken(rig: SlackRig) -> None:
    await rig.command(USER)
    assert asked_field(rig.last(USER)) == "candidate"
    await rig.send(sr.event(sr.file_share(USER, "Sam Rivera")))
    assert asked_field(rig.last(USER)) == "company"
    [row] = await rig.conversations(USER)
    assert row.answers["candidate"] == "Sam Rivera"


async def test_an_edit_is_answered_once_and_changes_nothing(rig: SlackRig) -> None:
    await rig.command(USER)
    original = sr.dm(USER, "Sam Rivra")
    await rig.send(sr.event(original))
    [before] = await rig.conversations(USER)
    posts = len(rig.posts(USER))
    edit = sr.edit(original, "Sam Rivera")
    await rig.send(sr.event(edit, event_id="EvEdit1"))
    await rig.send(sr.event(edit, event_id="EvEdit1", retry=1))  # Slack's redelivery of the same edit
    new = rig.posts(USER)[posts:]
    assert len(new) == 1, [p.text for p in new]
    assert "edited" in new[0].text and "first answer" in new[0].text
    assert new[0].thread is None
    [after] = await rig.conversations(USER)
    assert (after.step, after.answers, after.version) == (before.step, before.answers, before.version)


async def test_a_reply_in_a_thread_is_answered_in_that_thread(rig: SlackRig) -> None:
    await rig.command(USER)
    question = rig.last(USER)
    await rig.send(sr.event(sr.dm(USER, "Sam Rivera", thread_ts=question.ts)))
    reply = rig.last(USER)
    assert reply.thread == question.ts
    assert asked_field(reply) == "company"
    await rig.dm(USER, "Acme Robotics")  # back in the main conversation, the answers go on there
    assert rig.last(USER).thread is None
    assert asked_field(rig.last(USER)) == "role"


async def test_an_edit_in_a_thread_is_answered_there(rig: SlackRig) -> None:
    await rig.command(USER)
    original = sr.dm(USER, "Sam Rivra", thread_ts=rig.last(USER).ts)
    await rig.send(sr.event(original))
    await rig.send(sr.event(sr.edit(original, "Sam Rivera")))
    assert rig.last(USER).thread == original["thread_ts"]


async def test_events_use_the_installations_team(rig: SlackRig) -> None:
    """Shared channel / Enterprise Grid: `team_id` names another workspace, `authorizations` ours."""
    await rig.command(USER)
    await rig.send(sr.event(sr.dm(USER, "Sam Rivera"), team="T0ELSEWHERE", installed_in=TEAM))
    [row] = await rig.conversations(USER)
    assert row.answers.get("candidate"), "the answer found the conversation the command started"


async def test_clicks_use_the_teams_id_before_the_users(rig: SlackRig) -> None:
    """A guest from another organisation: `user.team_id` is their home team, `team.id` the installation."""
    await rig.command(USER)
    await rig.dm(USER, "Sam Rivera")
    await rig.dm(USER, "Acme Robotics")
    await rig.dm(USER, "Data Engineer")
    await rig.dm(USER, "skip")
    await rig.dm(USER, "Priya")
    post = rig.last(USER)
    await rig.send(sr.click(post, post.button("Video call"), USER, user_team="T0GUESTHOME"))
    assert asked_field(rig.last(USER)) == "went"
    [row] = await rig.conversations(USER)
    assert row.answers.get("format") == "video"


async def test_a_thread_reply_also_sent_to_the_dm_is_an_answer(rig: SlackRig) -> None:
    await rig.command(USER)
    question = rig.last(USER)
    await rig.send(sr.event(sr.dm(USER, "Sam Rivera", thread_ts=question.ts, subtype="thread_broadcast")))
    assert asked_field(rig.last(USER)) == "company"
    assert rig.last(USER).thread == question.ts


async def test_mentions_are_kept_as_text_and_never_echoed_live(rig: SlackRig) -> None:
    """Picked from Slack's autocomplete, a mention arrives as a token; it is stored and shown as plain text."""
    await rig.command(USER)
    await rig.dm(USER, "Sam Rivera")
    posts = len(rig.posts(USER))
    typed = {**sr.dm(USER, "x"), "text": "<!here> <@U0TOM|tom> &amp; <#C0CAREERS|careers>"}
    await rig.send(sr.event(typed))
    [row] = await rig.conversations(USER)
    assert row.answers["company"] == "@here @tom & #careers"
    for post in rig.posts(USER)[posts:]:
        assert raw_controls(post.all_text()) == [], post.all_text()
