"""Stage 5 of the pipeline: stamp each file with its header and format the Python ones.

Every rendered Python file is parsed (with ``ast``, or only compiled when it is
final whole) in worker processes, so a broken template is reported as our bug
(naming the template and spec element), then formatted with black at the pinned
version, in pieces (``seams``) spread over the workers.
black is the slowest step of the whole generator, so it is skipped wherever its
answer is known:

- a file whose render is unchanged since the last run: its formatted text is taken
  from the output folder, trusted only when the manifest vouches for both the render
  and the file on disk; likewise each unchanged piece of a changed file;
- verbatim runtime modules, and black-stable renders that fit (``black_stable``);
- each piece of a render our templates write in black's layout (``black_layout``)
  whose every line fits, or whose long lines are of shapes black cannot split
  (``known_layout``: inside docstrings, or a bracket-free element of an exploded
  bracket); the long-line pass still runs on the latter. ``SDKGEN_SELF_CHECK=1``
  (``self_check``) has black check those pieces too, and fails on any it would
  change.
"""

from __future__ import annotations

import ast
import difflib
import gc
import hashlib
import textwrap
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from generator import self_check
from generator.diagnostics import InternalError
from generator.notice import generated_notice
from generator.output import known_layout, long_lines, seams
from generator.output.known_layout import blank_lines_as_black, fits, known_output
from generator.output.long_lines import LINE_LENGTH, wrap_long_lines
from generator.output.seams import (
    STAND_IN,
    Piece,
    join_pieces,
    piece_key,
    piece_record,
    split_module,
)
from generator.output.versions import distribution_version
from generator.processes import usable_cores

__all__ = [
    "FormatCache",
    "FormattedFile",
    "PreviousPieces",
    "format_all",
    "formatter_id",
    "sha256",
]

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    import black

    from generator.targets.render import RenderedFile

# Below this much source to format, starting worker processes costs more than
# it saves (black handles roughly 100 kB a second).
PARALLEL_CHARACTERS = 60_000
# Pieces go to the workers in batches of about this much source: few round trips,
# yet small enough that no worker waits long for another at the end.
BATCH_CHARACTERS = 32_000

# A formatted text, and whether a string the wrap split needs black once more.
Formatted = tuple[str, bool]
T = TypeVar("T")


@cache
def black_mode() -> black.Mode:
    """black's settings; black is imported only when something needs formatting."""
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)


@cache
def formatter_id() -> str:
    """Identifies the formatter and its settings; a change invalidates the cache."""
    # Our own passes around black are part of formatting: changing them (this module,
    # the long-line pass, the cutting into pieces or what is known without black) must
    # miss the cache.
    ours = hashlib.sha256()
    for module in (
        __file__,
        known_layout.__file__,
        long_lines.__file__,
        seams.__file__,
    ):
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
    by_black: bool = False  # formatted by black in this run (not reused, not verbatim)
    pieces: tuple[str, ...] = ()  # the manifest's record of its pieces (seams)


# Looks up a formatted text for (path, render hash); None when it must be formatted.
FormatCache = Callable[[PurePosixPath, str], str | None]


