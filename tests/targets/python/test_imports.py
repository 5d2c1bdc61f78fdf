"""Which names a generated resource module imports, and in which order.

The planner must import exactly what the module uses (ruff rejects unused
imports) in the order ruff's isort wants (or black and ruff disagree with the
output). Operations are built from one plain baseline with ``replace``, so each
test shows only what it changes.
"""

from __future__ import annotations

from dataclasses import replace

from generator.model.api import OperationModel, ParamModel
from generator.targets.python.imports import (
    dunder_all_order,
    helpers_used,
    isort_names,
    resource_imports,
)

PARAM = ParamModel(
    wire="id",
    py_name="id",
    location="path",
    annotation="str",
    type_label="string",
    required=True,
    default=None,
    has_default=False,
    path_default=None,
    enum=(),
    description="",
    style="",
    is_list=False,
    upload_kind_param=None,
    upload_kind_values=(),
)
# GET /pets/{id} -> Pet, no parameters yet, no pagination.
GET_PET = OperationModel(
    resource="pets",
    name="get",
    py_name="get",
    sdk_path="pets.get",
    constant="_GET",
    method="GET",
    path="/pets/{id}",
    summary="",
    description="",
    anchor="",
    auth=(),
    params=(),
    returns_label="Pet",
    returns_description="",
    return_annotation="Pet",
    parse_code="Pet.from_dict",
    envelope=False,
    deprecation_message=None,
    deprecation_reason="",
    replacement="",
    page_param=None,
    page_start=0,
    iter_name=None,
    item_annotation="",
    model_imports=("Pet",),
    departures=(),
)
RUNTIME = (
    ("typing", ("Unpack",)),
    (".._api_client", ("AsyncAPIClient", "SyncAPIClient")),
    (".._operation", ("Operation",)),
    (".._response", ("async_to_raw_response_wrapper", "to_raw_response_wrapper")),
    (".._types", ("RequestOptions",)),
)


def imports(*operations: OperationModel, unions: dict[str, str] | None = None) -> dict:
    return dict(resource_imports(operations, unions or {}))


def test_the_smallest_resource_imports_the_runtime_and_its_model() -> None:
    # In isort's order: stdlib, then the runtime modules, then the models.
    planned = resource_imports((GET_PET,), {})
    assert planned == (*RUNTIME, ("..models", ("Pet",)))


def test_parameters_bring_param() -> None:
    with_id = replace(GET_PET, params=(PARAM,))
    assert imports(with_id)[".._operation"] == ("Operation", "Param")


def test_pagination_brings_the_iterator_types() -> None:
    paged = replace(
        GET_PET, iter_name="iter_list", item_annotation="Pet", page_param="page"
    )
    assert imports(paged)["collections.abc"] == ("AsyncIterator", "Iterator")


def test_abstract_containers_and_any_come_from_the_annotations() -> None:
    tags = replace(PARAM, py_name="tags", annotation="Sequence[str] | None")
    extra = replace(PARAM, py_name="extra", annotation="Mapping[str, Any] | None")
    op = replace(GET_PET, params=(tags, extra))
    planned = imports(op)
    assert planned["collections.abc"] == ("Mapping", "Sequence")
    assert planned["typing"] == ("Any", "Unpack")


def test_a_file_parameter_brings_file_input() -> None:
    upload = replace(PARAM, py_name="image", annotation="FileInput")
    assert imports(replace(GET_PET, params=(upload,)))[".._uploads"] == ("FileInput",)


def test_parse_helpers_are_imported_only_when_the_parse_code_names_them() -> None:
    listed = replace(
        GET_PET,
        return_annotation="list[Pet]",
        parse_code="lambda value: parse_list(value, Pet.from_dict, 'pets.list')",
    )
    flag = replace(
        GET_PET, name="delete", return_annotation="bool", parse_code="expect_bool"
    )
    assert imports(listed, flag)[".._models"] == ("expect_bool", "parse_list")
    assert ".._models" not in imports(GET_PET)


def test_a_union_brings_its_parser_with_it_sorted_after_the_classes() -> None:
    animal = replace(
        GET_PET,
        return_annotation="Animal",
        parse_code="parse_animal",
        model_imports=("Animal", "Pet"),
    )
    planned = imports(animal, unions={"Animal": "parse_animal"})
    assert planned["..models"] == ("Animal", "Pet", "parse_animal")


def test_a_shadowed_builtin_brings_a_plain_import_first() -> None:
    # A resource with a method called ``list`` writes ``builtins.list[...]``.
    listed = replace(GET_PET, return_annotation="builtins.list[Pet]")
    planned = resource_imports((listed,), {})
    assert planned[0] == ("builtins", ())


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
