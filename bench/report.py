"""Render the benchmark's measurements as ``bench/RESULTS.md``."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from procs import Series, paired_ratios, stats

if TYPE_CHECKING:
    from run import Config, Subject

LABELS = {
    "validate": "`sdkgen validate`",
    "generate-empty": "`sdkgen generate`, empty folder",
    "generate-same": "`sdkgen generate`, nothing changed",
    "generate-edit": "`sdkgen generate`, one operation edited",
    "check": "`sdkgen check`, fresh clone",
    "opc": "OPC `generate --overwrite` (ruff included)",
}


def seconds(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "-"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def times(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def render(
    machine: dict[str, Any],
    subjects: list[Subject],
    sdk: dict[str, Any],
    profile: dict[str, Any],
    config: Config,
) -> str:
    out: list[str] = []
    add = out.append
    add("# sdkgen benchmark results\n")
    add(
        f"Written by `bench/run.py` on {machine['date']} "
        f"({'quick mode' if config.quick else 'full run'}, "
        f"{machine['duration']:.0f} s). Rerun with `make bench` "
        "(or `.venv/bin/python bench/run.py --quick` for a run under two minutes). "
        "The analysis and recommendations are in [FINDINGS.md](FINDINGS.md).\n"
    )
    add("## Machine\n")
    versions = ", ".join(f"{k} {v}" for k, v in machine["versions"].items())
    add(f"- CPU: {machine['cpu']}, {machine['cores']} cores; {machine['platform']}")
    add(f"- Versions: {versions}")
    add(f"- sdkgen measured from: {machine['tree']}")
    add(
        f"- Load average before / after: {machine['load_before']} / "
        f"{machine['load_after']} (other jobs on the machine add noise to wall "
        "times; CPU times and the paired ratios are steadier)\n"
    )
    add("## Method\n")
    add(
        "Every number is a whole process timed from outside (`os.wait4`: wall clock, "
        "user+system CPU of the process and the children it waited for, and peak "
        "resident memory of the largest single process). Each spec is measured in "
        f"rounds: {config.warmup} warm-up round(s) then {config.runs} kept "
        f"({config.large_warmup} and {config.large_runs} from {1000} operations on, "
        "where the set-up's own generate run serves as warm-up). A round runs every "
        "scenario once, in alternating order, so each ratio against OPC is the "
        "median of per-round ratios of runs made back to back. Scenarios:\n"
    )
    add(
        "- `validate`: `sdkgen validate SPEC`.\n"
        "- generate, empty folder: the output folder is deleted first, so no manifest "
        "and no earlier output can be reused; every Python file goes through black. "
        "sdkgen's compiled-template cache (`SDKGEN_CACHE_DIR`, here "
        "`bench/.work/sdkgen-cache`, emptied at the start) is warm after the set-up "
        "run, as Python's `.pyc` files are.\n"
        "- generate, nothing changed: the same output folder again; before and after, "
        "every file's inode and mtime are compared (a rewrite changes them).\n"
        "- generate, one operation edited: one operation's summary is changed in a "
        "copy of the spec (a different text each round), then generate.\n"
        "- check, fresh clone: the spec and the output folder are copied to a new "
        "folder without their times (as `git clone` leaves them), then `sdkgen check`; "
        "the manifest's hashes let it skip black.\n"
        "- OPC: openapi-python-client generating from sdkgen's own OpenAPI export of "
        "the same spec (`generated/openapi.json`), with its defaults: it runs "
        "`ruff check --fix` and `ruff format` on its output (ruff from its venv). "
        "OPC writes a complete client each time; `--overwrite` replaces the folder.\n"
    )
    target_rows = targets(subjects, sdk)
    add("## Targets\n")
    add("| Target | Measured | Verdict |")
    add("|---|---|---|")
    for row in target_rows:
        add(f"| {row[0]} | {row[1]} | {row[2]} |")
    add("")
    for subject in subjects:
        add(f"## {subject.title}\n")
        if subject.error:
            add(f"Not measured: {subject.error}\n")
            continue
        add(subject_table(subject))
        for note in subject_notes(subject):
            add(f"- {note}")
        add("")
    add(growth(subjects))
    add(sdk_section(sdk))
    add(profile_section(profile))
    return "\n".join(out).rstrip() + "\n"


def subject_table(subject: Subject) -> str:
    rows = [
        "| Measurement | Median | Min | Max | Runs | CPU (median) | Peak RSS "
        "| vs OPC, wall (median of paired ratios; range) | vs OPC, CPU |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    opc = subject.series.get("opc")
    for name, series in subject.series.items():
        if series.failures:
            rows.append(
                f"| {LABELS[name]} | failed: {series.failures[0][:200]} |||||||"
            )
            continue
        wall = stats(series.values("wall"))
        if wall is None:
            continue
        cpu = stats(series.values("cpu"))
        rss = stats(series.values("rss_mib"))
        versus = versus_cpu = "-"
        if opc is not None and opc.ok and name != "opc":
            cpu_ratios = paired_ratios(series, opc, "cpu")
            if cpu_ratios:
                versus_cpu = _speed(statistics.median(cpu_ratios))
            ratios = paired_ratios(series, opc)
            if ratios:
                median = statistics.median(ratios)
                versus = (
                    f"{median:.2f}: {_speed(median)} ({min(ratios):.2f}-"
                    f"{max(ratios):.2f})"
                )
        rows.append(
            f"| {LABELS[name]} | {seconds(wall.median)} | {seconds(wall.low)} | "
            f"{seconds(wall.high)} | {wall.runs} | "
            f"{seconds(cpu.median if cpu else None)} | "
            f"{rss.median if rss else 0:.0f} MiB | {versus} | {versus_cpu} |"
        )
    return "\n".join(rows) + "\n"


def _relative(ratio: float) -> str:
    """sdkgen's time over OPC's, in words, to two decimals."""
    return f"{1 / ratio:.2f}x faster" if ratio <= 1 else f"{ratio:.2f}x slower"


def _speed(ratio: float) -> str:
    return f"{1 / ratio:.1f}x faster" if ratio < 1 else f"{ratio:.1f}x slower"


def subject_notes(subject: Subject) -> list[str]:
    notes = list(subject.notes)
    same = subject.series.get("generate-same")
    if same and same.notes:
        counts = sorted({int(n) for n in same.notes})
        notes.append(
            "nothing changed: files rewritten per run (inode or mtime changed): "
            + ", ".join(map(str, counts))
        )
    edit = subject.series.get("generate-edit")
    if edit and edit.notes:
        counts = sorted({int(n) for n in edit.notes})
        notes.append(
            "one operation edited: files rewritten per run: "
            + ", ".join(map(str, counts))
        )
    empty = subject.series.get("generate-empty")
    if empty and empty.notes:
        notes.append("empty folder: " + empty.notes[0])
    return notes


def median_wall(subject: Subject | None, name: str) -> float | None:
    if subject is None or subject.error:
        return None
    series = subject.series.get(name)
    if series is None or not series.ok:
        return None
    return statistics.median(series.values("wall"))


def median_ratio(
    subject: Subject | None, name: str, attribute: str = "wall"
) -> float | None:
    """Median over rounds of (sdkgen time / OPC time)."""
    if subject is None or subject.error:
        return None
    series, opc = subject.series.get(name), subject.series.get("opc")
    if series is None or opc is None or not series.ok or not opc.ok:
        return None
    ratios = paired_ratios(series, opc, attribute)
    return statistics.median(ratios) if ratios else None


def targets(subjects: list[Subject], sdk: dict[str, Any]) -> list[tuple[str, str, str]]:
    by_key = {s.key: s for s in subjects}
    imgur = by_key.get("imgur")
    huge = by_key.get("synth-5000")
    rows: list[tuple[str, str, str]] = []

    def faster(label: str, subject: Subject | None, name: str, factor: float) -> None:
        ratio = median_ratio(subject, name)
        if ratio is None:
            rows.append((label, "not measured", "-"))
            return
        speedup = 1 / ratio
        cpu = median_ratio(subject, name, "cpu")
        opc = median_wall(subject, "opc") or 0.0
        needed = opc / factor
        measured = (
            f"{_relative(ratio)} than OPC ({seconds(median_wall(subject, name))} "
            f"vs {seconds(opc)} wall)"
            + (f"; in CPU time {_relative(cpu)}" if cpu else "")
        )
        if speedup >= factor:
            rows.append((label, measured, "**met**"))
        else:
            mine = median_wall(subject, name) or 0.0
            rows.append(
                (
                    label,
                    measured,
                    f"**missed** by {factor / speedup:.2f}x: needs "
                    f"≤ {seconds(needed)}, {seconds(mine - needed)} to cut",
                )
            )

    faster("Imgur `check` on a fresh clone ≥ 4x faster than OPC", imgur, "check", 4)
    faster(
        "Imgur `generate` after a one-op edit ≥ 3x faster than OPC",
        imgur,
        "generate-edit",
        3,
    )
    if imgur and not imgur.error and imgur.series["generate-same"].notes:
        counts = [int(n) for n in imgur.series["generate-same"].notes]
        worst = max(counts)
        rows.append(
            (
                "Imgur `generate` with nothing changed rewrites no file",
                f"{worst} files rewritten at most, over {len(counts)} runs",
                "**met**" if worst == 0 else "**missed**",
            )
        )
    faster(
        "Imgur `generate` into an empty folder (black) no slower than OPC",
        imgur,
        "generate-empty",
        1,
    )
    faster(
        "5,000 ops: `generate` into an empty folder no slower than OPC",
        huge,
        "generate-empty",
        1,
    )
    base = median_wall(huge, "generate-empty")
    for name, label in (
        ("check", "5,000 ops: `check` under a tenth of an empty-folder generate"),
        (
            "generate-edit",
            "5,000 ops: one-op edit under a tenth of an empty-folder generate",
        ),
    ):
        mine = median_wall(huge, name)
        opc = median_wall(huge, "opc")
        if mine is None or base is None:
            rows.append((label, "not measured", "-"))
            continue
        share = mine / base
        extra = f"; {mine / opc:.2f} of OPC's time" if opc else ""
        cut = seconds(mine - base / 10)
        verdict = (
            "**met**"
            if share < 0.1
            else f"**missed**: needs ≤ {seconds(base / 10)}, {cut} to cut"
        )
        rows.append(
            (label, f"{seconds(mine)} = {share:.2f} of {seconds(base)}{extra}", verdict)
        )
    rows.extend(linearity_rows(subjects))
    rows.extend(sdk_rows(sdk))
    return rows


def exponent(small: tuple[int, float], large: tuple[int, float]) -> float:
    """The k in time ∝ operations^k between two sizes."""
    return math.log(large[1] / small[1]) / math.log(large[0] / small[0])


def linearity_rows(subjects: list[Subject]) -> list[tuple[str, str, str]]:
    synthetic = sorted(
        (s for s in subjects if s.key.startswith("synth-") and not s.error),
        key=lambda s: s.operations,
    )
    if len(synthetic) < 2:
        return [("Time and memory grow linearly", "needs two synthetic sizes", "-")]
    small, large = synthetic[-2], synthetic[-1]
    # Judged on CPU time and peak memory: on a shared machine a single long run's
    # wall time also measures whoever else was running (wall k shown for reference).
    found: dict[str, list[str]] = {"cpu": [], "rss_mib": [], "wall": []}
    worst = 0.0
    for attribute, names in (
        ("cpu", ("validate", "generate-empty", "generate-edit", "check")),
        ("rss_mib", ("generate-empty", "check")),
        ("wall", ("validate", "generate-empty", "generate-edit", "check")),
    ):
        for name in names:
            sa, sb = small.series.get(name), large.series.get(name)
            if not (sa and sb and sa.ok and sb.ok):
                continue
            a = statistics.median(sa.values(attribute))
            b = statistics.median(sb.values(attribute))
            k = exponent((small.operations, a), (large.operations, b))
            if attribute != "wall":
                worst = max(worst, k)
            found[attribute].append(f"{name} {k:.2f}")
    measured = (
        f"k in cost ∝ ops^k from {small.operations} to {large.operations} ops. "
        f"CPU time: {', '.join(found['cpu'])}; peak RSS: "
        f"{', '.join(found['rss_mib'])} (wall time, load-dependent: "
        f"{', '.join(found['wall'])})"
    )
    verdict = "**met**" if worst <= 1.15 else f"**missed**: worst k = {worst:.2f}"
    return [("Time and memory grow linearly (k ≤ 1.15)", measured, verdict)]


def sdk_rows(sdk: dict[str, Any]) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    imports: dict[str, Series] = sdk.get("imports", {})
    mine, base = imports.get("import imgur_client"), imports.get("import httpx")
    if mine and base and mine.ok and base.ok:
        deltas = [
            a - b
            for a, b in zip(mine.values("wall"), base.values("wall"), strict=False)
        ]
        delta = statistics.median(deltas) * 1000
        verdict = "**met**" if delta <= 30 else f"**missed** by {delta - 30:.0f} ms"
        rows.append(
            (
                "`import imgur_client` ≤ 30 ms more than `import httpx`",
                f"+{delta:.0f} ms (median of paired differences; "
                f"{statistics.median(mine.values('wall')) * 1000:.0f} ms vs "
                f"{statistics.median(base.values('wall')) * 1000:.0f} ms per process)",
                verdict,
            )
        )
    calls = sdk.get("calls") or {}
    if "median_ratio" in calls:
        ratio = calls["median_ratio"]
        raw = statistics.median(calls["raw_us"])
        mine_us = statistics.median(calls["sdk_us"])
        verdict = (
            "**met**"
            if ratio <= 1.15
            else f"**missed** by {ratio / 1.15:.3f}x: needs ≤ {raw * 1.15:.1f} µs, "
            f"{mine_us - raw * 1.15:.1f} µs to cut (medians of batches)"
        )
        rows.append(
            (
                "An SDK call ≤ 1.15x a raw httpx call",
                f"{ratio:.3f}x (median of per-batch ratios; {mine_us:.1f} µs vs "
                f"{raw:.1f} µs per call)",
                verdict,
            )
        )
    rows.extend(json_call_rows(sdk.get("json_calls") or {}))
    return rows


def json_call_rows(calls: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The target row of a JSON-body call (the GitHub example's issues.create)."""
    target = "An SDK call with a JSON body ≤ 1.15x the same raw httpx call"
    if "median_ratio" not in calls:
        error = calls.get("error")
        return [(target, f"not measured: {error}", "—")] if error else []
    ratio = calls["median_ratio"]
    raw = statistics.median(calls["raw_us"])
    mine_us = statistics.median(calls["sdk_us"])
    verdict = "**met**" if ratio <= 1.15 else f"**missed** by {ratio / 1.15:.3f}x"
    measured = (
        f"{ratio:.3f}x (median of per-batch ratios; {mine_us:.1f} µs vs "
        f"{raw:.1f} µs per call)"
    )
    return [(target, measured, verdict)]


