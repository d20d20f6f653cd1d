"""Composer throughput and `thankyou-bot draft` cold start.

    .venv/bin/python benchmarks/bench_compose.py [--rounds 500] [--cold-runs 15]

1. A 4-interviewer panel (every answer given, so every check runs, spelling included) is composed
   `--rounds` times in one process after one warm-up. Each round uses a different company, so phrasing
   choices vary, and the spelling word cache is cleared, so words are looked up afresh (the dictionary
   itself stays loaded, as in a running bot). Printed: drafts/s, p50 and p99 per compose, and the first
   compose in the process (which loads the dictionary and compiles the phrasings it needs).
2. `thankyou-bot draft --answers examples/panel.json --format json` is started as a whole new process
   `--cold-runs` times; printed: the median and slowest wall-clock time, and the median CPU time the
   process used (user + system), which a busy machine inflates much less than wall-clock time.
Targets: a panel composed and checked in under 50 ms; the command's cold start under 1 s.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answers import parse_answers  # noqa: E402
from bot.compose import compose, spelling  # noqa: E402

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 20, 17, 0, tzinfo=TZ)
PANEL: dict[str, Any] = {
    "occasion": "interview",
    "candidate": "Sam Rivera",
    "role": "Senior Data Engineer",
    "interview_at": "2026-11-20T14:00:00-05:00",
    "format": "panel",
    "interviewers": [
        {"name": "Priya Natarajan", "title": "Engineering Manager", "email": "priya@acme.example",
         "discussed": "moving the nightly batch pipeline to streaming", "detail": "her team's on-call redesign"},
        {"name": "Tom Li", "title": "Staff Engineer", "discussed": "how the team tests data contracts before release"},
        {"name": "Ana García", "detail": "the warehouse robots on the lab tour"},
        {"name": "Kim Lee", "title": "Recruiter", "discussed": "the hiring timeline and the relocation package"},
    ],
    "strengths": "five years running Kafka in production",
    "add": "I cut cloud spend 30% at my last job by consolidating clusters",
    "share": "https://example.com/streaming-talk",
    "next_steps": "they will decide by next Friday",
    "tone": "warm",
    "channel": "email",
}  # fmt: skip


def _panel(round_number: int) -> Any:
    return parse_answers({**PANEL, "company": f"Acme Robotics {round_number}"})


def bench_compose(rounds: int) -> None:
    started = time.perf_counter()
    first = compose(_panel(-1), tz=TZ, now=NOW)
    first_ms = (time.perf_counter() - started) * 1000
    checks = sum(len(d.checks) for d in first.drafts)
    timings = []
    for number in range(rounds):
        answers = _panel(number)
        spelling._is_known.cache_clear()
        begin = time.perf_counter()
        document = compose(answers, tz=TZ, now=NOW + timedelta(seconds=number))
        timings.append(time.perf_counter() - begin)
        assert len(document.drafts) == 4
    total = sum(timings)
    p50, p99 = (statistics.quantiles(timings, n=100)[i] * 1000 for i in (49, 98))
    print(f"compose, 4-person panel with all checks ({rounds} rounds, {checks} checks raised on the sample):")
    print(f"  first compose in process (loads dictionary): {first_ms:.0f} ms")
    print(f"  {4 * rounds / total:,.0f} drafts/s   p50 {p50:.1f} ms   p99 {p99:.1f} ms per panel (target < 50 ms)")


def bench_cold_start(runs: int) -> None:
    command = [str(Path(sys.executable).parent / "thankyou-bot"), "draft", "--answers", "examples/panel.json"]
    command += ["--format", "json"]
    times, cpu = [], []
    for _ in range(runs):
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        begin = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - begin)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    print(f"cold start, `{' '.join(['thankyou-bot', *command[1:]])}` ({runs} runs):")
    figures = (statistics.median(times), max(times), statistics.median(cpu))
    wall, slowest, used_cpu = (round(seconds * 1000) for seconds in figures)
    print(f"  wall: median {wall} ms, slowest {slowest} ms (target < 1000 ms)")
    print(f"  CPU time of the process: median {used_cpu} ms (less sensitive to a busy machine)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=500)
    parser.add_argument("--cold-runs", type=int, default=15)
    args = parser.parse_args()
    bench_compose(args.rounds)
    bench_cold_start(args.cold_runs)


if __name__ == "__main__":
    main()
