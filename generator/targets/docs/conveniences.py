"""Runnable examples of the SDK's conveniences, one complete program each.

The guide (``docs/index.md``) and the README show each convenience with a
program built from the spec's own operations: the quick start's call, a paged
operation, an upload. Like ``examples``, values are Python literals made here
(``json.dumps`` for text from the spec), never spec text spliced into code, and
the docs tests run every program against a mock transport.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.model.api import ApiModel, OperationModel
from generator.targets.docs.examples import (
    EXAMPLE_UPLOAD,
    Example,
    build_example,
    credential_scheme,
    opening_line,
    pick_operation,
    placeholder,
)

__all__ = ["DOWNLOAD_URL", "Conveniences", "build_conveniences"]

# A file the docs' download example fetches: any host but the API's own (the
# docs tests answer it with a few bytes).
DOWNLOAD_URL = "https://files.example.com/example.png"


@dataclass(frozen=True, slots=True)
class Conveniences:
    """One program per convenience; "" where the API has nothing to show it with."""

    environment: str  # credentials from environment variables
    auth_scheme: str  # a per-call choice of credential
    deadline: str  # the call deadline and per-phase timeouts
    upload: str  # uploads from a path and from an open file
    download: str  # client.download(...)
    streaming: str  # with_streaming_response
    streaming_async: str  # the same with the async client
    pages: str  # iter_ from a start page, and raw pages
    models: str  # to_dict() and to_json()
    errors: str  # the request and request id of an error
    threads: str  # one client shared by threads
    glance: str  # the README's few lines over several of them


def build_conveniences(api: ApiModel, quick: Example | None) -> Conveniences | None:
    """The programs for ``api``; ``None`` when it has no operation to call."""
    if quick is None:
        return None
    paged = pick_operation(
        api, lambda op: op.paging is not None and op.paging.style == "page"
    ) or pick_operation(api, lambda op: op.iter_name is not None)
    upload = pick_operation(
        api, lambda op: any(p.location == "file" and p.required for p in op.params)
    )
    return Conveniences(
        environment=_environment(api, quick),
        auth_scheme=_auth_scheme(api),
        deadline=_deadline(api, quick),
        upload=_upload(api, upload) if upload else "",
        download=_download(api, quick),
        streaming=_streaming(api, quick),
        streaming_async=_streaming_async(api, quick),
        pages=_pages(api, paged) if paged else "",
        models=_models(api, quick),
        errors=_errors(api, quick),
        threads=_threads(api, quick),
        glance=_glance(api, quick),
    )


def _program(
    api: ApiModel,
    example: Example,
    body: list[str],
    *,
    modules: tuple[str, ...] = (),
    names: tuple[str, ...] = (),
    credentials: tuple[str, ...] | None = None,
    calls: bool = True,
) -> str:
    """``import``s, ``with Client(...) as client:`` and ``body`` (indented once)."""
    lines = [f"import {module}" for module in sorted(modules)]
    if lines:
        lines.append("")
    imported = ", ".join(sorted({api.client_class, *example.imports, *names}))
    lines += [f"from {api.package} import {imported}", ""]
    given = example.credentials if credentials is None else credentials
    lines.append(opening_line(f"with {api.client_class}(", given))
    if example.deprecated and calls and not any("# Deprecated" in b for b in body):
        body = ["# Deprecated: this call warns with DeprecationWarning.", *body]
    lines += ["    " + line if line else "" for line in body]
    return "\n".join(lines) + "\n"


def _with_option(call: str, option: str) -> str:
    head = call[:-1]
    return f"{head}{'' if head.endswith('(') else ', '}{option})"


def _after_resource(call: str, member: str) -> str:
    """``client.res.op(...)`` -> ``client.res.<member>.op(...)``."""
    client, resource, rest = call.split(".", 2)
    return f"{client}.{resource}.{member}.{rest}"


def _use(example: Example, call: str) -> list[str]:
    """Lines that make ``call`` and print what it returns."""
    head = []
    if example.deprecated:
        head.append("# Deprecated: this call warns with DeprecationWarning.")
    if example.loop:
        return [*head, f"for {example.target} in {call}:", f"    print({example.show})"]
    if example.target:
        return [*head, f"{example.target} = {call}", f"print({example.show})"]
    return [*head, call, 'print("done")']


def _environment(api: ApiModel, quick: Example) -> str:
    op = _quick_op(api, quick)
    if op is None or not _reads_env(api, op):
        # The quick call's credential has no variable: show a call whose has.
        op = pick_operation(api, lambda candidate: _reads_env(api, candidate))
        if op is None:
            return ""
        quick = build_example(api, op)
    scheme = credential_scheme(api, op.auth)
    assert scheme is not None and scheme.env  # _reads_env said so
    variable = json.dumps(scheme.env)
    value = json.dumps(f"YOUR_{scheme.argument.upper()}")
    names = ", ".join(sorted({api.client_class, *quick.imports}))
    lines = [
        "import os",
        "",
        f"from {api.package} import {names}",
        "",
        "# Usually set outside the program (a shell, a container, a secrets manager):",
        f"os.environ.setdefault({variable}, {value})",
        *(
            [
                f"os.environ.setdefault({json.dumps(scheme.password_env)}, "
                f"{json.dumps('YOUR_' + scheme.password_argument.upper())})"
            ]
            if scheme.password_env and scheme.password_argument
            else []
        ),
        "",
        f"with {api.client_class}() as client:  # reads the variable",
    ]
    lines += ["    " + line for line in _use(quick, quick.call)]
    return "\n".join(lines) + "\n"


def _reads_env(api: ApiModel, op: OperationModel) -> bool:
    """Whether ``op``'s example credential is one a variable alone can supply."""
    scheme = credential_scheme(api, op.auth)
    if scheme is None or not scheme.env:
        return False
    lone = (scheme.name,) in op.auth_options  # not only as part of an AND group
    return lone and (scheme.password_argument is None or bool(scheme.password_env))


