"""The importer's entry points: document path in, import result and YAML text out."""

from __future__ import annotations

from pathlib import Path

from generator.importers.common.emit import schema_reference, to_yaml
from generator.importers.markdown.document import read_document
from generator.importers.markdown.draft import ImportResult, build_draft
from generator.importers.markdown.markdown_sections import split_markdown
from generator.importers.markdown.rendered_sections import split_rendered


def import_document(path: Path, name: str | None = None) -> ImportResult:
    """Read ``path`` and build its draft.

    Raises:
        DocumentError: the file cannot be read as a document.
    """
    document = read_document(path)
    split = split_markdown if document.kind == "markdown" else split_rendered
    return build_draft(split(document.lines), str(path), _stem(path), name)


def draft_yaml(result: ImportResult, source: Path, output: Path | None) -> str:
    """The YAML of a built draft, its schema modeline relative to ``output``."""
    if result.draft is None:
        raise ValueError("the import produced no draft")
    where = output.parent if output is not None else Path.cwd()
    return to_yaml(
        result.draft, result.operations, schema_reference(where), source.name
    )


def _stem(path: Path) -> str:
    """``imgur.v3.md`` -> ``imgur.v3``: the name to fall back on without a title."""
    return path.name.removesuffix(".md").removesuffix(".txt") or path.name
