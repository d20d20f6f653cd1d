"""Time a `thankyou-bot` command as a whole new process, as a member starts it (bench_compose, bench_check).

Each command runs `runs` times after one warm-up run that is not counted. Printed: median and slowest
wall-clock time, and the median CPU time of the process (user + system: less sensitive to a busy machine).

Bytecode: an installed package carries compiled bytecode (pip compiles it at install), so by default the
children get a bytecode cache, a temporary PYTHONPYCACHEPREFIX that the warm-up fills. `bytecode=False` runs
them with PYTHONDONTWRITEBYTECODE=1 instead: every module of the bot compiled from source at each start, as
in a checkout whose environment sets that variable.
Word tables (bot/compose/wordtable.py): the user's cache folder, as a member has it after a first run. The
first run with an empty folder, which builds the tables, is timed once and printed apart.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOT = str(Path(sys.executable).parent / "thankyou-bot")


@dataclass(frozen=True)
class Figures:
    wall: list[float]
    cpu: list[float]

    def line(self) -> str:
        wall, slowest, cpu = (
            round(s * 1000) for s in (statistics.median(self.wall), max(self.wall), statistics.median(self.cpu))
        )
        return f"wall median {wall} ms, slowest {slowest} ms; CPU median {cpu} ms"


def load_average() -> str:
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


@contextmanager
def environment(*, bytecode: bool) -> Iterator[dict[str, str]]:
    """The children's environment: with a fresh bytecode cache (filled by the warm-up), or none at all."""
    env = dict(os.environ)
    if not bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        yield env
        return
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="pycache-") as folder:
        env["PYTHONPYCACHEPREFIX"] = folder
        yield env


def _once(command: Sequence[str], env: Mapping[str, str], stdin: bytes | None = None) -> tuple[float, float]:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, input=stdin, check=True, capture_output=True)
    wall = time.perf_counter() - begin
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime


def time_runs(command: Sequence[str], runs: int, env: Mapping[str, str]) -> Figures:
    _once(command, env)  # warm-up: bytecode written, word tables built if missing
    samples = [_once(command, env) for _ in range(runs)]
    return Figures([wall for wall, _ in samples], [cpu for _, cpu in samples])


def first_run(command: Sequence[str], env: Mapping[str, str]) -> str:
    """One run with an empty word-table cache folder: what the very first `draft` on a machine costs."""
    with tempfile.TemporaryDirectory(prefix="tables-") as folder:
        wall, cpu = _once(command, {**env, "THANKYOU_BOT_CACHE_DIR": folder})
    return f"wall {round(wall * 1000)} ms; CPU {round(cpu * 1000)} ms"
