"""The word-sequence similarity the panel gate and the corpus test use is difflib's ratio, computed without
difflib: it must give exactly what difflib gives, ties between equally long runs of words included."""

from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.compose.similarity import positions, sequence_similarity, within_limit, words
from tests.compose.helpers import ANA, KIM, PRIYA, TOM, drafts

# Few distinct words, so runs repeat and tie, as "the", "to" and "I" do in notes.
_WORDS = st.lists(st.sampled_from(["the", "to", "i", "team", "you", "about", "our", "talk"]), max_size=60)


def _difflib(first: list[str], second: list[str]) -> float:
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


@settings(max_examples=400, deadline=None)
@given(_WORDS, _WORDS)
def test_the_ratio_is_difflibs_for_any_word_lists(first: list[str], second: list[str]) -> None:
    assert sequence_similarity(first, second) == _difflib(first, second)
    assert sequence_similarity(first, second, positions(second)) == _difflib(first, second)


def test_the_ratio_is_difflibs_for_a_panels_notes() -> None:
    notes = [words(d.body) for d in drafts(interviewers=[PRIYA, TOM, ANA, KIM]).drafts]
    for first in notes:
        for second in notes:
            assert sequence_similarity(first, second) == _difflib(first, second)
            fine, measured = within_limit(first, second)
            assert fine == (_difflib(first, second) <= 0.40)
            assert measured >= _difflib(first, second) - 1e-9  # the bound (rounded its own way), or the ratio
