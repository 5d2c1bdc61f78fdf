"""Compare two snapshots: every difference becomes a ``Change`` with a rule code.

Pure: snapshots in, changes out, in a stable order (operations, then models, then
API-wide changes; each in the NEW spec's order, removals where they were).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.diagnostics import Location
from generator.diff.rules import RULES, param_code
from generator.diff.snapshot import (
    Field,
    Model,
    Operation,
    Param,
    Response,
    Snapshot,
)
from generator.spec.elements import JsonPath
from generator.spec.typeexpr import parse_type


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between OLD and NEW: its rule code, message and place."""

    code: str
    message: str
    operation: str | None
    model: str | None
    location: Location | None

    @property
    def kind(self) -> str:
        """breaking, feature, fix or docs, from the rule."""
        return RULES[self.code].kind

    @property
    def wire(self) -> bool:
        """Whether the change breaks a client that speaks HTTP directly."""
        return RULES[self.code].wire

    @property
    def sdk(self) -> bool:
        """Whether the change breaks code that calls the generated SDK."""
        return RULES[self.code].sdk


class _Changes:
    """Collects changes, locating each in NEW (or its nearest surviving ancestor)."""

    def __init__(self, new: Snapshot) -> None:
        self.new = new
        self.found: list[Change] = []

    def add(
        self,
        code: str,
        message: str,
        at: JsonPath,
        *,
        operation: str | None = None,
        model: str | None = None,
    ) -> None:
        assert code in RULES, code  # every code is declared in rules.py
        location = self.new.locate(at)
        self.found.append(Change(code, message, operation, model, location))


def compare(old: Snapshot, new: Snapshot) -> list[Change]:
    """Every change from ``old`` to ``new``."""
    changes = _Changes(new)
    for key in old.operations.keys() - new.operations.keys():
        op = old.operations[key]
        changes.add(
            "DIFF001",
            f"operation {key} ({op.method} {op.path}) was removed; "
            f"client.{op.sdk_name}() no longer exists",
            op.json_path,
            operation=key,
        )
    for key, op in new.operations.items():
        before = old.operations.get(key)
        if before is None:
            changes.add(
                "DIFF002",
                f"operation {key} ({op.method} {op.path}) was added",
                op.json_path,
                operation=key,
            )
        elif before != op:
            _operation(changes, before, op)
    for name in old.models.keys() - new.models.keys():
        changes.add("DIFF051", f"model {name} was removed", ("models",), model=name)
    for name, model in new.models.items():
        before_model = old.models.get(name)
        if before_model is None:
            changes.add(
                "DIFF052", f"model {name} was added", model.json_path, model=name
            )
        elif before_model != model:
            _model(changes, before_model, model)
    _api(changes, old, new)
    return sorted(changes.found, key=_order)


def _order(change: Change) -> tuple[int, str, int, int, str]:
    loc = change.location
    # Removals sort by what they touched; everything is grouped by file position.
    return (
        0 if change.operation else 1 if change.model else 2,
        loc.file if loc else "",
        loc.line if loc else 0,
        loc.column if loc else 0,
        change.code,
    )


def _operation(changes: _Changes, old: Operation, new: Operation) -> None:
    key = new.key

    def add(code: str, message: str, at: JsonPath = new.json_path) -> None:
        changes.add(code, f"{key}: {message}", at, operation=key)

    at = new.json_path
    if old.method != new.method:
        add(
            "DIFF003",
            f"method changed from {old.method} to {new.method}",
            (*at, "method"),
        )
    if old.path != new.path:
        add("DIFF004", f"path changed from {old.path} to {new.path}", (*at, "path"))
    if old.envelope != new.envelope:
        state = "wrapped in" if new.envelope else "no longer wrapped in"
        add("DIFF005", f"the response is now {state} the envelope", (*at, "envelope"))
    _params(changes, old, new)
    if old.returns != new.returns:
        add(
            "DIFF050",
            f"returns {new.returns or 'nothing'} instead of {old.returns or 'nothing'}",
            (*at, "returns"),
        )
    _auth(add, old.auth_options, new.auth_options, (*at, "auth"))
    _pagination(add, old, new, at)
    _responses(add, old, new, (*at, "responses"))
    _headers(add, old.headers, new.headers, (*at, "headers"))
    if old.base_url != new.base_url:
        add(
            "DIFF091",
            f"sent to {new.base_url or 'the client base URL'} instead of "
            f"{old.base_url or 'the client base URL'}",
            (*at, "base_url"),
        )
    if old.deprecated != new.deprecated:
        if new.deprecated:
            add("DIFF085", "deprecated", (*at, "deprecated"))
        else:
            add("DIFF086", "no longer deprecated", at)
    docs = (old.summary, old.description, old.returns_description)
    if docs != (new.summary, new.description, new.returns_description):
        add("DIFF095", "summary or description changed", at)


