"""Semantic rules: the third layer of validation, for what a JSON Schema cannot say.

Runs only on a spec the schema layer accepted, on its typed, defaulted ``Spec``.
One module per rule family (paths, names, references, parameters, operations,
models); every rule has a stable code listed with its severity in ``codes.RULES``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.diagnostics import Diagnostic
from generator.spec.lint import (
    access,
    api,
    bodies,
    identifiers,
    literals,
    models,
    names,
    operations,
    pagination,
    parameters,
    paths,
    references,
    responses_types,
    slashes,
)
from generator.spec.lint.codes import RULES, Rule
from generator.spec.lint.context import Context
from generator.spec.load import LoadedSpec
from generator.spec.types import Spec

Check = Callable[[Context], Iterable[Diagnostic]]

CHECKS: tuple[Check, ...] = (
    paths.check_placeholders,
    paths.check_duplicate_routes,
    names.check_parameter_names,
    names.check_field_names,
    names.check_operation_names,
    names.check_resource_names,
    names.check_model_names,
    names.check_auth_arguments,
    names.check_rate_limit_attributes,
    references.check_types_parse,
    references.check_models_exist,
    references.check_auth_exists,
    references.check_replacements,
    references.check_unused_models,
    parameters.check_placement,
    parameters.check_defaults,
    parameters.check_enums,
    parameters.check_upload_kinds,
    operations.check_pagination,
    pagination.check_style_keys,
    pagination.check_next_page_source,
    pagination.check_paging_parameters,
    pagination.check_paging_fields,
    pagination.check_envelope_overrides,
    models.check_required_cycles,
    models.check_unions,
    models.check_union_cycles,
    identifiers.check_member_names,
    identifiers.check_auth_argument_names,
    identifiers.check_class_names,
    identifiers.check_transformed_names,
    identifiers.check_wire_names,
    literals.check_finite_numbers,
    api.check_base_url,
    api.check_package,
    api.check_envelope_keys,
    api.check_has_resources,
    bodies.check_body_methods,
    bodies.check_body_types,
    bodies.check_body_arguments,
    bodies.check_field_access,
    bodies.check_object_parameters,
    slashes.check_base_url_slash,
    slashes.check_path_slash,
    access.check_scheme_keys,
    access.check_servers,
    access.check_operation_base_urls,
    access.check_constant_headers,
    access.check_query_keys,
    access.check_head_operations,
    access.check_auth_groups,
    responses_types.check_success_responses,
    responses_types.check_response_bodies,
    responses_types.check_nested_nullable,
    responses_types.check_const,
    responses_types.check_extends,
    responses_types.check_shape_unions,
)


def run_rules(spec: Spec, source: LoadedSpec) -> list[Diagnostic]:
    """Every semantic problem in ``spec``; ``source`` locates them in its files."""
    context = Context(spec, source)
    return [diagnostic for check in CHECKS for diagnostic in check(context)]


__all__ = ["CHECKS", "RULES", "Rule", "run_rules"]
