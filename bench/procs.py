"""Time whole processes: wall clock, CPU time and peak memory, from the outside.

Each command runs as a child process; ``os.wait4`` returns its resource usage, which
on Linux includes the descendants it waited for (black's worker processes, the ruff
runs of openapi-python-client). Peak memory is the largest resident set of any one
of those processes, not their sum.

Peak memory comes from GNU time (``/usr/bin/time -f %M``) when it is installed:
Linux counts the memory of the process that forked a child into the child's
``ru_maxrss`` (the address space it had before ``exec``), so a large benchmark
process would inflate small commands' numbers; GNU time, a small process, forks the
command itself. Without it, ``ru_maxrss`` from ``wait4`` is used (an upper bound).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

GNU_TIME = Path("/usr/bin/time")

__all__ = ["Sample", "Series", "Stats", "paired_ratios", "run", "stats"]


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds, children included
    rss_mib: float  # peak resident set of the largest process
    returncode: int
    stdout: str
    stderr: str


@dataclass
class Series:
    """The runs of one measurement; the warm-up runs are not kept."""

    name: str
    samples: list[Sample] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def values(self, attribute: str) -> list[float]:
        return [float(getattr(s, attribute)) for s in self.samples]

    @property
    def ok(self) -> bool:
        return bool(self.samples) and not self.failures


def run(
    command: Sequence[str | Path],
    *,
    cwd: Path,
    env: Mapping[str, str],
    timeout: float = 1800.0,
) -> Sample:
    """Run ``command`` to completion and measure it; output is captured to files."""
    out_path = cwd / ".bench-stdout"
    err_path = cwd / ".bench-stderr"
    rss_path = cwd / ".bench-rss"
    argv = [str(c) for c in command]
    if GNU_TIME.exists():
        argv = [str(GNU_TIME), "-f", "%M", "-o", str(rss_path), *argv]
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv,
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )
        status, usage = _wait(process, timeout)
        wall = time.perf_counter() - start
    stdout = out_path.read_text("utf-8", errors="replace")
    stderr = err_path.read_text("utf-8", errors="replace")
    out_path.unlink()
    err_path.unlink()
    rss_kib = float(usage.ru_maxrss)  # Linux reports KiB
    if rss_path.exists():
        lines = rss_path.read_text("utf-8", errors="replace").split()
        if lines and lines[-1].isdigit():
            rss_kib = float(lines[-1])
        rss_path.unlink()
    return Sample(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_mib=rss_kib / 1024,
        returncode=status,
        stdout=stdout,
        stderr=stderr,
    )


def _wait(
    process: subprocess.Popen[bytes], timeout: float
) -> tuple[int, resource.struct_rusage]:
    """Block in wait4 (no polling, so no added latency); a timer kills a hung run."""
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code  # so Popen does not wait for it again
    return code, usage


@dataclass(frozen=True)
class Stats:
    median: float
    low: float
    high: float
    runs: int


def stats(values: Sequence[float]) -> Stats | None:
    if not values:
        return None
    return Stats(statistics.median(values), min(values), max(values), len(values))


def paired_ratios(
    numerator: Series, denominator: Series, attribute: str = "wall"
) -> list[float]:
    """Per-round ratios of two series measured in the same rounds."""
    pairs = zip(
        numerator.values(attribute), denominator.values(attribute), strict=False
    )
    return [a / b for a, b in pairs if b > 0]
