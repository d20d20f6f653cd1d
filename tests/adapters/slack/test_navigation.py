"""Navigation by buttons and typed words, slash sub-commands, start offers, and resuming after a restart."""

from __future__ import annotations

from adapters.slack.listeners import MENTION_POINTER, NO_DM
from tests.adapters.slack.helpers import asked_field
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_rig import SlackRig

USER = "U0NAV"


async def start_to_company(rig: SlackRig) -> None:
    await rig.command(USER)
    await rig.dm(USER, "Sam Rivera")
    assert asked_field(rig.last(USER)) == "company"


async def test_back_and_skip_buttons_move_between_questions(rig: SlackRig) -> None:
    await start_to_company(rig)
    await rig.click(USER, "Back")
    assert asked_field(rig.last(USER)) == "candidate"
    await rig.dm(USER, "Sam R.")
    await rig.dm(USER, "Acme Robotics")
    await rig.dm(USER, "Data Engineer")
    assert asked_field(rig.last(USER)) == "interview_at"
    await rig.click(USER, "Skip")
    assert asked_field(rig.last(USER)) == "interviewers"
    [conversation] = await rig.conversations(USER)
    assert conversation.answers["candidate"] == "Sam R."
    assert "interview_at" not in conversation.answers


async def test_typed_navigation_words_work_like_buttons(rig: SlackRig) -> None:
    await start_to_company(rig)
    await rig.dm(USER, "back")
    assert asked_field(rig.last(USER)) == "candidate"
    await rig.dm(USER, "cancel")
    assert asked_field(rig.last(USER)) == "cancel", "cancel asks first"
    await rig.dm(USER, "yes")
    [conversation] = await rig.conversations(USER)
    assert conversation.status != "active"
    assert asked_field(rig.last(USER)) is None


async def test_cancel_button_asks_then_ends_the_debrief_and_undo_brings_it_back(rig: SlackRig) -> None:
    await start_to_company(rig)
    await rig.click(USER, "Cancel")
    assert asked_field(rig.last(USER)) == "cancel"
    await rig.click(USER, "No, carry on")
    assert asked_field(rig.last(USER)) == "company"
    await rig.click(USER, "Cancel")
    await rig.click(USER, "Yes, stop")
    [conversation] = await rig.conversations(USER)
    assert conversation.status == "cancelled" and conversation.answers == {"candidate": "Sam Rivera"}
    await rig.dm(USER, "undo")
    assert asked_field(rig.last(USER)) == "company"
    [conversation] = await rig.conversations(USER)
    assert conversation.status == "active"


async def test_typed_answer_to_a_choice_question(rig: SlackRig) -> None:
    await start_to_company(rig)
    await rig.dm(USER, "edit occasion")
    assert asked_field(rig.last(USER)) == "occasion"
    await rig.dm(USER, "a referral")
    assert asked_field(rig.last(USER)) == "company"
    [conversation] = await rig.conversations(USER)
    assert conversation.answers["occasion"] == "referral"


async def test_old_button_is_answered_politely_and_changes_nothing(rig: SlackRig) -> None:
    await start_to_company(rig)
    await rig.dm(USER, "edit occasion")
    occasion_post = rig.last(USER)
    await rig.click(USER, "A referral", post=occasion_post)
    assert asked_field(rig.last(USER)) == "company"
    await rig.click(USER, "A job interview", post=occasion_post)
    assert asked_field(rig.last(USER)) == "company", "the current question is asked again"
    [conversation] = await rig.conversations(USER)
    assert conversation.answers["occasion"] == "referral"


async def test_slash_help_cancel_and_resume(rig: SlackRig) -> None:
    await start_to_company(rig)
    posts = len(rig.posts(USER))
    await rig.command(USER, "help")
    assert len(rig.posts(USER)) > posts and asked_field(rig.last(USER)) == "company"
    await rig.command(USER, "resume")
    assert asked_field(rig.last(USER)) == "company"
    await rig.command(USER, "cancel")
    assert asked_field(rig.last(USER)) == "cancel"
    await rig.dm(USER, "yes")
    [conversation] = await rig.conversations(USER)
    assert conversation.status == "cancelled"