Options = tuple[tuple[str, ...], ...]


def _auth(add: Any, old: Options, new: Options, at: JsonPath) -> None:
    """Auth is alternatives (OR), each a group of schemes sent together (AND).

    No alternative at all accepts every caller. Tightened when a caller who could
    satisfy an old alternative satisfies no new one: each new alternative asks for
    a scheme that old alternative did not.
    """
    old_sets = [frozenset(group) for group in old] or [frozenset()]
    new_sets = [frozenset(group) for group in new] or [frozenset()]
    if set(old_sets) == set(new_sets):
        if old != new:
            add(
                "DIFF072",
                f"auth order changed from {_schemes(old)} to {_schemes(new)}",
                at,
            )
        return
    tightened = any(not any(n <= o for n in new_sets) for o in old_sets)
    code = "DIFF070" if tightened else "DIFF071"
    add(code, f"auth changed from {_schemes(old)} to {_schemes(new)}", at)


def _schemes(options: Options) -> str:
    if not options:
        return "none"
    return "[" + ", ".join(" + ".join(group) for group in options) + "]"


def _responses(add: Any, old: Operation, new: Operation, at: JsonPath) -> None:
    """Success statuses and how their bodies are read; error bodies; headers."""
    before = {r.status: r for r in old.responses}
    after = {r.status: r for r in new.responses}

    def success(responses: dict[str, Response]) -> dict[str, tuple[str, str]]:
        return {s: (r.type, r.body) for s, r in responses.items() if not r.is_error}

    if before and after and success(before) != success(after):
        add(
            "DIFF100",
            f"success responses {_statuses(success(before))} -> "
            f"{_statuses(success(after))}",
            at,
        )
    for status, response in before.items():
        now = after.get(status)
        if response.is_error and (now is None or now.type != response.type):
            what = "no longer declared" if now is None else f"now {now.type or 'none'}"
            add("DIFF101", f"error {status} ({response.type or 'none'}): {what}", at)
    for status, response in after.items():
        earlier = before.get(status)
        if earlier is None:
            if response.is_error:
                add(
                    "DIFF102",
                    f"error {status} ({response.type or 'none'}) declared",
                    at,
                )
            continue
        lost = [h for h in earlier.headers if h not in response.headers]
        gained = [h for h in response.headers if h not in earlier.headers]
        if lost:
            add("DIFF103", f"response {status} no longer has headers {lost}", at)
        if gained:
            add("DIFF104", f"response {status} has new headers {gained}", at)


def _statuses(by_status: dict[str, tuple[str, str]]) -> str:
    return ", ".join(f"{s} {t or b}" for s, (t, b) in sorted(by_status.items()))


def _headers(
    add: Any,
    old: tuple[tuple[str, str], ...],
    new: tuple[tuple[str, str], ...],
    at: JsonPath,
) -> None:
    before = {name.lower(): (name, value) for name, value in old}
    after = {name.lower(): (name, value) for name, value in new}
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key), after.get(key)
        if was == now:
            continue
        if now is None and was is not None:
            add("DIFF110", f"header {was[0]} is no longer sent", at)
        elif was is None and now is not None:
            add("DIFF110", f"header {now[0]}: {now[1]} is now sent", at)
        elif was is not None and now is not None:
            add("DIFF110", f"header {now[0]}: {was[1]} -> {now[1]}", at)


def _pagination(add: Any, old: Operation, new: Operation, at: JsonPath) -> None:
    if old.paginate == new.paginate:
        return
    if new.paginate is None:
        add("DIFF080", "no longer paginated: the iter_ method is gone", at)
    elif old.paginate is None:
        add("DIFF081", "now paginated: an iter_ method was added", (*at, "paginate"))
    else:
        add(
            "DIFF082",
            f"pagination changed from {old.paginate} to {new.paginate}",
            (*at, "paginate"),
        )


