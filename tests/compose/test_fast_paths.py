"""The composer and its checks take shortcuts (no regular expression compiled per panel; a rule tried only
where its word is; a pattern skipped when a cheap look shows it cannot match): each must find exactly what
the plain way finds, on text typed any which way."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.compose import confusables, shapes
from bot.compose.checks import (
    _ASCII_COMPOUNDS,
    _COMPOUNDS,
    _DOUBLED,
    _STOCK,
    _may_hold_a_stock_phrase,
    doubled_words,
    mask,
)
from bot.compose.reader_checks import _PROMISE, _may_promise
from bot.compose.reading import TRAILING
from bot.compose.similarity import sentences
from bot.compose.wordlists import DOUBLE_OK
from tests.compose.test_confusables import RIGHT, WRONG

_PIECES = ["Ana", "Ana García", "Analytics", "Li", "Tom Li", "Dr. Li", "li", "_Li", "Li2", "their", "There",
           "they’re", "THEIR", "your", "You're", "its", "it's", "then", "than", "team", "is", "a", "going",
           "to", "own", "welcome", "right", "more", "effect", "affect", "loose", "lose", "track", ".", ",",
           "\n", " ", "  ", "-", "'", "é", "ſ", "İ", "K"]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join)
_NOUNS = st.lists(st.sampled_from(["Ana", "Ana García", "Li", "Tom Li", "Dr. Li", "García", " ", "Analytics"]))


def _regex_mask(text: str, nouns: Sequence[str]) -> str:
    """How the masking was done before: one expression of the nouns, longest first."""
    alternatives = "|".join(re.escape(n) for n in sorted({n for n in nouns if n.strip()}, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{alternatives})(?!\w)", "◊", text)


def _every_rule_in_full(text: str) -> list[confusables.Slip]:
    found: dict[int, confusables.Slip] = {}
    for rule in confusables.RULES:
        for match in rule.pattern.finditer(text):
            start = match.start("word")
            if start not in found:
                wrong = match.group("word")
                right = rule.right[0].upper() + rule.right[1:] if wrong[:1].isupper() else rule.right
                found[start] = confusables.Slip(wrong, right, " ".join(match.group(0).split()))
    return [found[start] for start in sorted(found)]


@settings(max_examples=300, deadline=None)
@given(_TEXT, _NOUNS)
def test_masking_finds_what_one_expression_of_the_nouns_finds(text: str, nouns: list[str]) -> None:
    if any(n.strip() for n in nouns):  # with no noun at all, the expression matched the empty string
        assert mask(text, nouns) == _regex_mask(text, nouns)


def test_masking_keeps_longer_names_whole() -> None:
    nouns = ["Ana", "Ana García", "Li", "Tom Li"]
    assert mask("Ana García met Tom Li and Ana at Analytics Li.", nouns) == "◊ met ◊ and ◊ at Analytics ◊."


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_confusables_find_what_every_rule_run_in_full_finds(text: str) -> None:
    assert confusables.find(text) == _every_rule_in_full(text)


def test_confusables_find_the_same_in_the_examples() -> None:
    for text in [t for t, _, _ in WRONG] + list(RIGHT):
        assert confusables.find(text) == _every_rule_in_full(text)


# fmt: off
_PROSE_WORDS = ["I", "am", "writing", "to", "touch", "base", "team", "player", "go-getter", "at", "the", "end", "of",
                "day", "today", "spend", "synergy", "ſynergy", "Synergy", "think", "outside", "box", ".", "!", "?",
                "\n", " ", "\t", "\u00a0", "Mr.", "e.g.", "on", "call", "on-call", "here", "there", "is", "Here's",
                "as", "promised", "my", "slides", "deck", "link", "find", "you", "can", "linked", "below", "I've"]
# fmt: on
_PROSE = st.lists(st.sampled_from(_PROSE_WORDS), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_PROSE.map(" ".join))
def test_the_stock_phrase_shortcut_never_skips_a_match(text: str) -> None:
    if _STOCK.search(text):
        assert _may_hold_a_stock_phrase(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_PROSE.map(" ".join), _PROSE.map("".join)))
def test_sentences_split_as_the_pattern_splits(text: str) -> None:
    expected = frozenset(s.strip() for s in re.split(r"(?<=[.?!])\s+|\n+", text) if len(s.split()) >= 4)
    assert sentences.__wrapped__(text) == expected


@settings(max_examples=300, deadline=None)
@given(_PROSE.map(" ".join))
def test_the_promise_shortcut_never_skips_a_match(text: str) -> None:
    if _PROMISE.search(text):
        assert _may_promise(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "lol",
                "LOL",
                "ya",
                "yaé",
                "u",
                "u-turn",
                "1u",
                "u'",
                "gonna",
                "é",
                "◊",
                "—",
                "K",
                "İ",
                "super",
                "super-fast",
                "don’t",
                "’",
                "-",
                " ",
                "!",
                "x",
            ]
        ),
        max_size=20,
    ).map("".join)
)
def test_informal_words_are_found_as_with_unicode_letters(text: str) -> None:
    others = [ch for ch in text if not ch.isascii()]
    if not any(ch.isalpha() for ch in others):
        assert _ASCII_COMPOUNDS.findall(text.lower()) == _COMPOUNDS.findall(text.lower())


_SEAMS = ["on", "On", "ON", "the", "that", "had", "Had", "ana", "Ana", "García", "garcía", "ſon", "son", "Son",
          "İt", "it", "ıt", "\u212aey", "key", "Ⓐ", "²", "◊", "’", "'", "-", "_", "1", " ", "  ", "\t", "\n", ".",
          "(", "é", "É"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SEAMS), max_size=24).map("".join), st.lists(st.sampled_from(_SEAMS), max_size=24))
def test_doubled_words_are_found_as_the_case_blind_pattern_finds_them(joined: str, words: list[str]) -> None:
    for text in (joined, " ".join(words)):
        expected = [
            f"{m.group(1)} {m.group(2)}" for m in _DOUBLED.finditer(text) if m.group(1).lower() not in DOUBLE_OK
        ]
        assert doubled_words(text) == expected


def _says_no_answer_in_full(tidied: str) -> bool:
    """How `shapes._says_no_answer` looked before it skipped the split."""
    if not any(ch.isalnum() for ch in tidied) or tidied.lower().strip(TRAILING) in shapes.NO_ANSWER:
        return True
    first = shapes._SEGMENTS.split(tidied)[0]
    return bool(shapes._NOTHING.match(first)) and first.lower().strip(TRAILING) in shapes.NO_ANSWER


_NO_ANSWER_PIECES = ["nothing", "Nothing", "NOTHING", "not", "much", "really", "n/a", "no", "No", "nope", "idk",
                     "-", "—", ",", ";", ".", "…", " ", " and ", "also", "it", "was", "short", "we", "K", "İ", "Σ",
                     "σ", "nil", "?"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NO_ANSWER_PIECES), max_size=8).map("".join))
def test_no_answer_is_read_as_the_first_segment_says(tidied: str) -> None:
    assert shapes._says_no_answer(tidied) == _says_no_answer_in_full(tidied)