@dataclass(frozen=True, slots=True)
class PreviousPieces:
    """The pieces of the Python files the last run formatted, from its manifest.

    ``record`` is a file's record as the manifest keeps it; ``texts`` the formatted
    text of each of its pieces, by key, taken from the file on disk (empty unless the
    file is what the manifest recorded). A changed file then sends only its changed
    pieces to black.
    """

    record: Callable[[PurePosixPath], tuple[str, ...]]
    texts: Callable[[PurePosixPath], dict[str, str]]


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
    files: Iterable[RenderedFile],
    spec_label: str,
    cached: FormatCache,
    previous: PreviousPieces | None = None,
) -> list[FormattedFile]:
    """Add headers and format; files with a cached result skip black entirely.

    ``files`` may be produced as they are consumed: each Python file goes to the
    workers as soon as it arrives, to be parsed and cut into pieces there, and its
    pieces go to black as soon as the cut is back, so the workers format while the
    rest is still rendered.
    """
    order: list[PurePosixPath] = []
    results: dict[PurePosixPath, FormattedFile] = {}
    with _Workers() as workers:
        cutting: deque[_Job] = deque()  # parsed and cut in the workers
        formatting: list[_Job] = []  # cut; their pieces with black
        for rendered in files:
            order.append(rendered.path)
            text = header_for(rendered.path, spec_label) + rendered.content
            render_hash = sha256(text)
            reuse = cached(rendered.path, render_hash)
            if reuse is not None:
                record = previous.record(rendered.path) if previous else ()
                results[rendered.path] = FormattedFile(
                    rendered.path, reuse, render_hash, sha256(reuse), pieces=record
                )
            elif rendered.path.suffix == ".py" and not _already_formatted(
                rendered, text
            ):
                # Cut into pieces black formats alone (``seams``): the same text,
                # in less time, spread over the workers.
                cut = workers.cut(text, str(rendered.path), rendered.black_layout)
                cutting.append(_Job(rendered, render_hash, cut))
                while cutting and cutting[0].cut.ready():
                    formatting.append(
                        _sort_pieces(cutting.popleft(), workers, previous)
                    )
            else:
                # Not Python, or a verbatim source or black-stable render of our own
                # templates, tested as they come out (the golden cases).
                results[rendered.path] = FormattedFile(
                    rendered.path, text, render_hash, sha256(text)
                )
        formatting += [_sort_pieces(job, workers, previous) for job in cutting]
        for job in formatting:
            results[job.rendered.path] = _finished(job, workers)
    return [results[path] for path in order]


@dataclass(slots=True)
class _Job:
    """One Python file on its way through the workers."""

    rendered: RenderedFile
    render_hash: str
    cut: _Task[_Cut | SyntaxError]
    plan: list[Piece] = field(default_factory=list)
    # Each piece's text when known without black: reused, or black's layout as
    # rendered (then wrapped, if a line is too long: known_layout).
    known: dict[int, Formatted] = field(default_factory=dict)
    missing: list[int] = field(default_factory=list)  # the pieces black formats
    formatted: _Task[Formatted | Exception] | None = None
    # Under SDKGEN_SELF_CHECK: black's text for each piece taken as rendered.
    checked: _Task[Formatted | Exception] | None = None
    as_rendered: list[int] = field(default_factory=list)  # skipped black, not reused


@dataclass(frozen=True, slots=True)
class _Cut:
    """A module's pieces, their keys, and what black and the wrap make of each.

    ``known[i]`` is None when only black can tell (``known_layout``).
    """

    plan: list[Piece]
    keys: list[str]
    known: list[Formatted | None]


def _sort_pieces(job: _Job, workers: _Workers, previous: PreviousPieces | None) -> _Job:
    """Sort a cut module's pieces: reused, taken as rendered, or sent to black.

    Raises the render's syntax error, found by the cut, as our bug.
    """
    cut = job.cut.only()
    if isinstance(cut, SyntaxError):
        raise _syntax_error(job.rendered, cut)
    job.plan = cut.plan
    known = previous.texts(job.rendered.path) if previous else {}
    for i, (piece, key) in enumerate(zip(cut.plan, cut.keys, strict=True)):
        if key in known:
            # A reused piece is final: black and the wrap leave it as it is.
            job.known[i] = (_stand_in(piece) + known[key], False)
        elif (without_black := cut.known[i]) is not None:
            # Our templates write black's layout: black leaves such a piece as it is.
            job.known[i] = without_black
            job.as_rendered.append(i)
        else:
            job.missing.append(i)
    job.formatted = workers.submit([cut.plan[i].text for i in job.missing])
    if job.as_rendered and self_check.enabled():
        job.checked = workers.submit([cut.plan[i].text for i in job.as_rendered])
    return job


def _finished(job: _Job, workers: _Workers) -> FormattedFile:
    assert job.formatted is not None
    rendered = job.rendered
    if job.checked is not None:
        taken = [job.known[i] for i in job.as_rendered]
        _check_layout(rendered, taken, job.checked.results())
    fresh = dict(zip(job.missing, job.formatted.results(), strict=True))
    outputs = [fresh[i] if i in fresh else job.known[i] for i in range(len(job.plan))]
    output, final = _joined(rendered, job.plan, outputs, workers)
    return FormattedFile(
        rendered.path,
        output,
        job.render_hash,
        sha256(output),
        by_black=bool(job.missing),
        pieces=piece_record(job.plan, final),
    )


