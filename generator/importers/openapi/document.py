"""Read an OpenAPI document (JSON or YAML) safely, and resolve its ``$ref``s.

YAML goes through the spec loader's composer and node converter, which refuse
alias bombs, custom tags and absurd nesting; JSON through ``json``. Both are
capped in size. ``$ref``s may point inside the document or to local files
relative to it; remote (``http``) references are never fetched. A Swagger 2.0
document is converted to OpenAPI 3.0 (``swagger``), and so are the local files
it refers to, when they are loaded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import yaml

from generator.diagnostics import Location
from generator.importers.openapi.pointers import RefError, walk_pointer
from generator.importers.openapi.positions import Positions
from generator.spec.elements import JsonPath
from generator.spec.text_positions import LineTable
from generator.spec.validate import nests_within
from generator.spec.yaml_compose import NestingTooDeep, compose_file
from generator.spec.yaml_nodes import NodeConverter

if TYPE_CHECKING:
    from generator.importers.openapi.swagger import Converted

MAX_BYTES = 30 * 1024 * 1024
_MAX_JSON_DEPTH = 200


class DocumentError(Exception):
    """The document cannot be read as an OpenAPI document; the message says why."""


@dataclass
class Source:
    """One file as written: its data, and where each of its values is."""

    data: dict[str, Any]
    positions: Positions


@dataclass
class Document:
    """The document to import, the file it was read from, and its resolver."""

    #: OpenAPI 3.0/3.1: the file's data, or its conversion from Swagger 2.0.
    data: dict[str, Any]
    source: Source
    resolver: Resolver
    #: The conversion, when the file is a Swagger 2.0 document.
    swagger: Converted | None = None
    #: Local files converted along with it, by path relative to the document.
    fragments: dict[str, Converted] = field(default_factory=dict)


def read_document(path: Path) -> dict[str, Any]:
    """The document at ``path`` as plain data, checked to be OpenAPI 3.0 or 3.1.

    Swagger 2.0 is converted to OpenAPI 3.0 (see ``load_document``).

    Raises:
        DocumentError: unreadable, too large, not JSON/YAML, or not OpenAPI 3
            or Swagger 2.0.
    """
    return load_document(path).data


def load_document(path: Path) -> Document:
    """The document at ``path``, converted from Swagger 2.0 when it is that.

    Raises:
        DocumentError: as ``read_document``.
    """
    # Imported here: only a Swagger document needs the converter.
    from generator.importers.openapi import swagger

    source = read_source(path)
    data = source.data
    resolver = Resolver(path.resolve(), data)
    loaded = Document(data, source, resolver)
    version = data.get("openapi")
    if swagger.is_swagger(data):

        def convert_file(file: Path, fragment: dict[str, Any]) -> dict[str, Any]:
            label = Path(os.path.relpath(file, resolver.root.parent)).as_posix()
            converted = swagger.convert_fragment(fragment, label)
            loaded.fragments[label] = converted
            return converted.document

        resolver.convert = convert_file
        loaded.swagger = swagger.convert_document(data, resolver.original)
        loaded.data = resolver.document = loaded.swagger.document
    elif not isinstance(version, str) or not version.startswith(("3.0", "3.1")):
        if "swagger" in data or "swaggerVersion" in data:
            given = str(data.get("swagger", data.get("swaggerVersion")))
            raise DocumentError(
                f"{path}: a Swagger {given[:20]!r} document; only Swagger 2.0 and "
                "OpenAPI 3.0/3.1 are read"
            )
        raise DocumentError(
            f"{path}: not an OpenAPI 3.0/3.1 document (no 'openapi: 3.x' key)"
        )
    if not isinstance(loaded.data.get("paths", {}), dict):
        raise DocumentError(f"{path}: 'paths' is not a mapping")
    return loaded


def read_data(path: Path) -> dict[str, Any]:
    """Any JSON or YAML file whose top level is a mapping.

    Raises:
        DocumentError: the file cannot be read or is not such a file.
    """
    return read_source(path).data


def read_source(path: Path) -> Source:
    """Any JSON or YAML file whose top level is a mapping, with its positions.

    Raises:
        DocumentError: the file cannot be read or is not such a file.
    """
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise DocumentError(f"{path}: not a file")
        if size > MAX_BYTES:
            raise DocumentError(
                f"{path}: {size} bytes, more than the {MAX_BYTES} this importer reads"
            )
        raw = path.read_bytes()
    except OSError as err:
        raise DocumentError(f"{path}: cannot read: {err.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DocumentError(f"{path}: not UTF-8 text (byte {err.start})") from None
    if text.lstrip().startswith(("{", "[")):
        data = _json(path, text)
        # Found only for the pointers a warning names, and only then.
        positions = Positions(text=text)
    else:
        data, known = _yaml(path, text)
        positions = Positions(known=known)
    if not isinstance(data, dict):
        raise DocumentError(f"{path}: the top level is not a mapping")
    return Source(data, positions)


def _json(path: Path, text: str) -> Any:
    def refuse(value: str) -> Any:
        raise ValueError(f"{value} is not JSON")

    try:
        data = json.loads(text, parse_constant=refuse)
    except RecursionError:
        raise DocumentError(f"{path}: nested too deeply") from None
    except ValueError as err:
        raise DocumentError(f"{path}: not valid JSON: {err}") from None
    if not nests_within(data, _MAX_JSON_DEPTH):
        raise DocumentError(f"{path}: nested more than {_MAX_JSON_DEPTH} levels")
    return data


def _yaml(path: Path, text: str) -> tuple[Any, dict[JsonPath, Location]]:
    lines = LineTable(text)
    try:
        node = compose_file(text)
    except NestingTooDeep:
        raise DocumentError(f"{path}: nested too deeply") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(err, "problem", None) or "syntax error"
        raise DocumentError(f"{path}: not valid YAML{where}: {problem}") from None
    except RecursionError:
        raise DocumentError(f"{path}: nested too deeply") from None
    if node is None:
        raise DocumentError(f"{path}: empty document")
    if not isinstance(node, yaml.MappingNode):
        raise DocumentError(f"{path}: the top level is not a mapping")
    converter = NodeConverter(str(path), lines)
    data = converter.convert_document(node, aliases="*" in text)
    if converter.problems:
        first = converter.problems[0]
        raise DocumentError(f"{path}: {first.message}")
    return data, converter.values


@dataclass
class Resolver:
    """Follows ``$ref``s inside the document and to local files beside it."""

    root: Path
    document: dict[str, Any]
    #: Turns a local file's data into what the importer reads (a Swagger 2.0
    #: document's files are converted like it); None reads them as they are.
    convert: Callable[[Path, dict[str, Any]], dict[str, Any]] | None = None
    #: The local files loaded, as written.
    sources: dict[Path, Source] = field(default_factory=dict)
    _files: dict[Path, dict[str, Any]] = field(default_factory=dict)

    def is_remote(self, ref: str) -> bool:
        """Whether ``ref`` names something on the network (never fetched)."""
        return "://" in ref.split("#", 1)[0] or ref.startswith("//")

    def resolve(self, ref: str, base: Path | None = None) -> tuple[Any, Path | None]:
        """The value ``ref`` points at and the file it lives in (None: DOC itself).

        Raises:
            RefError: remote, missing file, or a pointer to nowhere.
        """
        if not isinstance(ref, str):
            raise RefError("a $ref that is not a string")
        if self.is_remote(ref):
            raise RefError(f"remote reference {ref!r} is not fetched")
        if "\x00" in ref:
            raise RefError("a $ref holding a NUL character")
        location, _, fragment = ref.partition("#")
        file = base
        data = self.document if base is None else self._load(base)
        if location:
            anchor = base.parent if base is not None else self.root.parent
            try:
                file = (anchor / unquote(location)).resolve()
            except (OSError, ValueError) as err:
                raise RefError(f"$ref {ref!r}: {err}") from None
            data = self._load(file)
        return walk_pointer(data, fragment, ref), file

    def original(self, relative: str) -> dict[str, Any]:
        """The data of the local file at ``relative`` (to the document), as written.

        Raises:
            RefError: the file cannot be read.
        """
        try:
            file = (self.root.parent / relative).resolve()
        except (OSError, ValueError) as err:
            raise RefError(f"{relative!r}: {err}") from None
        self._load(file)
        return self.sources[file].data

    def _load(self, file: Path) -> dict[str, Any]:
        if file not in self._files:
            try:
                source = read_source(file)
            except DocumentError as err:
                raise RefError(str(err)) from None
            self.sources[file] = source
            data = source.data
            self._files[file] = (
                data if self.convert is None else self.convert(file, data)
            )
        return self._files[file]
