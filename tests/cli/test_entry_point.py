"""The ``sdkgen`` command and ``python -m generator`` as a user runs them.

Both end in ``generator.cli.run``, which leaves with ``os._exit`` once ``main`` has
returned: everything printed must still arrive, and the exit code must be main's.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from tests import paths


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, capture_output=True, text=True, cwd=paths.REPO, timeout=120, check=False
    )


COMMANDS = {
    "python -m generator": [sys.executable, "-m", "generator"],
    "sdkgen": [str(Path(sys.executable).parent / "sdkgen")],
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_output_and_exit_code_survive_the_fast_exit(command: list[str]) -> None:
    done = run(*command, "validate", "spec/imgur")
    assert done.returncode == 0, done.stderr
    assert "spec/imgur: 87 operations, 24 models, 0 errors" in done.stdout


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_usage_error_exits_2_with_its_message(command: list[str]) -> None:
    done = run(*command, "validate", "no/such/spec")
    assert done.returncode == 2
    assert "no/such/spec does not exist" in done.stdout


def test_run_flushes_what_main_printed_and_exits_with_its_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.cli as cli

    thresholds: list[tuple[int, int, int]] = []

    def speaking() -> int:
        thresholds.append(gc.get_threshold())
        print("said before leaving")
        return 3

    exits: list[int] = []

    def leave(code: int) -> None:
        exits.append(code)
        raise SystemExit(code)

    monkeypatch.setattr(cli, "main", speaking)
    monkeypatch.setattr(cli.os, "_exit", leave)
    before = gc.get_threshold()
    try:
        with pytest.raises(SystemExit):
            cli.run()
    finally:
        gc.set_threshold(*before)  # run() sets them for the rest of its process
    assert exits == [3]
    assert capsys.readouterr().out == "said before leaving\n"
    # main ran with the collector paced for a batch run.
    assert thresholds == [cli.GC_THRESHOLDS] != [before]