def _params(changes: _Changes, old: Operation, new: Operation) -> None:
    key = new.key
    old_by_wire = {p.wire: p for p in old.params}
    new_by_wire = {p.wire: p for p in new.params}
    removed = [p for p in old.params if p.wire not in new_by_wire]
    added = [p for p in new.params if p.wire not in old_by_wire]
    # Same Python name, new wire name: a wire rename, not a removal plus an addition.
    renamed: list[tuple[Param, Param]] = []
    for param in list(added):
        match = next((p for p in removed if p.py_name == param.py_name), None)
        if match is not None:
            renamed.append((match, param))
            removed.remove(match)
            added.remove(param)

    def add(code_offset: int, param: Param, message: str, at: JsonPath) -> None:
        what = "body field" if param.is_body else "parameter"
        code = param_code(code_offset, param.is_body)
        changes.add(code, f"{key}: {what} {message}", at, operation=key)

    for param in removed:
        add(2, param, f"'{param.wire}' was removed", new.json_path)
    for param in added:
        offset, state = (0, "required") if param.required else (1, "optional")
        add(offset, param, f"'{param.wire}' was added ({state})", param.json_path)
    for before, after in renamed:
        add(
            3,
            after,
            f"'{before.wire}' is now sent as '{after.wire}'",
            (*after.json_path, "name"),
        )
        _param(add, before, after)
    for param in new.params:
        if param.wire in old_by_wire and old_by_wire[param.wire] != param:
            _param(add, old_by_wire[param.wire], param)


def _param(add: Any, old: Param, new: Param) -> None:
    at = new.json_path
    name = f"'{new.wire}'"
    if old.py_name != new.py_name:
        add(
            4,
            new,
            f"{name} is now the keyword argument '{new.py_name}' "
            f"instead of '{old.py_name}'",
            (*at, "python_name"),
        )
    if old.location != new.location:
        add(13, new, f"{name} moved from {old.location} to {new.location}", (*at, "in"))
    if old.required != new.required:
        offset, state = (5, "required") if new.required else (6, "optional")
        add(offset, new, f"{name} is now {state}", at)
    if old.type != new.type:
        relation = type_relation(old.type, new.type, for_input=True)
        offset = {"narrowed": 8, "widened": 9}.get(relation, 7)
        add(offset, new, f"{name} type {old.type} -> {new.type}", (*at, "type"))
    lost = [v for v in old.enum if v not in new.enum] if new.enum else []
    gained = [v for v in new.enum if v not in old.enum] if old.enum else []
    if old.enum and not new.enum:
        add(11, new, f"{name} accepts any value now, not only {list(old.enum)}", at)
    if new.enum and not old.enum:
        add(10, new, f"{name} accepts only {list(new.enum)} now", (*at, "enum"))
    if lost:
        add(10, new, f"{name} no longer accepts {lost}", (*at, "enum"))
    if gained:
        add(11, new, f"{name} also accepts {gained}", (*at, "enum"))
    if (old.has_default, old.default) != (new.has_default, new.default):
        add(12, new, f"{name} default {old.default!r} -> {new.default!r}", at)
    if old.style != new.style:
        add(14, new, f"{name} list style {old.style} -> {new.style}", (*at, "style"))
    if old.description != new.description:
        add(15, new, f"{name} description changed", at)


def _model(changes: _Changes, old: Model, new: Model) -> None:
    name = new.name

    def add(code: str, message: str, at: JsonPath = new.json_path) -> None:
        changes.add(code, f"{name}: {message}", at, model=name)

    if (old.discriminator is None) != (new.discriminator is None):
        add("DIFF065", "changed between a union and a model with fields")
        return
    if old.discriminator is not None:
        if old.discriminator != new.discriminator:
            add(
                "DIFF062",
                f"discriminator {old.discriminator} -> {new.discriminator}",
            )
        for variant in old.variants:
            if variant not in new.variants:
                add("DIFF060", f"variant {variant[1]} ({variant[0]!r}) was removed")
        for variant in new.variants:
            if variant not in old.variants:
                add("DIFF061", f"variant {variant[1]} ({variant[0]!r}) was added")
    old_fields = {f.json_name: f for f in old.fields}
    new_fields = {f.json_name: f for f in new.fields}
    for field in old.fields:
        if field.json_name not in new_fields:
            add("DIFF053", f"field '{field.json_name}' was removed")
    for field in new.fields:
        before = old_fields.get(field.json_name)
        if before is None:
            add("DIFF054", f"field '{field.json_name}' was added", field.json_path)
        elif before != field:
            _field(add, before, field)
    if old.description != new.description:
        add("DIFF096", "description changed")


