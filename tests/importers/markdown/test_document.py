"""Reading a document: every kind of bad input gives a DocumentError, never a crash.

Also the form detection the two splitters depend on: raw Markdown versus the text
of a rendered page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importers.markdown.document import (
    DocumentError,
    detect_kind,
    read_document,
)
from tests import paths

FIXTURES = paths.FIXTURES / "markdown"


def write_bytes(folder: Path, data: bytes) -> Path:
    path = folder / "doc.md"
    path.write_bytes(data)
    return path


def test_missing_file_is_reported_by_name(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "absent.md")


def test_folder_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="not a file"):
        read_document(tmp_path)


def test_binary_junk_is_refused(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DocumentError, match="binary"):
        read_document(path)


def test_text_that_is_not_utf8_names_the_offset(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "# Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(
        DocumentError, match="not UTF-8 text \\(bad byte at offset 5\\)"
    ):
        read_document(path)


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_document_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(DocumentError, match="empty"):
        read_document(write_bytes(tmp_path, data))


def test_byte_order_mark_is_not_part_of_the_first_line(tmp_path: Path) -> None:
    document = read_document(write_bytes(tmp_path, b"\xef\xbb\xbf# Title\n"))
    assert document.lines == ["# Title"]
    assert document.kind == "markdown"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("bookshelf.md", "markdown"),
        ("pets.md", "markdown"),
        ("bookshelf.txt", "rendered"),
    ],
)
def test_fixture_forms_are_detected(name: str, kind: str) -> None:
    assert read_document(FIXTURES / name).kind == kind


@pytest.mark.parametrize(
    "line", ["# Title", "```", "~~~~", "<table>", "<TABLE class='x'>"]
)
def test_one_markdown_line_makes_a_document_markdown(line: str) -> None:
    assert detect_kind(["Plain words", line, "More words"]) == "markdown"


def test_text_without_markdown_syntax_is_rendered() -> None:
    lines = [
        "Title",
        "",
        "Endpoint: https://x.example",
        "",
        "#hashtag is not a heading",
    ]
    assert detect_kind(lines) == "rendered"
