"""Slack's encoded text → what the person typed (`adapters.slack.decode.plain_text`), token by token."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from adapters.slack import translate
from adapters.slack.decode import plain_text, unnamed_mentions
from adapters.slack.escape import escape
from bot.events import Navigate, Start
from tests.fakes.slack_requests import slack_encode


@pytest.mark.parametrize(
    ("encoded", "typed"),
    [
        ("AT&amp;T &lt;Labs&gt;", "AT&T <Labs>"),
        ("&amp;lt; is how you write &lt;", "&lt; is how you write <"),
        ("<mailto:priya@acme.example|priya@acme.example>", "priya@acme.example"),
        ("<mailto:priya@acme.example>", "priya@acme.example"),
        ("see <https://example.com/talk>", "see https://example.com/talk"),
        ("<https://example.com/a?x=1&amp;y=2>", "https://example.com/a?x=1&y=2"),
        ("<http://acme.example|acme.example>", "acme.example"),
        ("<https://example.com/talk|the talk>", "the talk (https://example.com/talk)"),
        ("<https://example.com|a &amp; b>", "a & b (https://example.com)"),
        ("cc <@U024BE7LH>", "cc @U024BE7LH"),
        ("cc <@U024BE7LH|priya>", "cc @priya"),
        ("<#C024BE7LR|careers>", "#careers"),
        ("<#C024BE7LR>", "#C024BE7LR"),
        ("<!subteam^S0123|@eng>", "@eng"),
        ("<!subteam^S0123>", "@S0123"),
        ("<!here> <!channel> <!everyone>", "@here @channel @everyone"),
        ("<!here|here>", "here"),
        ("<!date^1392734382^{date_short}|Feb 18, 2014>", "Feb 18, 2014"),
        ("<!date^1392734382^{date}>", "1392734382"),
    ],
)
def test_each_token_kind(encoded: str, typed: str) -> None:
    assert plain_text(encoded) == typed


@pytest.mark.parametrize(
    ("encoded", "typed"),
    [
        ("unbalanced <https://example.com", "unbalanced <https://example.com"),
        ("a > b", "a > b"),
        ("<<@U1>", "<@U1"),
        ("<https://example.com|a|b>", "a|b (https://example.com)"),
        ("<@U1|>", "@U1"),
        ("<>", ""),
        ("&amp", "&amp"),
        ("", ""),
    ],
)
def test_malformed_tokens_never_fail(encoded: str, typed: str) -> None:
    assert plain_text(encoded) == typed


def test_a_decoded_mention_is_inert_when_echoed() -> None:
    """Decoded text is plain: our outgoing escaping keeps `<!here>` typed literally from pinging anyone."""
    echoed = escape(plain_text("&lt;!here&gt; and <@U024BE7LH|priya>"))
    assert echoed == "&lt;!here&gt; and @priya"
    assert "<" not in echoed and ">" not in echoed


_FRAGMENTS = st.one_of(
    st.text(alphabet=st.sampled_from("ab.@:/|<>&;-_ \nhtps"), max_size=12),
    st.text(max_size=12),
    st.emails(),
    st.from_regex(r"https?://[a-z]{1,8}\.example/[a-z&=?<>|%.]{0,10}", fullmatch=True),
)
_TYPED = st.lists(_FRAGMENTS, max_size=6).map("".join)


@given(_TYPED)
@example("AT&T <Labs>, mail priya@att.example or see https://example.com/a?x=1&y=2 | ok")
@example("<!here> <@U1> &amp; &lt; http://a.b|c x@y.z>")
def test_decode_inverts_slack_encoding(typed: str) -> None:
    assert plain_text(slack_encode(typed)) == typed


@given(st.text(alphabet=st.sampled_from("<>|&;@#!^abU1 "), max_size=30))
def test_any_text_decodes_without_error(encoded: str) -> None:
    assert isinstance(plain_text(encoded), str)


def test_slash_command_text_is_read_decoded() -> None:
    """With "escape channels, users and links" on, `/thankyou <@U1|me>` still just starts; words still work."""
    body = {"team_id": "T1", "user_id": "U1", "trigger_id": "t.1", "text": " <@U1|me> "}
    assert isinstance(translate.command_event(body, channel="D1", timezone=None), Start)
    body["text"] = "Cancel"
    assert isinstance(translate.command_event(body, channel="D1", timezone=None), Navigate)


def test_an_unlabelled_mention_takes_the_looked_up_name_else_its_id() -> None:
    assert plain_text("ask <@U0TOM> about it", names={"U0TOM": "Tom Lee"}) == "ask @Tom Lee about it"
    assert plain_text("ask <@U0TOM> about it") == "ask @U0TOM about it"
    assert unnamed_mentions("<@U0TOM> and <@U0ANN|ann> and <@W0GRID>") == ["U0TOM", "W0GRID"]


def test_shortcodes_become_the_emoji_the_blocks_name_and_others_stay() -> None:
    emoji = {"slightly_smiling_face": "🙂"}
    assert plain_text("went well :slightly_smiling_face: :shrug:", emoji=emoji) == "went well 🙂 :shrug:"
    assert plain_text("at 10:30 :slightly_smiling_face:", emoji=emoji) == "at 10:30 🙂", "clock times are not codes"
