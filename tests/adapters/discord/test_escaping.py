"""Whatever a person typed displays literally on Discord, outside and inside code blocks (checked against our
own small model of Discord's markdown, tests/adapters/discord/markdown_model.py)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from adapters.discord.markdown import URL, escape
from adapters.discord.render import render
from adapters.discord.split import LIMIT, Block, pack
from bot.actions import Ask, Choice, DraftsReady, Say
from bot.drafts import Check, Draft, DraftsDocument, Recipient
from tests.adapters.discord.markdown_model import markup, shown

WHEN = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
FENCED = re.compile(r"```\n(.*?)\n```", re.S)
PIECES = [
    "*", "**", "_", "__", "~~", "||", "`", "```", "\\", ">", ">>> ", "# ", "## ", "-# ", "- ", "* ", "+ ", "1. ",
    "[", "]", "(", ")", "<", ">", "@", "@everyone", "@here", "<@123456789012345678>", "<@!1>", "<@&1>", "<#1>",
    "</thankyou:1>", "<:e:1>", "<a:e:1>", "<t:0:F>", "<id:customize>", "http://a.example", "https://b.example/x_y",
    "(https://c.example/q?a=1&b=2).", "<https://d.example>", " ", "\n", "\t", "a", "Zoë", "王伟", "é", "\u200b",
]  # fmt: skip
markdownish = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
HOSTILE = [
    "see [docs](http://a.example) and ||secret|| (really)",
    "**bold** __u__ ||spoiler|| ~~gone~~ `tick` ``` stray fence",
    "<#123456789012345678> <t:0:F> </thankyou:123> <:e:123456789012345678> @everyone @here",
    "# Heading\n> quote\n-# small\n- item\n1. first\n\\*not bold\\*",
]


@given(st.one_of(markdownish, st.text(max_size=300)))
@example("see [docs](http://a.example) and ||secret|| (really)")
@example("http://a.example)_x_")
@example("1. a\n2. b")
def test_escaped_text_has_no_markup_and_shows_the_original(text: str) -> None:
    escaped = escape(text)
    assert markup(escaped) == [], escaped
    assert shown(escaped) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_known_traps_display_literally(text: str) -> None:
    escaped = escape(text)
    assert markup(escaped) == [] and shown(escaped) == text


def test_the_greedy_link_case_escapes_every_bracket_and_keeps_the_link_whole() -> None:
    escaped = escape("see [docs](http://a.example) and ||secret|| (really)")
    assert escaped == "see \\[docs](<http://a.example>) and \\|\\|secret\\|\\| (really)"


def test_the_models_catch_what_discord_py_leaves_raw() -> None:
    """The old escaping (discord.py's escape_markdown + escape_mentions) fails the same model."""
    from discord.utils import escape_markdown, escape_mentions

    old = escape_mentions(escape_markdown(HOSTILE[0] + " " + HOSTILE[1] + " " + HOSTILE[2]))
    assert markup(old)


@given(st.lists(st.one_of(markdownish, st.text(max_size=200)), min_size=1, max_size=6), st.integers(20, 400))
def test_split_prose_stays_escaped_in_every_part(texts: list[str], limit: int) -> None:
    """A split can put any character at the start of a line or a message; it must still show literally.
    (A link is kept whole, so it must fit in a message: a 2,000-character URL is not a case we serve.)"""
    assume(all(len(url.group()) + 2 <= limit for t in texts for url in URL.finditer(t)))
    for message in pack([Block(escape(t)) for t in texts if t], limit):
        assert len(message) <= limit
        assert markup(message) == [], message


def _draft(name: str, subject: str, body: str) -> Draft:
    checks = [Check(code="x", level="warning", message=HOSTILE[1])]
    return Draft(to=Recipient(name=name, email="p_q@acme.example"), channel="email", subject=subject, body=body,
                 words=len(body.split()), checks=checks)  # fmt: skip


@pytest.mark.parametrize("hostile", HOSTILE)
def test_summaries_questions_and_note_headers_show_user_text_literally(hostile: str) -> None:
    summary = f"Here's what I have:\n• company: {hostile}\n• role: ``` odd fence"
    ask = Ask("confirm", summary, (Choice("yes", "Yes"),), optional=False, navigation=("back",))
    body = f"Dear Priya,\n\nThanks for {hostile.replace('```', '')}.\n\nBest,\nSam"
    document = DraftsDocument(drafts=[_draft(hostile, hostile, body)], send_by=WHEN, follow_up_at=WHEN)
    out = render([Say(hostile), ask, DraftsReady(document, conversation_id=3)])

    asked = out[0]  # what was said and the question share a message
    assert shown(asked.content).startswith(f"{hostile}\n{summary}\n")
    assert markup(asked.content.rsplit("\n-# ", 1)[0]) == []  # only the bot's own "-# tap a button" hint

    (note,) = [o for o in out if o.kind == "draft"]
    assert note.content.count("```") == 2  # the one code block, closed: stray fences in headers are escaped
    assert FENCED.findall(note.content) == [body]
    prose = FENCED.sub("", note.content)
    assert hostile.replace("\n", " ") in shown(prose).replace("\n", " ")
    ours = [found for found in markup(prose) if found == "emphasis: '*'"]
    assert markup(prose) == ours and len(ours) == 8  # only the bot's own bold labels: note and subject


def test_long_answers_split_across_messages_still_show_literally() -> None:
    text = " ".join(["- **x** <#1> @everyone 1. ||y||"] * 200)
    contents = [o.content for o in render([Say(text)])]
    assert len(contents) > 1 and all(len(c) <= LIMIT for c in contents)
    for content in contents:
        assert markup(content) == [], content[:80]
    assert " ".join(shown(c) for c in contents) == text
