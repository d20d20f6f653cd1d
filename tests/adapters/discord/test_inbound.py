"""Discord's `<…>` tokens in a DM become what the person meant; everything else they typed stays as typed."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from adapters.discord import ThankYouClient
from adapters.discord.inbound import plain_text
from adapters.discord.translate import dm_text
from tests.adapters.discord.helpers import latest, say
from tests.fakes.discord_gateway import DiscordFake, feed_interaction, feed_message

TOM = 800_000_000_000_000_001
NAMES = {TOM: "Tom Lee"}


@pytest.mark.parametrize(
    ("content", "meant"),
    [
        (f"<@{TOM}>", "@Tom Lee"),
        (f"<@!{TOM}>", "@Tom Lee"),  # the older "nickname" form
        ("<@800000000000000002>", "@user"),  # not in the message's mentions: no name to show
        ("<@&165511591545143296>", "@role"),
        ("<#103735883630395392>", "#channel"),
        ("<:partyblob:216154654256398347>", ":partyblob:"),
        ("<a:wave_hi:392938283556143104>", ":wave_hi:"),
        ("<t:1700000000>", "2023-11-14 22:13:20Z"),
        ("<t:1764547200:F>", "2025-12-01 00:00Z"),
        ("<t:1764547200:d>", "2025-12-01 00:00Z"),  # a date style still keeps the whole moment
        ("<t:1764547200:R>", "2025-12-01 00:00Z"),
        ("<t:-60>", "1969-12-31 23:59Z"),
        ("</thankyou:816437322781949972>", "/thankyou"),
        ("</thankyou start:816437322781949972>", "/thankyou start"),
        ("</settings notes tone:816437322781949972>", "/settings notes tone"),
    ],
)
def test_each_token_kind(content: str, meant: str) -> None:
    assert plain_text(content, NAMES) == meant


def test_tokens_in_a_sentence() -> None:
    typed = f"met <@{TOM}> and <@!{TOM}> in <#1> <:tada:2> on <t:1764547200:D>, then ran </thankyou:3>"
    meant = "met @Tom Lee and @Tom Lee in #channel :tada: on 2025-12-01 00:00Z, then ran /thankyou"
    assert plain_text(typed, NAMES) == meant


@pytest.mark.parametrize(
    "content",
    [
        "<@>",
        "<@abc>",
        "<@ 123>",
        "<@&>",
        "<#general>",
        "<:name:>",
        "<::123>",
        "<:name:abc>",
        "<b:name:123>",
        "<t:>",
        "<t:abc>",
        "<t:1700000000:Z>",  # not a style Discord knows
        "<t:1700000000:FF>",
        "<t:99999999999999999999>",  # past the calendar: kept rather than guessed
        "</:123>",
        "</thankyou>",
        "</thankyou:abc>",
        f"<@{TOM}",  # never closed
        f"@{TOM}>",
        "<>",
        "< @123>",
        "<id:customize>",  # a server's navigation link: not something a DM answer means
        "<https://example.com/talk?x=1&y=2>",  # link brackets typed to stop a preview
        f"\\<@{TOM}>",  # escaped: Discord shows it literally
    ],
)
def test_malformed_or_unknown_tokens_stay_as_typed(content: str) -> None:
    assert plain_text(content, NAMES) == content


@pytest.mark.parametrize(
    "content",
    ["**Acme**", "AT&T <Labs>", "__under__ ~~gone~~ ||spoiler|| `tick`", "@everyone @here", "a < b > c", "🙂 Zoë 王伟"],
)
def test_the_persons_own_markdown_and_brackets_stay_as_typed(content: str) -> None:
    assert plain_text(content, NAMES) == content


def test_a_mention_with_an_empty_name_falls_back() -> None:
    assert plain_text(f"<@{TOM}>", {TOM: ""}) == "@user"


def test_a_name_is_used_literally_even_when_it_looks_like_a_token() -> None:
    assert plain_text(f"<@{TOM}>", {TOM: "<@1> **x**"}) == "@<@1> **x**"


@given(st.text().filter(lambda text: "<" not in text or ">" not in text), st.dictionaries(st.integers(), st.text()))
@example("AT&T Labs > Bell Labs", {})
@example("<@123", {123: "Tom"})
def test_text_without_tokens_passes_unchanged(text: str, names: dict[int, str]) -> None:
    assert plain_text(text, names) == text


@given(
    st.text(alphabet=st.characters(blacklist_characters="<>")),
    st.text(alphabet=st.characters(blacklist_characters="<>")),
)
def test_text_around_a_token_is_untouched(before: str, after: str) -> None:
    assert plain_text(f"{before}<@{TOM}>{after}", NAMES) == (
        f"{before}<@{TOM}>{after}" if before.endswith("\\") else f"{before}@Tom Lee{after}"
    )


def test_dm_text_decodes_with_the_messages_mentions() -> None:
    event = dm_text(message_id=1, user_id=2, channel_id=3, text=f"thanks <@{TOM}>", mentions=NAMES)
    assert event.text == "thanks @Tom Lee"
    assert dm_text(message_id=1, user_id=2, channel_id=3, text=f"thanks <@{TOM}>").text == "thanks @user"


async def test_the_client_decodes_with_the_gateways_mentions(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    """Through discord.py: MESSAGE_CREATE's `mentions` (users, with display names) name the `<@id>` tokens."""
    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam))
    await say(discord_fake, client, sam, "1")
    await say(discord_fake, client, sam, "Sam Rivera")
    typed = f"<:acme:1> Acme with <@{TOM}> and <@!800000000000000002> **AT&T <Labs>**"
    payload = discord_fake.dm_payload(sam, typed)
    payload["mentions"] = [{"id": str(TOM), "username": "tom.lee", "discriminator": "0", "global_name": "Tom Lee",
                            "avatar": None}]  # fmt: skip
    await feed_message(client, payload)
    row = await latest(client, sam)
    assert row is not None
    assert row.answers["company"] == ":acme: Acme with @Tom Lee and @user **AT&T <Labs>**"
