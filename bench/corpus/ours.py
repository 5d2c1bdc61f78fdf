"""sdkgen's side of one document: import, generate, compile, import, tests, mypy.

Every step runs as its own process with the repository's virtualenv (the one that
has sdkgen installed, and httpx, pytest and mypy for the SDK's own checks). The
operations in the SDK are counted from the generated code itself (the module-level
``Operation(...)`` definitions of its resources), so an operation lost anywhere
between the document and the package shows up.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.corpus import measure, outputs, steps
from bench.corpus.cache import Entry
from bench.corpus.tally import FAILED, MYPY_MAX_OPERATIONS, OK, OURS_STEPS

INTERNAL_ERROR = 123  # sdkgen's ExitCode.INTERNAL


@dataclass(frozen=True)
class Context:
    """How to run things: the interpreter, its environment, the step timeout."""

    python: Path
    env: dict[str, str]
    timeout: float


def run(entry: Entry, document: Path, work: Path, context: Context) -> dict[str, Any]:
    """Take ``document`` through sdkgen in ``work``; the results of every step."""
    work.mkdir(parents=True, exist_ok=True)
    spec, out = work / "spec", work / "out"
    python = context.python
    result: dict[str, Any] = {"steps": {}, "internal_error": False}
    recorded: dict[str, dict[str, Any]] = result["steps"]

    def step(name: str, argv: list[str], cwd: Path, **env: str) -> measure.Finished:
        return measure.run(
            argv,
            cwd=cwd,
            env={**context.env, **env},
            timeout=context.timeout,
            logs=work / "logs" / name,
        )

    sdkgen = [str(python), "-m", "generator"]
    imported = step(
        "import", [*sdkgen, "import-openapi", str(document), "-o", "spec"], work
    )
    result["summary"] = outputs.import_summary(imported.stderr)
    result["warnings"] = outputs.count_diagnostics(imported.stderr, "warning")
    result["warned_ops"] = result["summary"].get("skipped", 0)
    _note_internal(result, imported)
    recorded["import"] = steps.record(imported, _sdkgen_error(imported))
    if steps.passed(recorded["import"]):
        result["spec_ops"] = count_spec_operations(spec)
        made = step("generate", [*sdkgen, "generate", "spec", "--out", "out"], work)
        _note_internal(result, made)
        recorded["generate"] = steps.record(made, _sdkgen_error(made))
    python_dir = out / "python"
    package = find_package(python_dir / "src")
    if recorded.get("generate", {}).get("status") == OK and package is None:
        recorded["generate"].update(status=FAILED, error="no package under src/")
    if package is None or not steps.passed(recorded.get("generate", {})):
        _rest_not_run(recorded)
        return result
    result["package"] = package.name
    result["generated_ops"] = count_sdk_operations(package)
    # black itself, not our formatter, says whether the SDK is black-clean: the
    # pieces taken as rendered are checked by a tool nobody here wrote.
    checked = step(
        "black", [str(python), "-m", "black", "--check", "-q", "."], python_dir
    )
    recorded["black"] = steps.record(checked)
    compiled = step("compile", [str(python), "-m", "compileall", "-q", "."], python_dir)
    recorded["compile"] = steps.record(compiled)
    loaded = step(
        "import-package",
        steps.import_all(python, package.name),
        work,
        PYTHONPATH=str(python_dir / "src"),
    )
    recorded["import-package"] = steps.record(loaded)
    tested = step(
        "tests",
        [str(python), "-m", "pytest", "-p", "no:cacheprovider", "-q"],
        python_dir,
    )
    result["tests"] = outputs.pytest_totals(tested.stdout)
    recorded["tests"] = steps.record(
        tested, outputs.pytest_failure(tested.stdout) if tested.returncode else None
    )
    if entry.operations > MYPY_MAX_OPERATIONS:
        recorded["mypy"] = steps.not_applicable(
            f"more than {MYPY_MAX_OPERATIONS} operations"
        )
    else:
        typed = step("mypy", [str(python), "-m", "mypy", "--strict", "src"], python_dir)
        result["mypy_errors"] = outputs.mypy_error_count(typed.stdout)
        recorded["mypy"] = steps.record(
            typed, outputs.mypy_failure(typed.stdout) if typed.returncode else None
        )
    return result


def _sdkgen_error(finished: measure.Finished) -> str | None:
    if finished.returncode == 0 or finished.timed_out:
        return None
    return outputs.sdkgen_failure(finished.stderr + "\n" + finished.stdout)


def _note_internal(result: dict[str, Any], finished: measure.Finished) -> None:
    if finished.returncode == INTERNAL_ERROR or outputs.has_traceback(finished.output):
        result["internal_error"] = True


def _rest_not_run(recorded: dict[str, dict[str, Any]]) -> None:
    for name in OURS_STEPS:
        recorded.setdefault(name, steps.not_run())


def find_package(src: Path) -> Path | None:
    """The one package the SDK has under ``src/``."""
    if not src.is_dir():
        return None
    found = sorted(p.parent for p in src.glob("*/__init__.py"))
    return found[0] if len(found) == 1 else None


def count_sdk_operations(package: Path) -> int:
    """Operations the SDK defines: its resources' module-level ``Operation(...)``."""
    total = 0
    for path in steps.python_files(package / "resources"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in tree.body:
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            if (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Name)
                and value.func.id == "Operation"
            ):
                total += 1
    return total


def count_spec_operations(spec: Path) -> int:
    """Operations in the imported spec folder (its resources' ``operations``)."""
    total = 0
    for path in sorted(spec.rglob("*.yaml")):
        document = yaml.safe_load(path.read_text("utf-8"))
        if not isinstance(document, dict):
            continue
        for resource in (document.get("resources") or {}).values():
            if isinstance(resource, dict):
                total += len(resource.get("operations") or {})
    return total
