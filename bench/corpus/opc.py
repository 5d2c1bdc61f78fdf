"""openapi-python-client's side of one document, run and cached.

OPC lives in its own virtualenv in the cache folder (with the same mypy as ours, and
the dateutil stubs its code needs under ``--strict``), never in the repository's.
It runs with a config whose ``post_hooks`` list is empty, i.e. without its ruff
hook, the way the issue's timings were taken. OPC writes one module per endpoint
under ``api/<tag>/``; those modules are its generated operations.

OPC does not change while sdkgen does, so its results are cached per document
sha256, OPC version and mypy version; ``--force-opc`` measures it again.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.corpus import measure, outputs, steps
from bench.corpus.cache import Entry
from bench.corpus.tally import MYPY_MAX_OPERATIONS, OK, OPC_STEPS

VERSION = "0.29.1"
PACKAGE = "opc_sdk"  # the package name OPC writes (--meta none: the output folder)
SKIPPED_ENDPOINT = "Endpoint will not be generated"
CONFIG = "post_hooks: []\n"  # no ruff: OPC is timed without its hook
PIP_QUIET = ("--quiet", "--disable-pip-version-check")
WRAPPER = Path(__file__).resolve().parent / "opc_cli.py"


@dataclass(frozen=True)
class Setup:
    """The installed OPC: where it is, and what its results are cached under."""

    folder: Path
    python: Path
    config: Path
    mypy_version: str
    env: dict[str, str]
    timeout: float

    @property
    def results(self) -> Path:
        return self.folder / "results"

    def cache_file(self, entry: Entry) -> Path:
        return self.results / f"{entry.sha256}-mypy{self.mypy_version}.json"


def install(
    cache: Path,
    mypy_version: str,
    env: dict[str, str],
    timeout: float,
    log: Callable[[str], None],
) -> Setup:
    """OPC's virtualenv, created and filled with pip the first time."""
    folder = cache / f"opc-{VERSION}"
    venv = folder / "venv"
    python = venv / "bin" / "python"
    requirements = [
        f"openapi-python-client=={VERSION}",
        f"mypy=={mypy_version}",
        "types-python-dateutil",
    ]
    stamp = venv / ".sdkgen-installed"
    if not stamp.exists() or stamp.read_text("utf-8") != "\n".join(requirements):
        log(f"installing {', '.join(requirements)} into {venv}")
        subprocess.run(
            [sys.executable, "-m", "venv", "--clear", str(venv)],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [str(python), "-m", "pip", "install", *PIP_QUIET, *requirements],
            check=True,
            capture_output=True,
        )
        stamp.write_text("\n".join(requirements), "utf-8")
    config = folder / "config.yaml"
    config.write_text(CONFIG, "utf-8")
    opc_env = {k: v for k, v in env.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    return Setup(folder, python, config, mypy_version, opc_env, timeout)


def cached(setup: Setup, entry: Entry) -> dict[str, Any] | None:
    path = setup.cache_file(entry)
    if not path.exists():
        return None
    result: dict[str, Any] = json.loads(path.read_text("utf-8"))
    result["cached"] = True
    return result


def save(setup: Setup, entry: Entry, result: dict[str, Any]) -> None:
    setup.results.mkdir(parents=True, exist_ok=True)
    stored = {k: v for k, v in result.items() if k != "cached"}
    setup.cache_file(entry).write_text(json.dumps(stored, indent=2), "utf-8")


def run(entry: Entry, document: Path, work: Path, setup: Setup) -> dict[str, Any]:
    """Take ``document`` through OPC in ``work``; the results of every step."""
    work.mkdir(parents=True, exist_ok=True)
    errors_json = work / "errors.json"
    result: dict[str, Any] = {
        "version": VERSION,
        "steps": {},
        "internal_error": False,
        "cached": False,
        "measured": measure.conditions(),
    }
    recorded: dict[str, dict[str, Any]] = result["steps"]

    def step(name: str, argv: list[str], **env: str) -> measure.Finished:
        return measure.run(
            argv,
            cwd=work,
            env={**setup.env, **env},
            timeout=setup.timeout,
            logs=work / "logs" / name,
        )

    made = step(
        "generate",
        [
            str(setup.python),
            "-P",  # not bench/corpus/ on sys.path: its modules could shadow others
            str(WRAPPER),
            "generate",
            *("--path", str(document), "--output-path", PACKAGE),
            *("--meta", "none", "--config", str(setup.config)),
        ],
        OPC_ERRORS_JSON=str(errors_json),
    )
    problems = _problems(errors_json)
    result["warnings"] = len(problems)
    result["warned_ops"] = sum(SKIPPED_ENDPOINT in p["header"] for p in problems)
    result["internal_error"] = outputs.has_traceback(made.output)
    recorded["generate"] = steps.record(made, _generate_error(made, problems))
    package = work / PACKAGE
    if recorded["generate"]["status"] == OK and not (package / "__init__.py").exists():
        recorded["generate"].update(status="failed", error="no package written")
    if recorded["generate"]["status"] != OK:
        for name in OPC_STEPS:
            recorded.setdefault(name, steps.not_run())
        return result
    result["generated_ops"] = len(steps.python_files(package / "api"))
    compiled = step("compile", [str(setup.python), "-m", "compileall", "-q", PACKAGE])
    recorded["compile"] = steps.record(compiled)
    loaded = step(
        "import-package", steps.import_all(setup.python, PACKAGE), PYTHONPATH=str(work)
    )
    recorded["import-package"] = steps.record(loaded)
    if entry.operations > MYPY_MAX_OPERATIONS:
        recorded["mypy"] = steps.not_applicable(
            f"more than {MYPY_MAX_OPERATIONS} operations"
        )
    else:
        typed = step("mypy", [str(setup.python), "-m", "mypy", "--strict", PACKAGE])
        result["mypy_errors"] = outputs.mypy_error_count(typed.stdout)
        recorded["mypy"] = steps.record(
            typed, outputs.mypy_failure(typed.stdout) if typed.returncode else None
        )
    return result


def _problems(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    loaded: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))
    return loaded


def _generate_error(
    finished: measure.Finished, problems: list[dict[str, Any]]
) -> str | None:
    """OPC's reason for not generating: its exception, else its first ERROR."""
    if finished.returncode == 0:
        return None
    crash = outputs.exception_line(finished.output)
    if crash:
        return f"crash: {crash}"
    for problem in problems:
        if problem["level"] == "ERROR":
            detail = (problem.get("detail") or "").strip().splitlines()
            return outputs.clip(" ".join([problem["header"], *detail[:1]]))
    return outputs.first_error_line(finished.output)
