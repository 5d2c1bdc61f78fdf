"""Each example spec validates strictly and its SDK passes the house's bar.

black, ruff, ``mypy --strict`` and the SDK's own generated tests, as for the
golden cases (tests/test_golden.py) but on specs of real APIs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.spec.validate import validate_path
from tests.examples.conftest import EXAMPLES, NAMES


def run_tool(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_there_are_examples_of_the_apis_the_format_was_built_for() -> None:
    assert {"github", "stripe", "slack", "mailchimp"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_example_validates_strictly(name: str) -> None:
    result = validate_path(EXAMPLES / f"{name}.yaml")
    assert result.ok(strict=True), [d.message for d in result.diagnostics]


def test_example_sdks_pass_black_and_ruff(example_output: Path) -> None:
    folders = [example_output / name / "python" for name in NAMES]
    config = folders[0] / "pyproject.toml"
    black = run_tool(
        [sys.executable, "-m", "black", "--check", "-q", "--config", config, *folders],
        cwd=example_output,
    )
    assert black.returncode == 0, black.stdout + black.stderr
    ruff = run_tool(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *folders],
        cwd=example_output,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr


@pytest.mark.slow
def test_example_sdks_pass_mypy_strict(example_output: Path, tmp_path: Path) -> None:
    """One mypy run over every example SDK, sources and tests."""
    config = example_output / NAMES[0] / "python" / "pyproject.toml"
    sources = [example_output / name / "python" / "src" for name in NAMES]
    result = run_tool(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            config,
            "--cache-dir",
            tmp_path / "mypy_cache",
            *sources,
        ],
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", NAMES)
def test_example_sdk_passes_its_own_tests(example_output: Path, name: str) -> None:
    root = example_output / name / "python"
    result = run_tool(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=root,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
