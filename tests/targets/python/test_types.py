"""How the Python target turns spec type expressions into annotations and parse code.

Goes through ``TypeMapper``'s public methods only, one table per question, so a
change of the mapper's inner shape needs no change here. ``Pet`` is a plain
model, ``Animal`` a discriminated union.
"""

from __future__ import annotations

import ast

import pytest

from generator.spec.typeexpr import parse_type
from generator.targets.python.types import TypeMapper

# Only unions need telling apart: they parse through a function, not a class.
TYPES = TypeMapper(frozenset({"Animal"}))


@pytest.mark.parametrize(
    ("expression", "annotation"),
    [
        ("string", "str"),
        ("integer", "int"),
        ("number", "float"),
        ("boolean", "bool"),
        ("any", "Any"),
        ("file", "FileInput"),
        ("Pet", "Pet"),
        ("Animal", "Animal"),
        ("list[string]", "list[str]"),
        ("map[integer]", "dict[str, int]"),
        ("list[map[Pet]]", "list[dict[str, Pet]]"),
    ],
)
def test_annotation_of_each_kind_of_type(expression: str, annotation: str) -> None:
    assert TYPES.annotation(parse_type(expression), optional=False) == annotation


@pytest.mark.parametrize(
    ("expression", "annotation"),
    [
        ("string", "str | None"),
        ("list[Pet]", "list[Pet] | None"),
        ("any", "Any"),  # Any already admits None
        ("nullable[string]", "str | None"),  # None said once
    ],
)
def test_optional_annotation_admits_none(expression: str, annotation: str) -> None:
    assert TYPES.annotation(parse_type(expression), optional=True) == annotation


@pytest.mark.parametrize(
    ("expression", "annotation"),
    [
        ("string", "str"),
        ("list[string]", "Sequence[str]"),
        ("map[Pet]", "Mapping[str, Pet]"),
        ("list[list[integer]]", "Sequence[Sequence[int]]"),
    ],
)
def test_parameters_accept_any_sequence_or_mapping(
    expression: str, annotation: str
) -> None:
    assert TYPES.param_annotation(parse_type(expression), optional=False) == annotation
    assert (
        TYPES.param_annotation(parse_type(expression), optional=True)
        == f"{annotation} | None"
    )


def field_code(expression: str, *, required: bool, nullable: bool) -> str:
    return TYPES.field_parse_code(
        parse_type(expression),
        "petName",
        "Owner",
        required=required,
        nullable=nullable,
        where="Owner.petName",
    )


@pytest.mark.parametrize(
    ("required", "nullable", "code"),
    [
        (True, False, 'require(data, "petName", "Owner")'),
        (True, True, 'require_key(data, "petName", "Owner")'),
        (False, False, 'data.get("petName")'),
        (False, True, 'data.get("petName")'),
    ],
)
def test_a_primitive_field_is_read_as_sent(
    required: bool, nullable: bool, code: str
) -> None:
    # Model fields tolerate a bent primitive: the API adds and changes fields.
    assert field_code("string", required=required, nullable=nullable) == code


def test_a_required_model_field_is_parsed_directly() -> None:
    code = field_code("Pet", required=True, nullable=False)
    assert code == 'Pet.from_dict(require(data, "petName", "Owner"))'


@pytest.mark.parametrize(
    ("required", "nullable", "read"),
    [
        (True, True, 'require_key(data, "petName", "Owner")'),
        (False, False, 'data.get("petName")'),
    ],
)
def test_a_model_field_that_may_be_missing_or_null_is_parsed_when_present(
    required: bool, nullable: bool, read: str
) -> None:
    code = field_code("Pet", required=required, nullable=nullable)
    assert code == f"parse_optional({read}, Pet.from_dict)"


def test_a_union_field_uses_the_union_parser() -> None:
    code = field_code("Animal", required=True, nullable=False)
    assert code == 'parse_animal(require(data, "petName", "Owner"))'


@pytest.mark.parametrize(
    ("expression", "code"),
    [
        (
            "list[Pet]",
            'parse_list(require(data, "petName", "Owner"), Pet.from_dict, '
            '"Owner.petName")',
        ),
        (
            "map[Animal]",
            'parse_map(require(data, "petName", "Owner"), parse_animal, '
            '"Owner.petName")',
        ),
    ],
)
def test_containers_of_models_parse_each_item(expression: str, code: str) -> None:
    assert field_code(expression, required=True, nullable=False) == code


