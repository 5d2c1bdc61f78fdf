"""The docs' install command names the folder the SDK was generated into.

It used to say ``pip install ./generated/python`` whatever ``--out`` was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.targets.docs.install import PLACEHOLDER, Install, install
from tests import paths

INDEX = "python/docs/index.md"


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("generated", Install("generated", "./generated/python")),
        ("my sdk", Install("my sdk", "'./my sdk/python'")),
        ("it's$HOME", Install("it's$HOME", "'./it'\"'\"'s$HOME/python'")),
        ("two\nlines", Install("", PLACEHOLDER)),
        ("```", Install("", PLACEHOLDER)),
        ("", Install("", PLACEHOLDER)),
    ],
)
def test_install_path_is_quoted_for_the_shell_or_left_out(
    folder: str, expected: Install
) -> None:
    assert install(folder) == expected


def _index(out: Path) -> str:
    return (out / INDEX).read_text(encoding="utf-8")


def test_the_docs_install_from_the_output_folder(tmp_path: Path) -> None:
    spec = tmp_path / "notes.yaml"
    shutil.copy(paths.NOTES_SPEC, spec)
    out = tmp_path / "notes sdk"
    pipeline.generate(spec, out)
    text = _index(out)
    assert "pip install './notes sdk/python'\n" in text
    assert "From the folder that holds `notes sdk/`" in text
    assert "./generated/python" not in text


def test_a_renamed_output_folder_is_stale(tmp_path: Path) -> None:
    spec = tmp_path / "notes.yaml"
    shutil.copy(paths.NOTES_SPEC, spec)
    pipeline.generate(spec, tmp_path / "first")
    (tmp_path / "first").rename(tmp_path / "second")
    outputs, compared = pipeline.check(spec, tmp_path / "second")
    assert not outputs.skipped
    assert INDEX in compared.stale
