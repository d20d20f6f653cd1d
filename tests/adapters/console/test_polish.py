"""Console polish: Ctrl-C, line editing, --save, typed nudge commands, help wording (the issue "A two-minute
debrief", item 7). The process tests run the real `thankyou-bot console`; every wait is bounded."""

from __future__ import annotations

import asyncio
import contextlib
import email
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email import policy
from pathlib import Path

import pytest
from prompt_toolkit import PromptSession
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from adapters.console import main as console
from adapters.console.files import note_name, note_text, save_notes
from adapters.console.render import as_json, as_text, typed_command
from bot import messages
from bot.actions import Choice, DraftsReady, Nudge
from bot.drafts import Draft, DraftsDocument, Recipient
from bot.events import Address
from bot.reminders.commands import parse
from bot.reminders.messages import OPTIONS
from tests.transcripts import load_transcripts

ROOT = Path(__file__).resolve().parents[3]
WAIT = 60.0
EOF_NOTE = messages.text("console_eof")


def panel_answers() -> list[str]:
    transcript = next(t for t in load_transcripts() if t.name == "panel_interview")
    return [str(turn.text) for turn in transcript.turns[1:]]


def console_run(db: Path, lines: list[str], *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "console", "--db", f"sqlite:///{db}", "--user", "sam",
         "--tz", "America/New_York", *extra],
        cwd=ROOT, input="".join(f"{line}\n" for line in lines), capture_output=True, text=True, timeout=WAIT,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
    )  # fmt: skip


# --- 1. Ctrl-C saves and exits at once ----------------------------------------------------------------------


class Running:
    """A human-mode console on a pipe; stdout lines arrive on a queue so every read has a deadline."""

    def __init__(self, db: Path, *extra: str) -> None:
        command = [sys.executable, "-m", "bot.cli", "console", "--db", f"sqlite:///{db}", "--user", "sam", *extra]
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal would deliver it
        )  # fmt: skip
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def until(self, text: str) -> None:
        deadline = time.monotonic() + WAIT
        while not any(text in line for line in self.seen):
            line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            assert line is not None, f"the console exited early: {self.seen}"
            self.seen.append(line)

    def wait_idle(self) -> None:
        """Bounded polling until the main thread sleeps (waiting for input)."""
        stat = Path(f"/proc/{self.process.pid}/stat")
        deadline = time.monotonic() + WAIT
        while stat.read_text().rsplit(")", 1)[1].split()[0] != "S":
            assert time.monotonic() < deadline, "the console never went idle"
            time.sleep(0.01)

    def send(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()

    def interrupt(self) -> tuple[int, str, str]:
        """SIGINT, then the exit code, the rest of stdout and stderr; stdin stays open (Ctrl-C, not Ctrl-D)."""
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(WAIT)
        deadline = time.monotonic() + WAIT
        while (line := self.lines.get(timeout=max(0.0, deadline - time.monotonic()))) is not None:
            self.seen.append(line)
        assert self.process.stderr is not None
        return code, "".join(self.seen), self.process.stderr.read()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(WAIT)


@pytest.fixture
def start(tmp_path: Path):  # type: ignore[no-untyped-def]
    started: list[Running] = []

    def run(*extra: str) -> Running:
        started.append(Running(tmp_path / "bot.db", *extra))
        return started[-1]

    yield run
    for process in started:
        process.close()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the console wait")
def test_ctrl_c_while_waiting_saves_and_exits_at_once(start, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    running = start()
    running.until("sign the notes")
    running.send("Sam Rivera")
    running.until("company")  # the next question was asked: the answer is stored
    running.wait_idle()
    code, out, err = running.interrupt()
    assert code == 0, err
    assert out.rstrip().endswith(EOF_NOTE)
    assert "Traceback" not in err and err == "", err
    again = console_run(tmp_path / "bot.db", [], "--jsonl")
    said = [json.loads(line) for line in again.stdout.splitlines()]
    assert "welcome back" in said[0]["text"].casefold()
    assert said[-1]["type"] == "ask" and said[-1]["field"] == "company"


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2])
def test_ctrl_c_mid_turn_exits_cleanly_and_loses_nothing(start, tmp_path: Path, delay: float) -> None:  # type: ignore[no-untyped-def]
    """The signal lands while the answer is read or handled: exit 0, the saved line, no traceback, and the next
    run asks either the same question again or the next one."""
    running = start()
    running.until("sign the notes")
    running.send("Sam Rivera")
    time.sleep(delay)  # only varies where the signal lands; correctness never depends on it
    code, out, err = running.interrupt()
    assert code == 0, err
    assert EOF_NOTE in out
    assert "Traceback" not in err, err
    again = console_run(tmp_path / "bot.db", [], "--jsonl")
    assert again.returncode == 0, again.stderr
    said = [json.loads(line) for line in again.stdout.splitlines()]
    assert said[-1]["type"] == "ask" and said[-1]["field"] in ("candidate", "company")


