"""Import and generate one large OpenAPI document, timed as a user would run them.

```console
$ .venv/bin/python bench/big_document.py DOC [--runs N] [--tree DIR] [--stages]
      [--opc OPC]
```

Each round imports DOC into a fresh spec folder (``sdkgen import-openapi``) and
generates that spec into an empty folder (``sdkgen generate``), each as its own
process timed from outside (``procs.run``: wall, CPU with children, peak RSS). It
prints the medians, the load average before and after (the wall times mean little
on a busy machine; the CPU times much more), and with ``--stages`` where a
generate spends its time, in-process and without a profiler: each stage's wall and
CPU time, black's workers counted apart. ``--tree DIR`` runs the sdkgen of another
source tree (``git archive REV | tar -x -C DIR``) with this environment, to compare
two revisions on the same machine. Scratch files go to ``bench/.work/big/``.

GitHub's description (``@octokit/openapi`` on npm, ``generated/api.github.com.json``,
1,223 operations) is the document issue 12 measures against; ``--opc`` times
openapi-python-client on the same document in each round, without its ruff hook
(``--opc ~/.cache/sdkgen/corpus/opc-0.29.1/venv/bin/openapi-python-client``).
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import os
import resource
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.procs import Sample, run  # noqa: E402

WORK = HERE / ".work" / "big"

# (module, function): the stages of a generate, timed where they are defined.
STAGES = (
    ("generator.spec.load", "load_spec"),
    ("generator.spec.schema.check", "check_schema"),
    ("generator.spec.lint", "run_rules"),
    ("generator.spec.validate", "validate_path"),
    ("generator.model.build", "build_model"),
    ("generator.targets.openapi.document", "build_openapi"),
    ("generator.targets.openapi.document", "render_openapi_json"),
    # Rendering is consumed by format_all as it goes: its time is inside format_all's.
    ("generator.targets.render", "_render_one"),
    ("generator.targets.python.cases", "cases_json"),
    ("generator.output.format", "format_all"),
    ("generator.output.format", "_cut_module"),
    ("generator.output.write", "write_output"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("document", type=Path, help="an OpenAPI document")
    parser.add_argument("--runs", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--tree", type=Path, help="run the sdkgen of this source tree")
    parser.add_argument(
        "--stages", action="store_true", help="also time a generate's stages"
    )
    parser.add_argument(
        "--opc",
        type=Path,
        help="openapi-python-client to time on DOC in each round, without its ruff "
        "hook (make corpus installs 0.29.1 under ~/.cache/sdkgen/corpus)",
    )
    args = parser.parse_args(argv)
    document = args.document.resolve()
    tree = (args.tree or HERE.parent).resolve()
    WORK.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    command = [sys.executable, "-m", "generator"]
    rounds: dict[str, list[Sample]] = {"import": [], "generate": []}
    if args.opc:
        rounds["OPC generate"] = []
        opc_config = WORK / "opc-config.yaml"
        opc_config.write_text("post_hooks: []\n", "utf-8")  # no ruff hook
    print(f"load average before: {_load()}")
    for index in range(args.runs):
        spec, out = WORK / "spec", WORK / "out" / "sdk"
        shutil.rmtree(spec, ignore_errors=True)
        shutil.rmtree(out.parent, ignore_errors=True)
        out.parent.mkdir(parents=True)
        imported = run(
            [*command, "import-openapi", document, "-o", spec], cwd=tree, env=env
        )
        generated = run([*command, "generate", spec, "--out", out], cwd=tree, env=env)
        samples = [("import", imported), ("generate", generated)]
        if args.opc:
            theirs = WORK / "opc"
            shutil.rmtree(theirs, ignore_errors=True)
            opc = [args.opc, "generate", "--path", document, "--config", opc_config]
            opc += ["--output-path", theirs, "--meta", "none"]
            samples.append(("OPC generate", run(opc, cwd=WORK, env=env)))
        for name, sample in samples:
            if sample.returncode != 0:
                print(f"{name} failed ({sample.returncode}):\n{sample.stderr[-2000:]}")
                return 1
            rounds[name].append(sample)
            print(
                f"round {index + 1}: {name:8s} wall {sample.wall:6.2f} s  "
                f"cpu {sample.cpu:6.2f} s  peak {sample.rss_mib:6.0f} MiB"
            )
    print(f"load average after: {_load()}")
    print(f"\nmedians of {args.runs} ({tree}):")
    print("| command | wall s | CPU s | peak MiB |\n|---|---|---|---|")
    for name, taken in rounds.items():
        wall = statistics.median(s.wall for s in taken)
        cpu = statistics.median(s.cpu for s in taken)
        rss = max(s.rss_mib for s in taken)
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} |")
    if args.opc:
        pairs = zip(rounds["import"], rounds["generate"], strict=True)
        ours = [i.wall + g.wall for i, g in pairs]
        theirs = [s.wall for s in rounds["OPC generate"]]
        ratio = statistics.median(ours) / statistics.median(theirs)
        each = ", ".join(f"{o:.2f}/{t:.2f}" for o, t in zip(ours, theirs, strict=True))
        print(
            f"\nimport + generate, median {statistics.median(ours):.2f} s; OPC "
            f"{statistics.median(theirs):.2f} s: {ratio:.2f}x OPC's time "
            f"(rounds, ours/OPC: {each})"
        )
    if args.stages:
        stages = _stages(tree, WORK / "spec", WORK / "stages" / "sdk")
        print(f"\none generate in-process, by stage (load average now {_load()}):")
        print("| stage | wall s | CPU s | workers' CPU s |\n|---|---|---|---|")
        for name, (wall, cpu, workers) in stages.items():
            print(f"| {name} | {wall:.2f} | {cpu:.2f} | {workers:.2f} |")
    return 0


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def _stages(tree: Path, spec: Path, out: Path) -> dict[str, tuple[float, ...]]:
    """A generate in-process: each stage's wall and CPU time, black's workers apart."""
    sys.path.insert(0, str(tree))
    times: dict[str, list[float]] = {}

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = (time.perf_counter(), time.process_time(), _children_cpu())
            try:
                return function(*args, **kwargs)
            finally:
                entry = times.setdefault(name, [0.0, 0.0, 0.0])
                entry[0] += time.perf_counter() - start[0]
                entry[1] += time.process_time() - start[1]
                entry[2] += _children_cpu() - start[2]

        return wrapper

    replaced: dict[int, Callable[..., Any]] = {}
    for module_name, name in STAGES:
        module = importlib.import_module(module_name)
        function = getattr(module, name, None)
        if function is not None:
            replaced[id(function)] = timed(name, function)
            setattr(module, name, replaced[id(function)])
    # Modules that imported a stage by name hold the original: point them here too.
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("generator"):
            for attribute, value in list(vars(module).items()):
                if callable(value) and id(value) in replaced:
                    setattr(module, attribute, replaced[id(value)])
    from generator import pipeline
    from generator.cli import GC_THRESHOLDS

    gc.set_threshold(*GC_THRESHOLDS)  # as the sdkgen command runs
    shutil.rmtree(out.parent, ignore_errors=True)
    out.parent.mkdir(parents=True)
    start = time.perf_counter(), time.process_time(), _children_cpu()
    pipeline.generate(spec, out)
    end = time.perf_counter(), time.process_time(), _children_cpu()
    stages = {name: tuple(entry) for name, entry in times.items()}
    stages["whole generate"] = tuple(b - a for a, b in zip(start, end, strict=True))
    return stages


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
