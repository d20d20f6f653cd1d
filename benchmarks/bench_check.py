"""`thankyou-bot check` cold start, and the edited-note checks in a running process.

    .venv/bin/python benchmarks/bench_check.py [--cold-runs 15] [--rounds 300] [--no-bytecode-cache]

1. Cold start: `thankyou-bot check --answers examples/panel.json NOTE` started as a whole new process
   `--cold-runs` times, for a clean note (every word looked up, nothing to suggest) and for the same note with
   three slips (corrections are looked up too). Printed: median and slowest wall-clock time and the median CPU
   time of the process, and the first run on a machine (word tables built); `thankyou-bot draft` on the same
   answers is run alongside as the reference. Bytecode and word-table cache: benchmarks/cold_start.py.
2. In process: `check_edited` on an edited note of a 3-person panel, `--rounds` times after one warm-up (the
   dictionary stays loaded, as in a running bot; the word cache is cleared each round). p50/p99 per note.

Target: cold start under 700 ms median (issue 12).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.cold_start import BOT, environment, first_run, load_average, time_runs  # noqa: E402

ANSWERS = ROOT / "examples" / "panel.json"
SLIPS = (("especially", "especialy"), ("Thank you", "Thnak you"), ("conversation", "converstion"))


def _note() -> str:
    """Note 1 as `draft` prints it (subject line, blank line, body): what a member pastes into `check`."""
    out = subprocess.run([BOT, "draft", "--answers", str(ANSWERS), "--format", "json"], check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout  # fmt: skip
    draft = json.loads(out)["drafts"][0]
    return f"Subject: {draft['subject']}\n\n{draft['body']}" if draft["subject"] else str(draft["body"])


def _with_slips(note: str) -> str:
    for right, wrong in SLIPS:
        note = note.replace(right, wrong, 1)
    return note


def bench_cold_start(runs: int, *, bytecode: bool) -> None:
    note = _note()
    cached = "with a bytecode cache, as installed" if bytecode else "PYTHONDONTWRITEBYTECODE=1: all compiled each run"
    with tempfile.TemporaryDirectory() as folder, environment(bytecode=bytecode) as env:
        clean, slipped = Path(folder, "clean.txt"), Path(folder, "slips.txt")
        clean.write_text(note, encoding="utf-8")
        slipped.write_text(_with_slips(note), encoding="utf-8")
        commands = {
            "check, clean note": [BOT, "check", "--answers", str(ANSWERS), str(clean)],
            "check, note with slips": [BOT, "check", "--answers", str(ANSWERS), str(slipped)],
            "draft (reference)": [BOT, "draft", "--answers", str(ANSWERS), "--format", "json"],
        }
        print(f"cold start, {runs} runs each ({cached}; {load_average()}); target for check < 700 ms median:")
        for label, command in commands.items():
            print(f"  {label:24} {time_runs(command, runs, env).line()}")
        print(f"  {'check, first run':24} {first_run(commands['check, note with slips'], env)} (word tables built)")


def bench_in_process(rounds: int) -> None:
    from bot.answers import parse_answers
    from bot.compose import spelling
    from bot.compose.edited import check_edited

    answers = parse_answers(json.loads(ANSWERS.read_text(encoding="utf-8")))
    note = _with_slips(_note()) + "\nI loved how there team works, as promised here is my portfolio."
    begin = time.perf_counter()
    found = check_edited(answers, 0, note)
    first = time.perf_counter() - begin
    samples = []
    for _ in range(rounds):
        spelling._is_known.cache_clear()
        spelling.suggestion.cache_clear()
        begin = time.perf_counter()
        check_edited(answers, 0, note)
        samples.append(time.perf_counter() - begin)
    samples.sort()
    p50, p99 = samples[len(samples) // 2], samples[int(len(samples) * 0.99) - 1]
    print(f"in process, one edited note ({rounds} rounds, {len(found)} checks raised):")
    print(f"  first check in process (loads dictionary): {first * 1000:.0f} ms")
    print(f"  p50 {p50 * 1000:.1f} ms   p99 {p99 * 1000:.1f} ms per note")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cold-runs", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--no-bytecode-cache", action="store_true", help="cold starts compile every module")
    args = parser.parse_args()
    if args.rounds > 0:  # `--rounds 0`: the cold start alone
        bench_in_process(args.rounds)
    bench_cold_start(args.cold_runs, bytecode=not args.no_bytecode_cache)


if __name__ == "__main__":
    main()
