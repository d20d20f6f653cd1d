"""deploy/README.md stays true: every setting and metric is in it, and its SQLite backup command works live."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.config import Settings, load_settings
from bot.observability import metrics
from bot.runtime import running
from tests.fakes.clock import FakeClock
from tests.observability.debrief import address, finish_debrief

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "deploy" / "README.md").read_text(encoding="utf-8")


def section(heading: str) -> str:
    """The guide's text from `heading` to the next heading."""
    return GUIDE.split(heading, 1)[1].split("\n#", 1)[0]


def table_names(heading: str) -> set[str]:
    """The first column's `NAME`s in the table under `heading`."""
    return set(re.findall(r"^\| `([A-Za-z_]+)`", section(heading), flags=re.MULTILINE))


def test_every_setting_is_documented_with_its_default_and_whether_it_is_secret() -> None:
    documented = table_names("## Settings")
    assert documented == {name.upper() for name in Settings.model_fields}
    for line in section("## Settings").splitlines():
        if line.startswith("| `"):
            assert len(line.strip("|").split(" | ")) == 4, f"variable, default, secret, meaning: {line}"


def test_every_exported_metric_is_documented() -> None:
    exported = {m.name for m in metrics.Metrics().registry.collect()}
    documented = {re.sub(r"_total$", "", name) for name in table_names("The metrics")}
    assert exported == documented


def test_the_guides_install_from_a_checkout_or_the_image_never_from_pypi() -> None:
    for guide in [ROOT / "README.md", *sorted((ROOT / "deploy").rglob("*.md"))]:
        text = guide.read_text(encoding="utf-8")
        assert "pip install thankyou-bot" not in text, guide
    assert "deploy/README.md" in (ROOT / "README.md").read_text(encoding="utf-8")


async def test_the_documented_sqlite_backup_copies_a_live_database(tmp_path: Path, clock: FakeClock) -> None:
    command = re.search(r'^python3 -c "import sqlite3.*?\n.*?$', GUIDE, flags=re.MULTILINE)
    assert command is not None, "the guide shows the Python form of the backup"
    settings = load_settings(database_url=f"sqlite:///{tmp_path}/thankyou-bot.db")
    async with running(settings, clock=clock) as core:
        await finish_debrief(core, address("discord"))  # the bot is running: changes may sit in the WAL
        shell = command.group(0).replace("python3", f'"{sys.executable}"', 1)
        subprocess.run(["bash", "-c", shell], cwd=tmp_path, check=True, timeout=60)
    (copy,) = tmp_path.glob("thankyou-bot-*.db")
    with sqlite3.connect(copy) as restored:
        assert restored.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert restored.execute("SELECT count(*) FROM notes").fetchone() == (2,)
