"""Caches shared by every run on this machine: templates, schema results, names.

Compiling the templates is most of the render stage's cost. Jinja's bytecode cache
keys each entry by the template's source, so a stale entry can never be used; a
cache that cannot be written only costs time. ``SDKGEN_CACHE_DIR`` moves the caches,
and an empty value turns them off. The names are those the lint rules read from
the runtime sources.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2

from generator import __version__

__all__ = ["cache_folder", "remembered_names", "template_bytecode_cache"]


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Never lets a read-only or full disk fail a generation."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def cache_folder(name: str) -> Path | None:
    """``<cache>/<name>-<version>``, created; None when caching is off or fails."""
    configured = os.environ.get("SDKGEN_CACHE_DIR")
    if configured == "":
        return None
    if configured is not None:
        base = Path(configured)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        try:
            base = (Path(xdg) if xdg else Path.home() / ".cache") / "sdkgen"
        except RuntimeError:  # no home folder to be found: run without caches
            return None
    folder = base / f"{name}-{__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def template_bytecode_cache() -> jinja2.BytecodeCache | None:
    """The compiled-template cache for this sdkgen version, or None."""
    folder = cache_folder("jinja")
    return None if folder is None else _QuietBytecodeCache(str(folder))


def remembered_names(
    kind: str, sources: Iterable[Path], compute: Callable[[], Iterable[str]]
) -> frozenset[str]:
    """Names ``compute`` reads from ``sources``, kept per exact content of them.

    The lint rules parse sdkgen's own runtime modules for the names a spec must not
    take; parsing them is a tenth of a second of every run, hashing them is not.
    Names are identifiers, so the file holds them separated by whitespace.
    """
    digest = hashlib.sha256(kind.encode())
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    folder = cache_folder("names")
    file = None if folder is None else folder / f"{kind}-{digest.hexdigest()[:32]}.txt"
    if file is not None:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            return frozenset(file.read_text("utf-8").split())
    names = frozenset(compute())
    if file is not None:
        with contextlib.suppress(OSError):
            handle, temporary = tempfile.mkstemp(dir=file.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write("\n".join(sorted(names)) + "\n")
            os.replace(temporary, file)
    return names
