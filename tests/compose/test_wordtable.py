"""Word tables: lookups agree with a dict, and the cache folder is used when it can be and skipped when not."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from bot.compose import wordtable
from bot.compose.wordtable import WordTable, cached, encode


def _random_words(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    letters = "abcdefghijklmnop'-é"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(1, 14))) for _ in range(count)]


def test_lookups_agree_with_a_dict_for_present_and_absent_words() -> None:
    rows = {word: str(number) for number, word in enumerate(_random_words(40_000, seed=1))}
    rows |= {"a": "first", "aa": "prefix", "aaa": "longer", "zz": "", "é": "accent"}
    table = WordTable(encode(rows.items()))
    assert len(table) == len(rows)
    for word in [*rows, *_random_words(40_000, seed=2), "", "zzz", "\t", "a\nb", "\ud800"]:
        assert table.get(word) == rows.get(word), word
        assert (word in table) == (word in rows)
    assert dict(table.items()) == rows


def test_a_later_row_wins_and_bad_keys_are_refused() -> None:
    assert dict(WordTable(encode([("x", "1"), ("x", "2")])).items()) == {"x": "2"}
    for bad in [("a\tb", "1"), ("a\nb", "1"), ("", "1"), ("a", "1\n2")]:
        with pytest.raises(ValueError):
            encode([bad])


def source_stamp(source: _Source) -> str:
    return wordtable.fingerprint("words", [source.path])


class _Source:
    """A source file and a build function that counts its calls."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "source.txt"
        self.path.write_text("alpha 1\nbeta 2\n", encoding="utf-8")
        self.builds = 0

    def build(self) -> Iterable[tuple[str, str]]:
        self.builds += 1
        return [tuple(line.split()) for line in self.path.read_text(encoding="utf-8").splitlines()]  # type: ignore[misc]

    def table(self) -> WordTable:
        return cached("words", [self.path], self.build)


def test_built_once_then_read_from_the_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", str(tmp_path / "cache"))
    source = _Source(tmp_path)
    assert source.table().get("beta") == "2"
    assert source.table().get("alpha") == "1"
    assert source.builds == 1
    assert [p.name.split("-")[0] for p in (tmp_path / "cache").iterdir()] == ["words"]


def test_a_changed_source_builds_a_new_table_and_drops_day_old_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", str(tmp_path / "cache"))
    source = _Source(tmp_path)
    source.table()
    [first] = (tmp_path / "cache").iterdir()
    other = tmp_path / "cache" / "words-extra-0123abcd.tsv"  # another table whose name starts the same
    other.write_bytes(b"kept")
    source.path.write_text("alpha 1\nbeta 2\ngamma 3\n", encoding="utf-8")  # an upgraded library
    assert source.table().get("gamma") == "3"
    assert source.builds == 2
    current = f"words-{source_stamp(source)}.tsv"
    # a version written in the last day may still be in use by another process: it stays
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted([first.name, other.name, current])
    day_old = time.time() - 25 * 3600
    os.utime(first, (day_old, day_old))
    os.utime(other, (day_old, day_old))
    source.path.write_text("alpha 1\n", encoding="utf-8")  # upgraded again
    assert source.table().get("gamma") is None
    final = f"words-{source_stamp(source)}.tsv"
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted([other.name, current, final])


@pytest.mark.parametrize("damage", ["cut", "edited", "empty"])
def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", str(tmp_path / "cache"))
    source = _Source(tmp_path)
    source.table()
    [saved] = (tmp_path / "cache").iterdir()
    text = saved.read_bytes()
    saved.write_bytes({"cut": text[:-4], "edited": text.replace(b"beta\t2", b"beta\t9"), "empty": b""}[damage])
    assert source.table().get("beta") == "2"
    assert source.builds == 2
    assert saved.read_bytes() == text


def test_an_unwritable_cache_folder_keeps_the_table_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a read-only file system: the folder cannot be made (its parent is a file, which stops root too)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", str(blocker / "cache"))
    source = _Source(tmp_path)
    assert source.table().get("alpha") == "1"
    assert source.table().get("beta") == "2"
    assert source.builds == 2  # built each time, and it works
    assert blocker.read_text(encoding="utf-8") == ""


def test_switched_off_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = _Source(tmp_path)
    assert source.table().get("alpha") == "1"
    assert wordtable.cache_dir() is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source.txt"]


def test_the_cache_folder_follows_xdg_and_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THANKYOU_BOT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert wordtable.cache_dir() == tmp_path / "xdg" / "thankyou-bot"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert wordtable.cache_dir() == tmp_path / "home" / ".cache" / "thankyou-bot"
