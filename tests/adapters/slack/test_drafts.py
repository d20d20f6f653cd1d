"""Buttons on delivered drafts (tone, edit, mark as sent), App Home after drafts, valid blocks throughout."""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from tests.adapters.slack.helpers import asked_field, copied_code
from tests.adapters.slack.test_conversation import USER, debrief_until_confirm
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi, Post
from tests.fakes.slack_rig import SlackRig


async def drafts(rig: SlackRig) -> list[Post]:
    await debrief_until_confirm(rig)
    before = len(rig.posts(USER))
    await rig.click(USER, "Write my notes")
    return [p for p in rig.posts(USER)[before:] if copied_code(p)]


async def test_every_post_passes_block_kit_validation(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await drafts(rig)
    assert len(slack_api.posts) > 20
    for post in slack_api.posts:
        assert 1 <= len(post.blocks) <= 50
        for raw in post.blocks:
            assert Block.parse(raw).to_dict() == raw  # type: ignore[union-attr]
        assert sum(len((b.get("text") or {}).get("text", "")) for b in post.blocks) <= 12_000


async def test_mark_as_sent_marks_that_note_once(rig: SlackRig) -> None:
    first, _second = await drafts(rig)
    posts = len(rig.posts(USER))
    button = first.button("Mark as sent")
    await rig.send(sr.click(first, button, USER))
    await rig.send(sr.click(first, button, USER))
    notes = await rig.notes(USER)
    assert [n.status for n in notes] == ["sent", "drafted"]
    assert len(rig.posts(USER)) == posts + 1, "a double click answers once"


async def test_change_tone_posts_the_notes_again(rig: SlackRig) -> None:
    first, _ = await drafts(rig)
    await rig.click(USER, "Change tone", post=first, option="tone:formal")
    [conversation] = await rig.conversations(USER)
    assert conversation.answers["tone"] == "formal"
    redrafted = [p for p in rig.posts(USER) if copied_code(p)]
    assert len(redrafted) == 4
    notes = await rig.notes(USER)
    assert "".join(copied_code(redrafted[2])[1:]) == notes[0].body


async def test_edit_an_answer_reopens_the_debrief(rig: SlackRig) -> None:
    first, _ = await drafts(rig)
    await rig.click(USER, "Edit an answer", post=first)
    assert asked_field(rig.last(USER)) == "confirm"
    await rig.dm(USER, "edit company")
    assert asked_field(rig.last(USER)) == "company"


async def test_app_home_lists_recent_notes(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await drafts(rig)
    await rig.send(sr.event({"type": "app_home_opened", "user": USER, "tab": "home", "event_ts": "1.3"}))
    view = str(slack_api.calls("views.publish")[-1]["view"])
    assert "Priya Natarajan" in view and "Tom Li" in view and "Acme Robotics" in view
    assert "No debrief in progress" in view


async def test_app_home_shows_only_the_viewers_own_notes(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await drafts(rig)
    other = "U0OTHER"
    await rig.send(sr.event({"type": "app_home_opened", "user": other, "tab": "home", "event_ts": "1.5"}))
    publish = slack_api.calls("views.publish")[-1]
    assert publish["user_id"] == other
    view = str(publish["view"])
    assert "Priya" not in view and "Acme" not in view
    assert "Your notes will show up here" in view and "No debrief in progress" in view


async def test_messages_tab_visit_publishes_nothing(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await rig.send(sr.event({"type": "app_home_opened", "user": USER, "tab": "messages", "event_ts": "1.6"}))
    assert slack_api.calls("views.publish") == []
