"""The offline spelling check: lazy, loaded once, and quiet about names, terms and British spelling."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from spellchecker import SpellChecker

from bot.compose import spelling
from bot.compose.spelling import COMMON_SLIPS, misspelled, suggestion
from bot.compose.workplace_words import WORKPLACE_TERMS


def test_the_dictionary_loads_only_when_needed_and_only_once(tmp_path: Path) -> None:
    """No prose: nothing loaded. Good prose: the word table, once. A slip: still only that table (corrections
    are looked up in it); the library's own, slower checker is never built."""
    script = textwrap.dedent(
        """
        import sys
        from datetime import datetime, timezone
        import spellchecker.spellchecker as sc
        loads = []
        original = sc.SpellChecker.__init__
        def counting(self, *args, **kwargs):
            loads.append(1)
            original(self, *args, **kwargs)
        sc.SpellChecker.__init__ = counting
        from bot.answers import parse_answers
        from bot.compose import compose
        now = datetime(2026, 11, 20, 17, tzinfo=timezone.utc)
        bare = parse_answers({"candidate": "Sam", "company": "Acme", "role": "Engineer",
                              "interviewers": [{"name": "Priya"}]})
        compose(bare, tz=timezone.utc, now=now)
        from bot.compose import spelling
        print(len(loads), spelling._words.cache_info().currsize)
        fine = parse_answers({"candidate": "Sam", "company": "Acme", "role": "Engineer",
                              "interviewers": [{"name": "Priya", "discussed": "the pipeline"}]})
        compose(fine, tz=timezone.utc, now=now)
        print(len(loads), spelling._words.cache_info().currsize)
        chatty = parse_answers({"candidate": "Sam", "company": "Acme", "role": "Engineer",
                                "interviewers": [{"name": "Priya", "discussed": "the pipline"}]})
        for _ in range(3):
            compose(chatty, tz=timezone.utc, now=now)
        print(len(loads), spelling._words.cache_info().currsize)
        """
    )
    env = {**os.environ, "THANKYOU_BOT_CACHE_DIR": str(tmp_path)}  # the table is built, then read
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
        assert result.stdout.splitlines() == ["0 0", "0 1", "0 1"]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder and no dictionary loaded in this process yet."""
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", str(tmp_path))
    clear = (spelling._words.cache_clear, spelling._is_known.cache_clear, spelling.suggestion.cache_clear)
    for each in clear:
        each()
    yield tmp_path
    for each in clear:
        each()


def test_a_changed_data_layout_falls_back_to_the_full_checker(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spelling, "_dictionary_text", lambda: '{"a": 1}')  # not the layout we know
    assert misspelled(["the pipeline works", "a pipline"]) == ["pipline"]
    assert len(spelling._words()) > 100_000
    assert suggestion("pipline") == "pipeline"
    assert list(fresh.iterdir()) == []


def test_the_dictionary_is_kept_as_a_table_and_later_read_without_parsing(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert misspelled(["the pipeline works", "a pipline"]) == ["pipline"]
    assert [path.name.split("-")[0] for path in fresh.iterdir()] == ["spelling"]

    def unread() -> str:
        raise AssertionError("the library's dictionary file was parsed again")

    monkeypatch.setattr(spelling, "_dictionary_text", unread)
    for each in (spelling._words.cache_clear, spelling._is_known.cache_clear, spelling.suggestion.cache_clear):
        each()
    assert misspelled(["the pipeline works", "a pipline", "the colour"]) == ["pipline"]
    assert suggestion("pipline") == "pipeline"


def test_the_table_holds_every_word_of_the_library_with_its_count(fresh: Path) -> None:
    library = SpellChecker(language="en").word_frequency.dictionary
    words = spelling._words()
    assert len(words) == len(library)
    assert dict(words.items()) == dict(library)
    assert all(words[word] == count for word, count in list(library.items())[::97])
    assert "pipline" not in words and "qzxwvvy" not in words


@pytest.mark.parametrize(
    "text",
    [
        "Kafka and PostgreSQL",  # capitalised: names and products
        "the colour of the organisation's catalogue, analysed and travelled",  # British spelling
        "devops, kubernetes and on-call onboarding",  # workplace words
        "see https://exmaple.com/talk or mail sam@exmaple.com",  # addresses
        "café naïve résumé",  # accented words are not checked
        "I don't think it's the team's fault",  # contractions and possessives
        "a 10x improvement in p99 latency",  # words with digits
    ],
)
def test_no_false_alarms(text: str) -> None:
    assert misspelled([text]) == []


def test_real_slips_are_found_once_each_in_order() -> None:
    assert misspelled(["I recieve the pipline", "another pipline"]) == ["recieve", "pipline"]


def test_ignored_words_are_never_reported() -> None:
    assert misspelled(["working with natarajan"], ignore={"natarajan"}) == []
    assert misspelled(["working with natarajan"]) == ["natarajan"]


def test_suggestions() -> None:
    assert suggestion("recieve") == "receive"
    assert suggestion("pipline") == "pipeline"
    assert suggestion("qzxwvvy") is None


def test_well_known_misspellings_have_their_one_correction() -> None:
    for typed, right in {"managment": "management", "enviroment": "environment", "definately": "definitely",
                         "wich": "which", "becuase": "because", "thier": "their"}.items():  # fmt: skip
        assert suggestion(typed) == right
        assert misspelled([f"the {typed} here"]) == [typed]


def test_no_known_misspelling_is_a_real_or_workplace_word_or_corrects_to_an_unknown_word() -> None:
    """The composer writes these corrected in a note (bot/compose/slips.py): each must be certain."""
    assert not set(COMMON_SLIPS) & WORKPLACE_TERMS
    assert all(misspelled([typed]) == [typed] for typed in COMMON_SLIPS)
    assert all(misspelled([right]) == [] for right in COMMON_SLIPS.values())