def growth(subjects: list[Subject]) -> str:
    measured = [s for s in subjects if not s.error]
    if not measured:
        return ""
    lines = ["## Growth with size\n", "Median wall time (and peak RSS) per size:\n"]
    header = "| Measurement | " + " | ".join(
        f"{s.operations} ops{' (Imgur)' if s.key == 'imgur' else ''}" for s in measured
    )
    lines.append(header + " |")
    lines.append("|---" * (len(measured) + 1) + "|")
    for name in (*LABELS,):
        cells = []
        for s in measured:
            series = s.series.get(name)
            if series is None or not series.ok:
                cells.append("-")
                continue
            wall = statistics.median(series.values("wall"))
            rss = statistics.median(series.values("rss_mib"))
            cells.append(f"{seconds(wall)} ({rss:.0f} MiB)")
        lines.append(f"| {LABELS[name]} | " + " | ".join(cells) + " |")
    lines.append("")
    per_op = [s for s in measured if s.key.startswith("synth-") and s.operations >= 100]
    if per_op:
        lines.append("Per operation (median wall / operations):\n")
        lines.append(
            "| Measurement | "
            + " | ".join(f"{s.operations} ops" for s in per_op)
            + " |"
        )
        lines.append("|---" * (len(per_op) + 1) + "|")
        for name in LABELS:
            cells = []
            for s in per_op:
                per = median_wall(s, name)
                cells.append(
                    "-" if per is None else f"{per / s.operations * 1000:.1f} ms"
                )
            lines.append(f"| {LABELS[name]} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines) + "\n"


def sdk_section(sdk: dict[str, Any]) -> str:
    if not sdk:
        return ""
    lines = ["## The generated SDK at run time\n"]
    lines.append(
        "Fresh interpreter per run (`python -c ...`, bytecode cached), alternating "
        "between the programs; the generated `imgur_client` of this run on "
        "`PYTHONPATH`.\n"
    )
    lines.append("| Program | Median | Min | Max | Runs | Peak RSS |")
    lines.append("|---|---|---|---|---|---|")
    for name, series in sdk.get("imports", {}).items():
        wall = stats(series.values("wall"))
        rss = stats(series.values("rss_mib"))
        if wall is None or rss is None:
            failure = series.failures[0] if series.failures else ""
            lines.append(f"| `{name}` | failed: {failure[:200]} |||||")
            continue
        lines.append(
            f"| `{name}` | {seconds(wall.median)} | {seconds(wall.low)} | "
            f"{seconds(wall.high)} | {wall.runs} | {rss.median:.1f} MiB |"
        )
    lines.append("")
    extra = (sdk.get("importtime") or {}).get("beyond httpx")
    if extra:
        lines.append(
            f"Modules `import imgur_client` loads that `import httpx` does not: "
            f"{extra['modules']}, {extra['self_ms']:.1f} ms of own import time "
            "(`-X importtime`, one run each). Costliest (self ms): "
            + ", ".join(f"`{n}` {v:.1f}" for n, v in extra["top"][:10])
            + ".\n"
        )
    for module, found in (sdk.get("importtime") or {}).items():
        if module == "beyond httpx":
            continue
        lines.append(
            f"`-X importtime` for `{module}`: {found['cumulative_ms']:.1f} ms "
            "cumulative, "
            f"{found['modules']} modules imported. Costliest (self / cumulative ms): "
            + ", ".join(f"`{n}` {s:.1f}/{c:.1f}" for n, s, c in found["top_self"][:6])
            + ".\n"
        )
    calls = sdk.get("calls") or {}
    if "median_ratio" in calls:
        raw = stats(calls["raw_us"])
        mine = stats(calls["sdk_us"])
        ratios = stats(calls["ratios"])
        assert raw and mine and ratios
        lines.append(
            f"Per call, through the same `httpx.MockTransport` ({len(calls['ratios'])} "
            f"alternating batches of {calls['calls_per_batch']} calls):\n"
        )
        lines.append("| Call | Median µs/call | Min | Max |")
        lines.append("|---|---|---|---|")
        lines.append(
            f"| raw `httpx.Client.get` + `raise_for_status` + `.json()['data']` | "
            f"{raw.median:.0f} | {raw.low:.0f} | {raw.high:.0f} |"
        )
        lines.append(
            f"| `client.image.get('x')` (returns an `Image`) | {mine.median:.0f} | "
            f"{mine.low:.0f} | {mine.high:.0f} |"
        )
        lines.append(
            f"| ratio, per batch pair | {ratios.median:.2f}x | {ratios.low:.2f}x | "
            f"{ratios.high:.2f}x |\n"
        )
    elif calls:
        lines.append(f"Per-call measurement failed: {calls.get('error')}\n")
    lines.extend(upload_memory_lines(sdk.get("upload_memory") or {}))
    return "\n".join(lines) + "\n"


def upload_memory_lines(upload: dict[str, Any]) -> list[str]:
    """The peak-memory rise of one large upload (``bench/upload_memory.py``)."""
    if "size_mb" not in upload:
        error = upload.get("error")
        return [f"Upload memory measurement failed: {error}\n"] if error else []
    verdict = "met" if upload["met"] else "MISSED"
    return [
        f"Peak memory rise of one {upload['size_mb']} MB upload (target: under "
        f"{upload['target_growth_mb']} MB, {verdict}): from a path "
        f"{upload['path_growth_mb']} MB, from an open file "
        f"{upload['file_growth_mb']} MB, from bytes already in memory "
        f"{upload['bytes_growth_mb']} MB (the bytes themselves).\n"
    ]


def profile_section(profile: dict[str, Any]) -> str:
    if not profile:
        return ""
    lines = ["## Profile: where the time goes\n"]
    lines.append(
        "In-process under cProfile (`bench/profile_stages.py`), with black run "
        "serially so its share shows; cProfile inflates Python-heavy stages, so read "
        "shares, not absolute times. Stage = cumulative time of the function doing "
        "it.\n"
    )
    for key, found in profile.items():
        if key in {"call", "cli_imports"}:
            continue
        lines.append(f"### {found.get('title', key)}\n")
        if "error" in found:
            lines.append(f"Profiling failed: {found['error']}\n")
            continue
        lines.append("| Command | Total | Top stages (seconds, share of total) |")
        lines.append("|---|---|---|")
        for command in (
            "validate",
            "check",
            "generate-empty",
            "generate-same",
            "generate-edit",
        ):
            run = found.get(command)
            if not run:
                continue
            total = run["wall"]
            stages = ", ".join(
                f"{label.strip()} {value:.2f} ({value / total:.0%})"
                for label, value in run["stages"]
            )
            lines.append(f"| {command} | {total:.2f} s | {stages} |")
        lines.append("")
        for command in ("generate-empty", "check", "generate-edit"):
            run = found.get(command)
            if not run:
                continue
            lines.append(
                f"Costliest functions of `{command}` (own time, s): "
                + ", ".join(f"`{w}` {t:.2f}" for t, _, w in run["top_self"][:8])
                + ".\n"
            )
        kinds: Sequence[Sequence[Any]] = found.get("black_by_kind", [])
        if kinds:
            total = sum(row[3] for row in kinds)
            lines.append(
                f"black, file by file in one process ({total:.2f} s over "
                f"{sum(row[1] for row in kinds)} files):\n"
            )
            lines.append(
                "| Files | Count | Lines | black seconds | Share | µs per line |"
            )
            lines.append("|---|---|---|---|---|---|")
            for kind, count, line_count, secs in kinds:
                lines.append(
                    f"| {kind} | {count} | {line_count} | {secs:.2f} | "
                    f"{secs / total:.0%} | {secs / max(line_count, 1) * 1e6:.0f} |"
                )
            lines.append("")
    call = profile.get("call")
    if call and "sdk" in call:
        lines.append("### One SDK call under cProfile\n")
        for name in ("sdk", "raw"):
            found = call[name]
            packages = ", ".join(
                f"{k} {v:.0f}"
                for k, v in sorted(
                    found["by_package_us"].items(), key=lambda kv: -kv[1]
                )
            )
            lines.append(
                f"- {name}: {found['us_per_call_profiled']:.0f} µs per call under the "
                f"profiler; own time by package (µs): {packages}."
            )
        lines.append("")
        lines.append(
            "Costliest functions of the SDK call (own µs per call, calls per call): "
            + ", ".join(
                f"`{w}` {us:.1f} ({n:.0f})"
                for us, n, w in call["sdk"]["top_self_us"][:10]
            )
            + ".\n"
        )
    imports = profile.get("cli_imports")
    if imports:
        lines.append(
            f"`-X importtime` of `generator.cli.commands.validate`: "
            f"{imports['cumulative_ms']:.0f} ms; costliest: "
            + ", ".join(f"`{n}` {s:.1f}/{c:.1f}" for n, s, c in imports["top_self"][:6])
            + ".\n"
        )
    return "\n".join(lines) + "\n"