def _cut_module(text: str, path: str, black_layout: bool) -> _Cut | SyntaxError:
    """Runs in the workers: parse (our check that the render is Python) and cut.

    A module in black's layout whose every line fits is final whole: it is only
    compiled (a quarter of the time of building its syntax tree), not cut.
    """
    if black_layout and fits(text) and blank_lines_as_black(text):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the workers print nothing
                compile(text, path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            return _as_syntax_error(exc)
        whole = Piece(text, in_class=False, blank_lines=0)
        return _Cut([whole], [piece_key(whole)], [(text, False)])
    try:
        tree = ast.parse(text, filename=path)
    except (SyntaxError, ValueError) as exc:
        return _as_syntax_error(exc)
    plan = split_module(text, tree)
    keys = [piece_key(piece) for piece in plan]
    known = [known_output(piece.text) if black_layout else None for piece in plan]
    return _Cut(plan, keys, known)


def _as_syntax_error(exc: SyntaxError | ValueError) -> SyntaxError:
    """A ValueError of the parser (a NUL character) reported like a syntax error."""
    return exc if isinstance(exc, SyntaxError) else SyntaxError(str(exc))


def _already_formatted(rendered: RenderedFile, text: str) -> bool:
    """Verbatim runtime sources, and a black-stable render whose every line fits.

    black changes a black-stable render only where a long package name made a line
    too long; with every line within the limit it would return the text unchanged
    (``tests/output/test_black_stable.py`` holds each such template to that).
    """
    if rendered.preformatted:
        return True
    return rendered.black_stable and fits(text)


def _check_layout(
    rendered: RenderedFile,
    taken: list[Formatted],
    by_black: list[Formatted | Exception],
) -> None:
    for (text, _), (output, _) in zip(
        taken, _formatted_or_raise(rendered, by_black), strict=True
    ):
        if output != text:
            diff = "".join(
                difflib.unified_diff(
                    text.splitlines(keepends=True),
                    output.splitlines(keepends=True),
                    "as rendered",
                    "black",
                )
            )
            raise InternalError(
                f"{rendered.origin} wrote a piece of {rendered.path} that black "
                f"would change (the template is not in black's layout):\n{diff}"
            )


def _stand_in(piece: Piece) -> str:
    return STAND_IN if piece.in_class else ""


def _joined(
    rendered: RenderedFile,
    plan: list[Piece],
    outputs: list[Formatted | Exception],
    workers: _Workers,
) -> tuple[str, list[str]]:
    """The file, and each piece's final text, after black's second pass if needed."""
    formatted = _formatted_or_raise(rendered, outputs)
    # Only where the wrap split a string does black have more to do: every other
    # piece is already what black and the wrap keep (pieces are formatted alone).
    redo = [i for i, (_, needs_black) in enumerate(formatted) if needs_black]
    if redo:
        again = workers.submit([formatted[i][0] for i in redo], again=True)
        redone = _formatted_or_raise(rendered, again.results())
        for i, output in zip(redo, redone, strict=True):
            formatted[i] = output
    final = [text for text, _ in formatted]
    try:
        return join_pieces(plan, final), final
    except ValueError as exc:
        raise InternalError(f"black could not format {rendered.path}: {exc}") from exc


def _formatted_or_raise(
    rendered: RenderedFile, outputs: list[Formatted | Exception]
) -> list[Formatted]:
    formatted = []
    for output in outputs:
        if isinstance(output, Exception):
            raise InternalError(
                f"black could not format {rendered.path} ({rendered.origin}): {output}"
            )
        formatted.append(output)
    return formatted


class _Task(Generic[T]):
    """Calls of one function: in the workers once started, else here when asked for."""

    def __init__(
        self, function: Callable[..., T], calls: list[tuple[Any, ...]]
    ) -> None:
        self.function = function
        self.calls = calls
        self.futures: list[Future[list[T]]] | None = None
        self._done: list[T] | None = None

    def start(self, pool: ProcessPoolExecutor) -> None:
        if self._done is not None:
            return  # already done here, before the workers started
        self.futures = [
            pool.submit(_call_each, self.function, calls)
            for calls in _batches(self.calls)
        ]

    def ready(self) -> bool:
        """Whether the results are in (or would be computed here when asked for)."""
        return self.futures is None or all(f.done() for f in self.futures)

    def results(self) -> list[T]:
        if self.futures is not None:
            return [output for f in self.futures for output in f.result()]
        if self._done is None:
            self._done = _call_each(self.function, self.calls)
        return self._done

    def only(self) -> T:
        """The result of a task of one call."""
        [only] = self.results()
        return only


def _call_each(function: Callable[..., T], calls: list[tuple[Any, ...]]) -> list[T]:
    return [function(*arguments) for arguments in calls]


class _Workers:
    """Cuts and formats in worker processes, or in this one when there is little.

    The workers start once modules of PARALLEL_CHARACTERS in all have been sent to
    be cut (what came before goes to them too, unless already done here); a run
    with less works in this process, when its results are asked for.
    """

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._tried_workers = False
        self._waiting: list[_Task[Any]] = []
        self._sent = 0  # characters of the modules sent to be cut

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def cut(
        self, text: str, path: str, black_layout: bool
    ) -> _Task[_Cut | SyntaxError]:
        """Start parsing and cutting a module (``_cut_module``)."""
        self._sent += len(text)
        return self._start(_Task(_cut_module, [(text, path, black_layout)]))

    def submit(
        self, texts: list[str], *, again: bool = False
    ) -> _Task[Formatted | Exception]:
        """Start formatting ``texts``; ``results()`` waits for them."""
        task = _format_again if again else _format_source
        return self._start(_Task(task, [(text,) for text in texts]))

    def _start(self, task: _Task[T]) -> _Task[T]:
        self._waiting.append(task)
        if not self._tried_workers and self._sent >= PARALLEL_CHARACTERS:
            self._tried_workers = True
            self._pool = _start_workers()
        if self._pool is not None:
            for waiting in self._waiting:
                waiting.start(self._pool)
            self._waiting.clear()
        return task


def _start_workers() -> ProcessPoolExecutor | None:
    """Worker processes, one per core (at most 8); None on a single core."""
    workers = min(usable_cores(), 8)
    if workers < 2:
        return None
    from concurrent.futures import ProcessPoolExecutor

    black_mode()  # import black once here; forked workers inherit it
    pool = ProcessPoolExecutor(max_workers=workers)
    # The first task forks every worker. With this process's objects frozen, a
    # worker's garbage collector never walks the heap it inherited (the spec, the
    # model, what is rendered so far), which cost the workers a third of their time
    # on a large API, and those pages stay shared. This process thaws them at once.
    gc.freeze()
    try:
        pool.submit(_nothing)
    finally:
        gc.unfreeze()
    return pool


def _nothing() -> None:
    """The task that starts the workers."""


def _batches(calls: list[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    """Consecutive runs of about BATCH_CHARACTERS: fewer round trips to the workers."""
    batch: list[tuple[Any, ...]] = []
    size = 0
    for call in calls:
        batch.append(call)
        size += len(call[0])
        if size >= BATCH_CHARACTERS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _format_source(text: str) -> Formatted | Exception:
    """Runs in worker processes too, so errors come back as values, not raises.

    The text is black's, then long lines wrapped; ``needs_black`` when the wrap split
    a string that black must lay out (the caller formats the module once more).
    """
    try:
        import black

        formatted = black.format_str(text, mode=black_mode())
        # black leaves docstrings, comments and strings long; the SDK keeps to 88.
        # The pass writes what black keeps as it is (tests check), except long
        # strings it only splits: black lays those out, once more for that file.
        wrapped = wrap_long_lines(formatted, LINE_LENGTH)
        return wrapped.text, wrapped.needs_black
    except Exception as exc:  # black raises several unrelated types; all are our bug
        return exc


def _format_again(text: str) -> Formatted | Exception:
    """black once more after a wrap split long strings, then the wrap once more."""
    try:
        import black

        formatted = black.format_str(text, mode=black_mode())
        return wrap_long_lines(formatted, LINE_LENGTH).text, False
    except Exception as exc:  # as in _format_source
        return exc


def _syntax_error(rendered: RenderedFile, exc: SyntaxError) -> InternalError:
    line = (exc.text or "").strip()
    return InternalError(
        f"{rendered.origin} produced invalid Python in {rendered.path} "
        f"at line {exc.lineno}: {exc.msg}: {line!r}"
    )
