"""Stage 6 of the pipeline: write the formatted files, or compare them with the disk.

The output folder holds a manifest (``.sdkgen-manifest.json``) of the files sdkgen
wrote, with the hash of each file's render and of its formatted content. It serves
three purposes: only files sdkgen wrote are ever removed, unchanged files are not
rewritten, and the formatting cache knows which files on disk it can trust.

Every file is written to a temporary sibling first and moved into place only after
all of them were written, so a failure leaves the previous output in place.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.output.format import FormattedFile, formatter_id, sha256

__all__ = [
    "MANIFEST_NAME",
    "CheckResult",
    "Manifest",
    "OutputPathError",
    "WriteResult",
    "build_manifest",
    "compare_output",
    "files_match_manifest",
    "read_manifest",
    "recorded_text",
    "write_output",
]

MANIFEST_NAME = ".sdkgen-manifest.json"
MANIFEST_PATH = PurePosixPath(MANIFEST_NAME)


class OutputPathError(ValueError):
    """A generated path would land outside the output folder."""


@dataclass(frozen=True)
class Manifest:
    """What one run wrote, saved beside the output for ``check`` and the next run."""

    generator: str
    formatter: str
    files: dict[str, tuple[str, str]]  # path -> (render hash, output hash)
    # Fingerprint of every input, set when the run had no warnings (a skipped run
    # could not print them again); operations counted for the CLI's summary.
    inputs: str | None = None
    operations: int = 0
    # Each black-formatted Python file's pieces (``seams.piece_record``): an edit
    # then formats only the pieces it changed.
    pieces: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def to_json(self) -> str:
        """The manifest file's text: JSON in a fixed key order, files sorted by path."""
        body = {
            "generated_by": "sdkgen; do not edit, this records what sdkgen wrote",
            "generator": self.generator,
            "formatter": self.formatter,
            "inputs": self.inputs,
            "operations": self.operations,
            "files": {
                path: {"render": render, "output": output}
                | ({"pieces": list(self.pieces[path])} if self.pieces.get(path) else {})
                for path, (render, output) in sorted(self.files.items())
            },
        }
        return json.dumps(body, indent=2, sort_keys=False) + "\n"


def read_manifest(out_dir: Path) -> Manifest | None:
    """The manifest of a previous run; None when absent or unreadable.

    A missing or damaged manifest only costs time: nothing on disk is trusted then.
    """
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text("utf-8"))
        files = {
            str(path): (str(entry["render"]), str(entry["output"]))
            for path, entry in data["files"].items()
        }
        inputs = data.get("inputs")
        pieces = {
            str(path): tuple(str(item) for item in entry["pieces"])
            for path, entry in data["files"].items()
            if isinstance(entry.get("pieces"), list)
        }
        return Manifest(
            generator=str(data["generator"]),
            formatter=str(data["formatter"]),
            files=files,
            inputs=inputs if isinstance(inputs, str) else None,
            operations=int(data.get("operations", 0)),
            pieces=pieces,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def build_manifest(
    files: Iterable[FormattedFile],
    generator_version: str,
    *,
    inputs: str | None = None,
    operations: int = 0,
) -> Manifest:
    """The manifest for these files, written by this generator version."""
    files = list(files)
    return Manifest(
        generator=generator_version,
        formatter=formatter_id(),
        files={str(f.path): (f.render_hash, f.output_hash) for f in files},
        inputs=inputs,
        operations=operations,
        pieces={str(f.path): f.pieces for f in files if f.pieces},
    )


def safe_target(out_dir: Path, relative: PurePosixPath) -> Path:
    """Resolve a generated path, refusing anything that escapes ``out_dir``."""
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise OutputPathError(
            f"refusing to write '{relative}': not a plain relative path"
        )
    root = out_dir.resolve()
    target = (root / relative).resolve()
    if not target.is_relative_to(root):
        raise OutputPathError(
            f"refusing to write '{relative}': it resolves outside {root}"
        )
    return target


@dataclass
class WriteResult:
    """What ``write_output`` did to each path, for the CLI's summary."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_modified: list[str] = field(default_factory=list)  # ours once, edited since


def write_output(
    out_dir: Path, files: list[FormattedFile], manifest: Manifest
) -> WriteResult:
    """Write ``files`` and the manifest into ``out_dir``, changing only what differs."""
    old = read_manifest(out_dir)
    everything = [*files, _manifest_file(manifest)]
    result = WriteResult()
    pending: list[tuple[Path, str]] = []
    for item in everything:
        target = safe_target(out_dir, item.path)
        if _current_text(target) == item.content:
            result.unchanged.append(str(item.path))
        else:
            pending.append((target, item.content))
            result.written.append(str(item.path))
    _write_atomically(pending)
    produced = {str(f.path) for f in everything}
    for stale in sorted(set(old.files) - produced) if old else []:
        _remove_if_ours(out_dir, stale, old.files[stale][1] if old else "", result)
    return result


def _manifest_file(manifest: Manifest) -> FormattedFile:
    text = manifest.to_json()
    digest = sha256(text)
    return FormattedFile(MANIFEST_PATH, text, digest, digest)


def _current_text(path: Path) -> str | None:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _write_atomically(pending: list[tuple[Path, str]]) -> None:
    """Stage every file beside its target, then move them all into place."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, content in pending:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
            )
            staged.append((Path(name), target))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(content)
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)