def test_ctrl_c_in_jsonl_mode_prints_no_human_line(start) -> None:  # type: ignore[no-untyped-def]
    running = start("--jsonl")
    running.until('"type": "ask"')
    code, out, err = running.interrupt()
    assert code == 0 and "Traceback" not in err
    assert all(json.loads(line) for line in out.splitlines())


# --- 2. line editing at a terminal, plain lines otherwise ---------------------------------------------------


def read_typed(*typed: str) -> list[str | None]:
    """One read per entry from a prompt_toolkit session on a pipe, as at a terminal; each entry is what the
    person types at that prompt (sent once the prompt is up)."""

    async def read_all() -> list[str | None]:
        with create_pipe_input() as pipe:
            session: PromptSession[str] = PromptSession(input=pipe, output=DummyOutput(), history=InMemoryHistory())
            reader = console.PromptLines(session)
            lines: list[str | None] = []
            for keys in typed:
                asyncio.get_running_loop().call_later(0.05, pipe.send_text, keys)
                lines.append(await asyncio.wait_for(reader.read(), WAIT))
            return lines

    return asyncio.run(read_all())


def test_arrow_keys_edit_the_line_and_up_recalls_earlier_answers() -> None:
    left, right, up = "\x1b[D", "\x1b[C", "\x1b[A"
    lines = read_typed(f"Acme Robotic{left}{left}X{right}{right}s\r", f"{up}\r", "\x04")  # Ctrl-D at the end
    assert lines == ["Acme RobotXics", "Acme RobotXics", None]
    assert not any("\x1b" in line for line in lines if line)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="drives a pseudo-terminal")
def test_at_a_real_terminal_arrow_keys_edit_and_ctrl_c_saves(tmp_path: Path) -> None:
    """The console on a pseudo-terminal: `2`, left, `1`, right, backspace and Enter answer "1" (read and
    answered: a name needs letters, so the question comes back), then Ctrl-C at the prompt exits 0."""
    import pty
    import select

    db = tmp_path / "bot.db"
    pid, fd = pty.fork()
    if pid == 0:  # the child: the real console, as a person would start it
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        command = [sys.executable, "-m", "bot.cli", "console", "--db", f"sqlite:///{db}", "--user", "sam"]
        os.chdir(ROOT)
        os.execve(sys.executable, command, {**env, "TERM": "xterm"})
    out = b""

    def read_until(done: Callable[[bytes], bool]) -> None:
        nonlocal out
        deadline = time.monotonic() + WAIT
        while not done(out):
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, f"no more output: {out[-400:]!r}"
            out += os.read(fd, 4096)

    prompts = b"\x1b[?2004h"  # prompt_toolkit switches bracketed paste on for every prompt it shows
    try:
        read_until(lambda seen: prompts in seen.rsplit(b"sign the notes", 1)[-1])
        before = out.count(prompts)
        os.write(fd, b"2\x1b[D1\x1b[C\x7f\r")
        read_until(lambda seen: seen.count(prompts) > before + 1)  # answered, and the next prompt is up
        os.write(fd, b"\x03")
        _, status = os.waitpid(pid, 0)
        with contextlib.suppress(OSError):
            read_until(lambda seen: EOF_NOTE.encode() in seen)
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    assert EOF_NOTE.encode() in out and b"Traceback" not in out
    again = console_run(db, [], "--jsonl")
    said = [json.loads(line) for line in again.stdout.splitlines()]
    assert said[-1]["type"] == "ask" and said[-1]["field"] == "candidate"