def _field(add: Any, old: Field, new: Field) -> None:
    at, name = new.json_path, f"field '{new.json_name}'"
    if old.py_name != new.py_name:
        add(
            "DIFF058",
            f"{name} is now the attribute '{new.py_name}' instead of '{old.py_name}'",
            (*at, "python_name"),
        )
    if old.type != new.type:
        add("DIFF055", f"{name} type {old.type} -> {new.type}", (*at, "type"))
    if new.nullable and not old.nullable:
        add("DIFF056", f"{name} may now be null", (*at, "nullable"))
    if old.required and not new.required:
        add("DIFF057", f"{name} may now be absent", at)
    if (new.required and not old.required) or (old.nullable and not new.nullable):
        add("DIFF063", f"{name} is now always present or never null", at)
    if [v for v in new.enum if v not in old.enum] and old.enum:
        add("DIFF059", f"{name} has new enum values", (*at, "enum"))
    if [v for v in old.enum if v not in new.enum] and new.enum:
        add("DIFF064", f"{name} lost enum values", (*at, "enum"))
    if old.description != new.description:
        add("DIFF096", f"{name} description changed", at)


def _api(changes: _Changes, old: Snapshot, new: Snapshot) -> None:
    if old.base_url != new.base_url:
        changes.add(
            "DIFF090",
            f"base URL changed from {old.base_url} to {new.base_url}",
            ("api", "base_url"),
        )
    for name in old.auth.keys() - new.auth.keys():
        changes.add("DIFF073", f"auth scheme {name} was removed", ("auth",))
    for name, scheme in new.auth.items():
        before = old.auth.get(name)
        if before is None:
            changes.add("DIFF074", f"auth scheme {name} was added", ("auth", name))
            continue
        if before.argument != scheme.argument:
            changes.add(
                "DIFF076",
                f"auth scheme {name}: the client argument is now "
                f"'{scheme.argument}' instead of '{before.argument}'",
                ("auth", name, "argument"),
            )
        if (before.kind, before.header, before.format) != (
            scheme.kind,
            scheme.header,
            scheme.format,
        ):
            changes.add(
                "DIFF075",
                f"auth scheme {name}: credentials are sent differently",
                ("auth", name),
            )

    def api_header(code: str, message: str, at: JsonPath) -> None:
        changes.add(code, f"every call: {message}", at)

    _headers(api_header, old.headers, new.headers, ("api", "headers"))
    for name, url in old.servers.items():
        moved = new.servers.get(name)
        if moved != url:
            now = "was removed" if moved is None else f"moved from {url} to {moved}"
            changes.add("DIFF092", f"server {name} {now}", ("api", "servers"))
    for name, url in new.servers.items():
        if name not in old.servers:
            changes.add(
                "DIFF093", f"server {name} ({url}) was added", ("api", "servers")
            )
    if (old.title, old.description) != (new.title, new.description):
        changes.add("DIFF097", "API title or description changed", ("api",))


def type_relation(old: str, new: str, *, for_input: bool) -> str:
    """How NEW's type relates to OLD's: 'narrowed', 'widened' or 'changed'.

    Narrowed when NEW accepts fewer values than OLD, widened when more, changed
    when neither contains the other.
    """
    if _accepts(parse_type(old), parse_type(new)):
        return "widened" if not for_input else "narrowed"
    if _accepts(parse_type(new), parse_type(old)):
        return "widened" if for_input else "narrowed"
    return "changed"


def _accepts(wide: Any, narrow: Any) -> bool:
    """Does every value of type ``narrow`` also belong to type ``wide``?"""
    if str(wide) == str(narrow) or str(wide) == "any":
        return True
    if str(wide) == "number" and str(narrow) == "integer":
        return True
    if wide.kind in ("list", "map") and wide.kind == narrow.kind:
        return _accepts(wide.item, narrow.item)
    return False
