"""Clean a template's path and derive what the path implies.

Cleaning fixes what would make the draft wrong or invalid, each fix a ``Defect``:
a path repeating the base URL's own prefix, a trailing slash, a placeholder used
twice. The path also decides the resource (its first static segment, version
segments skipped) and, with the base URL, the API version.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from generator.importers.common.defects import Defect
from generator.spec.path_syntax import LITERAL_CHARACTERS, SPEC_PATH

PLACEHOLDER = re.compile(r"\{(?P<name>[^{}]*)\}")
_VERSION = re.compile(r"^v?\d+(\.\d+)*\Z", re.IGNORECASE)


class PathError(ValueError):
    """The path has characters a spec path cannot hold."""


@dataclass(slots=True)
class CleanPath:
    """The cleaned path; ``placeholders`` pairs each name with its name in the doc."""

    path: str
    placeholders: list[tuple[str, str]] = field(default_factory=list)
    defects: list[Defect] = field(default_factory=list)


def base_path(base_url: str) -> str:
    """The base URL's path without a trailing slash (``/3`` for ``.../3/``)."""
    return urlsplit(base_url).path.rstrip("/")


def clean_path(path: str, prefix: str, line: int) -> CleanPath:
    """Clean ``path`` (from the template at ``line``) against the base path ``prefix``.

    Raises:
        PathError: characters that no spec path may contain.
    """
    if "{" in PLACEHOLDER.sub("", path) or "}" in PLACEHOLDER.sub("", path):
        raise PathError(f"path {path!r} has unbalanced or nested braces")
    result = CleanPath(path=path)
    _strip_prefix(result, prefix, line)
    _strip_trailing_slash(result, line)
    _rename_repeated(result, line)
    if not SPEC_PATH.match(result.path):
        raise PathError(
            f"path {path!r} has characters a spec path cannot hold "
            f"(letters, digits, {LITERAL_CHARACTERS} and {{placeholders}} only)"
        )
    return result


def _strip_prefix(result: CleanPath, prefix: str, line: int) -> None:
    if not prefix or not (
        result.path == prefix or result.path.startswith(prefix + "/")
    ):
        return
    original = result.path
    result.path = result.path[len(prefix) :] or "/"
    result.defects.append(
        Defect(
            "repeated-base-prefix",
            line,
            f"path {original} repeats the base URL's own prefix {prefix}",
            f"path {result.path} (prefix removed, the base URL already ends in it)",
            "check that the call really lives under the base URL",
        )
    )


def _strip_trailing_slash(result: CleanPath, line: int) -> None:
    if len(result.path) < 2 or not result.path.endswith("/"):
        return
    original = result.path
    result.path = original.rstrip("/") or "/"
    result.defects.append(
        Defect(
            "trailing-slash",
            line,
            f"path {original} ends with a slash",
            f"path {result.path} (slash removed, like the document's other paths)",
            "check whether the API needs the trailing slash",
        )
    )


def _rename_repeated(result: CleanPath, line: int) -> None:
    """Rename the second and later uses of a placeholder: ``{id}`` -> ``{id_2}``."""
    taken = {
        _placeholder_name(m.group("name")) for m in PLACEHOLDER.finditer(result.path)
    }
    seen: Counter[str] = Counter()
    pieces = []
    position = 0
    for match in PLACEHOLDER.finditer(result.path):
        name = match.group("name")
        seen[name] += 1
        new_name = _placeholder_name(name)
        if seen[name] > 1:
            new_name = _free_name(new_name, seen[name], taken)
            taken.add(new_name)
            result.defects.append(_repeated_defect(name, new_name, line))
        pieces.append(result.path[position : match.start()] + "{" + new_name + "}")
        result.placeholders.append((new_name, name))
        position = match.end()
    result.path = "".join(pieces) + result.path[position:]


def _placeholder_name(name: str) -> str:
    """A placeholder name the spec accepts (an identifier); the wire is unchanged."""
    cleaned = re.sub(r"\W", "_", name, flags=re.ASCII) or "value"
    return f"p_{cleaned}" if cleaned[0].isdigit() else cleaned


def _free_name(name: str, count: int, taken: set[str]) -> str:
    candidate = f"{name}_{count}"
    while candidate in taken:
        count += 1
        candidate = f"{name}_{count}"
    return candidate


def _repeated_defect(name: str, new_name: str, line: int) -> Defect:
    return Defect(
        "duplicate-placeholder",
        line,
        f"placeholder {{{name}}} is used more than once in one path",
        f"the later one is {{{new_name}}}, a parameter of its own",
        f"name {{{new_name}}} after what it identifies",
    )


def resource_segment(path: str) -> str | None:
    """The first static, non-version segment of ``path``, without an extension."""
    for segment in path.split("/"):
        if not segment or "{" in segment or _VERSION.match(segment):
            continue
        stem = segment.split(".")[0]
        if stem:
            return stem
    return None


def api_version(base_url: str, paths: list[str]) -> str:
    """The version the base URL ends in, or that every path starts with, or ``1``."""
    last = base_path(base_url).rsplit("/", 1)[-1]
    if _VERSION.match(last):
        return last
    found = {_first_version(path) for path in paths}
    if len(found) == 1 and None not in found:
        return str(found.pop())
    return "1"


def _first_version(path: str) -> str | None:
    for segment in path.split("/"):
        if "{" in segment:
            return None
        if _VERSION.match(segment):
            return segment
    return None


def route_key(method: str, path: str) -> tuple[str, str]:
    """What makes two routes the same: the method and the path, placeholders blanked."""
    return method, PLACEHOLDER.sub("{}", path)
