"""The committed Imgur SDK passes black, ruff and mypy --strict with its own config."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


LONG_TEXT = paths.FIXTURES / "specs" / "valid" / "long_text.yaml"


@pytest.fixture(scope="module")
def long_text_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SDK of a spec whose text is long everywhere it can reach the code."""
    from generator import pipeline

    out = tmp_path_factory.mktemp("long_text")
    pipeline.generate(LONG_TEXT, out)
    return out / "python"


@pytest.mark.parametrize("tool", ["black", "ruff"])
def test_long_spec_text_keeps_the_sdk_clean(tool: str, long_text_sdk: Path) -> None:
    # ruff's E501 is on in the generated SDK: no line may pass 88 columns.
    result = subprocess.run(
        [sys.executable, *TOOLS[tool]],
        cwd=long_text_sdk,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
