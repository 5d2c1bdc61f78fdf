"""Check a loaded spec against the JSON Schema and say what is wrong in people's words.

The schema layer of validation (``generator.spec.validate``): every error that
``Draft202012Validator.iter_errors`` finds becomes a Diagnostic at the line of the
offending node, naming the spec element ("in operation album.get"), the allowed
choices and, where a near miss is likely, a "did you mean". For oneOf/anyOf failures
only the most relevant branch is reported (``jsonschema.exceptions.best_match``).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from generator.diagnostics import Diagnostic, Location, Severity
from generator.resources import load_schema
from generator.spec.elements import describe, dotted, subject
from generator.spec.flow_pitfalls import comma_split
from generator.spec.load import LoadedSpec
from generator.spec.schema.cache import SchemaCache
from generator.spec.schema.homes import elsewhere
from generator.spec.schema.regex import EcmaValidator
from generator.spec.schema.words import (
    allowed_choices,
    describe_value,
    expected_type,
    pattern_words,
    property_description,
)
from generator.spec.typeexpr import PRIMITIVES

UNKNOWN_KEY = "SPEC020"
WRONG_TYPE = "SPEC021"
NOT_ALLOWED_VALUE = "SPEC022"
MISSING_KEY = "SPEC023"
BAD_FORM = "SPEC024"
OUT_OF_RANGE = "SPEC025"
CONFLICTING_KEYS = "SPEC026"
OTHER_SCHEMA = "SPEC027"


@cache
def spec_validator() -> Draft202012Validator:
    """The validator, built once per process and reused for every file.

    Its ``pattern`` keyword follows ECMA regexes (``generator.schema_regex``).
    """
    validator: Draft202012Validator = EcmaValidator(load_schema())
    return validator


def check_schema(spec: LoadedSpec) -> list[Diagnostic]:
    """Every place where the merged spec does not follow the JSON Schema."""
    found: dict[tuple[str, str, str], Diagnostic] = {}
    cache = SchemaCache.open()
    document, fresh = cache.split(spec.document)
    for error in spec_validator().iter_errors(document):
        for diagnostic in _rewrite(_most_relevant(error), spec):
            # jsonschema reports each missing key of one object separately; the
            # rewritten message already names them all.
            key = (diagnostic.code, diagnostic.json_path, diagnostic.message)
            found.setdefault(key, diagnostic)
    if not found:
        cache.remember(fresh)
    return list(found.values())


def _most_relevant(error: ValidationError) -> ValidationError:
    """For a failed oneOf/anyOf, the branch error that explains the most."""
    if error.validator in ("oneOf", "anyOf") and error.context and not _is_model(error):
        return _most_relevant(best_match(error.context))
    return error


def _is_model(error: ValidationError) -> bool:
    return "union" in _schema(error).get("properties", {})


# jsonschema types these attributes loosely (they may be "unset"); every error that
# reaches us comes from a real check, so they are always there.
def _schema(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _value(error: ValidationError) -> Any:
    return error.validator_value


def _instance(error: ValidationError) -> Any:
    return error.instance


def _rewrite(error: ValidationError, spec: LoadedSpec) -> Iterator[Diagnostic]:
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        yield from _unknown_keys(error, path, spec)
        return
    if "propertyNames" in error.relative_schema_path:
        yield _bad_name(error, path, spec)
        return
    if error.validator == "required" and not _missing_keys(error):
        return  # every missing key is misspelled: the unknown-key error says so
    rewrite = _REWRITERS.get(str(error.validator), _other)
    code, message, hint = rewrite(error, subject(path, spec.document))
    yield _diagnostic(code, message, hint, spec.locate(path), path)


def _diagnostic(
    code: str,
    message: str,
    hint: str | None,
    location: Location | None,
    path: tuple[str | int, ...],
) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, location, hint, dotted(path))


def _unknown_keys(
    error: ValidationError, path: tuple[str | int, ...], spec: LoadedSpec
) -> Iterator[Diagnostic]:
    allowed = sorted(_schema(error).get("properties", {}))
    where = subject(path, spec.document)
    for key in _instance(error):
        if key in allowed:
            continue
        home = elsewhere(str(key), allowed)
        close = _near_misses(str(key), allowed)
        if home:
            guess = f"; {home}"
        else:
            guess = f"; did you mean '{close[0]}'?" if close else ""
        message = f"unknown key '{key}' in {where}{guess}"
        hint = "allowed keys: " + ", ".join(allowed)
        key_path = (*path, key)
        location = spec.locate_key(key_path)
        split = _comma_split(_instance(error), key, path, spec)
        if split:
            message = f"unknown key '{key}' in {where}: the end of '{split[0]}', "
            message += "cut off at a comma"
            hint = split[1]
        yield _diagnostic(UNKNOWN_KEY, message, hint, location, key_path)


def _comma_split(
    instance: dict[str, Any],
    key: str,
    path: tuple[str | int, ...],
    spec: LoadedSpec,
) -> tuple[str, str] | None:
    """What ``{description: Page number, from 1.}`` means (see ``flow_pitfalls``)."""
    if instance.get(key, 0) is not None:
        return None  # the common case: a key with a value was no comma's doing
    pairs: list[tuple[str, object, object]] = []
    for name, value in instance.items():
        location = spec.locate_key((*path, name))
        line = (location.file, location.line) if location else None
        pairs.append((name, value, line))
    return comma_split(pairs, list(instance).index(key))


_NAME_KINDS = {
    "resources": "resource name",
    "operations": "operation name",
    "models": "model name",
    "fields": "field name",
    "auth": "auth scheme name",
}


def _bad_name(
    error: ValidationError, path: tuple[str | int, ...], spec: LoadedSpec
) -> Diagnostic:
    key = str(_instance(error))
    kind = _NAME_KINDS.get(str(path[-1]) if path else "", "name")
    element, _rest = describe(path, spec.document)
    where = "" if element.startswith("section") else f" in {element}"
    words = _constraint_words(error)
    message = f"{kind} '{key}'{where} {words}"
    key_path = (*path, key)
    return _diagnostic(BAD_FORM, message, None, spec.locate_key(key_path), key_path)


def _constraint_words(error: ValidationError) -> str:
    if error.validator == "pattern":
        return pattern_words(str(_value(error)), _schema(error))
    if error.validator == "maxLength":
        return f"is too long (at most {_value(error)} characters)"
    return f"is not valid: {error.message}"


Rewrite = Callable[[ValidationError, str], tuple[str, str, str | None]]


def _wrong_type(error: ValidationError, where: str) -> tuple[str, str, str | None]:
    expected = expected_type(_value(error))
    instance = _instance(error)
    # YAML reads 3, 1.0 and yes as numbers and booleans; quotes keep them text.
    quotable = isinstance(instance, (int, float, bool)) and "string" in expected
    hint = "put the value in quotes to make it a string" if quotable else None
    return (
        WRONG_TYPE,
        f"{where}: expected {expected}, got {describe_value(instance)}",
        hint,
    )


def _not_allowed(error: ValidationError, where: str) -> tuple[str, str, str | None]:
    choices = allowed_choices(error)
    message = f"{where} must be one of {', '.join(map(str, choices))}"
    message += f"; got {describe_value(_instance(error))}"
    return NOT_ALLOWED_VALUE, message, _did_you_mean(_instance(error), choices)


def _did_you_mean(value: Any, choices: list[Any]) -> str | None:
    texts = [str(c) for c in choices]
    by_case = {t.lower(): t for t in texts}
    close = difflib.get_close_matches(str(value), texts, n=1)
    match = by_case.get(str(value).lower()) or (close[0] if close else None)
    return f"did you mean '{match}'?" if match else None


def _near_misses(key: str, allowed: list[str]) -> list[str]:
    """The allowed key ``key`` may be a misspelling of; none for a key of the format.

    A key that the format accepts elsewhere is in the wrong place, not misspelt:
    ``responses`` is not a typo of ``resources``.
    """
    if elsewhere(key, allowed):
        return []
    return difflib.get_close_matches(key, allowed, n=1)


def _missing_keys(error: ValidationError) -> list[str]:
    """Required keys that are absent and not present under a near-miss spelling."""
    instance = _instance(error)
    allowed = _schema(error).get("properties", {})
    spelled = {
        close
        for key in instance
        if key not in allowed
        for close in _near_misses(str(key), sorted(allowed))
    }
    return [k for k in _value(error) if k not in instance and k not in spelled]


def _missing(error: ValidationError, where: str) -> tuple[str, str, str | None]:
    missing = _missing_keys(error)
    listed = " and ".join(f"'{key}'" for key in missing)
    hint = None
    if len(missing) == 1:
        hint = property_description(_schema(error), missing[0], load_schema())
    return MISSING_KEY, f"{where} is missing {listed}", hint


def _bad_pattern(error: ValidationError, where: str) -> tuple[str, str, str | None]:
    words = pattern_words(str(_value(error)), _schema(error))
    message = f"{where} {words}; got {describe_value(_instance(error))}"
    hint = None
    if _schema(error).get("description", "").startswith("A type:"):
        close = difflib.get_close_matches(
            str(_instance(error)), sorted(PRIMITIVES), n=1
        )
        hint = f"did you mean '{close[0]}'?" if close else None
    return BAD_FORM, message, hint


def _out_of_range(error: ValidationError, where: str) -> tuple[str, str, str | None]:
    limit = _value(error)
    words = {
        "minLength": "must not be empty" if limit == 1 else f"needs {limit}+ chars",
        "maxLength": f"is too long (at most {limit} characters)",
        "minItems": f"needs at least {limit} item(s)",
        "maxItems": f"may have at most {limit} item(s)",
        "minProperties": f"needs at least {limit} entr{'y' if limit == 1 else 'ies'}",
        "minimum": f"must be at least {limit}",
        "maximum": f"must be at most {limit}",
        "exclusiveMinimum": f"must be greater than {limit}",
        "exclusiveMaximum": f"must be less than {limit}",
        "uniqueItems": "lists the same value more than once",
    }[str(error.validator)]
    shown = (
        ""
        if isinstance(_instance(error), (dict, list))
        else describe_value(_instance(error))
    )
    return OUT_OF_RANGE, f"{where} {words}" + (f"; got {shown}" if shown else ""), None


def _model_shape(error: ValidationError, where: str) -> tuple[str, str, str | None]:
    keys = _instance(error) if isinstance(_instance(error), dict) else {}
    if "fields" in keys and "union" in keys:
        message = f"{where} has both 'fields' and 'union'"
        return CONFLICTING_KEYS, message, "a model is either an object or a union"
    message = f"{where} needs 'fields' (an object) or 'union' (one of several models)"
    return MISSING_KEY, message, None


def _forbidden_keys(error: ValidationError, where: str) -> tuple[str, str, str | None]:
    keys = _instance(error) if isinstance(_instance(error), dict) else {}
    branches = _value(error).get("anyOf", [])
    named = [k for b in branches for k in b.get("required", []) if k in keys]
    if not named:
        return _other(error, where)
    listed = ", ".join(f"'{k}'" for k in named)
    message = f"{where} sets {listed}, which only oauth2 schemes use"
    them = "them" if len(named) > 1 else "it"
    return CONFLICTING_KEYS, message, f"remove {them}, or set 'type: oauth2'"


def _one_of(error: ValidationError, where: str) -> tuple[str, str, str | None]:
    if _is_model(error):
        return _model_shape(error, where)
    return _other(error, where)


def _other(error: ValidationError, where: str) -> tuple[str, str, str | None]:
    return OTHER_SCHEMA, f"{where}: {error.message}", None


_REWRITERS: dict[str, Rewrite] = {
    "type": _wrong_type,
    "enum": _not_allowed,
    "const": _not_allowed,
    "required": _missing,
    "pattern": _bad_pattern,
    "oneOf": _one_of,
    "anyOf": _other,
    "not": _forbidden_keys,
    **dict.fromkeys(
        (
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minProperties",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "uniqueItems",
        ),
        _out_of_range,
    ),
}
