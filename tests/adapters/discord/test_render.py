"""Rendering: escaping, exact code blocks, the backtick fallback, and clean splitting at 2,000 characters."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from adapters.discord.render import Outgoing, escape, render
from adapters.discord.split import LIMIT, Block, fenced, pack, split_code, split_text
from bot.actions import Ask, Choice, DraftsReady, Nudge, Say
from bot.drafts import Check, Draft, DraftsDocument, Recipient
from tests.adapters.discord.helpers import CODE_BLOCK
from tests.adapters.discord.markdown_model import markup, shown

WHEN = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)


def _draft(body: str, name: str = "Priya Natarajan") -> Draft:
    checks = [Check(code="no-specific-detail", level="warning", message="Add one thing @everyone said")]
    return Draft(to=Recipient(name=name, email="p@acme.example"), channel="email", subject="Thanks",
                 body=body, words=len(body.split()), checks=checks)  # fmt: skip


def _ready(*bodies: str) -> list[Outgoing]:
    document = DraftsDocument(drafts=[_draft(b) for b in bodies], send_by=WHEN, follow_up_at=WHEN)
    return render([DraftsReady(document, conversation_id=7)])


def test_escape_defuses_mentions_and_markdown() -> None:
    out = escape("@everyone @here <@&123456789012345678> *hi* _x_")
    assert markup(out) == [] and shown(out) == "@everyone @here <@&123456789012345678> *hi* _x_"
    assert "\\*hi\\*" in out and "\\_x\\_" in out and "\\@everyone" in out


def test_the_code_block_holds_exactly_the_note() -> None:
    body = "Dear Priya,\n\nThank you <@123456789012345678> for *your* time_ @everyone.\n\nBest,\nSam"
    (note, *_rest) = [o for o in _ready(body) if o.kind == "draft"]
    assert CODE_BLOCK.findall(note.content) == [body]
    assert [b.custom_id for b in note.buttons] == ["ty:d:7:sent:0", "ty:e:7:0"]  # Mark as sent, Edit note
    assert {f.filename: f.data for f in note.files}["note-1-priya-natarajan.txt"] == body.encode()
    after = note.content.split("```")[-1]
    assert "\\@everyone" in after and markup(after) == []  # the check text outside the block is escaped


def test_a_note_containing_backticks_is_attached_instead_of_fenced() -> None:
    body = "Here is the snippet: ```print(1)``` thanks"
    (note,) = [o for o in _ready(body) if o.kind == "draft"]
    assert "```" not in note.content and "attached" in note.content
    assert note.files[0].data == body.encode()


def test_a_long_note_splits_between_lines_into_complete_code_blocks() -> None:
    paragraphs = [f"Paragraph {n}: " + " ".join(["thoughtful"] * 30) for n in range(20)]
    body = "\n\n".join(paragraphs)
    notes = [o for o in _ready(body) if o.kind == "draft"]
    assert len(notes) > 2 and all(len(o.content) <= LIMIT for o in notes)
    assert all(o.content.count("```") % 2 == 0 for o in notes)
    pieces = [piece for o in notes for piece in CODE_BLOCK.findall(o.content)]
    expected = split_code(body, LIMIT - len(fenced("")))
    assert pieces == [p.text for p in expected] and "".join(p.text + p.then for p in expected) == body
    assert all(p.then == "\n\n" for p in expected[:-1])  # cut between paragraphs, shown whole
    assert notes[-1].buttons and not notes[0].buttons and notes[-1].files


def test_ask_has_choice_and_navigation_buttons_on_separate_rows() -> None:
    ask = Ask("format", "How was it held?", tuple(Choice(v, v.title()) for v in ("phone", "video", "onsite",
              "panel", "other", "x")), optional=True, navigation=("skip", "back", "cancel"))  # fmt: skip
    (out,) = render([Say("Got it."), ask])
    assert out.content.startswith("Got it.\nHow was it held?")
    rows = {b.custom_id: b.row for b in out.buttons}
    assert rows["ty:c:format:phone"] == 0 and rows["ty:c:format:x"] == 1 and rows["ty:n:skip:format"] == 2


def test_nudge_buttons_carry_the_reminder() -> None:
    nudge = Nudge(42, "follow_up", "Time to check in with Acme?", (Choice("snooze:week", "Next week"),),
                  draft=_draft("Hi Priya, just checking in."))  # fmt: skip
    (out,) = render([nudge])
    assert [b.custom_id for b in out.buttons] == ["ty:r:42:snooze:week"]
    assert CODE_BLOCK.findall(out.content) == ["Hi Priya, just checking in."]


@given(st.lists(st.text(alphabet=st.sampled_from("ab \n"), min_size=0, max_size=900), min_size=1, max_size=8))
def test_pack_never_exceeds_the_limit_or_cuts_a_word(paragraphs: list[str]) -> None:
    for message in pack([Block(p) for p in paragraphs if p]):
        assert 0 < len(message) <= LIMIT


@given(st.text(alphabet=st.sampled_from("ab\n"), min_size=0, max_size=5000))
def test_code_splits_rejoin_exactly(body: str) -> None:
    parts = split_code(body, 300)
    assert all(len(p.text) <= 300 for p in parts)
    assert "".join(p.text + p.then for p in parts) == body


def test_prose_splits_at_spaces_never_inside_a_word() -> None:
    words = ["alpha", "beta", "gamma", "delta"] * 200
    parts = split_text(" ".join(words), 100)
    assert all(len(p) <= 100 for p in parts)
    assert [w for p in parts for w in p.split()] == words