def test_plain_lines_when_not_a_terminal_and_always_for_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        def __init__(self, tty: bool) -> None:
            self.tty = tty
            self.encoding = "utf-8"

        def isatty(self) -> bool:
            return self.tty

        def fileno(self) -> int:
            return 0

    monkeypatch.setattr(sys, "stdin", Stdin(tty=False))
    assert isinstance(console.stdin_reader(jsonl=False), console.StreamLines)
    monkeypatch.setattr(sys, "stdin", Stdin(tty=True))
    assert isinstance(console.stdin_reader(jsonl=True), console.StreamLines)


def test_piped_human_mode_is_unchanged(tmp_path: Path) -> None:
    result = console_run(tmp_path / "bot.db", ["Sam Rivera", "Acme"])
    assert result.returncode == 0 and result.stderr == ""
    assert "\x1b" not in result.stdout  # no terminal control sequences on a pipe
    prompts = [line for line in result.stdout.splitlines() if line.startswith("> ")]
    assert len(prompts) == 3  # a prompt before each read, the last one met the end of input
    assert result.stdout.rstrip().endswith(EOF_NOTE)


def test_stream_lines_split_on_newlines_and_keep_a_last_unfinished_line() -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, "first\r\nsecond\nJosé".encode())
    os.close(write_end)
    reader = console.StreamLines(read_end, encoding="utf-8")

    async def lines() -> list[str | None]:
        return [await asyncio.wait_for(reader.read(), WAIT) for _ in range(4)]

    try:
        assert asyncio.run(lines()) == ["first", "second", "José", None]
    finally:
        os.close(read_end)


# --- 4. help speaks of typing and lists the side commands -------------------------------------------------


def test_help_in_the_console_speaks_of_typing_and_lists_side_commands(tmp_path: Path) -> None:
    result = console_run(tmp_path / "bot.db", ["help"], "--jsonl")
    help_text = next(o["text"] for o in map(json.loads, result.stdout.splitlines()) if "skip:" in o.get("text", ""))
    assert "Type your answer" in help_text and "pick a button" not in help_text
    for command in ("reminders", "forget me", "export my data"):
        assert f"• {command}" in help_text


# --- 5. a nudge's choices are typed commands in the console -----------------------------------------------


def test_console_nudge_shows_typed_commands_not_numbers() -> None:
    nudge = Nudge(12, "send_by", "Time to send your notes.", OPTIONS)
    text = as_text(nudge, "UTC")
    assert "1)" not in text and "\n  1" not in text
    assert "reminders sent 12 · reminders replied 12" in text
    assert "reminders snooze 12 tomorrow" in text and "reminders stop 12" in text
    assert as_json(nudge)["choices"][0] == {"value": "sent", "label": messages.text("label_reminder_sent")}


@pytest.mark.parametrize("choice", OPTIONS, ids=lambda c: c.value)
def test_each_typed_nudge_command_does_what_its_button_does(choice: Choice) -> None:
    command = typed_command(choice.value, 12)
    parsed = parse(command, debrief_open=True)
    assert parsed is not None and (parsed.verb, parsed.target, parsed.argument) == ("act", 12, choice.value)


