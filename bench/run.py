"""The sdkgen benchmark: ``make bench`` (or ``python bench/run.py [--quick]``).

Measures whole processes from the outside (wall clock, CPU time, peak memory) for
``sdkgen validate``, ``generate`` into an empty folder, ``generate`` when nothing
changed, ``generate`` after a one-operation edit and ``check`` on a fresh clone, on
the Imgur spec and on synthetic specs of growing size, side by side with
openapi-python-client (OPC) generating the same API from sdkgen's OpenAPI export.
Then the import time of the generated SDK and the overhead of one SDK call. Writes
``bench/RESULTS.md``; scratch files go to ``bench/.work/`` (git-ignored).

Every measurement runs in rounds: each round runs every scenario of a spec once,
in alternating order, so the ratios come from paired runs made under the same load.
The first rounds are warm-ups (interpreter bytecode written, files in the page
cache) and are not kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import procs
import report
import synth
from procs import Sample, Series

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / ".work"
OPC_VENV = WORK / "opc-venv"
OPC_REQUIREMENT = "openapi-python-client==0.29.*"
RESULTS = REPO / "bench" / "RESULTS.md"
RAW = WORK / "results.json"
SCENARIOS = ("validate", "generate-empty", "generate-same", "generate-edit", "check")
OPC = "opc"
LARGE = 1000  # from this many operations on, specs get the "large" run counts
HUGE = 5000  # and from this many on, the "huge" ones
PROFILE_MAX = 1000  # profile no spec larger than this (black serially is slow)


@dataclass
class Config:
    runs: int
    warmup: int
    large_runs: int
    large_warmup: int
    huge_runs: int
    sizes: list[int]
    import_runs: int
    call_batches: int
    call_size: int
    opc: bool
    profile: bool
    ref: str | None
    results: Path
    quick: bool
    render_only: bool = False


@dataclass
class Subject:
    """One spec measured: its workspace, its results."""

    key: str
    title: str
    operations: int
    spec_name: str
    workspace: Path
    series: dict[str, Series] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    edited_summary: str | None = None  # the summary text the last edit wrote

    @property
    def spec_rel(self) -> str:
        return f"spec/{self.spec_name}"


@dataclass
class Tools:
    python: Path
    env: dict[str, str]
    opc: Path | None
    opc_env: dict[str, str]
    opc_problem: str | None
    tree: Path

    def sdkgen(self, *args: str) -> list[str]:
        return [str(self.python), "-m", "generator", *args]


def main(argv: list[str] | None = None) -> int:
    config = parse_args(argv)
    if config.render_only:
        return render_saved(config)
    started = time.time()
    WORK.mkdir(parents=True, exist_ok=True)
    tools = prepare_tools(config)
    log(f"sdkgen from {tools.tree}; OPC: {tools.opc or tools.opc_problem}")
    machine = describe_machine(tools)
    subjects = [imgur_subject()] + [synth_subject(n) for n in config.sizes]
    for subject in subjects:
        measure_subject(subject, tools, config)
    imgur_src = subjects[0].workspace / "base" / "generated" / "python" / "src"
    sdk = measure_sdk(imgur_src, tools, config) if not subjects[0].error else {}
    profile: dict[str, Any] = {}
    if config.profile and not subjects[0].error:
        profile = run_profile(subjects, tools, config)
    machine["load_after"] = load_average()
    machine["duration"] = time.time() - started
    text = report.render(machine, subjects, sdk, profile, config)
    config.results.write_text(text, encoding="utf-8")
    dump_raw(machine, subjects, sdk, profile, config)
    log(f"wrote {config.results} in {machine['duration']:.0f} s")
    return 0


def parse_args(argv: list[str] | None) -> Config:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="Imgur and 100 operations only, 3 runs, no warm-up round (the set-up "
        "run warms up), no profiling: under two minutes",
    )
    parser.add_argument("--runs", type=int, help="kept rounds per spec (default 5)")
    parser.add_argument("--warmup", type=int, help="warm-up rounds (default 1)")
    parser.add_argument("--large-runs", type=int, help=f"kept rounds, >= {LARGE} ops")
    parser.add_argument("--large-warmup", type=int, help=f"warm-ups, >= {LARGE} ops")
    parser.add_argument("--huge-runs", type=int, help=f"kept rounds, >= {HUGE} ops")
    parser.add_argument(
        "--sizes", help="synthetic spec sizes, comma-separated (default 100,1000,5000)"
    )
    parser.add_argument("--import-runs", type=int, help="interpreter starts per module")
    parser.add_argument("--call-batches", type=int, help="batches of SDK calls")
    parser.add_argument("--call-size", type=int, default=200, help="calls per batch")
    parser.add_argument("--no-opc", action="store_true", help="skip the OPC runs")
    parser.add_argument("--no-profile", action="store_true", help="skip profiling")
    parser.add_argument(
        "--profile", action="store_true", help="profile in quick mode too"
    )
    parser.add_argument(
        "--ref",
        help="benchmark this git revision (extracted with git archive) instead of "
        "the working tree, e.g. HEAD",
    )
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument(
        "--render-only",
        action="store_true",
        help=f"measure nothing: rewrite the results from {RAW.relative_to(REPO)}",
    )
    args = parser.parse_args(argv)
    quick = bool(args.quick)

    def pick(value: int | None, normal: int, fast: int) -> int:
        return value if value is not None else (fast if quick else normal)

    sizes = (
        args.sizes if args.sizes is not None else ("100" if quick else "100,1000,5000")
    )
    return Config(
        runs=pick(args.runs, 5, 3),
        warmup=pick(args.warmup, 1, 0),
        large_runs=pick(args.large_runs, 2, 1),
        large_warmup=pick(args.large_warmup, 0, 0),
        huge_runs=pick(args.huge_runs, 1, 1),
        sizes=[int(s) for s in sizes.split(",") if s.strip()],
        import_runs=pick(args.import_runs, 20, 6),
        call_batches=pick(args.call_batches, 30, 8),
        call_size=args.call_size,
        opc=not args.no_opc,
        profile=not args.no_profile and (not quick or args.profile),
        ref=args.ref,
        results=args.results,
        quick=quick,
        render_only=args.render_only,
    )


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# -- tools -------------------------------------------------------------------------


def prepare_tools(config: Config) -> Tools:
    env = dict(os.environ)
    # Measure what users get: bytecode caches written and reused as usual.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)
    env["PYTHONHASHSEED"] = "0"
    # sdkgen keeps compiled templates in a per-user cache (like .pyc files); keep the
    # bench's apart, emptied at the start and warmed by the set-up run.
    cache = WORK / "sdkgen-cache"
    shutil.rmtree(cache, ignore_errors=True)
    env["SDKGEN_CACHE_DIR"] = str(cache)
    tree = REPO
    if config.ref:
        tree = extract_tree(config.ref)
        env["PYTHONPATH"] = str(tree)
    python = Path(sys.executable)
    opc: Path | None = None
    opc_problem: str | None = "skipped (--no-opc)"
    if config.opc:
        opc, opc_problem = ensure_opc()
    opc_env = dict(env)
    opc_env.pop("PYTHONPATH", None)
    # OPC runs `ruff check --fix` and `ruff format` on its output by default; its
    # ruff is the one installed beside it in its venv.
    opc_env["PATH"] = f"{OPC_VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    opc_env.pop("VIRTUAL_ENV", None)
    return Tools(python, env, opc, opc_env, opc_problem, tree)


def extract_tree(ref: str) -> Path:
    tree = WORK / "tree"
    shutil.rmtree(tree, ignore_errors=True)
    tree.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref],
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def ensure_opc() -> tuple[Path | None, str | None]:
    executable = OPC_VENV / "bin" / "openapi-python-client"
    if executable.exists():
        return executable, None
    log(f"installing {OPC_REQUIREMENT} into {OPC_VENV}")
    try:
        subprocess.run(
            [sys.executable, "-m", "venv", "--clear", str(OPC_VENV)],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                str(OPC_VENV / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                OPC_REQUIREMENT,
            ],
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as exc:
        tail = (exc.stderr or b"").decode(errors="replace").strip()[-500:]
        return None, f"could not install {OPC_REQUIREMENT}: {tail}"
    return (executable, None) if executable.exists() else (None, "no executable")


def describe_machine(tools: Tools) -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    probe = (
        "import importlib.metadata as m, json, sys, generator\n"
        "names = ['black', 'jinja2', 'jsonschema', 'pyyaml', 'httpx']\n"
        "v = {n: m.version(n) for n in names}\n"
        "v['sdkgen'] = generator.__version__\n"
        "v['python'] = sys.version.split()[0]\n"
        "print(json.dumps(v))\n"
    )
    found = subprocess.run(
        [str(tools.python), "-c", probe],
        env=tools.env,
        capture_output=True,
        text=True,
        check=False,
    )
    versions: dict[str, str] = json.loads(found.stdout) if found.returncode == 0 else {}
    if tools.opc is not None:
        for name in ("openapi-python-client", "ruff"):
            found = subprocess.run(
                [str(OPC_VENV / "bin" / "python"), "-m", "pip", "show", name],
                capture_output=True,
                text=True,
                check=False,
            )
            for line in found.stdout.splitlines():
                if line.startswith("Version:"):
                    versions[f"{name} (OPC venv)"] = line.split(":", 1)[1].strip()
    revision = subprocess.run(
        ["git", "describe", "--always", "--dirty"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "versions": versions,
        "revision": revision,
        "tree": "working tree" if tools.tree == REPO else f"git archive of {revision}",
        "load_before": load_average(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


# -- subjects ----------------------------------------------------------------------


def imgur_subject() -> Subject:
    workspace = WORK / "run" / "imgur"
    reset(workspace)
    shutil.copytree(REPO / "spec" / "imgur", workspace / "base" / "spec" / "imgur")
    count = count_operations(workspace / "base" / "spec" / "imgur")
    return Subject("imgur", f"Imgur ({count} operations)", count, "imgur", workspace)


def synth_subject(operations: int) -> Subject:
    workspace = WORK / "run" / f"synth-{operations}"
    reset(workspace)
    written = synth.write_spec(workspace / "base" / "spec" / "synth", operations)
    title = (
        f"Synthetic, {operations} operations ({written.resources} resources, "
        f"{written.models} models)"
    )
    return Subject(f"synth-{operations}", title, operations, "synth", workspace)


def count_operations(folder: Path) -> int:
    import yaml

    total = 0
    for path in folder.rglob("*.yaml"):
        document = yaml.safe_load(path.read_text("utf-8")) or {}
        for resource in (document.get("resources") or {}).values():
            total += len(resource.get("operations") or {})
    return total


def reset(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)


def copy_fresh(source: Path, target: Path) -> None:
    """Copy without keeping times: what a fresh clone looks like to the tools."""
    shutil.copytree(source, target, copy_function=shutil.copy)


# -- measuring one spec ------------------------------------------------------------


def measure_subject(subject: Subject, tools: Tools, config: Config) -> None:
    log(f"{subject.title}: setting up")
    base = subject.workspace / "base"
    # The reference output is an empty-folder generate: without warm-up rounds it
    # is also the first round's empty-folder sample (large specs take minutes).
    first = procs.run(
        tools.sdkgen("generate", subject.spec_rel, "--out", "empty"),
        cwd=base,
        env=tools.env,
    )
    if first.returncode != 0:
        subject.error = f"sdkgen generate failed (exit {first.returncode}): " + tail(
            first.stderr or first.stdout
        )
        log(subject.error)
        return
    subject.notes.append(f"reference generate: {first.stdout.strip()}")
    large = subject.operations >= LARGE
    warmup = config.large_warmup if large else config.warmup
    runs = config.large_runs if large else config.runs
    if subject.operations >= HUGE:
        runs = config.huge_runs
    # Every later empty-folder generate must write these same bytes (same folder name).
    shutil.copytree(base / "empty", base / "reference")
    shutil.copytree(base / "empty", base / "generated")
    # The docs name the folder the SDK was generated into: one generate under the
    # new name settles them, so "nothing changed" measures an unchanged folder.
    procs.run(
        tools.sdkgen("generate", subject.spec_rel, "--out", "generated"),
        cwd=base,
        env=tools.env,
    )
    edit = subject.workspace / "edit"
    copy_fresh(base / "spec", edit / "spec")
    copy_fresh(base / "generated", edit / "generated")
    scenarios: dict[str, Callable[[int], Sample | None]] = {
        "validate": lambda _: procs.run(
            tools.sdkgen("validate", subject.spec_rel), cwd=base, env=tools.env
        ),
        "generate-empty": lambda i: (
            first
            if i == 0 and warmup == 0 and large
            else generate_empty(subject, tools)
        ),
        "generate-same": lambda _: generate_same(subject, tools),
        "generate-edit": lambda i: generate_edit(subject, tools, i),
        "check": lambda _: check_clone(subject, tools),
    }
    if tools.opc is not None:
        prepared = prepare_opc(subject, tools)
        if prepared:
            scenarios[OPC] = lambda _: run_opc(subject, tools)
    for name in scenarios:
        subject.series[name] = Series(name)
    order = list(scenarios)
    for round_index in range(warmup + runs):
        kept = round_index >= warmup
        label = f"run {round_index - warmup + 1}/{runs}" if kept else "warm-up"
        log(f"{subject.title}: {label}")
        for name in order if round_index % 2 == 0 else order[::-1]:
            series = subject.series[name]
            if series.failures:
                continue
            sample = scenarios[name](round_index)
            if sample is None:
                continue
            if sample.returncode != 0:
                series.failures.append(
                    f"exit {sample.returncode}: {tail(sample.stderr or sample.stdout)}"
                )
                continue
            if kept:
                series.samples.append(sample)


def tail(text: str, lines: int = 6) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time: a rewrite changes one or both."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            found[str(path.relative_to(folder))] = (stat.st_ino, stat.st_mtime_ns)
    return found


def changed(
    before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]
) -> int:
    keys = set(before) | set(after)
    return sum(1 for key in keys if before.get(key) != after.get(key))


def generate_empty(subject: Subject, tools: Tools) -> Sample:
    base = subject.workspace / "base"
    shutil.rmtree(base / "empty", ignore_errors=True)
    sample = procs.run(
        tools.sdkgen("generate", subject.spec_rel, "--out", "empty"),
        cwd=base,
        env=tools.env,
    )
    series = subject.series["generate-empty"]
    if sample.returncode == 0 and not series.notes:
        same = snapshot_text(base / "empty") == snapshot_text(base / "reference")
        series.notes.append(
            "output identical to the reference output"
            if same
            else "OUTPUT DIFFERS from the reference output"
        )
    return sample


def snapshot_text(folder: Path) -> dict[str, str]:
    """Each file's content hash (hashes keep this process small: see procs.py)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def generate_same(subject: Subject, tools: Tools) -> Sample:
    base = subject.workspace / "base"
    before = snapshot(base / "generated")
    time.sleep(0.01)  # a rewrite within the same clock tick would keep the mtime
    sample = procs.run(
        tools.sdkgen("generate", subject.spec_rel, "--out", "generated"),
        cwd=base,
        env=tools.env,
    )
    rewritten = changed(before, snapshot(base / "generated"))
    series = subject.series["generate-same"]
    series.notes.append(str(rewritten))
    return sample


