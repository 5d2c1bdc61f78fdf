"""Where one SDK call spends its time, under cProfile; prints JSON for the report.

``python bench/profile_call.py CALLS`` with the generated package on PYTHONPATH.
Profiles ``client.image.get("x")`` and the raw httpx call of ``callbench.py``, and
sums each one's own time by package (the SDK, httpx, the standard library).
"""

from __future__ import annotations

import cProfile
import json
import pstats
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from callbench import make_calls


def _package(filename: str) -> str:
    if "imgur_client" in filename:
        return "imgur_client"
    if "/httpx/" in filename:
        return "httpx"
    if "/httpcore/" in filename or "/h11/" in filename:
        return "httpcore"
    if "callbench" in filename:
        return "bench (mock transport, call wrappers)"
    if filename == "~" or "<" in filename:
        return "builtins"
    return "stdlib / other"


def run(call: Callable[[], Any], calls: int) -> dict[str, Any]:
    for _ in range(50):
        call()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        call()
    profiler.disable()
    stats = pstats.Stats(profiler)
    table: dict[tuple[str, int, str], Any] = stats.stats  # type: ignore[attr-defined]
    by_package: dict[str, float] = {}
    rows = []
    for (filename, line, name), entry in table.items():
        package = _package(filename)
        by_package[package] = by_package.get(package, 0.0) + entry[2]
        short = "/".join(Path(filename).parts[-2:]) if filename != "~" else ""
        rows.append(
            (entry[2] / calls * 1e6, entry[1] / calls, f"{short}:{line}({name})")
        )
    rows.sort(reverse=True)
    total = sum(by_package.values())
    return {
        "us_per_call_profiled": total / calls * 1e6,
        "by_package_us": {k: v / calls * 1e6 for k, v in sorted(by_package.items())},
        "top_self_us": rows[:14],
    }


def main() -> int:
    calls = int(sys.argv[1])
    raw_call, sdk_call = make_calls()
    print(json.dumps({"sdk": run(sdk_call, calls), "raw": run(raw_call, calls)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
