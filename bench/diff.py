"""Time ``sdkgen diff`` end to end, as CI runs it (a fresh process each time).

Two measurements, the targets of issue 14:
- the Imgur spec diffed against itself (target: under 0.5 s);
- two synthetic 5,000-operation specs that differ in one operation's path
  (target: under 3 s).
Each is run ``--runs`` times after a warm-up; wall and CPU time (the CPU time is
what the machine's other jobs disturb least) are printed with the load average.

    .venv/bin/python bench/diff.py [--runs 5] [--operations 5000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import procs
import synth

ROOT = Path(__file__).resolve().parent.parent
SDKGEN = Path(sys.executable).parent / "sdkgen"


def measure(name: str, old: Path, new: Path, runs: int, expect: int) -> None:
    samples = []
    for attempt in range(runs + 1):
        sample = procs.run([SDKGEN, "diff", old, new], cwd=ROOT, env=os.environ)
        if sample.returncode != expect:
            raise SystemExit(f"{name}: exit {sample.returncode}\n{sample.stdout}")
        if attempt:  # the first run warms the disk cache and the schema cache
            samples.append(sample)
    wall = [s.wall for s in samples]
    cpu = [s.cpu for s in samples]
    print(
        f"{name}: wall median {statistics.median(wall):.2f} s "
        f"(min {min(wall):.2f}, max {max(wall):.2f}), "
        f"CPU median {statistics.median(cpu):.2f} s, "
        f"peak RSS {max(s.rss_mib for s in samples):.0f} MiB, {runs} runs"
    )
    print(f"  last output: {samples[-1].stdout.strip().splitlines()[-1]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--operations", type=int, default=5000)
    args = parser.parse_args(argv)
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    imgur = ROOT / "spec" / "imgur"
    measure("Imgur against itself", imgur, imgur, args.runs, expect=0)
    with tempfile.TemporaryDirectory(prefix="sdkgen-bench-diff-") as folder:
        old = Path(folder) / "old"
        written = synth.write_spec(old, args.operations)
        new = Path(folder) / "new"
        shutil.copytree(old, new)
        file, _summary = written.first_summary()
        edited = new / file.relative_to(old)
        text = edited.read_text("utf-8")
        name = synth.resource_names(written.resources)[0]
        edited.write_text(
            text.replace(f"path: /{name}/{{id}}\n", f"path: /{name}s/{{id}}\n", 1),
            "utf-8",
        )
        label = f"{args.operations} operations, one path changed"
        measure(label, old, new, args.runs, expect=1)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
