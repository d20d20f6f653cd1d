"""Rendering rules: slack_sdk validation and Slack's size limits, exact copy text, words kept whole."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

from hypothesis import given, settings
from hypothesis import strategies as st
from slack_sdk.models.blocks import Block

from adapters.slack import translate
from adapters.slack.blocks import render
from adapters.slack.draft_blocks import URL_LIMIT
from adapters.slack.escape import escape, escaped_length, split_text, unescape
from adapters.slack.message import Message
from bot.actions import Ask, Choice, DraftsReady, Nudge, Say
from bot.drafts import Check, Draft, DraftsDocument, Recipient
from bot.events import DraftAction, ReminderAction
from tests.adapters.slack.helpers import copied_code
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import Post

WHEN = datetime(2026, 11, 24, 9, tzinfo=UTC)


def assert_within_limits(message: Message) -> None:
    blocks = message.payload_blocks()
    assert 1 <= len(blocks) <= 50
    for raw in blocks:
        assert Block.parse(raw).to_dict() == raw  # type: ignore[union-attr]  # parse + validate round trip
        text = (raw.get("text") or {}).get("text", "")
        assert len(text) <= 3000
    assert sum(len((b.get("text") or {}).get("text", "")) for b in blocks) <= 12_000
    assert 0 < len(message.text) <= 4000


def as_post(message: Message, ts: str = "1.1") -> Post:
    return Post("D1", message.text, message.payload_blocks(), ts)


def draft(body: str, *, subject: str = "Thank you", email: str | None = "p@x.example") -> Draft:
    checks = [Check(code="long", level="warning", message="Longer than 200 words <@U1>.")]
    return Draft(to=Recipient(name="Priya", email=email), channel="email", subject=subject, body=body,
                 words=len(body.split()), checks=checks)  # fmt: skip


def ready(*drafts: Draft) -> DraftsReady:
    return DraftsReady(DraftsDocument(drafts=list(drafts), send_by=WHEN, follow_up_at=WHEN), conversation_id=7)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab &<>\n\u00e9\U0001f600"), max_size=400), st.integers(5, 60))
def test_split_text_rejoins_exactly_and_fits(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(escaped_length(p) <= limit for p in pieces)
    assert unescape(escape(text)) == text


def test_split_text_never_breaks_a_word_that_fits() -> None:
    text = " ".join(f"word{n}" for n in range(2000))
    for piece in split_text(text, 3000)[:-1]:
        assert piece.endswith(" ")


def test_long_note_is_split_between_words_and_copies_exactly() -> None:
    body = "\n\n".join(" ".join(["R&D <team>"] * 150) for _ in range(12))
    messages = render([ready(draft(body))])
    assert len(messages) > 1
    for message in messages:
        assert_within_limits(message)
    copied = [piece for m in messages for piece in copied_code(as_post(m))]
    assert copied[0] == "Thank you" and "".join(copied[1:]) == body
    assert all(not p.endswith("R&") for p in copied), "no entity or word cut in half"
    buttons = [as_post(m).buttons() for m in messages]
    assert all(not b for b in buttons[:-1]) and buttons[-1], "actions sit under the end of the note"


def test_mailto_too_long_for_a_link_falls_back_to_copying() -> None:
    body = "word " * (URL_LIMIT // 2)
    [message] = render([ready(draft(body))])
    post = as_post(message)
    assert "Mark as sent" in post.labels() and "<mailto:" not in post.all_text()
    assert "too long for an email link" in post.all_text()


def test_open_in_email_is_a_mailto_link_in_text_for_a_normal_note() -> None:
    """Slack documents `<mailto:…|label>` for e-mail links; a button's `url` only for web pages."""
    [message] = render([ready(draft("Thank you for your time & advice."))])
    post = as_post(message)
    [link] = re.findall(r"<(mailto:[^|>]+)\|Open in email>", post.all_text())
    assert link.startswith("mailto:p@x.example?") and len(link) <= URL_LIMIT
    assert "%26" in link, "the body's & is percent-encoded, never a raw token character"
    assert "Open in email" not in post.labels()
    assert_within_limits(message)


def test_checks_are_listed_escaped() -> None:
    [message] = render([ready(draft("Hello."))])
    assert "Longer than 200 words &lt;@U1&gt;." in as_post(message).all_text()


def test_says_merge_into_the_question_post() -> None:
    messages = render([Say("Got it."), Say("Two & two."), Ask("company", "Which company?", navigation=("back",))])
    assert len(messages) == 1
    assert_within_limits(messages[0])
    assert "Two &amp; two." in messages[0].text


def test_many_choices_and_long_labels_stay_valid() -> None:
    choices = tuple(Choice(f"v{n}", "label " * 30) for n in range(30))
    [message] = render([Ask("format", "Pick one", choices, True, ("skip", "back", "cancel"))])
    assert_within_limits(message)
    assert len(as_post(message).buttons()) == 33


def click_event(message: Message, label: str, *, option: str | None = None) -> Any:
    post = as_post(message, ts="1700.1")
    payload = sr.click(post, post.button(label), "U1", option=option)
    body = json.loads(parse_qs(payload.body.decode())["payload"][0])
    return translate.action_event(body)


def test_draft_buttons_decode_to_draft_actions() -> None:
    first, second = render([ready(draft("Hello."), draft("Hi."))])
    sent = click_event(second, "Mark as sent")
    assert isinstance(sent, DraftAction) and (sent.conversation_id, sent.action, sent.position) == (7, "sent", 1)
    tone = click_event(first, "Change tone", option="tone:formal")
    assert isinstance(tone, DraftAction) and tone.action == "tone:formal" and tone.conversation_id == 7
    edit = click_event(first, "Edit an answer")
    assert isinstance(edit, DraftAction) and edit.action == "edit"
    assert "Open in email" not in as_post(first).labels(), "the e-mail link is text, not a button"


def test_nudge_buttons_decode_to_reminder_actions() -> None:
    nudge = Nudge(reminder_id=42, kind="send_by", text="Did you send your notes?",
                  options=(Choice("sent", "I sent them"), Choice("snooze:1h", "In an hour")),
                  draft=draft("Just following up & thanks."))  # fmt: skip
    [message] = render([nudge])
    assert_within_limits(message)
    event = click_event(message, "In an hour")
    assert isinstance(event, ReminderAction) and (event.reminder_id, event.action) == (42, "snooze:1h")
    assert copied_code(as_post(message))[-1] == "Just following up & thanks."


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>&!@#|:/ ab\n\u00e9"), min_size=1, max_size=7000))
def test_any_user_text_is_shown_literally_and_never_as_markup(text: str) -> None:
    messages = render([Say(text), Ask("company", "Which company?", navigation=("back",))])
    shown = []
    for message in messages:
        assert_within_limits(message)
        assert "<" not in message.text and ">" not in message.text
        for raw in message.payload_blocks():
            block_text = (raw.get("text") or {}).get("text", "")
            assert "<" not in block_text and ">" not in block_text
            if raw["type"] == "section":
                shown.append(block_text)
    said = unescape("".join(shown[:-1]))  # the last section is the question
    assert said.split() == text.split()
