"""The semantic rules' stable codes, severities and one-line titles.

One table, so the severity of a code is decided in one place and the table can be
printed in documentation. Codes never change meaning; retired codes are not reused.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diagnostics import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """A semantic rule: its stable code, severity and one-line title."""

    code: str
    severity: Severity
    title: str


_E, _W = Severity.ERROR, Severity.WARNING

RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        # paths.py
        Rule("SPEC101", _E, "path placeholder without a path parameter"),
        Rule("SPEC102", _E, "path parameter without a placeholder in the path"),
        Rule("SPEC103", _E, "placeholder used twice in one path"),
        Rule("SPEC104", _E, "malformed path placeholder"),
        Rule("SPEC105", _E, "two operations with the same method and path"),
        # names.py
        Rule("SPEC111", _E, "name is not a valid Python identifier"),
        Rule("SPEC112", _E, "two parameters of an operation share a Python name"),
        Rule("SPEC113", _E, "two fields of a model share a Python name"),
        Rule("SPEC114", _E, "iter_<operation> collides with another operation"),
        Rule("SPEC115", _E, "model name unusable as a Python class name"),
        Rule("SPEC116", _E, "two operations of a resource share a Python name"),
        Rule("SPEC117", _E, "two auth schemes share a constructor argument"),
        Rule("SPEC118", _E, "two rate-limit headers share an attribute"),
        Rule("SPEC119", _E, "two resources share a Python name"),
        # references.py
        Rule("SPEC121", _E, "type expression cannot be parsed"),
        Rule("SPEC122", _E, "reference to a model that does not exist"),
        Rule("SPEC123", _E, "reference to an auth scheme that does not exist"),
        Rule("SPEC124", _E, "deprecated.replacement names no other operation"),
        Rule("SPEC125", _W, "model is never used"),
        # parameters.py
        Rule("SPEC131", _E, "form parameter on a GET or DELETE operation"),
        Rule("SPEC132", _E, "file parameter on an operation other than POST/PUT/PATCH"),
        Rule("SPEC133", _E, "'in: file' and 'type: file' must go together"),
        Rule("SPEC134", _E, "default value does not fit the type"),
        Rule("SPEC135", _E, "default value is not one of the enum values"),
        Rule("SPEC136", _E, "enum value does not fit the type"),
        Rule("SPEC137", _E, "required parameter with a default"),
        Rule("SPEC138", _E, "upload_kind misused"),
        Rule("SPEC139", _W, "path parameter marked 'required: false'"),
        # operations.py
        Rule("SPEC141", _E, "pagination parameter is not a parameter of the operation"),
        Rule("SPEC142", _E, "paginated operation does not return a list"),
        Rule("SPEC143", _E, "pagination size parameter is not a parameter of it"),
        # pagination.py
        Rule("SPEC144", _E, "pagination style lacks where the next page comes from"),
        Rule("SPEC145", _E, "pagination key that its style does not use"),
        Rule("SPEC146", _E, "offset, cursor or token parameter is not in query"),
        Rule("SPEC147", _E, "pagination 'items' does not lead to a list"),
        Rule("SPEC148", _E, "cursor_from_item is not a field of the items"),
        Rule("SPEC149", _W, "offset pagination without a limit parameter"),
        Rule("SPEC170", _E, "next_url or link pagination on a non-GET operation"),
        Rule("SPEC171", _E, "parameter named like the iterator's max_items"),
        Rule("SPEC172", _E, "operation envelope without data for a returned payload"),
        Rule("SPEC174", _W, "operation envelope error key without a success flag"),
        # models.py
        Rule("SPEC151", _E, "models require each other in a cycle no data can end"),
        Rule("SPEC152", _E, "union variant is itself a union"),
        Rule("SPEC153", _E, "union variant lacks the discriminator field"),
        Rule("SPEC154", _E, "two union variants share a discriminator value"),
        Rule("SPEC155", _E, "discriminator value does not fit the field's type"),
        Rule("SPEC156", _E, "models require each other through a union in a cycle"),
        # identifiers.py
        Rule("SPEC161", _E, "name is one the generated code uses for itself"),
        Rule("SPEC162", _E, "class name is one the generated package already uses"),
        Rule("SPEC163", _E, "names become the same after case folding or constants"),
        Rule("SPEC169", _E, "two parameters are sent under one name in one place"),
        # literals.py
        Rule("SPEC164", _E, "number is NaN or infinite"),
        # api.py
        Rule("SPEC165", _E, "base_url is not a usable http(s) URL"),
        Rule("SPEC166", _E, "package shadows a standard or dependency module"),
        Rule("SPEC167", _E, "two envelope roles share one key"),
        Rule("SPEC168", _E, "the spec has no resources"),
        # bodies.py
        Rule("SPEC241", _W, "request body on a GET or HEAD operation"),
        Rule("SPEC242", _E, "body type does not fit its raw or file media type"),
        Rule("SPEC243", _W, "multipart body whose model has no file field"),
        Rule("SPEC244", _E, "body field takes a parameter's Python name"),
        Rule("SPEC245", _E, "name clashes with the body's own arguments"),
        Rule("SPEC246", _E, "form or multipart body whose type is no object"),
        Rule("SPEC247", _E, "parameter of model or map type (use 'body:')"),
        Rule("SPEC248", _E, "body beside form or file parameters"),
        Rule("SPEC249", _E, "field both read_only and write_only"),
        Rule("SPEC250", _E, "body field's argument name is one the method keeps"),
        # slashes.py
        Rule("SPEC191", _W, "base_url ends with a slash"),
        Rule("SPEC192", _W, "operation path ends with a slash"),
        # access.py
        Rule("SPEC211", _E, "auth scheme key its type does not use"),
        Rule("SPEC212", _E, "server url placeholder without a declared variable"),
        Rule("SPEC213", _W, "server variable the url does not use"),
        Rule("SPEC214", _E, "server variable default outside its enum"),
        Rule("SPEC215", _E, "two servers share a name"),
        Rule("SPEC216", _E, "operation base_url unusable or with a trailing slash"),
        Rule("SPEC217", _E, "constant header replaces a credential header"),
        Rule("SPEC218", _E, "HEAD operation declares a return value"),
        Rule("SPEC219", _E, "query parameter named like an API key in the query"),
        Rule("SPEC220", _E, "AND group whose schemes send to the same place"),
        # responses_types.py
        Rule("SPEC181", _E, "both 'returns' and a declared success response"),
        Rule("SPEC182", _W, "a success response without a body beside a typed one"),
        Rule("SPEC184", _W, "union variant never chosen: an earlier one shadows it"),
        Rule("SPEC185", _E, "models extend each other in a cycle"),
        Rule("SPEC186", _E, "model extends a union"),
        Rule("SPEC187", _E, "const value does not fit the field's type or enum"),
        Rule("SPEC188", _E, "nullable[nullable[T]]"),
        Rule("SPEC189", _E, "binary or text response body typed as a model"),
    )
}