async def test_thankyou_again_resumes_the_open_debrief(rig: SlackRig) -> None:
    await start_to_company(rig)
    await rig.command(USER)
    assert asked_field(rig.last(USER)) == "company"
    assert len(await rig.conversations(USER)) == 1


async def test_resume_after_restart_of_the_app(rig: SlackRig) -> None:
    await start_to_company(rig)
    await rig.restart()
    await rig.dm(USER, "Acme Robotics")
    assert asked_field(rig.last(USER)) == "role"
    [conversation] = await rig.conversations(USER)
    assert conversation.answers == {"candidate": "Sam Rivera", "company": "Acme Robotics"}


async def test_dm_without_a_debrief_offers_a_start_button(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await rig.dm(USER, "hello?")
    offer = rig.last(USER)
    assert asked_field(offer) == "start"
    assert await rig.conversations(USER) == []
    slack_api.timezone = "Europe/Berlin"
    await rig.click(USER, "Start a debrief", post=offer)
    assert asked_field(rig.last(USER)) == "candidate"
    [conversation] = await rig.conversations(USER)
    assert conversation.timezone == "Europe/Berlin", "a start button also reads the user's zone"


async def test_failed_users_info_falls_back_to_the_default_zone(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    slack_api.timezone = None
    await rig.command(USER)
    [conversation] = await rig.conversations(USER)
    assert conversation.timezone == "UTC"


async def test_mention_in_a_channel_points_to_the_dm_privately(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    mention = {"type": "app_mention", "channel": "C0GENERAL", "user": USER, "text": "<@UBOT> I interviewed at Acme",
               "ts": "1.000200", "event_ts": "1.000200"}  # fmt: skip
    request = sr.event(mention, event_id="EvMention1")
    await rig.send(request)
    await rig.send(sr.event(mention, event_id="EvMention1", retry=1))
    [ephemeral] = slack_api.calls("chat.postEphemeral")
    assert ephemeral["channel"] == "C0GENERAL" and ephemeral["user"] == USER
    assert ephemeral["text"] == MENTION_POINTER
    assert slack_api.posts == [], "nothing posted in the channel, nothing collected"
    assert await rig.conversations(USER) == []


async def test_app_home_lists_open_debrief_and_notes(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    await start_to_company(rig)
    await rig.dm(USER, "Acme <!channel> & Co")
    await rig.send(sr.event({"type": "app_home_opened", "user": USER, "channel": "DU0NAV", "tab": "home",
                             "event_ts": "1.2"}))  # fmt: skip
    [publish] = slack_api.calls("views.publish")
    assert publish["user_id"] == USER
    text = str(publish["view"])
    assert "debrief in progress" in text
    assert "Acme &lt;!channel&gt; &amp; Co" in text and "<!channel>" not in text


async def test_when_the_dm_cannot_be_opened_the_user_is_told_where_they_typed(
    rig: SlackRig, slack_api: FakeSlackApi
) -> None:
    slack_api.http.script(slack_api.path("conversations.open"), body={"ok": False, "error": "cannot_dm_bot"})
    await rig.send(sr.command(USER, response_url=slack_api.http.base_url + "/hooks/command-1"))
    [reply] = [c.body for c in slack_api.http.calls_to("/hooks/command-1")]
    assert reply == {"text": NO_DM, "response_type": "ephemeral"}
    assert slack_api.posts == [] and await rig.conversations(USER) == []


async def test_back_under_an_earlier_question_does_not_move_the_current_one(rig: SlackRig) -> None:
    await start_to_company(rig)
    company_post = rig.last(USER)
    await rig.dm(USER, "Acme Robotics")
    assert asked_field(rig.last(USER)) == "role"
    await rig.click(USER, "Back", post=company_post)
    assert asked_field(rig.last(USER)) == "role", "still on the current question"
    assert "earlier question" in rig.last(USER).all_text()
    [conversation] = await rig.conversations(USER)
    assert conversation.answers["company"] == "Acme Robotics"


async def test_cancel_under_an_earlier_question_still_cancels(rig: SlackRig) -> None:
    await start_to_company(rig)
    first_question = rig.posts(USER)[0]
    await rig.click(USER, "Cancel", post=first_question)
    assert asked_field(rig.last(USER)) == "cancel"
    await rig.click(USER, "Yes, stop")
    [conversation] = await rig.conversations(USER)
    assert conversation.status == "cancelled"
