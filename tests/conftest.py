"""Fixtures shared by test files in more than one folder.

Constants (where the fixtures and golden cases are) live in ``tests/paths.py`` and
folder comparison in ``tests/trees.py``: parametrize lists need them at import
time, before any fixture exists.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests import paths

# Every generate in the tests (in-process or a subprocess) has black check each
# piece the formatter takes as rendered: a template that leaves black's layout
# fails here, not in a user's SDK (``generator/self_check.py``).
os.environ.setdefault("SDKGEN_SELF_CHECK", "1")


@pytest.fixture
def notes_spec(tmp_path: Path) -> Path:
    """The notes spec copied into this test's folder, free to change."""
    spec = tmp_path / paths.NOTES_SPEC.name
    shutil.copy(paths.NOTES_SPEC, spec)
    return spec


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder for this test only (sdkgen reads SDKGEN_CACHE_DIR)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(folder))
    return folder
