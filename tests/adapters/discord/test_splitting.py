"""Long notes split cleanly: between lines, else between words (never inside a word unless one word is longer
than a block), every code block closed, and the blocks put together give exactly the note."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

from hypothesis import example, given
from hypothesis import strategies as st

from adapters.discord.render import render
from adapters.discord.split import LIMIT, fenced, split_code
from bot.actions import DraftsReady
from bot.drafts import Draft, DraftsDocument, Recipient

WHEN = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
FENCED = re.compile(r"```\n(.*?)\n```", re.S)
INNER = LIMIT - len(fenced(""))
words = st.text(alphabet=st.sampled_from("abcé\u0301"), min_size=1, max_size=30)
separators = st.sampled_from([" ", " ", " ", "\n", "\n\n", "  ", "\t", " \n"])
bodies = st.lists(st.tuples(words, separators), max_size=80).map(lambda ws: "".join(w + s for w, s in ws).strip())


def _note(body: str) -> list[str]:
    draft = Draft(to=Recipient(name="Priya Natarajan"), channel="email", subject="Thanks", body=body,
                  words=len(body.split()), checks=[])  # fmt: skip
    document = DraftsDocument(drafts=[draft], send_by=WHEN, follow_up_at=WHEN)
    out = [o for o in render([DraftsReady(document, conversation_id=1)]) if o.kind == "draft"]
    assert all(len(o.content) <= LIMIT and o.content.count("```") % 2 == 0 for o in out)
    return [block for o in out for block in FENCED.findall(o.content)]


@given(bodies, st.integers(min_value=8, max_value=120))
@example("hiring observability ownership", 12)
def test_pieces_rejoin_exactly_and_break_only_between_words(body: str, limit: int) -> None:
    pieces = split_code(body, limit)
    assert "".join(p.text + p.then for p in pieces) == body
    for n, piece in enumerate(pieces):
        assert 0 < len(piece.text) <= limit or body == ""
        assert not piece.text.startswith("\n") and not piece.text.endswith("\n")  # Discord would hide those
        assert set(piece.then) <= {"\n"}
        after = pieces[n + 1].text if n < len(pieces) - 1 else ""
        if not piece.then and after and not piece.text[-1].isspace() and not after[0].isspace():
            # cut inside a word: only when that one word is longer than a block
            assert len(piece.text.split()) == 1
            word = piece.text.split()[-1] + after.split()[0]
            assert len(word) > limit - (len(piece.text) - len(piece.text.lstrip()))
            assert not unicodedata.combining(after[0])  # an accent stays on its letter


def test_a_line_longer_than_a_message_is_cut_between_words() -> None:
    paragraph = " ".join(f"hiring observability ownership number{n}" for n in range(120))
    body = f"Dear Priya,\n\n{paragraph}\n\nBest,\nSam"
    blocks = _note(body)
    assert len(blocks) >= 3
    pieces = split_code(body, INNER)
    assert blocks == [p.text for p in pieces]
    assert "".join(p.text + p.then for p in pieces) == body
    wordset = set(body.split())
    for block in blocks:
        assert set(block.split()) <= wordset  # no word was cut in two ("observabili" / "ty")
    word_cuts = [p for p in pieces if not p.then and p is not pieces[-1]]
    assert word_cuts and all(p.text.endswith(" ") for p in word_cuts)


def test_a_single_word_longer_than_a_block_is_the_only_thing_cut_inside() -> None:
    body = "Links: " + "x" * (INNER + 100) + " end"
    blocks = _note(body)
    assert "".join(blocks) == body
    assert blocks[0] == "Links: "
