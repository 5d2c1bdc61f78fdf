"""Load a spec (one YAML file or a folder of them) into plain data with positions.

First stage of the pipeline: load -> validate -> model -> render -> format -> write.
YAML is composed into nodes (never constructed into Python objects), so every key and
value keeps its file, line and column; the nodes are then converted to plain data
while a ``json_path -> Location`` map is recorded for the later stages' messages.

The loader refuses what PyYAML would silently accept or choke on: duplicate keys,
non-text keys, custom tags, alias bombs, absurd nesting and huge files. Every file
is checked before stopping, and all problems are raised together in one SpecError.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, Location, Severity, SpecError
from generator.spec import load_errors
from generator.spec.elements import JsonPath, dotted
from generator.spec.load_errors import USAGE_CODES
from generator.spec.text_positions import LineTable
from generator.spec.yaml_compose import MAX_DEPTH, NestingTooDeep, compose_file
from generator.spec.yaml_nodes import MAX_NODES, NodeConverter, too_deep

MAX_FILE_BYTES = 5 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


# Sections a folder spec may spread over several files, merged key by key; every
# other section must live in exactly one file.
MERGED_SECTIONS = frozenset({"auth", "models", "resources"})
_ENTRY_KINDS = {"auth": "auth scheme", "models": "model", "resources": "resource"}


@dataclass(frozen=True)
class LoadedSpec:
    """A spec as plain data, plus where each part of it came from."""

    root: Path
    files: tuple[Path, ...]
    document: dict[str, Any]
    value_locations: Mapping[JsonPath, Location] = field(
        default_factory=dict, repr=False, compare=False
    )
    key_locations: Mapping[JsonPath, Location] = field(
        default_factory=dict, repr=False, compare=False
    )

    def locate(self, json_path: Sequence[str | int]) -> Location | None:
        """Position of the node at ``json_path``, or of its nearest known ancestor."""
        path = tuple(json_path)
        while True:
            found = self.value_locations.get(path)
            if found is not None or not path:
                return found
            path = path[:-1]

    def locate_key(self, json_path: Sequence[str | int]) -> Location | None:
        """Position of the mapping key ending ``json_path`` (e.g. an unknown key)."""
        return self.key_locations.get(tuple(json_path)) or self.locate(json_path)

    def display_root(self) -> str:
        """How messages name the spec, e.g. ``spec/imgur``."""
        return str(self.root)


@dataclass
class FileContent:
    """One spec file as plain data, with the positions of its keys and values."""

    path: Path
    document: dict[str, Any]
    values: dict[JsonPath, Location]
    keys: dict[JsonPath, Location]


def load_spec(path: Path) -> LoadedSpec:
    """Load and merge the spec at ``path`` (a YAML file or a folder of YAML files).

    Raises:
        SpecError: with every problem found, when the spec cannot be loaded.
    """
    files = spec_files(path)
    problems: list[Diagnostic] = []
    contents = [c for f in files if (c := load_file(f, problems)) is not None]
    if problems:
        raise SpecError(problems)
    spec = merge_files(path, files, contents, problems)
    if problems:
        raise SpecError(problems)
    return spec


def spec_files(path: Path) -> tuple[Path, ...]:
    """The YAML files a spec consists of, in merge order.

    Raises:
        SpecError: the path is missing, unreadable, or a folder without YAML files.
    """
    if path.is_file():
        return (path,)
    if not path.exists():
        raise SpecError([load_errors.path_not_found(path)])
    if not path.is_dir():
        raise SpecError([load_errors.not_a_file(path)])
    try:
        found = sorted(_walk_yaml(path), key=lambda p: p.relative_to(path).as_posix())
    except OSError as err:
        raise SpecError([load_errors.unreadable(path, err)]) from None
    if not found:
        raise SpecError([load_errors.no_yaml_files(path)])
    return tuple(found)


def _walk_yaml(folder: Path) -> list[Path]:
    def fail(err: OSError) -> None:
        raise err

    # os.walk does not follow symlinked folders, so a link loop cannot hang us.
    return [
        Path(parent, name)
        for parent, _dirs, names in os.walk(folder, onerror=fail)
        for name in names
        if name.endswith(YAML_SUFFIXES)
    ]


def load_file(path: Path, problems: list[Diagnostic]) -> FileContent | None:
    """Read and convert one file; None (with ``problems`` added) if it cannot be."""
    text = _read_text(path, problems)
    if text is None:
        return None
    label = str(path)
    lines = LineTable(text)
    try:
        node = compose_file(text)
    except NestingTooDeep as err:
        problems.append(too_deep(lines.location(label, err.problem_mark)))
        return None
    except yaml.YAMLError as err:
        problems.append(load_errors.syntax_error(label, err, lines, text))
        return None
    except RecursionError:  # the depth cap should make this unreachable
        problems.append(too_deep(Location(label, 1, 1)))
        return None
    if node is None:
        problems.append(load_errors.empty_file(path))
        return None
    if not isinstance(node, yaml.MappingNode):
        problems.append(load_errors.top_not_mapping(label, node))
        return None
    converter = NodeConverter(label, lines)
    # An alias (*name) needs an anchor (&name) before it, or composing fails.
    aliases = "&" in text and "*" in text
    document = converter.convert_document(node, aliases=aliases)
    problems.extend(converter.problems)
    return FileContent(path, document, converter.values, converter.keys)


def _read_text(path: Path, problems: list[Diagnostic]) -> str | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(load_errors.too_large(path, size, MAX_FILE_BYTES))
            return None
        data = path.read_bytes()
    except OSError as err:
        problems.append(load_errors.unreadable(path, err))
        return None
    try:
        # utf-8-sig: a byte-order mark is legal YAML and common from Windows editors.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        problems.append(load_errors.not_utf8(path, data, err))
        return None


def merge_files(
    root: Path,
    files: tuple[Path, ...],
    contents: list[FileContent],
    problems: list[Diagnostic],
) -> LoadedSpec:
    """Merge the files of a folder spec section by section (``diff`` reuses it)."""
    document: dict[str, Any] = {}
    values: dict[JsonPath, Location] = {}
    keys: dict[JsonPath, Location] = {}
    for content in contents:
        for section, value in content.document.items():
            where = _Where(content, values, keys)
            if section not in document:
                document[section] = value
            elif section in MERGED_SECTIONS and _both_mappings(
                document[section], value
            ):
                _merge_section(document[section], value, section, where, problems)
            else:
                problems.append(where.twice((section,), f"section '{section}'"))
        for path, location in content.values.items():
            values.setdefault(path, location)
        for path, location in content.keys.items():
            keys.setdefault(path, location)
    if len(contents) == 1:
        values[()] = Location(str(contents[0].path), 1, 1)
    return LoadedSpec(root, files, document, values, keys)


def _both_mappings(first: Any, second: Any) -> bool:
    return isinstance(first, dict) and isinstance(second, dict)


@dataclass
class _Where:
    """Names both places of something defined twice across files."""

    content: FileContent
    merged_values: dict[JsonPath, Location]
    merged_keys: dict[JsonPath, Location]

    def twice(self, path: JsonPath, what: str) -> Diagnostic:
        first = self.merged_keys.get(path) or self.merged_values.get(path)
        second = self.content.keys.get(path) or self.content.values.get(path)
        return Diagnostic(
            code="SPEC014",
            severity=Severity.ERROR,
            message=f"{what} is defined in two places: {first} and {second}",
            location=second,
            hint="keep one definition, or rename one of them",
            json_path=dotted(path),
        )


def _merge_section(
    into: dict[str, Any],
    extra: dict[str, Any],
    section: str,
    where: _Where,
    problems: list[Diagnostic],
) -> None:
    for name, value in extra.items():
        if name in into:
            what = f"{_ENTRY_KINDS[section]} '{name}'"
            problems.append(where.twice((section, name), what))
        else:
            into[name] = value


__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "USAGE_CODES",
    "FileContent",
    "LoadedSpec",
    "load_file",
    "load_spec",
    "merge_files",
    "spec_files",
]
