"""fit_limits: what the format bounds is cut or kept once, each with a warning."""

from __future__ import annotations

from typing import Any

from generator.importers.openapi.fit import fit_limits
from generator.importers.openapi.report import Report


def fitted(draft: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    report = Report("doc.json")
    fit_limits(draft, report)
    return draft, [d.message for d in report.diagnostics]


def test_a_long_description_deep_in_a_model_is_cut_where_it_is() -> None:
    long = "word " * 5_000  # 25,000 characters
    field = {"type": "string", "description": long}
    draft, messages = fitted({"models": {"Pet": {"fields": {"name": field}}}})
    cut = draft["models"]["Pet"]["fields"]["name"]["description"]
    assert len(cut) <= 20_000 and cut.endswith(" [...]")
    assert cut.startswith("word word")
    assert messages == [
        "spec models.Pet.fields.name.description: a description of 25000 characters;"
        " cut to what the spec format allows"
    ]


def test_repeated_enum_values_are_kept_once_true_and_1_apart() -> None:
    values = ["a", True, 1, "a", 1, None]
    draft, messages = fitted({"models": {"M": {"fields": {"x": {"enum": values}}}}})
    assert draft["models"]["M"]["fields"]["x"]["enum"] == ["a", True, 1, None]
    assert len(messages) == 1 and "models.M.fields.x.enum" in messages[0]


def test_a_draft_within_the_limits_is_left_alone() -> None:
    draft = {"api": {"version": "2024-01-01"}, "models": {"M": {"enum": ["a", "b"]}}}
    before = repr(draft)
    assert fitted(draft)[1] == []
    assert repr(draft) == before
