"""The intermediate model: plain frozen data that templates render.

Every decision (Python names, type annotations, parse expressions, imports) is made
by ``generator.model`` when it builds these objects; templates only read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.escaping import pyrepr, pystr
from generator.layout import LINE_LENGTH, DictLiteral, Item, bracketed, parse_call


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
    env: str | None = None  # environment variable read when the argument is not given


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

    @property
    def renamed(self) -> bool:
        """Whether the Python name differs from the JSON key (``from`` -> ``from_``)."""
        return self.py_name != self.json_name


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

    @property
    def code(self) -> str:
        """The runtime's ``Param(...)`` describing this parameter."""
        parts = [pystr(self.py_name), pystr(self.wire), pystr(self.location)]
        if self.is_list and self.style != "repeat":
            parts.append(f"style={pystr(self.style)}")
        if self.path_default is not None:
            parts.append(f"default={pyrepr(self.path_default)}")
        if self.upload_kind_param:
            values = ", ".join(
                f"{pystr(k)}: {pystr(v)}" for k, v in self.upload_kind_values
            )
            parts.append(f"upload_kind_param={pystr(self.upload_kind_param)}")
            parts.append(f"upload_kind_values={{{values}}}")
        return "Param(" + ", ".join(parts) + ")"


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

    def method_def(self, *, is_async: bool, for_iterator: bool = False) -> str:
        """The ``def`` line(s) of the method: required parameters first, then
        optional ones keyword-only."""
        shown = self._shown(for_iterator)
        # An iterator's page parameter is optional: the page to start from.
        starts = self.page_param if for_iterator else None
        required = [p for p in shown if p.required and p.py_name != starts]
        items = ["self"] + [f"{p.py_name}: {p.annotation}" for p in required]
        optional = [
            f"{p.py_name}: {p.annotation} = None" for p in shown if p not in required
        ]
        if optional:
            items += ["*", *optional]
        items.append("**request_options: Unpack[RequestOptions]")
        if for_iterator:
            kind = "AsyncIterator" if is_async else "Iterator"
            head, returns = f"def {self.iter_name}(", f"{kind}[{self.item_annotation}]"
        else:
            prefix = "async " if is_async else ""
            head, returns = f"{prefix}def {self.py_name}(", self.return_annotation
        return bracketed(head, items, f") -> {returns}:", 4)

    def call_statement(self, *, is_async: bool, for_iterator: bool = False) -> str:
        """The ``return`` statement handing the arguments to the runtime."""
        if for_iterator:
            head = "return self._client.paginate("
        else:
            head = f"return {'await ' if is_async else ''}self._client.call("
        arguments = DictLiteral(
            tuple(f'"{p.py_name}": {p.py_name}' for p in self._shown(for_iterator))
        )
        return bracketed(head, [self.constant, arguments, "request_options"], ")", 8)

    @property
    def params_field(self) -> str:
        """The ``params=(...)`` line(s) of the operation's definition."""
        return _tuple_field("params", [parse_call(p.code) for p in self.params])

    @property
    def auth_field(self) -> str:
        return _tuple_field("auth", [pystr(name) for name in self.auth])

    def _shown(self, for_iterator: bool) -> list[ParamModel]:
        # An iterator takes the page parameter too, as the page to start from.
        return list(self.params)


def _tuple_field(name: str, items: Sequence[Item]) -> str:
    if len(items) == 1:
        one_line = f"    {name}=({_one_line(items[0])},),"
        if len(one_line) <= LINE_LENGTH:
            return one_line
    return bracketed(f"{name}=(", items, "),", 4, literal=True)


def _one_line(item: Item) -> str:
    return item if isinstance(item, str) else item.one_line()


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
    rate_limits: tuple[RateLimitModel, ...]
    default_timeout: float
    default_max_retries: int
    models: tuple[ModelClass, ...]
    unions: tuple[UnionClass, ...]
    resources: tuple[ResourceModel, ...]
    constructor_arguments: tuple[str, ...]
    model_helpers: tuple[str, ...]
    request_id_header: str | None = None

    @property
    def models_exports(self) -> list[str]:
        names = [m.name for m in self.models]
        for union in self.unions:
            names += [union.name, union.parser_name]
        return names

    @property
    def operation_count(self) -> int:
        return sum(len(r.operations) for r in self.resources)
