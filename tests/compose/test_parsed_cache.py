"""The parsed sentence bank and the compiled layouts kept in the cache folder: used when whole, rebuilt when
damaged or out of date, skipped when the folder cannot be written; what they give never differs."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.compose import bank, parsed_cache, template_cache


class _Parser:
    """A parser (one file of code) that counts its calls."""

    def __init__(self, folder: Path) -> None:
        self.code = folder / "parser.py"
        self.code.write_text("# version 1\n", encoding="utf-8")
        self.calls = 0

    def parse(self, text: str) -> object:
        self.calls += 1
        return {"lines": text.splitlines(), "count": len(text)}

    def __call__(self, text: str) -> object:
        return parsed_cache.parsed("things", text, [self.code], self.parse)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", str(folder))
    parsed_cache._parser_stamp.cache_clear()
    return folder


def test_parsed_once_then_read_from_the_cache_folder(tmp_path: Path, cache: Path) -> None:
    parser = _Parser(tmp_path)
    assert parser("a\nb\n") == {"lines": ["a", "b"], "count": 4}
    assert parser("a\nb\n") == {"lines": ["a", "b"], "count": 4}
    assert parser.calls == 1
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["things"]


def test_a_changed_text_or_parser_is_parsed_afresh(tmp_path: Path, cache: Path) -> None:
    parser = _Parser(tmp_path)
    parser("a\n")
    assert parser("a\nc\n") == {"lines": ["a", "c"], "count": 4}
    parser.code.write_text("# version 2, longer\n", encoding="utf-8")  # an upgraded parser
    parsed_cache._parser_stamp.cache_clear()  # as in a new process
    parser("a\n")
    assert parser.calls == 3


@pytest.mark.parametrize("damage", ["cut", "edited", "empty"])
def test_a_damaged_entry_is_parsed_again_and_replaced(tmp_path: Path, cache: Path, damage: str) -> None:
    parser = _Parser(tmp_path)
    parser("a\nb\n")
    [saved] = cache.iterdir()
    raw = saved.read_bytes()
    saved.write_bytes({"cut": raw[:-3], "edited": raw.replace(b'"b"', b'"x"'), "empty": b""}[damage])
    assert parser("a\nb\n") == {"lines": ["a", "b"], "count": 4}
    assert parser.calls == 2
    assert saved.read_bytes() == raw


def test_an_unwritable_cache_folder_parses_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", str(blocker / "cache"))
    parser = _Parser(tmp_path)
    assert parser("a\n") == parser("a\n") == {"lines": ["a"], "count": 2}
    assert parser.calls == 2


def test_switched_off_or_not_json_nothing_is_kept(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert parsed_cache.parsed("tuples", "x", [], lambda text: (text,)) == ("x",)  # JSON would give a list
    assert parsed_cache.parsed("keys", "x", [], lambda text: {1: text}) == {1: "x"}  # JSON would give "1"
    assert not cache.exists()
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", "off")
    parser = _Parser(tmp_path)
    parser("a\n")
    parser("a\n")
    assert parser.calls == 2


def test_the_bank_from_the_cache_is_the_bank_parsed(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = bank.load_bank.__wrapped__(bank.NOTES_DIR)
    assert sorted(p.name.split("-")[1] for p in cache.iterdir()) == sorted(["common", *bank.OCCASIONS])
    assert bank.load_bank.__wrapped__(bank.NOTES_DIR).files == first.files
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", "off")
    assert bank.load_bank.__wrapped__(bank.NOTES_DIR).files == first.files


def _layout_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("layout-*.cache"))


def _say(*slots: str) -> str:
    return "+".join(slots)


def _render_email() -> str:
    """Through a new environment, as in a new process."""
    environment = bank.environment.__wrapped__()
    return environment.get_template("email.j2").render(say=_say, candidate="Sam", too_short=0, order=1)


EMAIL = "greeting\n\nthanks+specific\n\nstrength+interest\n\nadd+share\n\nclose\n\nsignoff\nSam"


def test_a_layout_is_compiled_once_and_renders_the_same(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _render_email() == EMAIL
    [saved] = _layout_files(cache)
    assert template_cache.bytecode_cache(Path(bank.__file__)) is not None
    assert _render_email() == EMAIL
    assert _layout_files(cache) == [saved]
    whole = saved.read_bytes()
    for damaged in (whole[:40], whole[:-10], b""):  # compiled again, and replaced
        saved.write_bytes(damaged)
        assert _render_email() == EMAIL
        assert saved.read_bytes() == whole
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", "off")
    assert template_cache.bytecode_cache(Path(bank.__file__)) is None
    assert _render_email() == EMAIL


def test_an_unwritable_folder_still_renders_layouts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("THANKYOU_BOT_CACHE_DIR", str(blocker / "cache"))
    assert _render_email() == _render_email() == EMAIL
    assert blocker.read_text(encoding="utf-8") == ""
