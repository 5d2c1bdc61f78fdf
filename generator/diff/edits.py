"""The two files ``diff`` may write: the spec's ``api.sdk_version`` and a changelog.

The spec is edited as text, one scalar replaced or one line inserted, so comments,
quoting and layout survive (re-dumping the YAML would lose them).
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.spec.load import LoadedSpec

_SCALAR = re.compile(r"""("[^"\n]*"|'[^'\n]*'|[^\s#,}\]]+)""")


class EditError(Exception):
    """The file cannot be edited as asked; the message says why."""


def set_sdk_version(spec: LoadedSpec, version: str) -> Path:
    """Write ``version`` as ``api.sdk_version`` into the file holding ``api``.

    Replaces the existing value in place, or adds the key under ``api:`` after
    ``package:`` (which every spec has) with the same indentation.
    """
    value = spec.value_locations.get(("api", "sdk_version"))
    if value is not None:
        path = Path(value.file)
        lines = path.read_text("utf-8-sig").splitlines(keepends=True)
        line = lines[value.line - 1]
        start = value.column - 1
        match = _SCALAR.match(line, start)
        if match is None:
            raise EditError(f"{value}: cannot read the sdk_version value")
        quote = match.group(1)[0] if match.group(1)[0] in "'\"" else ""
        lines[value.line - 1] = (
            line[:start] + f"{quote}{version}{quote}" + line[match.end() :]
        )
    else:
        package = spec.key_locations.get(("api", "package"))
        if package is None:
            raise EditError("the spec has no api.package key to place sdk_version by")
        path = Path(package.file)
        lines = path.read_text("utf-8-sig").splitlines(keepends=True)
        indent = " " * (package.column - 1)
        newline = "\r\n" if lines[package.line - 1].endswith("\r\n") else "\n"
        lines.insert(package.line, f"{indent}sdk_version: {version}{newline}")
    path.write_text("".join(lines), "utf-8")
    return path


def prepend_changelog(path: Path, section: str) -> None:
    """Put ``section`` first in the changelog, below its ``# `` title if it has one."""
    try:
        old = path.read_text("utf-8")
    except FileNotFoundError:
        old = "# Changelog\n\n"
    except (OSError, UnicodeDecodeError) as err:
        raise EditError(f"cannot read {path}: {err}") from None
    head, body = "", old
    if old.startswith("# "):
        title, _, rest = old.partition("\n")
        head, body = title + "\n\n", rest.lstrip("\n")
    text = head + section.rstrip("\n") + "\n" + ("\n" + body if body else "")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    except OSError as err:
        raise EditError(f"cannot write {path}: {err}") from None
