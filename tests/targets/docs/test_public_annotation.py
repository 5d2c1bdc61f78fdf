"""The docs spell the SDK's private module aliases as the modules they stand for."""

from __future__ import annotations

import pytest

from generator.targets.docs.links import public_annotation, type_parts


@pytest.mark.parametrize(
    ("annotation", "shown"),
    [
        ("_dt.datetime | None", "datetime.datetime | None"),
        ("list[_uuid.UUID]", "list[uuid.UUID]"),
        ("dict[str, _dt.date]", "dict[str, datetime.date]"),
        ("my_dt.x", "my_dt.x"),  # only the aliases themselves
    ],
)
def test_aliases_read_as_modules(annotation: str, shown: str) -> None:
    assert public_annotation(annotation) == shown


def test_type_parts_show_the_public_names() -> None:
    parts = type_parts("Event | _dt.datetime", {"Event": "models.md#event"})
    assert parts == (("Event", "models.md#event"), (" | datetime.datetime", ""))
