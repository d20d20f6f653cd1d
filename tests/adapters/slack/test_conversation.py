"""End to end: /thankyou → a whole debrief in the DM → drafts with actions, through the real AsyncApp."""

from __future__ import annotations

from adapters.slack.listeners import DM_POINTER
from tests.adapters.slack.helpers import asked_field, copied_code
from tests.fakes.slack_api import FakeSlackApi, dm_channel
from tests.fakes.slack_rig import SlackRig

USER = "U0SAM"

# (what the user does, the field asked afterwards); ("click", label) presses a button on the latest post.
DEBRIEF: list[tuple[tuple[str, str], str]] = [
    (("type", "Sam Rivera"), "company"),
    (("type", "Acme Robotics"), "role"),
    (("type", "Senior Data Engineer"), "interview_at"),
    (("type", "today at 10"), "interviewers"),
    (("type", "Priya Natarajan and Tom Li"), "went"),
    (("click", "Well"), "interviewers.0.title"),
    (("type", "Engineering Manager, priya@acme.example"), "interviewers.0.discussed"),
    (("type", "moving the nightly batch pipeline to streaming"), "interviewers.1.title"),
    (("type", "Staff Engineer"), "interviewers.1.discussed"),
    (("type", "how they test schema changes"), "strengths"),
    (("type", "five years running Kafka in production"), "add"),
    (("click", "Skip"), "share"),
    (("click", "Skip"), "next_steps"),
    (("type", "they will decide by next Friday"), "tone"),
    (("type", "warm"), "channel"),
    (("click", "Email"), "confirm"),
]


async def debrief_until_confirm(rig: SlackRig, user: str = USER) -> None:
    reply = await rig.command(user)
    assert reply.status == 200
    assert asked_field(rig.last(user)) == "candidate"
    for (how, what), expected in DEBRIEF:
        reply = await (rig.click(user, what) if how == "click" else rig.dm(user, what))
        assert reply.status == 200
        assert asked_field(rig.last(user)) == expected, (how, what)


async def run_full_conversation(rig: SlackRig, api: FakeSlackApi) -> None:
    await debrief_until_confirm(rig)
    before = len(rig.posts(USER))
    await rig.click(USER, "Write my notes")
    new = rig.posts(USER)[before:]
    drafts = [p for p in new if copied_code(p)]
    assert len(drafts) == 2, "one post per interviewer"
    notes = await rig.notes(USER)
    assert [n.interviewer for n in notes] == ["Priya Natarajan", "Tom Li"]
    for post, note in zip(drafts, notes, strict=True):
        subject, *body = copied_code(post)
        assert subject == note.subject
        assert "".join(body) == note.body
        assert {"Change tone", "Edit an answer", "Mark as sent"} <= set(post.labels())
    assert "<mailto:priya@acme.example?" in drafts[0].all_text()
    [conversation] = await rig.conversations(USER)
    assert conversation.status == "done"
    assert conversation.answers["company"] == "Acme Robotics"
    assert "format" not in conversation.answers, "a panel is not asked how they met"
    assert conversation.timezone == "America/Los_Angeles", "read from users.info"
    assert all(p.channel == dm_channel(USER) for p in api.posts), "everything happens in the user's DM"


async def test_thankyou_acks_with_a_pointer_and_opens_the_dm(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    reply = await rig.command(USER)
    assert reply.status == 200 and DM_POINTER in reply.text
    assert slack_api.calls("conversations.open")[0]["users"] == USER
    assert rig.last(USER).channel == dm_channel(USER)
    assert asked_field(rig.last(USER)) == "candidate"


async def test_full_conversation_from_thankyou_to_drafts(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await run_full_conversation(rig, slack_api)


async def test_full_conversation_on_postgresql(pg_rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await run_full_conversation(pg_rig, slack_api)