def test_a_digest_nudge_has_no_command_line() -> None:
    text = as_text(Nudge(3, "digest", "While I was away…", ()), "UTC")
    assert "Type:" not in text


# --- 6. --save DIR ----------------------------------------------------------------------------------------


def drafts(body: str, *, subject: str | None = "Thank you, Priya") -> DraftsDocument:
    at = datetime(2026, 5, 4, 9, tzinfo=UTC)
    people = [Recipient(name="Priya Natarajan", email="priya@acme.example"), Recipient(name="José Li")]
    notes = [Draft(to=p, channel="email", subject=subject, body=f"{body}\n\nSam", words=3) for p in people]
    return DraftsDocument(drafts=notes, send_by=at, follow_up_at=at)


def test_save_writes_text_and_eml_per_note(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "notes"
    written = save_notes(drafts("Dear Priya,\nThanks."), folder)
    assert [p.name for p in written] == [
        "note-1-priya-natarajan.txt", "note-1-priya-natarajan.eml", "note-2-jose-li.txt", "note-2-jose-li.eml",
    ]  # fmt: skip
    assert (
        folder / "note-1-priya-natarajan.txt"
    ).read_text() == "Subject: Thank you, Priya\n\nDear Priya,\nThanks.\n\nSam\n"
    message = email.message_from_bytes((folder / "note-1-priya-natarajan.eml").read_bytes(), policy=policy.default)
    assert message["To"] == "Priya Natarajan <priya@acme.example>" and message["Subject"] == "Thank you, Priya"
    assert "Thanks." in message.get_body().get_content()  # type: ignore[union-attr]


def test_a_note_without_subject_is_the_body_only() -> None:
    draft = drafts("Hi Priya, thanks.", subject=None).drafts[0]
    assert note_text(draft) == "Hi Priya, thanks.\n\nSam\n"
    assert note_name(7, Draft(to=Recipient(name="李"), channel="card", subject=None, body="x", words=1)) == "note-7"


def test_later_drafts_in_the_same_session_replace_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sender = console.ConsoleSender(jsonl=False, timezone="UTC", save=tmp_path)
    address = Address(platform="console", workspace="local", channel="terminal", user="sam")
    asyncio.run(sender.send(address, [DraftsReady(drafts("Warm thanks."))]))
    asyncio.run(sender.send(address, [DraftsReady(drafts("Formal thanks."))]))  # a re-tone
    assert "Formal thanks." in (tmp_path / "note-1-priya-natarajan.txt").read_text()
    out = capsys.readouterr().out
    assert out.count(messages.text("console_notes_saved", folder=str(tmp_path))) == 2
    assert "note-2-jose-li.eml" in out


def test_a_folder_that_cannot_be_written_is_reported_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    sender = console.ConsoleSender(jsonl=False, timezone="UTC", save=blocker / "notes")
    address = Address(platform="console", workspace="local", channel="terminal", user="sam")
    asyncio.run(sender.send(address, [DraftsReady(drafts("Thanks."))]))
    assert "couldn't save the notes" in capsys.readouterr().out


def test_save_through_the_real_console(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    result = console_run(tmp_path / "bot.db", panel_answers(), "--save", str(folder))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert messages.text("console_notes_saved", folder=str(folder)) in result.stdout
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        f"{stem}.{ext}" for stem in ("note-1-priya-natarajan", "note-2-tom-li") for ext in ("txt", "eml")
    )
    assert (folder / "note-2-tom-li.txt").read_text().startswith("Subject: ")


def test_save_with_jsonl_keeps_the_protocol(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    result = console_run(tmp_path / "bot.db", panel_answers(), "--jsonl", "--save", str(folder))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    kinds = [json.loads(line)["type"] for line in result.stdout.splitlines()]
    assert set(kinds) <= {"say", "ask", "drafts", "reminder", "end"}
    assert len(list(folder.glob("*.eml"))) == 2