def generate_edit(subject: Subject, tools: Tools, round_index: int) -> Sample:
    """Change one operation's summary, differently each round, then generate."""
    edit = subject.workspace / "edit"
    path, original = edit_target(subject, edit)
    text = path.read_text("utf-8")
    current = subject.edited_summary or original
    new = f"{original.rstrip('.')} (edit {round_index})."
    if current not in text:
        raise RuntimeError(f"cannot find {current!r} in {path}")
    path.write_text(text.replace(current, new, 1), encoding="utf-8")
    subject.edited_summary = new
    before = snapshot(edit / "generated")
    time.sleep(0.01)
    sample = procs.run(
        tools.sdkgen("generate", subject.spec_rel, "--out", "generated"),
        cwd=edit,
        env=tools.env,
    )
    subject.series["generate-edit"].notes.append(
        str(changed(before, snapshot(edit / "generated")))
    )
    return sample


def edit_target(subject: Subject, edit: Path) -> tuple[Path, str]:
    if subject.key == "imgur":
        return (
            edit / "spec" / "imgur" / "resources" / "image.yaml",
            "Get an image.",
        )
    name = synth.resource_names(1)[0]
    return (
        edit / "spec" / "synth" / "resources" / f"{name}.yaml",
        f"Get one {name.replace('_', ' ')} by its id.",
    )


