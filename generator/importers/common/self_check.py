"""Validate a draft with ``sdkgen validate``'s own checks before handing it over.

A draft that fails validation is an importer bug, never the document's fault: the
command reports it at once instead of leaving it for ``sdkgen validate``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.spec.validate import validate_path


def draft_problems(text: str) -> list[str]:
    """Errors ``sdkgen validate`` finds in the draft ``text`` (empty if none)."""
    with tempfile.TemporaryDirectory(prefix="sdkgen-import-") as folder:
        draft = Path(folder) / "draft.yaml"
        draft.write_text(text, encoding="utf-8")
        result = validate_path(draft)
        return [
            f"line {d.location.line if d.location else '?'}: {d.code} {d.message}"
            for d in result.errors
        ]
