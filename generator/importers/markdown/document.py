"""Read a documentation file and tell raw Markdown from the text of a rendered page.

A rendered page (what a browser shows, copied as text) has lost the ``#`` marks and
the code fences, so the two forms need different splitters; everything after the
split works on the shared ``Outline``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.importers.markdown.outline import DocumentKind

# Markdown the rendered text cannot contain: ATX headings, fences, HTML tables.
_MARKDOWN_SIGNS = re.compile(r"^(#{1,6}\s+\S|\s*(```|~~~)|\s*<table\b)", re.IGNORECASE)
# A document this large is not API documentation; refuse instead of crawling it.
_MAX_BYTES = 5_000_000


class DocumentError(Exception):
    """The file cannot be read as a document; the message says why."""


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """The document's lines (without line ends) and which form it is in."""

    path: Path
    lines: list[str]
    kind: DocumentKind


def read_document(path: Path) -> SourceDocument:
    """Read ``path`` as UTF-8 text and detect its form.

    Raises:
        DocumentError: missing, unreadable, binary, not UTF-8 or empty.
    """
    data = _read_bytes(path)
    if b"\x00" in data:
        raise DocumentError(f"{path}: binary file (contains NUL bytes), not a document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path}: not UTF-8 text (bad byte at offset {exc.start})"
        ) from exc
    if not text.strip():
        raise DocumentError(f"{path}: the document is empty")
    lines = text.splitlines()
    return SourceDocument(path=path, lines=lines, kind=detect_kind(lines))


def detect_kind(lines: list[str]) -> DocumentKind:
    """``markdown`` if any line carries Markdown syntax, else ``rendered``."""
    if any(_MARKDOWN_SIGNS.match(line) for line in lines):
        return "markdown"
    return "rendered"


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise DocumentError(f"{path}: no such file")
    if not path.is_file():
        raise DocumentError(f"{path}: not a file")
    if path.stat().st_size > _MAX_BYTES:
        raise DocumentError(f"{path}: larger than {_MAX_BYTES} bytes, not a document")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror})") from exc