def _auth_scheme(api: ApiModel) -> str:
    """A call that names the credential to send, from a client holding several."""
    op = pick_operation(api, lambda op: len(op.auth) > 1) or pick_operation(
        api, lambda op: bool(op.auth)
    )
    if op is None:
        return ""
    example = build_example(api, op)
    held = [s for s in api.auth_schemes if s.name in op.auth]
    chosen = credential_scheme(api, op.auth)
    assert chosen is not None  # op.auth is not empty
    credentials = tuple(placeholder(s.argument) for s in held)
    call = _with_option(example.call, f"auth_scheme={json.dumps(chosen.name)}")
    comment = "# Sent with that scheme's credential only, whatever else it holds:"
    body = [comment, *_use(example, call)]
    return _program(api, example, body, credentials=credentials)


def _deadline(api: ApiModel, quick: Example) -> str:
    body = [
        "# At most 10 seconds for this call, retries and the waits between included:",
        *_use(quick, _with_option(quick.call, "timeout=10.0")),
        "# Per-phase limits only (connect, each read), no overall deadline:",
        *_use(
            quick, _with_option(quick.call, "timeout=httpx.Timeout(30.0, connect=5.0)")
        ),
    ]
    return _program(api, quick, body, modules=("httpx",))


def _upload(api: ApiModel, op: OperationModel) -> str:
    example = build_example(api, op)
    from_path = f"Upload.from_path({json.dumps(EXAMPLE_UPLOAD)})"
    from_file = example.call.replace(from_path, "Upload.from_file(file)")
    body = [
        "# From a path: streamed in 64 KiB pieces, never read whole.",
        *_use(example, example.call),
        "# From an open binary file, streamed from where it stands:",
        f'with open({json.dumps(EXAMPLE_UPLOAD)}, "rb") as file:',
        *["    " + line for line in _use(example, from_file)],
    ]
    return _program(api, example, body, names=("Upload",))


def _download(api: ApiModel, quick: Example) -> str:
    body = [
        f'size = client.download({json.dumps(DOWNLOAD_URL)}, "example.png")',
        'print(size, "bytes saved")',
    ]
    return _program(api, quick, body, calls=False)


def _streaming(api: ApiModel, quick: Example) -> str:
    call = _after_resource(quick.call, "with_streaming_response")
    body = [
        "# The body stays on the connection until read; the block closes it.",
        f"with {call} as response:",
        '    print(response.status_code, response.headers.get("content-type"))',
        "    for chunk in response.iter_bytes(65536):",
        "        print(len(chunk))",
        "# Or read it whole, into what the method returns:",
        f"with {call} as response:",
        "    print(response.parse())",
    ]
    return _program(api, quick, body)


