"""The similarity measures read a note's words without the `\\w+` pattern where its only word characters are
ASCII: the words must be exactly those the pattern finds, on any text (names like "García", curly quotes,
dashes, digits of other scripts, characters whose lower case differs)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.compose.similarity import _words_of, shingles, words

_PATTERN = re.compile(r"\w+")
_PIECES = ["Ana", "García", "team's", "they’re", "on-call", "p99", "_x", "90", "…", "—", "◊", "é", "İ", "K", "Ⅳ",
           "٣", "²", "😀", "\u00a0", "\u2028", "\n", "\t", " ", ".", ",", "!", "ß", "Ⓐ", "ǅ"]  # fmt: skip
_TEXT = st.one_of(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), st.text(max_size=40))


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_the_words_are_what_the_pattern_finds(text: str) -> None:
    assert _words_of(text) == _PATTERN.findall(text)
    assert _words_of(text.lower()) == _PATTERN.findall(text.lower())


def test_every_character_separates_or_joins_words_as_the_pattern_says() -> None:
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:  # surrogates cannot be encoded
            continue
        text = f"a{chr(code)}b"
        assert _words_of(text) == _PATTERN.findall(text), hex(code)


def test_a_notes_words_and_runs() -> None:
    body = "Dear Ana,\n\nOur talk about García’s on-call rota—and p99 latency—stayed with me.\n\nBest,\nSam"
    expected = [
        "our",
        "talk",
        "about",
        "garcía",
        "s",
        "on",
        "call",
        "rota",
        "and",
        "p99",
        "latency",
        "stayed",
        "with",
        "me",
    ]
    assert words(body) == expected
    assert "and p99 latency" in shingles(body)
