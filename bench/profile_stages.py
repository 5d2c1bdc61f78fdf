"""Where sdkgen spends its time, stage by stage; prints JSON for ``bench/run.py``.

Run in a folder holding ``spec/<name>`` and a fresh copy of its ``generated/``:
``python bench/profile_stages.py spec/<name>``. Each command runs in-process under
cProfile (black in-process too, so its share is visible), and the stages are read
from the cumulative time of the functions that implement them. A second pass times
black on every generated Python file, grouped by kind of file.
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import shutil
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

# Functions whose cumulative time is a stage (module path suffix, function name).
STAGES = (
    ("input fingerprint", "generator/output/fingerprint.py", "input_fingerprint"),
    ("unchanged-output test", "generator/pipeline.py", "unchanged_output"),
    ("load spec (YAML)", "generator/spec/load.py", "load_spec"),
    ("JSON Schema check", "generator/spec/schema/check.py", "check_schema"),
    ("semantic rules", "generator/spec/lint/__init__.py", "run_rules"),
    ("build model", "generator/model/build.py", "build_model"),
    ("OpenAPI export", "generator/targets/openapi/document.py", "build_openapi"),
    (
        "OpenAPI JSON text",
        "generator/targets/openapi/document.py",
        "render_openapi_json",
    ),
    ("Jinja environment", "generator/targets/render.py", "make_environment"),
    ("render templates", "generator/targets/render.py", "iter_render"),
    ("format (all)", "generator/output/format.py", "format_all"),
    ("  black", "generator/output/format.py", "_format_source"),
    ("  parse and cut", "generator/output/format.py", "_cut_module"),
    ("  sha256", "generator/output/format.py", "sha256"),
    ("manifest cache lookups", "generator/pipeline.py", "lookup"),
    ("write files", "generator/output/write.py", "write_output"),
    ("compare files", "generator/output/write.py", "compare_output"),
)


def profile(argv: list[str]) -> dict[str, Any]:
    from generator.cli import main

    profiler = cProfile.Profile()
    sink = io.StringIO()
    start = time.perf_counter()
    with redirect_stdout(sink), redirect_stderr(sink):
        profiler.enable()
        code = main(argv)
        profiler.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    table: dict[tuple[str, int, str], Any] = stats.stats  # type: ignore[attr-defined]
    stages = []
    for label, suffix, function in STAGES:
        total = sum(
            entry[3]
            for (filename, _, name), entry in table.items()
            if name == function and filename.replace("\\", "/").endswith(suffix)
        )
        if total:
            stages.append((label, total))
    top = sorted(
        (
            (entry[2], entry[3], _where(key))
            for key, entry in table.items()
            if entry[2] > 0.005
        ),
        reverse=True,
    )[:12]
    return {
        "argv": argv,
        "exit": code,
        "wall": wall,
        "stages": stages,
        "top_self": top,
    }


def _where(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":
        return name
    parts = Path(filename).parts
    for anchor in ("site-packages", "main", "tree"):
        if anchor in parts:
            parts = parts[parts.index(anchor) + 1 :]
            break
    return f"{'/'.join(parts[-3:])}:{line}({name})"


def _record_formatted(formatting: Any) -> list[str]:
    """Note the paths of the files the pipeline sends to black."""
    seen: list[str] = []
    # Older revisions formatted a list of jobs; newer ones join each file's pieces.
    for name in ("_joined", "_format_python"):
        original = getattr(formatting, name, None)
        if original is None:
            continue

        def recording(*args: Any, _original: Any = original, _name: str = name) -> Any:
            if _name == "_joined":
                seen.append(str(args[0].path))
            else:
                seen.extend(str(job[0].path) for job in args[0])
            return _original(*args)

        setattr(formatting, name, recording)
        break
    return seen


def black_by_kind(
    folder: Path, only: set[str] | None
) -> list[tuple[str, int, int, float]]:
    """(kind, files, lines, seconds) of black on the generated Python files.

    ``only``: the output paths the pipeline formats (the others, copied verbatim,
    are left out); None when unknown, then every Python file counts.
    """
    import black

    from generator.output import format as formatting

    # The mode is a function since the formatter is imported lazily; a constant before.
    made = getattr(formatting, "black_mode", None)
    legacy = "BLACK_MODE"
    mode = made() if made is not None else getattr(formatting, legacy)

    kinds: dict[str, list[float]] = {}
    for path in sorted(folder.rglob("*.py")):
        relative = path.relative_to(folder).as_posix()
        if only is not None and relative not in only:
            continue
        text = path.read_text("utf-8")
        start = time.perf_counter()
        black.format_str(text, mode=mode)
        seconds = time.perf_counter() - start
        entry = kinds.setdefault(_kind(relative), [0, 0, 0.0])
        entry[0] += 1
        entry[1] += text.count("\n")
        entry[2] += seconds
    return sorted(
        ((k, int(v[0]), int(v[1]), v[2]) for k, v in kinds.items()),
        key=lambda row: -row[3],
    )


def _kind(relative: str) -> str:
    name = relative.rsplit("/", 1)[-1]
    if "/resources/" in relative:
        return "SDK resource modules"
    if "/tests/test_runtime" in relative:
        return "runtime tests (templated)"
    if "/tests/" in relative:
        return "per-resource tests"
    if name == "models.py":
        return "models.py"
    if name.startswith("_") and name not in {"__init__.py", "_client.py"}:
        return "runtime modules (verbatim)"
    return "client and package modules"


def main() -> int:
    spec = sys.argv[1]
    skip_empty = "--skip-empty" in sys.argv[2:]
    from generator.output import format as formatting

    formatting.PARALLEL_CHARACTERS = 10**12  # format in-process, where cProfile sees it
    formatted = _record_formatted(formatting)
    results: dict[str, Any] = {}
    results["validate"] = profile(["validate", spec])
    results["check"] = profile(["check", spec, "--out", "generated"])
    if not skip_empty:
        shutil.rmtree("empty", ignore_errors=True)
        formatted.clear()
        results["generate-empty"] = profile(["generate", spec, "--out", "empty"])
    sent_to_black = set(formatted)
    results["generate-same"] = profile(["generate", spec, "--out", "generated"])
    # One-operation edit: the first "summary:" line of the first resource file.
    resource = sorted(Path(spec, "resources").glob("*.yaml"))[0]
    text = resource.read_text("utf-8")
    index = text.index("summary: ") + len("summary: ")
    resource.write_text(text[:index] + "Edited. " + text[index:], "utf-8")
    results["generate-edit"] = profile(["generate", spec, "--out", "generated"])
    if not skip_empty:  # black on every file of a large spec takes minutes
        results["black_by_kind"] = black_by_kind(Path("generated"), sent_to_black)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
