"""The real `thankyou-bot console --jsonl` as a subprocess, read line by line with a bound (no sleeps)."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
WAIT = 60.0  # a generous bound for one reply on a slow, shared machine


class ConsoleProcess:
    """Write answers to stdin; take JSON lines from stdout; stderr is collected whole for scanning."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        environment = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "console", "--jsonl", *args],
            cwd=ROOT, env=environment, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        self.lines: queue.Queue[bytes | None] = queue.Queue()
        self.stdout: list[bytes] = []
        self.stderr: list[bytes] = []
        assert self.process.stdout is not None and self.process.stderr is not None
        threading.Thread(target=self._pump, args=(self.process.stdout, self.lines), daemon=True).start()
        self._err = threading.Thread(target=self._collect, args=(self.process.stderr,), daemon=True)
        self._err.start()

    def _pump(self, stream: IO[bytes], into: queue.Queue[bytes | None]) -> None:
        for line in stream:
            self.stdout.append(line)
            into.put(line)
        into.put(None)

    def _collect(self, stream: IO[bytes]) -> None:
        for line in stream:
            self.stderr.append(line)

    def send(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def say(self, text: str) -> None:
        self.send(text.encode() + b"\n")

    def next(self) -> dict[str, Any]:
        line = self.lines.get(timeout=WAIT)
        assert line is not None, f"the console ended; stderr: {b''.join(self.stderr)[-2000:]!r}"
        parsed: dict[str, Any] = json.loads(line)
        return parsed

    def until(self, kind: str) -> dict[str, Any]:
        """Lines up to and including the next one of type `kind` (bounded by WAIT per line)."""
        for _ in range(200):
            line = self.next()
            if line["type"] == kind:
                return line
        raise AssertionError(f"no {kind!r} line")

    def finish(self) -> int:
        """Close stdin and wait for the exit code; output collected afterwards."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        code = self.process.wait(timeout=WAIT)
        while self.lines.get(timeout=WAIT) is not None:
            pass
        self._err.join(timeout=WAIT)
        return code

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=WAIT)
