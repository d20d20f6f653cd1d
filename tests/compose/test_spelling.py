"""The offline spelling check: lazy, loaded once, and quiet about names, terms and British spelling."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from bot.compose.spelling import misspelled, suggestion


def test_the_dictionary_loads_only_when_needed_and_only_once() -> None:
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
        print(len(loads))
        chatty = parse_answers({"candidate": "Sam", "company": "Acme", "role": "Engineer",
                                "interviewers": [{"name": "Priya", "discussed": "the pipline"}]})
        for _ in range(3):
            compose(chatty, tz=timezone.utc, now=now)
        print(len(loads))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "1"]


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
