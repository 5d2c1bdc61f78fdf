"""The corpus arithmetic: operations dropped silently, steps passed, totals."""

from __future__ import annotations

from typing import Any

from bench.corpus import tally
from bench.corpus.tally import Operations


def side(statuses: dict[str, str], **fields: Any) -> dict[str, Any]:
    return {"steps": {k: {"status": v} for k, v in statuses.items()}, **fields}


ALL_OK = dict.fromkeys(tally.OURS_STEPS, tally.OK)


def test_dropped_is_what_neither_the_sdk_nor_a_warning_accounts_for() -> None:
    assert Operations(in_document=10, generated=7, warned=2).dropped == 1
    assert Operations(10, 10, 0).dropped == 0
    assert Operations(10, 8, 2).dropped == 0


def test_more_generated_than_declared_is_extra_not_a_negative_drop() -> None:
    counted = Operations(in_document=5, generated=6, warned=1)
    assert counted.dropped == 0
    assert counted.extra == 2


def test_operations_of_a_run_without_an_sdk_are_unknown() -> None:
    assert tally.operations(side({}, warned_ops=3), 10) is None
    found = tally.operations(side({}, generated_ops=4, warned_ops=3), 10)
    assert found == Operations(10, 4, 3)
    assert found.dropped == 3


def test_not_applicable_steps_pass_and_not_run_ones_do_not() -> None:
    with_na = {**ALL_OK, "mypy": tally.NOT_APPLICABLE}
    assert tally.passes_every_step(side(with_na), tally.OURS_STEPS)
    broken = {**ALL_OK, "tests": tally.FAILED, "mypy": tally.NOT_RUN}
    assert not tally.passes_every_step(side(broken), tally.OURS_STEPS)
    assert tally.failed_steps(side(broken), tally.OURS_STEPS) == ["tests"]
    missing = dict(ALL_OK)
    del missing["compile"]
    assert not tally.passes_every_step(side(missing), tally.OURS_STEPS)


def test_timeouts_are_failures() -> None:
    timed_out = {**ALL_OK, "generate": tally.TIMEOUT}
    assert tally.failed_steps(side(timed_out), tally.OURS_STEPS) == ["generate"]


def test_totals_add_up_over_documents() -> None:
    documents: list[dict[str, Any]] = [
        {"operations": 10, "ours": side(ALL_OK, generated_ops=9, warned_ops=1)},
        {"operations": 20, "ours": side(ALL_OK, generated_ops=15, warned_ops=2)},
        {
            "operations": 30,
            "ours": side({"import": tally.FAILED}, warned_ops=0, internal_error=True),
        },
        {"operations": 40},  # not run for this tool: not counted at all
    ]
    whole = {"operations": 5, "ours": side(ALL_OK, generated_ops=5, warned_ops=0)}
    assert tally.totals([whole], "ours", tally.OURS_STEPS).complete == 1
    found = tally.totals(documents, "ours", tally.OURS_STEPS)
    assert found.documents == 3
    assert found.passing == 2
    assert found.complete == 0  # both passing documents lost an operation
    assert found.operations == 60
    assert found.generated == 24
    assert found.warned == 3
    assert found.dropped == 3
    assert found.no_sdk == 1
    assert found.ops_without_sdk == 30
    assert found.internal_errors == 1
