"""Attached notes are named after the person, in any script, and the names are safe on every OS."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.discord import ThankYouClient
from adapters.discord.render import attachments
from adapters.discord.translate import address
from bot.actions import DraftsReady
from bot.drafts import Draft, DraftsDocument, Recipient
from tests.fakes.discord_gateway import DiscordFake, DiscordSchemas, request_body, request_files

WHEN = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
UNSAFE = set('/\\:*?"<>|')


def _draft(name: str, channel: str = "email") -> Draft:
    return Draft(to=Recipient(name=name, email="x@acme.example"), channel=channel, subject="Thanks",
                 body=f"Dear {name},\n\nThank you.\n\nBest,\nSam", words=6, checks=[])  # fmt: skip


@pytest.mark.parametrize(
    ("name", "position", "expected"),
    [
        ("王伟", 3, "note-4-王伟.txt"),
        ("Zoë Ångström", 2, "note-3-zoë-ångström.txt"),
        ("Zoe\u0308 A\u030angstro\u0308m", 2, "note-3-zoë-ångström.txt"),  # decomposed input, same name
        ("Priya Natarajan", 0, "note-1-priya-natarajan.txt"),
        ("प्रिया शर्मा", 0, "note-1-प्रिया-शर्मा.txt"),  # vowel signs stay with their letters
        ('a/b\\c:d*e?f"g<h>i|j', 0, "note-1-a-b-c-d-e-f-g-h-i-j.txt"),
        ("..\x00\x1f\u202e", 0, "note-1-note.txt"),
        ("", 0, "note-1-note.txt"),
    ],
)
def test_file_names_keep_the_persons_name(name: str, position: int, expected: str) -> None:
    files = attachments(_draft(name), position)
    assert files[0].filename == expected
    assert files[1].filename == expected.removesuffix(".txt") + ".eml"


@given(st.text(max_size=300))
def test_every_file_name_is_safe_everywhere(name: str) -> None:
    (txt, _eml) = attachments(_draft(name), 0)
    stem = txt.filename.removeprefix("note-1-").removesuffix(".txt")
    assert stem and not (set(stem) & UNSAFE)
    assert all(unicodedata.category(c)[0] not in "CZ" for c in stem)  # no controls, format chars or spaces
    assert not stem.startswith(("-", ".")) and not stem.endswith(("-", "."))
    assert len(stem) <= 40 and len(txt.filename.encode("utf-8")) <= 120


async def test_the_name_reaches_discord_intact(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas
) -> None:
    wang = discord_fake.user("wang")
    document = DraftsDocument(drafts=[_draft("王伟")], send_by=WHEN, follow_up_at=WHEN)
    await client.sender.send(address(user_id=wang.id, channel_id=wang.dm_channel), [DraftsReady(document, 5)])
    (call,) = [c for c in discord_fake.messages_to(wang) if request_files(c)]
    schemas.validate_call(call)
    assert set(request_files(call)) == {"note-1-王伟.txt", "note-1-王伟.eml"}
    assert {a["filename"] for a in request_body(call)["attachments"]} == {"note-1-王伟.txt", "note-1-王伟.eml"}
