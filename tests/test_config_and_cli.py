"""Settings from the environment and the `thankyou-bot` command line (exit codes, messages, migrations)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.errors import ConfigError


def cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, timeout=60, cwd=cwd,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


def test_settings_read_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://db/x")
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Asia/Kolkata")
    settings = load_settings()
    assert settings.database_url == "postgresql://db/x" and settings.default_timezone == "Asia/Kolkata"


def test_unknown_default_timezone_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Moon/Base")
    with pytest.raises(ConfigError, match="DEFAULT_TIMEZONE"):
        load_settings()


@pytest.mark.parametrize("value", [None, "", "changeme", "xoxb-your-token", "<your token>"])
def test_missing_or_placeholder_secret_is_refused_without_echoing_it(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    if value is not None:
        monkeypatch.setenv("SLACK_BOT_TOKEN", value)
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN is not set") as error:
        load_settings().require_secret("slack_bot_token")
    assert not value or value not in str(error.value)


def test_real_secret_is_returned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "MTIz.real.token")
    settings = load_settings()
    assert settings.require_secret("discord_token") == "MTIz.real.token"
    assert "MTIz" not in repr(settings), "secrets never appear in reprs or logs"


def test_db_upgrade_creates_schema_and_is_repeatable(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    for _ in range(2):
        result = cli("db", "upgrade", env={"DATABASE_URL": f"sqlite:///{db}"})
        assert result.returncode == 0 and "up to date" in result.stdout, result.stderr
    tables = {row[0] for row in sqlite3.connect(db).execute("select name from sqlite_master where type='table'")}
    assert {"conversations", "processed_events", "notes", "reminders", "user_prefs"} <= tables


def test_bad_usage_exits_2_with_a_short_message() -> None:
    result = cli("no-such-command")
    assert result.returncode == 2 and "invalid choice" in result.stderr and "Traceback" not in result.stderr


def test_bad_database_url_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = cli("db", "upgrade", env={"DATABASE_URL": "mysql://nope/db"})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "DATABASE_URL" in result.stderr


def test_help_lists_every_command() -> None:
    result = cli("--help")
    for command in ("console", "draft", "slack", "discord", "worker", "db"):
        assert command in result.stdout


def test_version_prints_the_package_version() -> None:
    from bot import __version__

    result = cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"thankyou-bot {__version__}" == "thankyou-bot 0.1.0"


def test_bare_command_prints_the_help_and_exits_0() -> None:
    result = cli()
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("usage: thankyou-bot") and "console" in result.stdout


def test_console_help_names_save() -> None:
    result = cli("console", "--help")
    assert result.returncode == 0 and "--save DIR" in result.stdout


def test_a_library_thread_failing_after_the_message_prints_no_traceback() -> None:
    """aiosqlite's worker thread can fail after the loop closed (a database file that cannot be opened):
    the user has their one-line message; the thread's traceback goes to the debug log only."""
    script = (
        "import threading\n"
        "from bot.cli import _configure_logging\n"
        "_configure_logging('console')\n"
        "thread = threading.Thread(target=lambda: 1 / 0)\n"
        "thread.start(); thread.join(); print('finished')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "finished"
    assert "Traceback" not in result.stderr and "ZeroDivisionError" not in result.stderr
