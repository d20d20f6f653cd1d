"""The one time-zone fallback rule: the named zone, else the fallback, else UTC."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.time import zones
from bot.time.zones import is_known, known_zone, zone

UTC = ZoneInfo("UTC")
BERLIN = ZoneInfo("Europe/Berlin")


def test_a_known_name_is_used() -> None:
    assert zone("Europe/Berlin") == BERLIN
    assert zone("Europe/Berlin", "Asia/Tokyo") == BERLIN


@pytest.mark.parametrize("name", ["Not/AZone", "", None, "../../etc/passwd", "a\x00b", "America", "x" * 300])
def test_an_unknown_name_falls_back_then_to_utc(name: str | None) -> None:
    assert zone(name, "Europe/Berlin") == BERLIN
    assert zone(name) == UTC


@pytest.mark.parametrize("fallback", ["Bad/Zone", "", None, "America"])
def test_a_bad_fallback_still_gives_utc(fallback: str | None) -> None:
    assert zone("Not/AZone", fallback) == UTC


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("EUROPE/BERLIN", "Europe/Berlin"),
        ("utc", "UTC"),
        ("asia/kolkata", "Asia/Kolkata"),
    ],
)
def test_known_zone_forgives_case(typed: str, expected: str) -> None:
    assert known_zone(typed) == expected


@pytest.mark.parametrize("typed", ["", "Not/AZone", "Mars/Olympus_Mons", "America", "../../etc/passwd"])
def test_known_zone_is_none_for_unknown_names(typed: str) -> None:
    assert known_zone(typed) is None


def test_is_known_is_exact() -> None:
    assert is_known("Europe/Berlin") and is_known("UTC")
    assert not is_known("europe/berlin") and not is_known("") and not is_known("America") and not is_known("Not/AZone")


def test_the_first_known_candidate_wins_in_the_callers_order() -> None:
    assert zones.first_known(None, "", "Mars/Olympus", "Asia/Tokyo", "Europe/Berlin") == "Asia/Tokyo"
    assert zones.first_known("America", "Nowhere") == "UTC"  # a folder of the zone database is no zone
    assert zones.zone() == zones.UTC


def test_the_machine_zone_comes_from_tz_then_etc_localtime(tmp_path: Path) -> None:
    assert zones.machine_zone({"TZ": ":Europe/Berlin"}, tmp_path / "none") == "Europe/Berlin"
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/America/New_York")
    assert zones.machine_zone({}, link) == "America/New_York"
    assert zones.machine_zone({"TZ": "Mars/Olympus"}, link) == "America/New_York", "an unknown TZ is passed over"
    assert zones.machine_zone({}, tmp_path / "missing") is None


def test_a_machine_on_utc_says_plain_utc(tmp_path: Path) -> None:
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Etc/UTC")
    assert zones.machine_zone({}, link) == "UTC"
