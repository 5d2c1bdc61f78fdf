"""The whole pipeline: load -> validate -> model -> render -> format -> write.

``build_outputs`` runs every stage up to formatting in memory; ``generate`` then
writes and ``check`` compares. Both return plain results for the CLI to print.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from generator import __version__
from generator.diagnostics import Diagnostic, SpecError
from generator.notice import generated_notice
from generator.output.fingerprint import input_fingerprint
from generator.output.format import (
    FormatCache,
    FormattedFile,
    PreviousPieces,
    format_all,
    formatter_id,
)
from generator.output.seams import recover_pieces
from generator.output.write import (
    MANIFEST_NAME,
    CheckResult,
    Manifest,
    WriteResult,
    build_manifest,
    compare_output,
    files_match_manifest,
    read_manifest,
    recorded_text,
    write_output,
)

if TYPE_CHECKING:
    from generator.targets.render import RenderedFile

__all__ = [
    "Outputs",
    "build_outputs",
    "check",
    "generate",
    "spec_label",
    "unchanged_output",
]

OPENAPI_PATH = "openapi.json"


@dataclass(frozen=True)
class Outputs:
    """Every output file of a run, in memory, with what the run found and did."""

    files: list[FormattedFile]
    warnings: list[Diagnostic]
    operations: int
    formatted: int  # how many files black formatted (others: reused, or already so)
    manifest: Manifest
    # True when the fingerprint showed nothing changed and no stage ran at all.
    skipped: bool = False


def spec_label(spec: Path, out_dir: Path) -> str:
    """Name the spec relative to the output folder's parent: the same everywhere."""
    relative = os.path.relpath(spec.resolve(), out_dir.resolve().parent)
    return PurePosixPath(*Path(relative).parts).as_posix()


def output_folder(out_dir: Path) -> str:
    """The output folder's own name: the docs install from ``./<name>/python``.

    Relative to the output folder's parent, as ``spec_label`` is, so the output is
    the same whichever folder the command runs in.
    """
    return out_dir.resolve().name


def build_outputs(
    spec: Path,
    out_dir: Path,
    templates: Path | None = None,
    *,
    use_cache: bool = True,
    format_cache: FormatCache | None = None,
) -> Outputs:
    """Validate the spec and produce every output file in memory.

    ``format_cache`` replaces the output folder's cache (the fuzz tests share one
    in memory across thousands of specs).

    Raises:
        SpecError: the spec has errors (warnings are returned, not raised).
    """
    # Imported here: when nothing changed, generate and check never need them.
    from generator.model.build import build_model
    from generator.resources import templates_dir
    from generator.spec.validate import validate_path
    from generator.targets.openapi.document import build_openapi, render_openapi_json
    from generator.targets.render import built_in_code, iter_render, make_environment

    label = spec_label(spec, out_dir)
    folder = output_folder(out_dir)
    fingerprint = input_fingerprint(spec, label, formatter_id(), templates, folder)
    result = validate_path(spec)
    if result.errors or result.typed is None:
        raise SpecError(result.diagnostics)
    api = build_model(result.typed, spec_label=label, output_folder=folder)
    env = make_environment(templates_dir(), templates)
    typed = result.typed

    def rendered() -> Iterator[RenderedFile]:
        # Produced as format_all consumes them: black's workers start on the first
        # Python files while the rest, the docs and the OpenAPI export are built.
        yield from iter_render(api, env)
        exported = build_openapi(typed, source=label)
        notice = {"x-generated": generated_notice(label)}
        yield built_in_code(OPENAPI_PATH, render_openapi_json(notice | exported))

    cache: FormatCache = _no_cache
    previous = None
    if format_cache is not None:
        cache = format_cache
    elif use_cache:
        last = _usable_manifest(out_dir)
        cache, previous = _disk_cache(out_dir, last), _disk_pieces(out_dir, last)
    files = format_all(rendered(), label, cache, previous)
    manifest = build_manifest(
        files,
        __version__,
        # A skipped run could not repeat the warnings, so warn-y specs never skip.
        inputs=None if result.warnings else fingerprint,
        operations=api.operation_count,
    )
    return Outputs(
        files=files,
        warnings=result.warnings,
        operations=api.operation_count,
        formatted=sum(1 for f in files if f.by_black),
        manifest=manifest,
    )


def unchanged_output(
    spec: Path, out_dir: Path, templates: Path | None = None
) -> Outputs | None:
    """The outputs of the last run when no input and no output file has changed since.

    Answers from the manifest and a hash of the inputs alone: nothing is validated,
    rendered or formatted. None means the full pipeline must run.
    """
    manifest = read_manifest(out_dir)
    if manifest is None or manifest.inputs is None:
        return None
    if (manifest.generator, manifest.formatter) != (__version__, formatter_id()):
        return None
    label = spec_label(spec, out_dir)
    folder = output_folder(out_dir)
    if input_fingerprint(spec, label, formatter_id(), templates, folder) != (
        manifest.inputs
    ):
        return None
    if not files_match_manifest(out_dir, manifest):
        return None
    manifest_text = (out_dir / MANIFEST_NAME).read_text("utf-8")
    if manifest_text != manifest.to_json():
        return None
    return Outputs([], [], manifest.operations, 0, manifest, skipped=True)


def _no_cache(path: PurePosixPath, render_hash: str) -> str | None:
    return None


def _usable_manifest(out_dir: Path) -> Manifest | None:
    """The last run's manifest, when it was written by this formatter."""
    manifest = read_manifest(out_dir)
    return manifest if manifest and manifest.formatter == formatter_id() else None


def _disk_pieces(out_dir: Path, manifest: Manifest | None) -> PreviousPieces:
    """The last run's pieces of each file, trusted as ``_disk_cache`` trusts files."""

    def record(path: PurePosixPath) -> tuple[str, ...]:
        return manifest.pieces.get(str(path), ()) if manifest else ()

    def texts(path: PurePosixPath) -> dict[str, str]:
        pieces = record(path)
        if not pieces or manifest is None:
            return {}
        text = recorded_text(out_dir, str(path), manifest.files[str(path)][1])
        return {} if text is None else recover_pieces(pieces, text)

    return PreviousPieces(record, texts)


def _disk_cache(out_dir: Path, manifest: Manifest | None) -> FormatCache:
    """Reuse a file on disk when the manifest says it is this render, formatted."""

    def lookup(path: PurePosixPath, render_hash: str) -> str | None:
        recorded = manifest.files.get(str(path)) if manifest else None
        if recorded is None or recorded[0] != render_hash:
            return None
        return recorded_text(out_dir, str(path), recorded[1])

    return lookup


def generate(
    spec: Path, out_dir: Path, templates: Path | None = None
) -> tuple[Outputs, WriteResult]:
    """Regenerate ``out_dir`` from ``spec``, writing only what changed."""
    unchanged = unchanged_output(spec, out_dir, templates)
    if unchanged is not None:
        return unchanged, WriteResult(
            unchanged=[*unchanged.manifest.files, MANIFEST_NAME]
        )
    outputs = build_outputs(spec, out_dir, templates)
    return outputs, write_output(out_dir, outputs.files, outputs.manifest)


def check(
    spec: Path, out_dir: Path, templates: Path | None = None
) -> tuple[Outputs, CheckResult]:
    """Compare ``out_dir`` with what ``spec`` gives, writing nothing."""
    unchanged = unchanged_output(spec, out_dir, templates)
    if unchanged is not None:
        return unchanged, CheckResult()
    outputs = build_outputs(spec, out_dir, templates)
    return outputs, compare_output(out_dir, outputs.files, outputs.manifest)
