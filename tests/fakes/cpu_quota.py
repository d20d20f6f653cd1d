"""A CPU quota for running processes without cgroups: what Kubernetes' `resources.limits.cpu` does to a pod.

The scale-out benchmark asks whether two replicas do twice the work of one. On a machine with fewer cores
than two replicas + PostgreSQL + the load generator need, an uncapped replica simply takes whatever core is
free, and the answer says more about idle cores than about the bot. Capping each replica at the same
fraction of a core (deploy/k8s caps them at one core each) makes it a question about the bot and the
database they share. Like the kernel's CFS bandwidth control, a process that has used up its share is
stopped (SIGSTOP) until the share has built up again (SIGCONT); this runs as its own process so that a busy
load generator can never make it late.

    python -m tests.fakes.cpu_quota 0.5 PID [PID ...]

On SIGTERM (or when its parent or every capped process is gone) it resumes whatever it stopped and prints
one JSON line: per pid, the CPU seconds it used, the seconds it was held stopped, and the seconds it was capped.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

TICK = 0.01  # seconds between looks: a capped process overdraws its share by at most about this much CPU
BURST = 0.1  # seconds of wall time whose share an idle process may save up (the CFS default period)


def scheduled(pid: int) -> tuple[float, float] | None:
    """Seconds every thread of `pid` has run on a CPU, and has waited runnable for one (the scheduler's own
    nanosecond counts from /proc/<pid>/task/*/schedstat); None once the process is gone.

    The wait tells a process starved by a busy machine (runnable, no core free) from one that waits on
    something else (sleeping): on a shared machine its CPU share alone cannot."""
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return None
    ran = waited = 0
    for task in tasks:
        try:
            fields = (task / "schedstat").read_text().split()
        except OSError:
            continue  # a thread that ended meanwhile
        ran, waited = ran + int(fields[0]), waited + int(fields[1])
    return ran / 1e9, waited / 1e9


def cpu_seconds(pid: int) -> float | None:
    times = scheduled(pid)
    return None if times is None else times[0]


@dataclass
class Quota:
    """One process held to `share` of a core: a bucket of CPU seconds, filled at `share` per second."""

    pid: int
    share: float
    used: float = 0.0
    start: float = 0.0
    allowance: float = 0.0
    stopped_since: float | None = None
    held: float = 0.0  # seconds spent stopped
    gone: bool = False
    threads: list[Path] = field(default_factory=list)  # its threads' schedstat files, listed once a second
    listed: float = 0.0

    def tick(self, elapsed: float, now: float) -> None:
        self.allowance = min(self.share * BURST, self.allowance + self.share * elapsed)
        if self.stopped_since is None:  # a stopped process runs nothing: no need to read it
            used = self._read(now)
            if used is None:
                self.gone = True
                return
            self.allowance -= used - self.used
            self.used = used
        if self.allowance < 0 and self.stopped_since is None:
            self._signal(signal.SIGSTOP)
            self.stopped_since = now
        elif self.allowance >= 0 and self.stopped_since is not None:
            self.resume(now)

    def _read(self, now: float) -> float | None:
        """CPU seconds so far, never less than last time (a thread that ended takes its time out of the sum)."""
        if now - self.listed > 1.0:
            try:
                self.threads = [task / "schedstat" for task in Path(f"/proc/{self.pid}/task").iterdir()]
            except OSError:
                return None
            self.listed = now
        ran = 0
        for path in self.threads:
            try:
                ran += int(path.read_text().split()[0])
            except OSError:
                self.listed = 0.0  # list them again next time
        if not Path(f"/proc/{self.pid}").exists():
            return None
        return max(self.used, ran / 1e9)

    def resume(self, now: float) -> None:
        if self.stopped_since is not None:
            self._signal(signal.SIGCONT)
            self.held += now - self.stopped_since
            self.stopped_since = None

    def _signal(self, which: signal.Signals) -> None:
        try:
            os.kill(self.pid, which)
        except ProcessLookupError:
            self.gone = True


def hold(quotas: list[Quota]) -> None:
    """Keep every process to its share until told to stop; then resume them all."""
    parent, stop = os.getppid(), [False]
    signal.signal(signal.SIGTERM, lambda *_: stop.__setitem__(0, True))
    signal.signal(signal.SIGINT, lambda *_: stop.__setitem__(0, True))
    with contextlib.suppress(PermissionError):
        os.nice(-10)  # on a busy machine a late look would hold a process stopped longer than its quota says
    for quota in quotas:
        quota.used = quota.start = cpu_seconds(quota.pid) or 0.0
    last = time.monotonic()
    try:
        while not stop[0] and os.getppid() == parent and not all(q.gone for q in quotas):
            time.sleep(TICK)
            now = time.monotonic()
            for quota in quotas:
                if not quota.gone:
                    quota.tick(now - last, now)
            last = now
    finally:
        for quota in quotas:
            quota.resume(time.monotonic())


def main(argv: list[str]) -> int:
    share, pids = float(argv[0]), [int(p) for p in argv[1:]]
    if share <= 0 or not pids:
        print("usage: python -m tests.fakes.cpu_quota SHARE_OF_A_CORE PID [PID ...]", file=sys.stderr)
        return 2
    quotas, started = [Quota(pid, share) for pid in pids], time.monotonic()
    hold(quotas)
    seconds = round(time.monotonic() - started, 3)
    report = {q.pid: {"cpu": round(q.used - q.start, 3), "held": round(q.held, 3), "seconds": seconds} for q in quotas}
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
