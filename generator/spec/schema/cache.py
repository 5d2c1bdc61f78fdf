"""Remember which parts of specs already passed the JSON Schema.

Checking the schema is the largest share of validating a big spec, and an edit
touches one resource or model. Each entry of ``resources`` and ``models`` is checked
by the schema on its own (no rule relates one entry to another), so an entry whose
exact content passed before, under the same schema, needs no second check. Only
entries from runs without schema errors are remembered, and the file holding them
is rewritten atomically, so a damaged or missing cache only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.caches import cache_folder
from generator.resources import schema_path

__all__ = ["SchemaCache"]

CACHED_SECTIONS = ("resources", "models")
# Past this many remembered entries the file starts again empty: cheap and bounded.
MAX_ENTRIES = 200_000


class SchemaCache:
    """Hashes of spec entries that passed the schema, for the current schema."""

    def __init__(self, file: Path | None) -> None:
        self._file = file
        self._known: set[str] = set()
        if file is not None:
            try:
                self._known = set(file.read_text("ascii").split())
            except (OSError, UnicodeDecodeError):
                self._known = set()

    @classmethod
    def open(cls) -> SchemaCache:
        """The cache for this schema; without a cache folder, one that keeps nothing."""
        folder = cache_folder("schema")
        if folder is None:
            return cls(None)
        schema = hashlib.sha256(schema_path().read_bytes()).hexdigest()[:16]
        # "ecma": entries from before patterns followed ECMA '$' are not trusted.
        return cls(folder / f"valid-{schema}-ecma.txt")

    def split(self, document: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        """The document without entries known to pass, and the new entries' hashes."""
        reduced = dict(document)
        fresh: list[str] = []
        for section in CACHED_SECTIONS:
            entries = document.get(section)
            if not isinstance(entries, dict):
                continue
            kept = {}
            for name, value in entries.items():
                digest = _digest(section, name, value)
                if digest not in self._known:
                    kept[name] = value
                    fresh.append(digest)
            reduced[section] = kept
        return reduced, fresh

    def remember(self, digests: Iterable[str]) -> None:
        """Record entries that passed the schema; a failed write only costs speed."""
        new = set(digests) - self._known
        if self._file is None or not new:
            return
        known = new if len(self._known) + len(new) > MAX_ENTRIES else self._known | new
        try:
            handle, name = tempfile.mkstemp(dir=self._file.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="ascii") as stream:
                stream.write("\n".join(sorted(known)) + "\n")
            os.replace(name, self._file)
        except OSError:
            return
        self._known = known


def _digest(section: str, name: str, value: Any) -> str:
    text = json.dumps([section, name, value], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()
