"""From a Markdown document to a working SDK: import, generate, run the SDK's tests.

The path the README promises in three commands, run end to end on documents the
project wrote itself (one raw Markdown, one rendered-page text).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests import paths

FIXTURES = paths.FIXTURES / "markdown"


@pytest.mark.parametrize("document", ["bookshelf.md", "bookshelf.txt", "pets.md"])
def test_imported_document_becomes_an_sdk_whose_tests_pass(
    document: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "spec.yaml"
    out = tmp_path / "sdk"
    assert main(["import-markdown", str(FIXTURES / document), "-o", str(draft)]) == 0
    assert main(["validate", str(draft)]) == 0
    assert main(["generate", str(draft), "--out", str(out)]) == 0
    capsys.readouterr()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=out / "python",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout
