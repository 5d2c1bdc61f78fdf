"""Names: identifiers, model names and python_names that collide with nothing."""

from __future__ import annotations

import pytest

from generator.importers.openapi import naming


def test_twilio_like_names_get_distinct_python_names() -> None:
    taken: set[str] = set()
    got = [
        naming.python_name(w, taken, naming.PARAMETER_RESERVED)
        for w in ("DateCreated", "DateCreated<", "DateCreated>")
    ]
    assert got == [None, "date_created_lt", "date_created_gt"]


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("user_id", None),  # already a name
        ("class", None),  # a keyword: the generator writes class_
        ("X-Request-Id", "x_request_id"),
        ("ids[]", "ids"),
        ("timeout", "timeout_2"),  # a per-call option
        ("Dátum", "datum"),
        ("名前", "name"),
    ],
)
def test_python_name(wire: str, expected: str | None) -> None:
    assert naming.python_name(wire, set(), naming.PARAMETER_RESERVED) == expected


def test_declared_x_python_name_wins_when_free() -> None:
    taken: set[str] = set()
    assert naming.python_name("body", taken, frozenset(), "text") == "text"
    assert naming.python_name("text", taken, frozenset()) == "text_2"


def test_python_names_never_collide_after_keyword_escaping() -> None:
    taken: set[str] = set()
    first = naming.python_name("from_", taken, frozenset())
    second = naming.python_name("from", taken, frozenset())
    assert first is None and second is not None and second != "from_"


def test_model_names() -> None:
    assert naming.model_name("OAuthToken") == "OAuthToken"
    assert naming.model_name("pet-store item") == "PetStoreItem"
    assert naming.model_name("2fa") == "M2fa"
    assert naming.model_name("Сообщение") == "Model"
    taken = {"Model"}
    assert naming.unique_model("model", taken) == "model2"
    assert naming.unique_model("Pet", taken) == "Pet"
    assert naming.unique_model("PET", taken) == "PET2"


def test_spec_names_keep_keywords_and_strip_control_characters() -> None:
    assert naming.spec_name("import", "resource") == "import"
    assert naming.spec_name("listPets\x1b[31m", "operation") == "list_pets_31m"
    assert naming.spec_name("", "operation") == "operation"
    assert naming.spec_name("2fa", "resource") == "resource_2fa"