@pytest.mark.parametrize("expression", ["list[Pet]", "map[Pet]", "list[list[Pet]]"])
def test_a_required_container_field_is_a_value_not_a_function(
    expression: str,
) -> None:
    # The new-user trial: 'lambda value: parse_list(...)(require(...))' made
    # page.data a function. Evaluate the code as the model would.
    code = field_code(expression, required=True, nullable=False)

    class Pet:
        @staticmethod
        def from_dict(value: object) -> str:
            return f"pet {value}"

    def parse_list(value: list[object], parse: object, where: str) -> list[object]:
        return [parse(item) for item in value]  # type: ignore[operator]

    def parse_map(value: dict[str, object], parse: object, where: str) -> object:
        return {k: parse(v) for k, v in value.items()}  # type: ignore[operator]

    def require(data: dict[str, object], key: str, model: str) -> object:
        return data[key]

    item = [1] if expression == "list[list[Pet]]" else 1
    data = {"petName": {"a": item} if expression.startswith("map") else [item]}
    scope = {
        "Pet": Pet,
        "parse_list": parse_list,
        "parse_map": parse_map,
        "require": require,
        "data": data,
    }
    value = eval(code, scope)  # our own generated expression, on test data
    assert not callable(value)
    assert value in (["pet 1"], {"a": "pet 1"}, [["pet 1"]])


@pytest.mark.parametrize(
    ("expression", "annotation"),
    [
        ("date", "_dt.date"),
        ("datetime", "_dt.datetime"),
        ("epoch", "_dt.datetime"),
        ("uuid", "_uuid.UUID"),
        ("bytes", "bytes"),
        ("nullable[string]", "str | None"),
        ("list[nullable[Pet]]", "list[Pet | None]"),
        ("map[nullable[datetime]]", "dict[str, _dt.datetime | None]"),
    ],
)
def test_rich_and_nullable_types(expression: str, annotation: str) -> None:
    assert TYPES.annotation(parse_type(expression), optional=False) == annotation


@pytest.mark.parametrize(
    ("expression", "code"),
    [
        ("epoch", 'parse_epoch(require(data, "petName", "Owner"))'),
        ("uuid", 'parse_uuid(require(data, "petName", "Owner"))'),
        (
            "nullable[date]",
            'parse_optional(require_key(data, "petName", "Owner"), parse_date)',
        ),
    ],
)
def test_rich_fields_are_parsed_and_nullable_reads_null(
    expression: str, code: str
) -> None:
    assert field_code(expression, required=True, nullable=False) == code


def test_containers_of_primitives_in_fields_are_kept_as_sent() -> None:
    assert field_code("list[string]", required=False, nullable=False) == (
        'data.get("petName")'
    )


@pytest.mark.parametrize(
    ("expression", "parser"),
    [
        (None, "ignore_payload"),
        ("string", "expect_str"),
        ("integer", "expect_int"),
        ("number", "expect_float"),
        ("boolean", "expect_bool"),
        ("any", "identity"),
        ("Pet", "Pet.from_dict"),
        ("Animal", "parse_animal"),
        ("list[string]", 'lambda value: parse_list(value, expect_str, "pets.list")'),
        ("map[Pet]", 'lambda value: parse_map(value, Pet.from_dict, "pets.list")'),
    ],
)
def test_return_values_are_checked_against_the_declared_type(
    expression: str | None, parser: str
) -> None:
    ref = parse_type(expression) if expression else None
    assert TYPES.return_parse_code(ref, "pets.list") == parser


def test_spec_text_in_parse_code_is_a_python_string_literal() -> None:
    # The JSON name and the model name come from the spec: escaped, never spliced.
    name = "it's\"odd\\n')"
    code = TYPES.field_parse_code(
        parse_type("string"), name, "Owner", required=True, nullable=False, where="x"
    )
    call = ast.parse(code, mode="eval").body
    assert isinstance(call, ast.Call)
    assert [ast.literal_eval(a) for a in call.args[1:]] == [name, "Owner"]
