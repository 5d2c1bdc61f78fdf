"""Stage 5 of the pipeline: stamp each file with its header and format the Python ones.

Every rendered Python file is parsed with ``ast`` first, so a broken template is
reported as our bug (naming the template and spec element), then formatted with
black in-process at the pinned version. Formatting is the slowest step of the whole
generator, so a file whose render is unchanged since the last run is not formatted
again: its formatted text is taken from the output folder, trusted only when the
manifest vouches for both the render and the file on disk.
"""

from __future__ import annotations

import ast
import hashlib
import os
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from generator.diagnostics import InternalError
from generator.notice import generated_notice
from generator.output import long_lines
from generator.output.long_lines import wrap_long_lines
from generator.output.versions import distribution_version

__all__ = ["FormatCache", "FormattedFile", "format_all", "formatter_id", "sha256"]

if TYPE_CHECKING:
    import black

    from generator.targets.render import RenderedFile

# black's line length, and ruff's in the generated SDK.
LINE_LENGTH = 88

# Below this much source to format, starting worker processes costs more than
# it saves (black handles roughly 100 kB a second).
PARALLEL_CHARACTERS = 60_000


@cache
def black_mode() -> black.Mode:
    """black's settings; black is imported only when something needs formatting."""
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)


@cache
def formatter_id() -> str:
    """Identifies the formatter and its settings; a change invalidates the cache."""
    # Our own passes around black are part of formatting: changing them (this module
    # or the long-line pass) must miss the cache.
    ours = hashlib.sha256()
    for module in (__file__, long_lines.__file__):
        ours.update(Path(module).read_bytes())
    wrap = ours.hexdigest()[:12]
    version = distribution_version("black")
    return f"black {version} line-length={LINE_LENGTH} target=py311 wrap={wrap}"


def sha256(text: str) -> str:
    """The hex SHA-256 of text encoded as UTF-8: the hashes the manifest records."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class FormattedFile:
    """One output file after formatting, with the hashes the manifest records."""

    path: PurePosixPath
    content: str
    render_hash: str  # hash of the text given to the formatter
    output_hash: str  # hash of ``content``


# Looks up a formatted text for (path, render hash); None when it must be formatted.
FormatCache = Callable[[PurePosixPath, str], str | None]


def header_for(path: PurePosixPath, spec_label: str) -> str:
    """The first line of a generated file, in the file's own comment syntax.

    JSON has no comments: JSON outputs carry the notice as their first key instead.
    """
    text = generated_notice(spec_label)
    if path.suffix == ".md":
        # A spec path holding "-->" must not end the comment early.
        return f"<!-- {text.replace('--', '- -')} -->\n"
    if path.suffix in {".py", ".toml", ".typed", ".cfg", ".txt"}:
        # Several comment lines when needed: the SDK keeps to 88 columns (E501).
        lines = textwrap.wrap(
            text,
            width=LINE_LENGTH,
            initial_indent="# ",
            subsequent_indent="# ",
            break_long_words=False,
            break_on_hyphens=False,
        )
        return "\n".join(lines) + "\n"
    return ""


def format_all(
    files: list[RenderedFile], spec_label: str, cached: FormatCache
) -> list[FormattedFile]:
    """Add headers and format; files with a cached result skip black entirely."""
    stamped = [(f, header_for(f.path, spec_label) + f.content) for f in files]
    results: dict[PurePosixPath, FormattedFile] = {}
    to_format: list[tuple[RenderedFile, str, str]] = []
    for rendered, text in stamped:
        render_hash = sha256(text)
        reuse = cached(rendered.path, render_hash)
        if reuse is not None:
            results[rendered.path] = FormattedFile(
                rendered.path, reuse, render_hash, sha256(reuse)
            )
        elif rendered.path.suffix == ".py" and not rendered.preformatted:
            to_format.append((rendered, text, render_hash))
        else:
            if rendered.path.suffix == ".py":
                _check_syntax(rendered, text)
            results[rendered.path] = FormattedFile(
                rendered.path, text, render_hash, sha256(text)
            )
    for rendered, formatted, render_hash in _format_python(to_format):
        results[rendered.path] = FormattedFile(
            rendered.path, formatted, render_hash, sha256(formatted)
        )
    return [results[f.path] for f in files]


def _format_python(
    jobs: list[tuple[RenderedFile, str, str]],
) -> list[tuple[RenderedFile, str, str]]:
    for rendered, text, _ in jobs:
        _check_syntax(rendered, text)
    texts = [text for _, text, _ in jobs]
    workers = min(os.cpu_count() or 1, 8)
    if sum(map(len, texts)) >= PARALLEL_CHARACTERS and workers > 1:
        outputs = _format_in_parallel(texts, workers)
    else:
        outputs = [_format_source(text) for text in texts]
    results = []
    for (rendered, _, render_hash), output in zip(jobs, outputs, strict=True):
        if isinstance(output, Exception):
            raise InternalError(
                f"black could not format {rendered.path} ({rendered.origin}): {output}"
            )
        results.append((rendered, output, render_hash))
    return results


def _format_in_parallel(texts: list[str], workers: int) -> list[str | Exception]:
    """Largest files first, one at a time, so the workers finish together."""
    from concurrent.futures import ProcessPoolExecutor

    black_mode()  # import black once here; forked workers inherit it
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        formatted = list(pool.map(_format_source, [texts[i] for i in order]))
    outputs: list[str | Exception] = [""] * len(texts)
    for index, output in zip(order, formatted, strict=True):
        outputs[index] = output
    return outputs


def _format_source(text: str) -> str | Exception:
    """Runs in worker processes too, so errors come back as values, not raises."""
    try:
        import black

        formatted = black.format_str(text, mode=black_mode())
        # black leaves docstrings, comments and strings long; the SDK keeps to 88.
        # The pass writes what black keeps as it is (tests check), except long
        # strings it only splits: black lays those out, once more for that file.
        wrapped = wrap_long_lines(formatted, LINE_LENGTH)
        if not wrapped.needs_black:
            return wrapped.text
        return wrap_long_lines(black.format_str(wrapped.text, mode=black_mode())).text
    except Exception as exc:  # black raises several unrelated types; all are our bug
        return exc


def _check_syntax(rendered: RenderedFile, text: str) -> None:
    try:
        ast.parse(text, filename=str(rendered.path))
    except SyntaxError as exc:
        line = (exc.text or "").strip()
        raise InternalError(
            f"{rendered.origin} produced invalid Python in {rendered.path} "
            f"at line {exc.lineno}: {exc.msg}: {line!r}"
        ) from exc
