"""The committed Imgur SDK passes black, ruff and mypy --strict with its own config."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests import paths

SDK = paths.REPO / "generated" / "python"
TOOLS = {
    "black": ["-m", "black", "--check", "--config", "pyproject.toml", "."],
    "ruff": ["-m", "ruff", "check", "--quiet", "."],
    "mypy": ["-m", "mypy", "--strict", "--no-incremental", "src", "tests"],
}


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_generated_sdk_is_clean(tool: str) -> None:
    result = subprocess.run(
        [sys.executable, *TOOLS[tool]], cwd=SDK, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
