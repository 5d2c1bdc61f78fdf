"""One step as a process (exit code, timeout, output), and counting operations.

The processes are tiny local Python programs; nothing here needs the network or
the corpus cache.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.corpus import measure, ours, steps, tally


def run(tmp_path: Path, code: str, timeout: float = 60.0) -> measure.Finished:
    return measure.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin"},
        timeout=timeout,
        logs=tmp_path / "logs",
    )


def test_a_step_records_exit_output_and_memory(tmp_path: Path) -> None:
    finished = run(tmp_path, "import sys; print('out'); sys.exit('error: bad')")
    assert finished.returncode == 1
    assert finished.stdout.strip() == "out"
    assert "error: bad" in finished.stderr
    assert not finished.timed_out
    assert finished.rss_mib > 1
    recorded = steps.record(finished)
    assert recorded["status"] == tally.FAILED
    assert recorded["error"] == "error: bad"


def test_a_hung_step_and_its_children_are_killed(tmp_path: Path) -> None:
    marker = tmp_path / "child-alive"
    child = tmp_path / "child.py"
    child.write_text(f"import time\ntime.sleep(1.5)\nopen({str(marker)!r}, 'w')\n")
    # The child outlives its parent's kill unless the whole group is killed.
    code = (
        "import subprocess, sys, time\n"
        f"subprocess.Popen([sys.executable, {str(child)!r}])\n"
        "time.sleep(60)\n"
    )
    started = time.perf_counter()
    finished = run(tmp_path, code, timeout=0.5)
    assert time.perf_counter() - started < 30
    assert finished.timed_out
    assert steps.record(finished)["status"] == tally.TIMEOUT
    time.sleep(2)
    assert not marker.exists()


def test_a_clean_exit_is_ok(tmp_path: Path) -> None:
    recorded = steps.record(run(tmp_path, "pass"))
    assert recorded["status"] == tally.OK
    assert recorded["error"] is None
    assert recorded["exit"] == 0


def test_operations_are_counted_from_the_generated_resources(tmp_path: Path) -> None:
    package = tmp_path / "src" / "demo_client"
    (package / "resources").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "resources" / "__init__.py").write_text("_X = Operation(name='no')\n")
    (package / "resources" / "pets.py").write_text(
        "_LIST: Operation[list[Pet]] = Operation(name='pets.list')\n"
        "_GET = Operation(name='pets.get')\n"
        "NOT_ONE = dict(name='x')\n"
        "def f():\n    _INNER = Operation(name='inner')\n"
    )
    (package / "resources" / "users.py").write_text(
        "_ME: Operation[User] = Operation(name='users.me')\n"
    )
    assert ours.find_package(tmp_path / "src") == package
    assert ours.count_sdk_operations(package) == 3


def test_spec_operations_are_counted_from_the_resources(tmp_path: Path) -> None:
    (tmp_path / "resources").mkdir()
    (tmp_path / "api.yaml").write_text("api:\n  name: demo\n")
    (tmp_path / "resources" / "pets.yaml").write_text(
        "resources:\n  pets:\n    operations:\n      list: {}\n      get: {}\n"
        "  owners:\n    operations:\n      get: {}\n"
    )
    assert ours.count_spec_operations(tmp_path) == 3


def test_no_package_or_two_packages_is_none(tmp_path: Path) -> None:
    assert ours.find_package(tmp_path / "missing") is None
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("")
    assert ours.find_package(tmp_path) is None