def _remove_if_ours(
    out_dir: Path, relative: str, output_hash: str, result: WriteResult
) -> None:
    try:
        target = safe_target(out_dir, PurePosixPath(relative))
    except OutputPathError:
        return  # a tampered manifest must not make us delete outside the folder
    text = _current_text(target)
    if text is None:
        return
    if sha256(text) != output_hash:
        result.kept_modified.append(relative)
        return
    target.unlink()
    result.removed.append(relative)
    _remove_empty_parents(target.parent, out_dir.resolve())


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


@dataclass
class CheckResult:
    """How the output folder differs from what the spec gives (``sdkgen check``)."""

    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    expected: dict[str, str] = field(default_factory=dict)  # for diffs of stale files

    @property
    def ok(self) -> bool:
        """Whether the output folder is up to date."""
        return not (self.stale or self.missing or self.extra)


def compare_output(
    out_dir: Path, files: list[FormattedFile], manifest: Manifest
) -> CheckResult:
    """Compare what the spec gives with the output folder, without writing anything."""
    everything = [*files, _manifest_file(manifest)]
    result = CheckResult()
    for item in everything:
        current = _current_text(safe_target(out_dir, item.path))
        if current is None:
            result.missing.append(str(item.path))
        elif current != item.content:
            result.stale.append(str(item.path))
            result.expected[str(item.path)] = item.content
    # Extra files are those sdkgen wrote earlier and would now remove; files it never
    # wrote are the user's, left alone by generate and so not reported by check.
    old = read_manifest(out_dir)
    produced = {str(f.path) for f in everything}
    result.extra = sorted(
        path
        for path in (set(old.files) - produced if old else set())
        if _current_text(safe_target(out_dir, PurePosixPath(path))) is not None
    )
    return result


def recorded_text(out_dir: Path, path: str, output_hash: str) -> str | None:
    """A file's text when it still hashes as the manifest recorded; None otherwise."""
    try:
        text = safe_target(out_dir, PurePosixPath(path)).read_text("utf-8")
    except (OSError, UnicodeDecodeError, OutputPathError):
        return None
    return text if sha256(text) == output_hash else None


def files_match_manifest(out_dir: Path, manifest: Manifest) -> bool:
    """Every file the manifest lists is on disk with the content it records."""
    return all(
        recorded_text(out_dir, path, output_hash) is not None
        for path, (_, output_hash) in manifest.files.items()
    )
