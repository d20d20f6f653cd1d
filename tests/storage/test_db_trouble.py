"""Database trouble gets a kind message and a reconnect, never "something went wrong".

PostgreSQL cases run the real console subprocess against a real server and break the database under it
while it waits for input: backends terminated (a restart), connections refused, the database read-only.
SQLite cases break the file's connections in-process (read-only, full). Start-up failures are one line.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from bot import messages
from bot.actions import Ask, Say
from bot.config import load_settings
from bot.events import Start, TextAnswer
from bot.runtime import running
from tests.conftest import PG_ENV, _admin
from tests.fakes.answering import answer_for
from tests.fakes.clock import FakeClock
from tests.fakes.sender import RecordingSender
from tests.reminders.conftest import ME
from tests.storage.console_process import ROOT, WAIT, ConsoleProcess

UNAVAILABLE = messages.text("database_unavailable")


def _on_server(pg_url: str, statement: str) -> None:
    _admin(os.environ[PG_ENV], statement.format(db=make_url(pg_url).database))


def _drop_connections(pg_url: str) -> None:
    """What a PostgreSQL restart does to every pooled connection of the console; returns once they are gone
    (`pg_terminate_backend` only signals: `wait_for_termination` waits, bounded by its timeout)."""
    _on_server(
        pg_url,
        "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
        " WHERE datname = '{db}' AND pid <> pg_backend_pid()",
    )


@pytest.fixture
def console(pg_url: str) -> Iterator[ConsoleProcess]:
    process = ConsoleProcess("--db", pg_url, "--user", "sam", env={"LOG_LEVEL": "WARNING"})
    yield process
    process.kill()


def _answer(console: ConsoleProcess, ask: dict[str, object]) -> None:
    console.say(answer_for(str(ask["field"])))


def test_a_postgresql_restart_while_the_console_waits_is_survived_without_a_word(
    console: ConsoleProcess, pg_url: str
) -> None:
    first = console.until("ask")
    _answer(console, first)
    second = console.until("ask")
    _drop_connections(pg_url)  # the console is idle, waiting for the next line

    _answer(console, second)
    third = console.until("ask")

    assert third["field"] != second["field"], "the answer after the restart was taken"
    assert not [line for line in console.stdout if UNAVAILABLE.encode() in line]
    assert console.finish() == 0
    assert b"went wrong" not in b"".join(console.stderr)


def test_an_unreachable_database_mid_debrief_is_said_kindly_and_the_console_carries_on(
    console: ConsoleProcess, pg_url: str
) -> None:
    first = console.until("ask")
    _answer(console, first)
    second = console.until("ask")
    _on_server(pg_url, 'ALTER DATABASE "{db}" ALLOW_CONNECTIONS false')
    _drop_connections(pg_url)
    try:
        _answer(console, second)
        said = console.until("say")
        assert said["text"] == UNAVAILABLE
    finally:
        _on_server(pg_url, 'ALTER DATABASE "{db}" ALLOW_CONNECTIONS true')

    _answer(console, second)  # typed again once it is back: taken, and the earlier answer is still there
    third = console.until("ask")
    assert third["field"] != second["field"]
    assert console.finish() == 0
    assert b"went wrong" not in b"".join(console.stderr)


def test_a_read_only_database_mid_debrief_is_said_kindly_and_nothing_half_saved(
    console: ConsoleProcess, pg_url: str
) -> None:
    first = console.until("ask")
    _answer(console, first)
    second = console.until("ask")
    _on_server(pg_url, 'ALTER DATABASE "{db}" SET default_transaction_read_only = on')
    _drop_connections(pg_url)
    try:
        _answer(console, second)
        assert console.until("say")["text"] == UNAVAILABLE
    finally:
        _on_server(pg_url, 'ALTER DATABASE "{db}" RESET default_transaction_read_only')
        _drop_connections(pg_url)
    _answer(console, second)
    assert console.until("ask")["field"] != second["field"]
    assert console.finish() == 0


@pytest.mark.parametrize("fault", ["read-only", "full"])
async def test_a_sqlite_file_that_cannot_be_written_gets_the_kind_message_not_an_exception(
    sqlite_url: str, clock: FakeClock, fault: str
) -> None:
    async with running(load_settings(database_url=sqlite_url), clock=clock) as core:
        sender = RecordingSender()
        await core.handle(Start(ME, "ev-start", "UTC"), sender)
        ask = sender.last_ask(sender.pop())
        await core.database.dispose()  # new connections from here on carry the fault

        def broken(dbapi_connection: object, _record: object) -> None:
            cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
            if fault == "read-only":
                cursor.execute("PRAGMA query_only=ON")
            else:  # no page may be added: the next write that needs one fails with SQLITE_FULL
                cursor.execute("PRAGMA page_count")
                cursor.execute(f"PRAGMA max_page_count={cursor.fetchone()[0]}")
            cursor.close()

        event.listen(core.database.sync_engine, "connect", broken)
        said: list[str] = []
        for n in range(40):  # bounded: a full file refuses as soon as a write needs a new page (long event ids)
            actions = await core.handle(TextAnswer(ME, f"{n:03d}-" + "e" * 120, answer_for(ask.field)), sender)
            said = [a.text for a in actions if isinstance(a, Say)]
            if UNAVAILABLE in said:
                break
            ask = next((a for a in actions if isinstance(a, Ask)), ask)
        assert UNAVAILABLE in said
        event.remove(core.database.sync_engine, "connect", broken)
        await core.database.dispose()
        async with core.database.connect() as connection:  # the debrief is intact: the failed turn rolled back
            rows = (await connection.execute(text("SELECT count(*) FROM conversations"))).scalar_one()
        assert rows == 1


def _start(url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LOG_LEVEL": "WARNING"}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "console", "--db", url, "--user", "sam"], input="", text=True,
        capture_output=True, cwd=ROOT, env=env, timeout=WAIT,
    )  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "DEBUG" not in lines[0] and "Traceback" not in lines[0] and "went wrong" not in lines[0]
    return lines[0]


def test_an_unreachable_server_at_start_is_named_in_one_line_with_the_password_masked() -> None:
    port = _free_port()
    line = _one_line(_start(f"postgresql://sam:hunter2secret@127.0.0.1:{port}/thanks"))
    assert "127.0.0.1" in line and str(port) in line and "hunter2secret" not in line and "***" in line


def test_a_missing_database_at_start_is_named_in_one_line(pg_url: str) -> None:
    missing = make_url(pg_url).set(database="tyb_no_such_db").render_as_string(hide_password=False)
    line = _one_line(_start(missing))
    assert "tyb_no_such_db" in line and "doesn't exist" in line


def test_a_missing_sqlite_folder_at_start_is_named_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "not-made-yet"
    line = _one_line(_start(f"sqlite:///{folder}/thankyou.db"))
    assert str(folder) in line
    assert not folder.exists()
