"""``python -m bench.corpus run`` (``make bench-corpus``) and ``report``.

For each listed document (or the ``--only`` / ``--limit`` / ``--max-ops`` subset):
check its sha256 in the cache, run sdkgen's steps, then OPC's (or take OPC's cached
result), in a scratch folder under the cache that is removed afterwards unless
``--keep``. Results go to ``results.json`` in the cache after every document, merged
with earlier runs' rows for the documents not run this time (each row names the
run and sdkgen revision it came from), and ``bench/CORPUS.md`` is rewritten.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.corpus import cache, markdown, measure, opc, ours

REPO = Path(__file__).resolve().parents[2]
CORPUS_MD = REPO / "bench" / "CORPUS.md"
DEFAULT_TIMEOUT = 900.0


def log(message: str) -> None:
    print(f"[bench-corpus {time.strftime('%H:%M:%S')}] {message}", flush=True)


def add_parsers(commands: Any) -> None:
    """Register ``run`` and ``report`` on the ``python -m bench.corpus`` parser."""
    parser = commands.add_parser("run", help="benchmark the corpus (make bench-corpus)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="these documents")
    parser.add_argument("--limit", type=int, help="the first N (after the filters)")
    parser.add_argument(
        "--max-ops", type=int, help="documents with at most this many operations"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        choices=(1, 2),
        help="documents at once (default 1: honest timing; 2 halves the wall clock)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch folders")
    parser.add_argument(
        "--force-opc", action="store_true", help="run OPC again, not from its cache"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds per step (default {DEFAULT_TIMEOUT:.0f})",
    )
    parser.add_argument("--output", type=Path, default=CORPUS_MD)
    parser.set_defaults(run=run)
    report = commands.add_parser("report", help="rewrite CORPUS.md from results.json")
    report.add_argument("--output", type=Path, default=CORPUS_MD)
    report.set_defaults(run=rewrite)


def choose(entries: list[cache.Entry], args: argparse.Namespace) -> list[cache.Entry]:
    chosen = entries
    if args.only:
        known = {e.name for e in entries}
        unknown = [n for n in args.only if n not in known]
        if unknown:
            raise SystemExit(f"not in bench/corpus/list.json: {', '.join(unknown)}")
        chosen = [e for e in chosen if e.name in args.only]
    if args.max_ops is not None:
        chosen = [e for e in chosen if e.operations <= args.max_ops]
    if args.limit is not None:
        chosen = chosen[: args.limit]
    return chosen


def run(args: argparse.Namespace) -> int:
    folder = cache.corpus_dir()
    entries = cache.load_list()
    chosen = choose(entries, args)
    # Refuse to measure anything when a document is not the listed one.
    try:
        documents = {e.name: cache.checked_document(folder, e) for e in chosen}
    except cache.CacheError as problem:
        log(f"error: {problem}")
        return 1
    env = clean_env()
    ours_context = ours.Context(Path(sys.executable), env, args.timeout)
    setup = opc.install(folder, tool_version("mypy"), env, args.timeout, log)
    results_path = folder / "results.json"
    results = load_results(results_path)
    run_id = time.strftime("%Y%m%d-%H%M%S")
    machine = describe_machine(setup, args.jobs)
    results["runs"][run_id] = machine
    lock = threading.Lock()
    started = time.time()
    log(f"{len(chosen)} documents, {args.jobs} at a time; scratch in {folder}/scratch")

    def one(entry: cache.Entry) -> None:
        row = measure_document(
            entry, documents[entry.name], folder, ours_context, setup, args
        )
        row["run"] = run_id
        with lock:
            results["documents"][entry.name] = row
            save_results(results_path, results)
        log(f"{entry.name}: {markdown.one_line(row)}")

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for future in as_completed([pool.submit(one, e) for e in chosen]):
            future.result()
    machine["load_after"] = measure.load_average()
    machine["duration_s"] = round(time.time() - started, 1)
    machine["documents_run"] = len(chosen)
    save_results(results_path, results)
    args.output.write_text(markdown.render(results, entries), "utf-8")
    log(f"wrote {results_path} and {args.output} in {machine['duration_s']:.0f} s")
    return 0


def rewrite(args: argparse.Namespace) -> int:
    results_path = cache.corpus_dir() / "results.json"
    if not results_path.exists():
        log(f"error: no results at {results_path}; run make bench-corpus first")
        return 1
    results = load_results(results_path)
    args.output.write_text(markdown.render(results, cache.load_list()), "utf-8")
    log(f"wrote {args.output} from {results_path}")
    return 0


def measure_document(
    entry: cache.Entry,
    document: Path,
    folder: Path,
    context: ours.Context,
    setup: opc.Setup,
    args: argparse.Namespace,
) -> dict[str, Any]:
    work = folder / "scratch" / entry.file_name.removesuffix(".json")
    shutil.rmtree(work, ignore_errors=True)
    row: dict[str, Any] = {
        k: v for k, v in asdict(entry).items() if k not in ("gunzip", "package")
    }
    row["source"] = f"{entry.package}@{entry.version}"
    row["measured"] = measure.conditions()
    row["ours"] = ours.run(entry, document, work / "ours", context)
    found = None if args.force_opc else opc.cached(setup, entry)
    if found is None:
        found = opc.run(entry, document, work / "opc", setup)
        opc.save(setup, entry, found)
    row["opc"] = found
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return row


def clean_env() -> dict[str, str]:
    """The environment for every step: no PYTHONPATH leaking into the SDKs."""
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "PYTHONSAFEPATH"):
        env.pop(name, None)
    env["PYTHONHASHSEED"] = "0"
    # The repository's virtualenv first: ``python -m`` finds its tools there.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def load_results(path: Path) -> dict[str, Any]:
    if path.exists():
        loaded: dict[str, Any] = json.loads(path.read_text("utf-8"))
        loaded.setdefault("runs", {})
        loaded.setdefault("documents", {})
        return loaded
    return {"runs": {}, "documents": {}}


def save_results(path: Path, results: dict[str, Any]) -> None:
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(results, indent=1), "utf-8")
    partial.replace(path)


def tool_version(name: str, python: Path | None = None) -> str:
    found = subprocess.run(
        [
            str(python or sys.executable),
            "-c",
            "import importlib.metadata as m, sys; print(m.version(sys.argv[1]))",
            name,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip() or "unknown"


def describe_machine(setup: opc.Setup, jobs: int) -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    revision = subprocess.run(
        ["git", "describe", "--always", "--dirty"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sdkgen_revision": revision or "unknown",
        "versions": {
            "black": tool_version("black"),
            "mypy": setup.mypy_version,
            "pytest": tool_version("pytest"),
            "openapi-python-client": tool_version(
                "openapi-python-client", setup.python
            ),
            "mypy (OPC venv)": tool_version("mypy", setup.python),
            "types-python-dateutil (OPC venv)": tool_version(
                "types-python-dateutil", setup.python
            ),
        },
        "jobs": jobs,
        "load_before": measure.load_average(),
        "gnu_time": Path("/usr/bin/time").exists(),
    }
