"""The cached verb tables give exactly lemminflect's answers, and answers typed as clauses no longer load it."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import lemminflect  # type: ignore[import-untyped]
import pytest

from bot.compose import inflect, verb_tables
from bot.compose.wordtable import WordTable

RESOURCES = verb_tables.resources()
assert RESOURCES is not None
#: Words of every sort that members type: not all are in lemminflect's files.
TYPED = (
    "whiteboarded", "dockerized", "was", "were", "is", "am", "are", "been", "being", "could", "would", "might",
    "should", "must", "ought", "dare", "dared", "picked", "pick", "picks", "picking", "left", "saw", "seen", "went",
    "gone", "better", "lol", "idk", "kinda", "gonna", "wanna", "p99", "kafka", "k8s", "onboarding", "idempotency",
    "sharded", "shipped", "cancelled", "travelled", "analysed", "realise", "organised", "we", "they", "she", "'s",
    "'d", "'ll", "I", "Caching", "PICK", "Be", "WAS",
)  # fmt: skip


def _keys(name: str, categories: tuple[str, ...] = ()) -> set[str]:
    """The first column of one of lemminflect's files (of lines of these categories), read here on its own."""
    path = RESOURCES / "resources" / name
    raw = path.read_bytes()
    text = gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")
    rows = [line.split(",") for line in text.split("\n") if line.strip() and not line.startswith("#")]
    return {row[0] for row in rows if not categories or row[1] in categories}


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> tuple[WordTable, WordTable]:
    """Freshly built into an empty cache folder, so the test checks the build, not an older file."""
    os.environ["THANKYOU_BOT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    try:
        return verb_tables.lemma_table(), verb_tables.verb_table()
    finally:
        del os.environ["THANKYOU_BOT_CACHE_DIR"]


def test_every_word_has_lemminflects_lemmas(tables: tuple[WordTable, WordTable]) -> None:
    lemma_table, _ = tables
    words = {w for w in _keys("lemma_lu.csv.gz") | _keys("lemma_overrides.csv") if w == w.lower()}
    assert len(words) > 60_000
    words |= {w.lower() for w in TYPED} | {word for word, _ in lemma_table.items()}
    wrong = {
        w: (verb_tables.decode(lemma_table.get(w)), lemminflect.getAllLemmas(w))
        for w in sorted(words)
        if verb_tables.decode(lemma_table.get(w)) != lemminflect.getAllLemmas(w)
    }
    assert not wrong, list(wrong.items())[:5]


def test_every_verb_has_lemminflects_forms_for_every_tag(tables: tuple[WordTable, WordTable]) -> None:
    """Without guessing (inflect_oov=False) lemminflect answers from its tables alone: those answers are the
    table's; where it has none, the table holds none either and inflect.py asks lemminflect to guess."""
    _, verb_table = tables
    verbs = _keys("infl_lu.csv.gz", ("verb", "aux", "modal")) | _keys("infl_overrides.csv")
    others = sorted(_keys("infl_lu.csv.gz", ("noun", "adj", "adv")))[::40]  # a sample: they have no verb forms
    words = {w for w in verbs | set(others) if w == w.lower()} | {w.lower() for w in TYPED} | set(verb_tables.LISTED)
    words |= {word for word, _ in verb_table.items()}
    assert len(words) > 6_000
    wrong = []
    for word in sorted(words):
        ours = verb_tables.decode(verb_table.get(word))
        for tag in verb_tables.TAGS:
            expected = lemminflect.getInflection(word, tag, inflect_oov=False)
            if ours.get(tag, ()) != expected:
                wrong.append((word, tag, ours.get(tag), expected))
    assert not wrong, wrong[:5]
    assert len([word for word, _ in verb_table.items()]) > 6_000


@pytest.mark.parametrize("word", TYPED)
def test_inflect_answers_as_lemminflect_does(word: str) -> None:
    """Through inflect.py, where the tables and lemminflect's guesses meet: the same lemma and forms."""
    assert inflect.lemmas(word) == lemminflect.getAllLemmas(word.lower())
    expected: Any = lemminflect.getAllLemmas(word.lower())
    known = expected.get("VERB") or expected.get("AUX")
    lemma = inflect.verb_lemma(word)
    if known:
        assert lemma == known[0]
    for tag in verb_tables.TAGS:
        assert inflect.forms(word, tag) == lemminflect.getInflection(word, tag, inflect_oov=True), tag
        if lemma is not None:
            assert inflect.forms(lemma, tag) == lemminflect.getInflection(lemma, tag, inflect_oov=True), tag


def test_clauses_and_questions_are_read_without_lemminflect_or_numpy(tmp_path: Path) -> None:
    """A typed panel (questions, clauses, lead-ins) is composed from the tables: once they are built (the first
    run asks lemminflect for "be" and the modals), lemminflect and numpy are never imported; the notes are
    the same either way."""
    script = textwrap.dedent(
        """
        import sys
        from datetime import datetime, timezone
        from bot.answers import parse_answers
        from bot.compose import compose
        answers = parse_answers({"candidate": "sam", "company": "Acme", "role": "Engineer", "interviewers": [
            {"name": "priya", "discussed": "I explained my approach to caching", "detail": "she still codes every day"},
            {"name": "Tom", "discussed": "why did they pick Snowflake over BigQuery?"},
            {"name": "Ana", "discussed": "what does success look like in the first 90 days",
             "detail": "we went deep on how they measure impact"},
            {"name": "Lena", "discussed": "how do they keep p99 latency under 50ms", "detail": "idk"}]})
        document = compose(answers, tz=timezone.utc, now=datetime(2026, 11, 20, 17, tzinfo=timezone.utc))
        print("lemminflect" in sys.modules, "numpy" in sys.modules)
        print(document.drafts[1].body)
        """
    )
    env = {**os.environ, "THANKYOU_BOT_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)]
    runs.append(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env))
    assert runs[1].stdout.splitlines()[0] == "False False"
    for run in runs:
        assert "why they picked Snowflake over BigQuery" in run.stdout
    assert runs[0].stdout.splitlines()[1:] == runs[1].stdout.splitlines()[1:]
    assert sorted(path.name.split("-")[1] for path in tmp_path.glob("lemminflect-*.tsv")) == ["lemmas", "verbs"]
