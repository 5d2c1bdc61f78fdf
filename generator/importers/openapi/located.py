"""Warnings about a document, named and placed as the user wrote it.

The importer names pointers of the document it reads. When that is a
conversion (Swagger 2.0 -> OpenAPI 3), ``as_written`` turns them back into
pointers of the file written. ``place`` then gives each warning the line and
column of its pointer, in the document or in the local file it names, looking
positions up once per file for all warnings together.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import Diagnostic, Location
from generator.importers.openapi.document import Document, Source
from generator.importers.openapi.origins import split_pointer
from generator.importers.openapi.positions import canonical
from generator.importers.openapi.report import printable
from generator.spec.elements import JsonPath


def file_key(location: str) -> str:
    """The file part of a pointer as a path relative to the document ("" is DOC)."""
    return posixpath.normpath(unquote(location)) if location else ""


def as_written(document: Document, where: str) -> str:
    """The pointer of the file as written for ``where`` (a pointer of ``data``)."""
    location, _, _ = where.partition("#")
    converted = (
        document.fragments.get(file_key(location)) if location else document.swagger
    )
    return converted.origins.original(where) if converted is not None else where


def rename_in_notes(draft: dict[str, Any] | None, renamed: dict[str, str]) -> None:
    """Model descriptions' ``TODO: <pointer>: ...`` notes, with pointers as written.

    The schema importer writes such notes itself, pointers made printable;
    ``renamed`` holds the pointers the report turned into pointers as written.
    """
    renamed = {printable(k, 200): printable(v, 200) for k, v in renamed.items()}
    for model in (draft or {}).get("models", {}).values():
        text = model.get("description")
        if isinstance(text, str) and "TODO: " in text:
            model["description"] = "\n".join(
                _rename_note(line, renamed) for line in text.split("\n")
            )


def _rename_note(line: str, renamed: dict[str, str]) -> str:
    start = line.find("TODO: ")
    if start < 0:
        return line
    start += len("TODO: ")
    # The pointer ends at one of the line's ": " (a field name may hold one too).
    end = line.find(": ", start)
    while end >= 0:
        written = renamed.get(line[start:end])
        if written is not None:
            return line[:start] + written + line[end:]
        end = line.find(": ", end + 1)
    return line


def place(
    diagnostics: list[Diagnostic], document: Document, label: str
) -> list[Diagnostic]:
    """``diagnostics``, each naming a pointer placed at that pointer's line.

    ``label`` is DOC as the user named it; a local file is named beside it.
    """
    wanted: dict[str, set[JsonPath]] = {}
    targets: list[tuple[str, JsonPath] | None] = []
    for diagnostic in diagnostics:
        target = None
        if diagnostic.json_path:
            location, tokens = split_pointer(diagnostic.json_path)
            key = file_key(location)
            source = _source(document, key)
            if source is not None:
                target = (key, canonical(source.data, tokens))
                wanted.setdefault(key, set()).add(target[1])
        targets.append(target)
    found = {
        key: source.positions.find(paths)
        for key, paths in wanted.items()
        if (source := _source(document, key)) is not None
    }
    placed: list[Diagnostic] = []
    for diagnostic, target in zip(diagnostics, targets, strict=True):
        if target is None:
            placed.append(diagnostic)
            continue
        key, path = target
        line, column = found[key][path]
        file = (
            os.path.normpath(os.path.join(os.path.dirname(label), key))
            if key
            else label
        )
        placed.append(
            dataclasses.replace(diagnostic, location=Location(file, line, column))
        )
    return placed


def _source(document: Document, key: str) -> Source | None:
    """DOC's source, or a local file's when the import loaded it."""
    if not key:
        return document.source
    try:
        file = (document.resolver.root.parent / key).resolve()
    except (OSError, ValueError):
        return None
    return document.resolver.sources.get(file)
