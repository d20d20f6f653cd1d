"""Every platform ends a finished debrief with the same goodbye, from the message catalogue."""

from __future__ import annotations

import json

from adapters.console.render import as_text, json_line
from adapters.discord.render import render as discord_render
from adapters.slack.blocks import render as slack_render
from bot import messages
from bot.actions import End

GOODBYE = messages.text("goodbye")


def test_console_says_the_goodbye_and_jsonl_keeps_its_contract() -> None:
    assert as_text(End("done"), "UTC").strip() == GOODBYE
    assert json.loads(json_line(End("done"))) == {"type": "end", "reason": "done"}


def test_slack_says_the_same_goodbye() -> None:
    [post] = slack_render([End("done")])
    shown = " ".join(str(b.to_dict()["text"]["text"]) for b in post.blocks)
    assert shown == GOODBYE


def test_discord_says_the_same_goodbye() -> None:
    [message] = discord_render([End("done")])
    assert message.content == GOODBYE


def test_a_cancelled_debrief_gets_the_cancel_message_instead_not_a_goodbye() -> None:
    assert as_text(End("cancelled"), "UTC") == ""
    assert slack_render([End("cancelled")]) == []
    assert discord_render([End("cancelled")]) == []
