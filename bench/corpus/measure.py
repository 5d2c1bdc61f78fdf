"""Run one step of the benchmark as a process: exit code, wall time, peak memory.

Each step runs in its own process group with a timeout; on timeout the whole group
is killed (a timed-out ``sdkgen generate`` must not leave black's workers behind).
Peak memory is GNU time's ``%M`` (the largest resident set of the command and its
waited-for children) when ``/usr/bin/time`` exists, else ``ru_maxrss`` from
``wait4`` of that one child, so runs on other threads (``-j 2``) never mix in.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = Path("/usr/bin/time")


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def conditions() -> dict[str, str]:
    """When a measurement starts, and the machine's load then (for the record)."""
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "load": load_average(),
    }


@dataclass(frozen=True)
class Finished:
    """What one process did."""

    returncode: int
    wall: float  # seconds
    rss_mib: float  # peak resident set
    stdout: str
    stderr: str
    timed_out: bool

    @property
    def output(self) -> str:
        return f"{self.stdout}\n{self.stderr}"


def run(
    command: Sequence[str | Path],
    *,
    cwd: Path,
    env: Mapping[str, str],
    timeout: float,
    logs: Path,
) -> Finished:
    """Run ``command`` in ``cwd``; its output goes through files under ``logs``."""
    logs.mkdir(parents=True, exist_ok=True)
    out_path, err_path, rss_path = (logs / n for n in ("stdout", "stderr", "rss"))
    argv = [str(c) for c in command]
    if GNU_TIME.exists():
        argv = [str(GNU_TIME), "-f", "%M", "-o", str(rss_path), *argv]
    rss_path.unlink(missing_ok=True)
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv,
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        expired = threading.Event()

        def kill_group() -> None:
            expired.set()
            with contextlib.suppress(ProcessLookupError):  # it ended just now
                os.killpg(process.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill_group)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait
    rss_kib = float(usage.ru_maxrss)  # Linux reports KiB
    if rss_path.exists():
        words = rss_path.read_text("utf-8", errors="replace").split()
        if words and words[-1].isdigit():
            rss_kib = float(words[-1])
    return Finished(
        returncode=process.returncode,
        wall=wall,
        rss_mib=rss_kib / 1024,
        stdout=out_path.read_text("utf-8", errors="replace"),
        stderr=err_path.read_text("utf-8", errors="replace"),
        timed_out=expired.is_set(),
    )