def check_clone(subject: Subject, tools: Tools) -> Sample:
    base = subject.workspace / "base"
    clone = subject.workspace / "clone"
    shutil.rmtree(clone, ignore_errors=True)
    copy_fresh(base / "spec", clone / "spec")
    copy_fresh(base / "generated", clone / "generated")
    return procs.run(
        tools.sdkgen("check", subject.spec_rel, "--out", "generated"),
        cwd=clone,
        env=tools.env,
    )


# -- openapi-python-client -----------------------------------------------------------


def prepare_opc(subject: Subject, tools: Tools) -> bool:
    """Give OPC sdkgen's own export; note what had to change for OPC to read it."""
    folder = subject.workspace / "opc"
    folder.mkdir()
    exported = subject.workspace / "base" / "generated" / "openapi.json"
    document = json.loads(exported.read_text("utf-8"))
    shutil.copy(exported, folder / "openapi-as-exported.json")
    # A first run on the export exactly as sdkgen writes it, to record what OPC says.
    first = procs.run(
        [
            str(tools.opc),
            "generate",
            "--path",
            "openapi-as-exported.json",
            "--output-path",
            "as-exported",
            "--overwrite",
        ],
        cwd=folder,
        env=tools.opc_env,
    )
    subject.notes.append(
        f"OPC on the export as written: exit {first.returncode}; "
        + summarize_opc_output(first.stdout + first.stderr)
    )
    adapted, changes = adapt_for_opc(document)
    (folder / "openapi.json").write_text(json.dumps(adapted, indent=2), "utf-8")
    if changes:
        subject.notes.append(
            "OPC is timed on a copy of the export with "
            + "; ".join(changes)
            + " (valid OpenAPI 3.1 that OPC 0.29 cannot read)"
        )
    return True


