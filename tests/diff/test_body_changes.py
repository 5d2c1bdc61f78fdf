"""``sdkgen diff`` on request bodies: a body model's fields are arguments.

A field added to a model an operation takes as its body is a new keyword
argument of that operation (breaking when required), though the operation's own
text did not change.
"""

from __future__ import annotations

from pathlib import Path

from generator.diff.engine import DiffResult, diff_specs
from tests import paths

SPEC = paths.REPO / "tests" / "golden" / "json_body" / "spec.yaml"
TITLE = "      title: {type: string, description: What to do.}\n"


def _diff(tmp_path: Path, text: str, replacement: str) -> DiffResult:
    original = SPEC.read_text(encoding="utf-8")
    assert original.count(text) == 1
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(original, encoding="utf-8")
    new.write_text(original.replace(text, replacement), encoding="utf-8")
    result = diff_specs(old, new)
    assert isinstance(result, DiffResult)
    return result


def test_a_required_field_added_to_a_body_model_breaks_its_operation(
    tmp_path: Path,
) -> None:
    added = TITLE + "      colour: {type: string, required: true}\n"
    result = _diff(tmp_path, TITLE, added)
    found = {(c.code, c.message) for c in result.changes}
    assert ("DIFF030", "task.update: body field 'colour' was added (required)") in found
    # task.touch's body is optional: sent field by field, nothing is required.
    assert ("DIFF031", "task.touch: body field 'colour' was added (optional)") in found
    assert result.bump == "major"


def test_a_body_type_change_is_reported_on_the_body_argument(tmp_path: Path) -> None:
    labels = 'body: {type: "list[string]", description: The labels.}'
    result = _diff(tmp_path, labels, labels.replace("list[string]", "string"))
    [change] = [c for c in result.changes if c.operation == "task.tag"]
    assert change.message == "task.tag: body field 'body' type list[string] -> string"
