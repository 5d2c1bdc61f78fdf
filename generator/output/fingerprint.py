"""A hash of everything a generation depends on, so an unchanged one can be skipped.

The inputs are the spec's files, the name the output uses for the spec, sdkgen's own
code, templates and schema, the formatter, the template engine and YAML parser, and
every file of an override-templates folder. When the
manifest in the output folder records the same fingerprint and every file there
still has the content the manifest records, the output is exactly what the spec
gives, and ``check`` and ``generate`` can answer without validating, rendering or
formatting anything. The tests prove that output does not depend on caching, which
is what makes skipping sound.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import generator
from generator.diagnostics import SpecError
from generator.output.versions import distribution_version
from generator.resources import schema_path, templates_dir
from generator.spec.load import spec_files

__all__ = ["input_fingerprint"]

_PACKAGE = Path(generator.__file__).resolve().parent
# Package data folders of an installed wheel; hashed through templates_dir() and
# schema_path() instead, so a checkout and a wheel of the same code agree.
_PACKAGE_DATA = frozenset({"_templates", "_schema", "__pycache__"})


def input_fingerprint(
    spec: Path,
    spec_label: str,
    formatter: str,
    custom_templates: Path | None,
    output_folder: str = "",
) -> str | None:
    """The fingerprint of a generation, or None when an input cannot be read.

    ``output_folder`` (the output folder's name) is an input too: the docs name it
    in their install command.
    """
    digest = hashlib.sha256()

    def add(name: str, data: bytes) -> None:
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)

    try:
        files = spec_files(spec)
        root = spec if spec.is_dir() else spec.parent
        add("label", spec_label.encode())
        add("output", output_folder.encode())
        add("sdkgen", generator.__version__.encode())
        add("jinja2", distribution_version("jinja2").encode())
        add("pyyaml", distribution_version("PyYAML").encode())
        add("formatter", formatter.encode())
        for path in files:
            add("spec:" + path.relative_to(root).as_posix(), path.read_bytes())
        for name, path in _code_files():
            add("code:" + name, path.read_bytes())
        if custom_templates is not None:
            # Every file counts: an override may include or import a file of its own.
            for name, path in _tree(custom_templates, "override:"):
                add(name, path.read_bytes())
    except (OSError, SpecError, ValueError):
        return None
    return digest.hexdigest()


def _code_files() -> Iterable[tuple[str, Path]]:
    for path in sorted(_PACKAGE.rglob("*.py")):
        relative = path.relative_to(_PACKAGE)
        if not _PACKAGE_DATA.intersection(relative.parts):
            yield "generator/" + relative.as_posix(), path
    yield from _tree(templates_dir(), "templates:")
    yield "schema", schema_path()


def _tree(folder: Path, prefix: str) -> Iterable[tuple[str, Path]]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            yield prefix + path.relative_to(folder).as_posix(), path