def summarize_opc_output(text: str) -> str:
    warnings = [
        line.strip()
        for line in text.splitlines()
        if line.startswith(("Unable to", "Cannot parse", "Warning", "Error"))
    ]
    if not warnings:
        return "no warnings"
    cleaned = sorted({_strip_addresses(w) for w in warnings})
    return f"{len(warnings)} warning lines: " + " | ".join(cleaned[:6])


def _strip_addresses(line: str) -> str:
    import re

    return re.sub(r"<[^<>]* object at 0x[0-9a-f]+>", "<…>", line)


def adapt_for_opc(document: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Replace pinned union variants (allOf of a $ref and a ``const`` pin) by the $ref.

    sdkgen exports unions whose discriminator values are not strings (Imgur's
    ``is_album: true/false``) as ``oneOf`` of ``allOf: [{$ref}, {properties:
    {prop: {const: value}}}]``: valid OpenAPI 3.1, but OPC 0.29 reports "Invalid
    property in union" and drops every operation returning the union.
    """
    changes = []
    schemas = document.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        variants = schema.get("oneOf")
        if not isinstance(variants, list):
            continue
        plain = []
        for variant in variants:
            parts = variant.get("allOf") if isinstance(variant, dict) else None
            if isinstance(parts, list) and parts and "$ref" in parts[0]:
                plain.append({"$ref": parts[0]["$ref"]})
            else:
                plain.append(variant)
        if plain != variants:
            schema["oneOf"] = plain
            changes.append(f"the variants of union {name} reduced to plain $refs")
    return document, changes


def run_opc(subject: Subject, tools: Tools) -> Sample:
    assert tools.opc is not None
    return procs.run(
        [
            str(tools.opc),
            "generate",
            "--path",
            "openapi.json",
            "--output-path",
            "client",
            "--overwrite",
        ],
        cwd=subject.workspace / "opc",
        env=tools.opc_env,
    )


# -- the generated SDK at run time -------------------------------------------------


def measure_sdk(src: Path, tools: Tools, config: Config) -> dict[str, Any]:
    log("import time and per-call overhead of imgur_client")
    env = dict(tools.env)
    env["PYTHONPATH"] = str(src)
    workdir = WORK / "run" / "sdk"
    reset(workdir)
    programs = {
        "python -c pass": "pass",
        "import httpx": "import httpx",
        "import imgur_client": "import imgur_client",
        "import + first call path": (
            "import imgur_client\n"
            "client = imgur_client.ImgurClient(client_id='x')\n"
            "client.image\n"
        ),
    }
    series = {name: Series(name) for name in programs}
    names = list(programs)
    for round_index in range(1 + config.import_runs):
        for name in names if round_index % 2 == 0 else names[::-1]:
            sample = procs.run(
                [str(tools.python), "-c", programs[name]], cwd=workdir, env=env
            )
            if sample.returncode != 0:
                series[name].failures.append(tail(sample.stderr))
            elif round_index > 0:
                series[name].samples.append(sample)
    importtime = {
        name: import_breakdown(tools, env, workdir, module)
        for name, module in (("httpx", "httpx"), ("imgur_client", "imgur_client"))
    }
    httpx_own = importtime["httpx"]["self_by_module"]
    beyond = {
        name: ms
        for name, ms in importtime["imgur_client"]["self_by_module"].items()
        if name not in httpx_own
    }
    importtime["beyond httpx"] = {
        "modules": len(beyond),
        "self_ms": sum(beyond.values()),
        "top": sorted(beyond.items(), key=lambda item: -item[1])[:12],
    }
    calls = procs.run(
        [
            str(tools.python),
            str(REPO / "bench" / "callbench.py"),
            str(config.call_batches),
            str(config.call_size),
        ],
        cwd=workdir,
        env=env,
    )
    call_result: dict[str, Any] = (
        json.loads(calls.stdout)
        if calls.returncode == 0
        else {"error": tail(calls.stderr)}
    )
    json_result = measure_json_calls(tools, config, workdir)
    upload = procs.run(
        [str(tools.python), str(REPO / "bench" / "upload_memory.py")],
        cwd=workdir,
        env=env,
    )
    upload_result: dict[str, Any] = (
        json.loads(upload.stdout)
        if upload.returncode == 0
        else {"error": tail(upload.stderr)}
    )
    return {
        "imports": series,
        "importtime": importtime,
        "calls": call_result,
        "json_calls": json_result,
        "upload_memory": upload_result,
    }


def measure_json_calls(tools: Tools, config: Config, workdir: Path) -> dict[str, Any]:
    """Per-call overhead of a JSON-body call, on the GitHub example's SDK."""
    example = tools.tree / "spec" / "examples" / "github.yaml"
    if not example.exists():
        return {"error": "this tree has no spec/examples/github.yaml"}
    out = workdir / "github_sdk"
    made = procs.run(
        tools.sdkgen("generate", str(example), "--out", str(out)),
        cwd=tools.tree,
        env=tools.env,
    )
    if made.returncode != 0:
        return {"error": tail(made.stderr)}
    env = dict(tools.env)
    env["PYTHONPATH"] = str(out / "python" / "src")
    calls = procs.run(
        [
            str(tools.python),
            str(REPO / "bench" / "callbench.py"),
            str(config.call_batches),
            str(config.call_size),
            "json",
        ],
        cwd=workdir,
        env=env,
    )
    if calls.returncode != 0:
        return {"error": tail(calls.stderr)}
    result: dict[str, Any] = json.loads(calls.stdout)
    return result


def import_breakdown(
    tools: Tools, env: dict[str, str], workdir: Path, module: str
) -> dict[str, Any]:
    """``-X importtime``: the module's cumulative time and its costliest imports."""
    found = subprocess.run(
        [str(tools.python), "-X", "importtime", "-c", f"import {module}"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    rows = []
    for line in found.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:") :].split("|", 2)
        rows.append((int(self_us), int(cumulative_us), name.rstrip()))
    total = next((c for _, c, n in rows if n.strip() == module), 0)
    top = sorted(rows, reverse=True)[:10]
    return {
        "cumulative_ms": total / 1000,
        "top_self": [(n.strip(), s / 1000, c / 1000) for s, c, n in top],
        "modules": len(rows),
        "self_by_module": {n.strip(): s / 1000 for s, _, n in rows},
    }


# -- profiling -----------------------------------------------------------------------


def run_profile(
    subjects: list[Subject], tools: Tools, config: Config
) -> dict[str, Any]:
    log("profiling")
    targets = [s for s in subjects if not s.error]
    largest = max(
        (s for s in targets if s.operations <= PROFILE_MAX), key=lambda s: s.operations
    )
    chosen = [targets[0]] + ([largest] if largest is not targets[0] else [])
    out: dict[str, Any] = {}
    for subject in chosen:
        workdir = subject.workspace / "profile"
        reset(workdir)
        copy_fresh(subject.workspace / "base" / "spec", workdir / "spec")
        copy_fresh(subject.workspace / "base" / "generated", workdir / "generated")
        found = subprocess.run(
            [
                str(tools.python),
                str(REPO / "bench" / "profile_stages.py"),
                subject.spec_rel,
                "--skip-empty" if subject.operations > 100 else "--all",
            ],
            cwd=workdir,
            env=tools.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if found.returncode != 0:
            out[subject.key] = {"error": tail(found.stderr, 12)}
        else:
            out[subject.key] = json.loads(found.stdout)
        out[subject.key]["title"] = subject.title
    env = dict(tools.env)
    env["PYTHONPATH"] = str(
        targets[0].workspace / "base" / "generated" / "python" / "src"
    )
    found = subprocess.run(
        [str(tools.python), str(REPO / "bench" / "profile_call.py"), "3000"],
        cwd=WORK,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    out["call"] = (
        json.loads(found.stdout)
        if found.returncode == 0
        else {"error": tail(found.stderr, 12)}
    )
    out["cli_imports"] = import_breakdown(
        tools, tools.env, WORK, "generator.cli.commands.validate"
    )
    return out


def dump_raw(
    machine: dict[str, Any],
    subjects: list[Subject],
    sdk: dict[str, Any],
    profile: dict[str, Any],
    config: Config,
) -> None:
    def series_dict(series: Series) -> dict[str, Any]:
        return {
            "wall": series.values("wall"),
            "cpu": series.values("cpu"),
            "rss_mib": series.values("rss_mib"),
            "failures": series.failures,
            "notes": series.notes,
        }

    raw = {
        "machine": machine,
        "subjects": {
            s.key: {
                "title": s.title,
                "operations": s.operations,
                "error": s.error,
                "notes": s.notes,
                "series": {k: series_dict(v) for k, v in s.series.items()},
            }
            for s in subjects
        },
        "sdk": {
            "imports": {k: series_dict(v) for k, v in sdk.get("imports", {}).items()},
            "importtime": sdk.get("importtime"),
            "calls": sdk.get("calls"),
            "upload_memory": sdk.get("upload_memory"),
        },
        "profile": profile,
        "config": {
            key: str(value) if isinstance(value, Path) else value
            for key, value in vars(config).items()
        },
    }
    RAW.write_text(json.dumps(raw, indent=2), "utf-8")


def render_saved(config: Config) -> int:
    """Rewrite the results from the raw measurements of the last run."""
    raw = json.loads(RAW.read_text("utf-8"))
    saved = raw.get("config", {})
    for key, value in saved.items():
        if key not in {"results", "render_only", "ref"}:
            setattr(config, key, value)

    def series(name: str, data: dict[str, Any]) -> Series:
        loaded = Series(name, failures=data["failures"], notes=data["notes"])
        for wall, cpu, rss in zip(
            data["wall"], data["cpu"], data["rss_mib"], strict=True
        ):
            loaded.samples.append(Sample(wall, cpu, rss, 0, "", ""))
        return loaded

    subjects = []
    for key, data in raw["subjects"].items():
        subject = Subject(
            key,
            data["title"],
            data["operations"],
            "imgur" if key == "imgur" else "synth",
            WORK / "run" / key,
            notes=data["notes"],
            error=data["error"],
        )
        subject.series = {n: series(n, d) for n, d in data["series"].items()}
        subjects.append(subject)
    sdk = dict(raw["sdk"])
    sdk["imports"] = {n: series(n, d) for n, d in sdk.get("imports", {}).items()}
    text = report.render(raw["machine"], subjects, sdk, raw["profile"], config)
    config.results.write_text(text, encoding="utf-8")
    log(f"rewrote {config.results} from {RAW}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
