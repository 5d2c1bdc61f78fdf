"""The intermediate model: plain frozen data that templates render.

Every decision (Python names, type annotations, parse expressions, imports) is made
by ``generator.model`` when it builds these objects; templates only read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class AuthSchemeModel:
    name: str
    kind: str  # "api_key" or "oauth2"
    header: str
    format: str
    argument: str
    description: str
    authorize_url: str | None
    token_url: str | None
    refresh: bool
    response_types: tuple[str, ...]
    grants: tuple[str, ...]
    token_model: str | None


@dataclass(frozen=True, slots=True)
class RateLimitModel:
    header: str
    attribute: str
    description: str
    reset: str | None


@dataclass(frozen=True, slots=True)
class FieldModel:
    json_name: str
    py_name: str
    annotation: str
    parse_code: str  # expression reading the field from the mapping ``data``
    required: bool
    nullable: bool
    type_label: str
    description: str
    enum: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class ModelClass:
    name: str
    description: str
    fields: tuple[FieldModel, ...]


@dataclass(frozen=True, slots=True)
class UnionVariant:
    value: Any
    model: str


@dataclass(frozen=True, slots=True)
class UnionClass:
    name: str
    parser_name: str
    description: str
    discriminator: str
    variants: tuple[UnionVariant, ...]


@dataclass(frozen=True, slots=True)
class ParamModel:
    wire: str
    py_name: str
    location: str
    annotation: str
    type_label: str
    required: bool
    default: Any
    has_default: bool
    path_default: Any
    enum: tuple[Any, ...]
    description: str
    style: str
    is_list: bool
    upload_kind_param: str | None
    upload_kind_values: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class OperationModel:
    resource: str
    name: str
    py_name: str
    sdk_path: str
    constant: str
    method: str
    path: str
    summary: str
    description: str
    anchor: str
    auth: tuple[str, ...]
    params: tuple[ParamModel, ...]
    returns_label: str
    returns_description: str
    return_annotation: str
    parse_code: str
    envelope: bool
    deprecation_message: str | None
    deprecation_reason: str
    replacement: str
    page_param: str | None
    page_start: int
    iter_name: str | None
    item_annotation: str
    model_imports: tuple[str, ...]
    departures: tuple[tuple[str, str, str], ...]

    def signature(self, *, for_iterator: bool = False) -> str:
        """The method's parameters: required first, then optional ones keyword-only."""
        shown = self._shown(for_iterator)
        parts = ["self"] + [f"{p.py_name}: {p.annotation}" for p in shown if p.required]
        optional = [
            f"{p.py_name}: {p.annotation} = None" for p in shown if not p.required
        ]
        if optional:
            parts += ["*", *optional]
        return ", ".join([*parts, "**options: Unpack[RequestOptions]"])

    def arguments(self, *, for_iterator: bool = False) -> str:
        """The dict literal handing the method's arguments to the runtime."""
        pairs = ", ".join(
            f'"{p.py_name}": {p.py_name}' for p in self._shown(for_iterator)
        )
        return "{" + pairs + "}"

    def _shown(self, for_iterator: bool) -> list[ParamModel]:
        # An iterator drives the page parameter itself.
        skipped = self.page_param if for_iterator else None
        return [p for p in self.params if p.py_name != skipped]


@dataclass(frozen=True, slots=True)
class ResourceModel:
    name: str
    attribute: str
    class_name: str
    async_class_name: str
    raw_class_name: str
    async_raw_class_name: str
    module: str
    description: str
    operations: tuple[OperationModel, ...]
    model_imports: tuple[str, ...]
    imports: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class ApiModel:
    spec_label: str
    name: str
    title: str
    version: str
    description: str
    base_url: str
    docs_url: str
    source_document: str
    package: str
    distribution: str
    sdk_version: str
    client_class: str
    async_client_class: str
    user_agent: str
    auth_schemes: tuple[AuthSchemeModel, ...]
    oauth: AuthSchemeModel | None
    oauth_client_id_argument: str | None
    envelope_data: str | None
    envelope_success: str | None
    envelope_status: str | None
    error_message_paths: tuple[str, ...]
    error_in_data: bool
    error_model: str | None
    rate_limits: tuple[RateLimitModel, ...]
    default_timeout: float
    default_max_retries: int
    models: tuple[ModelClass, ...]
    unions: tuple[UnionClass, ...]
    resources: tuple[ResourceModel, ...]
    constructor_arguments: tuple[str, ...]
    model_helpers: tuple[str, ...]

    @property
    def models_exports(self) -> list[str]:
        names = [m.name for m in self.models]
        for union in self.unions:
            names += [union.name, union.parser_name]
        return names

    @property
    def operation_count(self) -> int:
        return sum(len(r.operations) for r in self.resources)
