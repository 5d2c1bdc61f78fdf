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
from generator.yaml_compose import MAX_DEPTH, NestingTooDeep, compose_file
from generator.yaml_nodes import MAX_NODES, JsonPath, NodeConverter, too_deep

MAX_FILE_BYTES = 5 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")

# Codes of problems with the command line rather than the spec's content: the CLI
# exits 2 for these (usage error), 1 for everything else.
PATH_NOT_FOUND = "SPEC001"
NO_YAML_FILES = "SPEC002"
UNREADABLE = "SPEC003"
USAGE_CODES = frozenset({PATH_NOT_FOUND, NO_YAML_FILES, UNREADABLE})

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
class _FileContent:
    path: Path
    document: dict[str, Any]
    values: dict[JsonPath, Location]
    keys: dict[JsonPath, Location]


def load_spec(path: Path) -> LoadedSpec:
    """Load and merge the spec at ``path`` (a YAML file or a folder of YAML files).

    Raises:
        SpecError: with every problem found, when the spec cannot be loaded.
    """
    files = _spec_files(path)
    problems: list[Diagnostic] = []
    contents = [c for f in files if (c := _load_file(f, problems)) is not None]
    if problems:
        raise SpecError(problems)
    spec = _merge(path, files, contents, problems)
    if problems:
        raise SpecError(problems)
    return spec


def _spec_files(path: Path) -> tuple[Path, ...]:
    if path.is_file():
        return (path,)
    if not path.exists():
        hint = "check the spelling, and the folder the command runs in"
        raise SpecError(
            [_file_error(PATH_NOT_FOUND, path, _missing_message(path), hint)]
        )
    if not path.is_dir():
        raise SpecError([_file_error(UNREADABLE, path, f"{path} is not a file")])
    try:
        found = sorted(_walk_yaml(path), key=lambda p: p.relative_to(path).as_posix())
    except OSError as err:
        raise SpecError([_unreadable(path, err)]) from None
    if not found:
        message = f"folder {path} holds no .yaml or .yml files"
        hint = "pass the spec file itself, or the folder that holds the spec's files"
        raise SpecError([_file_error(NO_YAML_FILES, path, message, hint)])
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


def _missing_message(path: Path) -> str:
    return f"{path} does not exist"


def _load_file(path: Path, problems: list[Diagnostic]) -> _FileContent | None:
    text = _read_text(path, problems)
    if text is None:
        return None
    label = str(path)
    try:
        node = compose_file(text)
    except NestingTooDeep as err:
        problems.append(too_deep(_mark_location(label, err.problem_mark)))
        return None
    except yaml.YAMLError as err:
        problems.append(_syntax_error(label, err))
        return None
    except RecursionError:  # the depth cap should make this unreachable
        problems.append(too_deep(Location(label, 1, 1)))
        return None
    if node is None:
        problems.append(_file_error("SPEC007", path, f"{path} is empty", _EMPTY_HINT))
        return None
    if not isinstance(node, yaml.MappingNode):
        problems.append(_top_not_mapping(label, node))
        return None
    converter = NodeConverter(label)
    document = converter.convert_document(node)
    problems.extend(converter.problems)
    return _FileContent(path, document, converter.values, converter.keys)


_EMPTY_HINT = "write the spec's sections ('api', 'resources', ...) or delete the file"


def _read_text(path: Path, problems: list[Diagnostic]) -> str | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(_too_large(path, size))
            return None
        data = path.read_bytes()
    except OSError as err:
        problems.append(_unreadable(path, err))
        return None
    try:
        # utf-8-sig: a byte-order mark is legal YAML and common from Windows editors.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        problems.append(_not_utf8(path, data, err))
        return None


def _merge(
    root: Path,
    files: tuple[Path, ...],
    contents: list[_FileContent],
    problems: list[Diagnostic],
) -> LoadedSpec:
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

    content: _FileContent
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
            json_path=_dotted(path),
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


def _dotted(path: JsonPath) -> str:
    """``('resources', 'album', 'operations')`` -> ``$.resources.album.operations``."""
    parts = ["$"]
    for part in path:
        parts.append(f"[{part}]" if isinstance(part, int) else f".{part}")
    return "".join(parts)


def _file_error(
    code: str, path: Path, message: str, hint: str | None = None
) -> Diagnostic:
    location = Location(str(path), 1, 1) if path.is_file() else None
    return Diagnostic(code, Severity.ERROR, message, location, hint)


def _unreadable(path: Path, err: OSError) -> Diagnostic:
    reason = err.strerror or type(err).__name__
    return _file_error(
        UNREADABLE, path, f"cannot read {path}: {reason}", "check the permissions"
    )


def _too_large(path: Path, size: int) -> Diagnostic:
    message = (
        f"{path} is {size / 1024 / 1024:.1f} MiB; spec files may be at most "
        f"{MAX_FILE_BYTES // 1024 // 1024} MiB"
    )
    return _file_error(
        "SPEC004", path, message, "split the spec into a folder of files"
    )


def _not_utf8(path: Path, data: bytes, err: UnicodeDecodeError) -> Diagnostic:
    before = data[: err.start]
    line = before.count(b"\n") + 1
    column = err.start - (before.rfind(b"\n") + 1) + 1
    return Diagnostic(
        code="SPEC005",
        severity=Severity.ERROR,
        message=f"{path} is not UTF-8 text: byte 0x{data[err.start]:02x} is invalid",
        location=Location(str(path), line, column),
        hint="save the file as UTF-8",
    )


def _syntax_error(label: str, err: yaml.YAMLError) -> Diagnostic:
    mark = getattr(err, "problem_mark", None)
    problem = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None)
    context_mark = getattr(err, "context_mark", None)
    if context and context_mark is not None:
        context += f" that starts at line {context_mark.line + 1}"
    message = f"not valid YAML: {problem}" + (f" ({context})" if context else "")
    location = _mark_location(label, mark)
    hint = "check the indentation and quoting at this position"
    return Diagnostic("SPEC006", Severity.ERROR, message, location, hint)


def _top_not_mapping(label: str, node: yaml.Node) -> Diagnostic:
    kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
    return Diagnostic(
        code="SPEC008",
        severity=Severity.ERROR,
        message=f"the top of a spec file must be a mapping of sections, not {kind}",
        location=_mark_location(label, node.start_mark),
        hint="start the file with sections such as 'api:', 'models:', 'resources:'",
    )


def _mark_location(label: str, mark: yaml.Mark | None) -> Location:
    if mark is None:
        return Location(label, 1, 1)
    return Location(label, mark.line + 1, mark.column + 1)


__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "USAGE_CODES",
    "LoadedSpec",
    "load_spec",
]