def _streaming_async(api: ApiModel, quick: Example) -> str:
    call = _after_resource(quick.call, "with_streaming_response")
    names = ", ".join(sorted({api.async_client_class, *quick.imports}))
    opening = f"async with {api.async_client_class}("
    lines = [
        "import asyncio",
        "",
        f"from {api.package} import {names}",
        "",
        "",
        "async def main() -> None:",
        opening_line(opening, quick.credentials, "    "),
    ]
    if quick.deprecated:
        lines.append("        # Deprecated: this call warns with DeprecationWarning.")
    lines += [
        f"        async with {call} as response:",
        "            async for chunk in response.iter_bytes(65536):",
        "                print(len(chunk))",
        "",
        "",
        "asyncio.run(main())",
    ]
    return "\n".join(lines) + "\n"


def _pages(api: ApiModel, op: OperationModel) -> str:
    example = build_example(api, op)
    if not example.iter_call:
        return ""
    raw = example.iter_call.replace("client.", "client.with_raw_response.", 1)
    target, show = example.iter_item
    body: list[str] = []
    # Only a page number names a later page without a first response in hand:
    # cursors, tokens and URLs come from the API.
    if op.paging is not None and op.paging.style == "page" and op.page_param:
        start = _with_option(example.iter_call, f"{op.page_param}={op.page_start + 1}")
        body += [
            f"# From page {op.page_start + 1} on:",
            f"for {target or example.target} in {start}:",
            f"    print({show or example.show})",
        ]
    body += [
        "# One APIResponse per page: status, headers, and the page's items:",
        f"for page in {raw}:",
        "    print(page.status_code, len(page.parse()))",
    ]
    return _program(api, example, body)


def _models(api: ApiModel, quick: Example) -> str:
    if not quick.target or "." not in quick.show:
        return ""  # the quick call returns no model
    if quick.loop:
        get = [f"for {quick.target} in {quick.call}:"]
        indent = "    "
    else:
        get = [f"{quick.target} = {quick.call}"]
        indent = ""
    body = [
        *get,
        f"{indent}print({quick.target}.to_dict())  # JSON names, unknown fields kept",
        f"{indent}print({quick.target}.to_json())",
    ]
    return _program(api, quick, body)


def _errors(api: ApiModel, quick: Example) -> str:
    body = [
        "try:",
        *["    " + line for line in _use(quick, quick.call)],
        "except APIStatusError as error:",
        "    print(error.status_code, error.request.method, error.request.url)",
        '    print("request id:", error.request_id)  # quote it to the API\'s support',
        "except APIError as error:",
        "    print(error.operation, error.method, error.url)",
    ]
    return _program(api, quick, body, names=("APIError", "APIStatusError"))


def _threads(api: ApiModel, quick: Example) -> str:
    call = quick.call
    body = [
        "# One client, many threads: share it rather than making one per call.",
        "with ThreadPoolExecutor(max_workers=4) as pool:",
        f"    results = list(pool.map(lambda _: {call}, range(4)))",
        "print(len(results))",
    ]
    program = _program(api, quick, body)
    return "from concurrent.futures import ThreadPoolExecutor\n\n" + program


def _glance(api: ApiModel, quick: Example) -> str:
    raw = quick.call.replace("client.", "client.with_raw_response.", 1)
    streamed = _after_resource(quick.call, "with_streaming_response")
    patient = quick.call.replace("client.", "patient.", 1)
    body = [
        "patient = client.with_options(timeout=120.0, max_retries=5)",
        *_use(quick, patient),
        f"response = {raw}",
        "print(response.status_code, response.parse())",
        f"with {streamed} as streamed:",
        "    print(sum(len(chunk) for chunk in streamed.iter_bytes()))",
    ]
    return _program(api, quick, body)


def _quick_op(api: ApiModel, quick: Example) -> OperationModel | None:
    path = quick.call_path
    for resource in api.resources:
        for op in resource.operations:
            if f"client.{resource.attribute}.{op.py_name}" == path:
                return op
    return None
