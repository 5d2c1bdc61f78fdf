"""Which names a generated resource module imports, and in which order.

The planner must import exactly what the module uses (ruff rejects unused
imports) in the order ruff's isort wants (or black and ruff disagree with the
output). Every test starts from the smallest resource (one ``GET`` returning
``Pet``) and changes only what it is about.
"""

from __future__ import annotations

from typing import Any

from generator.targets.python.imports import (
    dunder_all_order,
    helpers_used,
    isort_names,
    resource_imports,
)

RUNTIME = (
    ("functools", ("cached_property",)),
    ("typing", ("Unpack",)),
    (".._api_client", ("AsyncAPIClient", "SyncAPIClient")),
    (".._operation", ("Operation",)),
    (".._response", ("async_to_raw_response_wrapper", "to_raw_response_wrapper")),
    (
        ".._streaming",
        ("async_to_streamed_response_wrapper", "to_streamed_response_wrapper"),
    ),
    (".._types", ("RequestOptions",)),
)


def plan(**changes: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The imports of the smallest resource, with ``changes`` to its facts."""
    facts: dict[str, Any] = {
        "annotations": ["Pet"],
        "parsers": ["Pet.from_dict"],
        "paginated": False,
        "has_params": False,
        "models": ["Pet"],
        "unions": {},
    }
    return resource_imports(**(facts | changes))


def imports(**changes: Any) -> dict[str, tuple[str, ...]]:
    return dict(plan(**changes))


def test_the_smallest_resource_imports_the_runtime_and_its_model() -> None:
    # In isort's order: stdlib, then the runtime modules, then the models.
    assert plan() == (*RUNTIME, ("..models", ("Pet",)))


def test_parameters_bring_param() -> None:
    assert imports(has_params=True)[".._operation"] == ("Operation", "Param")


def test_pagination_brings_the_iterator_types() -> None:
    assert imports(paginated=True)["collections.abc"] == ("AsyncIterator", "Iterator")


def test_abstract_containers_and_any_come_from_the_annotations() -> None:
    planned = imports(
        annotations=["Pet", "Sequence[str] | None", "Mapping[str, Any] | None"]
    )
    assert planned["collections.abc"] == ("Mapping", "Sequence")
    assert planned["typing"] == ("Any", "Unpack")


def test_a_file_parameter_brings_file_input() -> None:
    assert imports(annotations=["Pet", "FileInput"])[".._uploads"] == ("FileInput",)


def test_parse_helpers_are_imported_only_when_the_parse_code_names_them() -> None:
    parsers = [
        "lambda value: parse_list(value, Pet.from_dict, 'pets.list')",
        "expect_bool",
    ]
    assert imports(parsers=parsers)[".._models"] == ("expect_bool", "parse_list")
    assert ".._models" not in imports()


def test_a_union_brings_its_parser_with_it_sorted_after_the_classes() -> None:
    planned = imports(models=["Animal", "Pet"], unions={"Animal": "parse_animal"})
    assert planned["..models"] == ("Animal", "Pet", "parse_animal")


def test_a_shadowed_builtin_brings_a_plain_import_first() -> None:
    # A resource with a method called ``list`` writes ``builtins.list[...]``.
    assert plan(annotations=["builtins.list[Pet]"])[0] == ("builtins", ())


def test_isort_orders_constants_then_classes_then_the_rest_ignoring_case() -> None:
    names = ["parse_pet", "Pet", "MAX_SIZE", "animal", "Animal", "Pet", "ALPHA"]
    assert isort_names(names) == [
        "ALPHA",
        "MAX_SIZE",
        "Animal",
        "Pet",
        "animal",
        "parse_pet",
    ]


def test_dunder_all_sorts_case_sensitively_within_each_kind() -> None:
    names = ["pets_b", "Pets", "PetsA", "pets_A"]
    assert dunder_all_order(names) == ["Pets", "PetsA", "pets_A", "pets_b"]
    assert isort_names(names) == ["Pets", "PetsA", "pets_A", "pets_b"]
    mixed = ["Zebra", "apple", "Apple_b", "Apple_B"]
    assert dunder_all_order(mixed) == ["Apple_B", "Apple_b", "Zebra", "apple"]


def test_helpers_are_found_as_whole_words_only() -> None:
    code = ["parse_listing(value)", "my_require(data)", "require_key(data, 'x', 'M')"]
    assert helpers_used(code) == ("require_key",)
