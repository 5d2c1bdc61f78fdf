"""The generated documentation: complete, linked, escaped, and with examples that run.

Two specs are generated into temporary folders: the Imgur spec and
``tests/fixtures/docs/hostile.yaml`` (hostile text everywhere, colliding anchors,
no OAuth2, no envelope). What must be documented is read from the intermediate
model, never from hard-coded lists. Links are checked against GitHub's
heading-slug rule, implemented here independently of the generator's. Every
``python`` block of every page is run against an ``httpx.MockTransport`` that
answers each call with a sample payload of its declared type; ``py`` blocks (the
signature stubs) are compiled.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import io
import os
import re
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from generator.model.api import ApiModel, OperationModel
from generator.model.build import build_model
from generator.pipeline import generate
from generator.spec.validate import validate_path
from generator.targets.docs.conveniences import DOWNLOAD_URL
from generator.targets.docs.examples import EXAMPLE_UPLOAD
from generator.targets.python.escaping import (
    markdown_cell_code,
    markdown_fence,
    markdown_text,
    markdown_url,
)
from generator.targets.python.samples import sample_payload
from tests import paths

ROOT = paths.REPO
SPECS = {
    "imgur": ROOT / "spec" / "imgur",
    "hostile": ROOT / "tests" / "fixtures" / "docs" / "hostile.yaml",
    # No auth, no source document, no departures: the pages must still read well.
    "minimal": ROOT / "tests" / "fixtures" / "specs" / "valid" / "minimal.yaml",
    # One feature each (OAuth2 grants, paging, unions, uploads, bare payloads...).
    **{
        f"golden_{spec.parent.name}": spec
        for spec in (ROOT / "tests" / "golden").glob("*/spec.yaml")
    },
}


@dataclass(frozen=True)
class Generated:
    api: ApiModel
    root: Path  # the python/ folder: README.md, docs/, src/

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def pages(self) -> list[Path]:
        return [self.root / "README.md", *sorted(self.docs.rglob("*.md"))]


def model_of(spec: Path) -> ApiModel:
    result = validate_path(spec)
    assert result.typed is not None, result.diagnostics
    return build_model(result.typed, spec_label=spec.name)


@pytest.fixture(scope="module", params=sorted(SPECS))
def generated(request: pytest.FixtureRequest, tmp_path_factory: Any) -> Generated:
    spec = SPECS[request.param]
    out = tmp_path_factory.mktemp(request.param) / "generated"
    generate(spec, out)
    return Generated(api=model_of(spec), root=out / "python")


# --- reading Markdown the way GitHub does -------------------------------------------

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


@dataclass(frozen=True)
class CodeBlock:
    page: Path
    line: int
    language: str
    code: str


def split_page(text: str) -> tuple[list[str], list[CodeBlock]]:
    """The lines outside fenced code, and the fenced blocks (list-indented too)."""
    prose: list[str] = []
    blocks: list[CodeBlock] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        opening = FENCE.match(line.lstrip()) if line.startswith("   ") else None
        opening = opening or FENCE.match(line)
        if opening is None:
            prose.append(line)
            index += 1
            continue
        indent = len(line) - len(line.lstrip())
        fence, language = opening[1], opening[2].strip()
        body: list[str] = []
        index += 1
        while index < len(lines) and not lines[index].strip().startswith(fence):
            body.append(lines[index][indent:])
            index += 1
        assert index < len(lines), f"unclosed fence at line {len(prose)}"
        blocks.append(CodeBlock(Path(), len(prose), language, "\n".join(body) + "\n"))
        index += 1
    return prose, blocks


def inline_scan(line: str, *, keep_code: bool) -> str:
    """The text of a line with escapes resolved and code spans kept or blanked.

    Links are looked for in the blanked form: brackets inside code spans or
    escaped with a backslash are not link syntax.
    """
    out: list[str] = []
    index = 0
    while index < len(line):
        char = line[index]
        if char == "\\" and index + 1 < len(line) and not line[index + 1].isalnum():
            out.append(line[index + 1] if keep_code else "_")
            index += 2
            continue
        if char == "`":
            run = len(line[index:]) - len(line[index:].lstrip("`"))
            closing = re.compile(r"(?<!`)" + "`" * run + r"(?!`)")
            found = closing.search(line, index + run)
            if found is not None:
                inner = line[index + run : found.start()]
                out.append(inner.strip() if keep_code else "CODE")
                index = found.end()
                continue
            out.append("`" * run)
            index += run
            continue
        out.append(char)
        index += 1
    return "".join(out)


def github_slug(heading_line: str) -> str:
    """GitHub's anchor for a heading, before numbering repeats."""
    text = inline_scan(heading_line.lstrip("#").strip(), keep_code=True)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(prose: list[str]) -> set[str]:
    found: set[str] = set()
    for line in prose:
        if not re.match(r"^#{1,6} ", line):
            continue
        base = slug = github_slug(line)
        number = 0
        while slug in found:
            number += 1
            slug = f"{base}-{number}"
        found.add(slug)
    return found


LINK = re.compile(r"\[[^\]]*\]\(([^)\s]*)\)")


def links(prose: list[str]) -> list[str]:
    return [
        m[1]
        for line in prose
        for m in LINK.finditer(inline_scan(line, keep_code=False))
    ]


def read(page: Path) -> tuple[list[str], list[CodeBlock]]:
    prose, blocks = split_page(page.read_text("utf-8"))
    return prose, [CodeBlock(page, b.line, b.language, b.code) for b in blocks]


# --- every operation and model has its section --------------------------------------


def headings(page: Path) -> list[str]:
    return [line for line in read(page)[0] if re.match(r"^#{1,6} ", line)]


def test_every_operation_has_a_section_linked_from_the_index(
    generated: Generated,
) -> None:
    index_links = set(links(read(generated.docs / "index.md")[0]))
    for resource in generated.api.resources:
        page = generated.docs / "resources" / f"{resource.module}.md"
        assert f"resources/{resource.module}.md" in index_links
        found = headings(page)
        for op in resource.operations:
            assert f"## `{op.py_name}`" in found, (resource.name, op.name)
            assert f"resources/{resource.module}.md#{op.py_name}" in index_links
            text = page.read_text("utf-8")
            assert f"`{op.method} {op.base_url or ''}{op.path}`" in text


def sections(page: Path) -> dict[str, str]:
    """The text under each level-2 heading of a page, by heading."""
    found: dict[str, str] = {}
    current = ""
    for line in page.read_text("utf-8").splitlines():
        if line.startswith("## "):
            current = line
            found[current] = ""
        elif current:
            found[current] += line + "\n"
    return found


def test_each_operation_section_documents_the_call(generated: Generated) -> None:
    """Parameters, route, credentials, deprecation and an example, per operation."""
    arguments = {s.name: s.argument for s in generated.api.auth_schemes}
    for resource in generated.api.resources:
        page = generated.docs / "resources" / f"{resource.module}.md"
        by_heading = sections(page)
        for op in resource.operations:
            text = by_heading[f"## `{op.py_name}`"]
            assert f"**HTTP:** `{op.method} {op.base_url or ''}{op.path}`" in text
            for param in op.params:
                assert f"| `{param.py_name}` ({param.location}" in text, param.wire
            for scheme in op.auth:
                assert f"`{arguments[scheme]}=`" in text, scheme
            if not op.auth:
                assert "**Authentication:** none" in text
            assert ("> **Deprecated.**" in text) == bool(op.deprecation_message)
            if op.replacement:
                target, _, name = op.replacement.partition(".")
                assert f"[`{op.replacement}`]({target}.md#{name})" in text
            assert f"client.{resource.attribute}.{op.py_name}(" in text
            assert f"def {op.py_name}(" in text and f"async def {op.py_name}(" in text


def test_every_model_and_union_has_a_section(generated: Generated) -> None:
    found = headings(generated.docs / "models.md")
    names = [m.name for m in generated.api.models] + [
        u.name for u in generated.api.unions
    ]
    for name in names:
        assert f"## {name}" in found, name
    assert len(found) == len(names) + 1  # and the page title


def test_operation_sections_link_their_return_models(generated: Generated) -> None:
    """Index -> operation -> model: two clicks."""
    for resource in generated.api.resources:
        page = generated.docs / "resources" / f"{resource.module}.md"
        targets = set(links(read(page)[0]))
        for op in resource.operations:
            for model in op.referenced_models:
                slug = model.lower()
                assert any(
                    t == f"../models.md#{slug}" or t.startswith(f"../models.md#{slug}-")
                    for t in targets
                ), (op.sdk_path, model)


def test_departures_and_deprecations_are_listed(generated: Generated) -> None:
    prose, _ = read(generated.docs / "departures.md")
    text = "\n".join(prose)
    for resource in generated.api.resources:
        for op in resource.operations:
            listed = f"### `{op.sdk_path}`" in prose
            assert listed == bool(op.departures or op.deprecation_message), op.name
            if listed:
                assert f"(resources/{resource.module}.md#{op.py_name})" in text
    delimiter = re.compile(r"^\|(?:---\|)+$")
    rows = [line for line in prose if line.startswith("| ")]
    rows = [line for line in rows if not delimiter.match(line)]
    departures = sum(
        len(op.departures) for r in generated.api.resources for op in r.operations
    )
    headers = sum(1 for line in rows if line.startswith("| The document says"))
    assert len(rows) - headers == departures


def test_oauth_walkthrough_only_when_the_spec_has_oauth2(generated: Generated) -> None:
    text = (generated.docs / "index.md").read_text("utf-8")
    assert ("## OAuth2 step by step" in text) == (generated.api.oauth is not None)


# --- links and anchors ---------------------------------------------------------------


def test_every_relative_link_resolves(generated: Generated) -> None:
    checked = 0
    for page in generated.pages():
        for target in links(read(page)[0]):
            scheme = urlsplit(target).scheme
            if scheme:
                assert scheme in ("http", "https"), (page, target)
                continue
            path, _, anchor = target.partition("#")
            destination = (page.parent / path).resolve() if path else page
            assert destination.is_file(), (page, target)
            if anchor:
                assert anchor in anchors(read(destination)[0]), (page, target)
            checked += 1
    assert checked > generated.api.operation_count


# --- escaping ------------------------------------------------------------------------

UNESCAPED_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|")


def test_spec_text_adds_no_html_links_headings_or_table_cells(
    generated: Generated,
) -> None:
    for page in generated.pages():
        prose, _ = read(page)
        for line in prose[1:]:  # the first line is the generated-file comment
            visible = inline_scan(line, keep_code=False)
            assert not re.search(r"<[A-Za-z/!?]", visible), (page, line)
            assert "Injected" not in line or not line.startswith("#"), (page, line)
            assert not line.startswith(("- injected", "1. not", "~~~")), (page, line)
        header = None
        for number, line in enumerate(prose):
            if not line.startswith("|"):
                header = None
                continue
            # A table right under a text line would be read as more of its text.
            assert header is not None or not prose[number - 1].strip(), (page, line)
            cells = len(UNESCAPED_PIPE.findall(line))
            header = cells if header is None else header
            assert cells == header, (page, line)


def test_hostile_anchor_and_urls_are_encoded() -> None:
    assert markdown_url("https://x.test/a b(c)|<d>") == (
        "https://x.test/a%20b%28c%29%7C%3Cd%3E"
    )
    with pytest.raises(ValueError):
        markdown_url("javascript:alert(1)")
    assert markdown_cell_code("a|b") == "`a\\|b`"
    assert markdown_fence("x ```` y") == "`````"
    assert markdown_text("- item") == "\\- item"
    assert markdown_text("12) item ~~~") == "12\\) item \\~\\~\\~"


# --- examples run ---------------------------------------------------------------------


def routes(api: ApiModel) -> list[tuple[str, re.Pattern[str], OperationModel]]:
    table = []
    for resource in api.resources:
        for op in resource.operations:
            base = urlsplit(op.base_url or api.base_url).path.rstrip("/")
            pattern = re.sub(r"\\\{[^}]*\\\}", "([^/]+)", re.escape(op.path))
            table.append((op.method, re.compile(f"^{re.escape(base)}{pattern}$"), op))
    # The most literal path wins: /gallery/search before /gallery/{section}.
    table.sort(key=lambda route: -len(re.sub(r"\{[^}]*\}", "", route[2].path)))
    return table


def page_number(
    op: OperationModel, request: httpx.Request, groups: tuple[str, ...]
) -> str | None:
    param = next(p for p in op.params if p.py_name == op.page_param)
    if param.location == "path":
        placeholders = re.findall(r"\{([^}]*)\}", op.path)
        return groups[placeholders.index(param.wire)]
    value: str | None = request.url.params.get(param.wire)
    return value


def handler_for(api: ApiModel) -> Any:
    table = routes(api)
    token_url = api.oauth.token_url if api.oauth else None
    download_host = urlsplit(DOWNLOAD_URL).hostname

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.host == download_host:
            return httpx.Response(200, content=b"\x89PNG file")  # client.download
        if token_url and str(request.url) == token_url:
            token = {
                "access_token": "new",
                "refresh_token": "r",
                "expires_in": 3600,
                "token_type": "bearer",
                "account_username": "someone",
            }
            return httpx.Response(200, json=token)
        for method, pattern, op in table:
            match = pattern.match(request.url.path)
            if method != request.method or match is None:
                continue
            payload: Any = sample_payload(api, op.returns_label)
            paged = op.paging is not None and op.paging.style == "page"
            # Other styles stop on their own: no next cursor, URL or Link, or
            # the same cursor again.
            if paged and page_number(op, request, match.groups()) not in (
                None,
                str(op.page_start),
            ):
                payload = []  # one page of items, then the end
            own = op.envelope_keys
            if own is not None:  # the operation's own envelope (Slack's ok)
                body = {own.data: payload} if own.data else {}
                if own.success:
                    body[own.success] = True
                payload = body
            elif op.envelope and api.envelope_data:
                body = {api.envelope_data: payload}
                if api.envelope_success:
                    body[api.envelope_success] = True
                if api.envelope_status:
                    body[api.envelope_status] = 200
                payload = body
            return httpx.Response(200, json=payload)
        return httpx.Response(404, json={"error": f"no route for {request.url.path}"})

    return handle


@contextlib.contextmanager
def sdk_with_mock_transport(generated: Generated) -> Iterator[list[Any]]:
    """Import the generated SDK with its client classes sending to the mock.

    The SDK of the same name under ``generated/`` may be imported already (it is on
    pytest's pythonpath), so its modules are set aside and put back afterwards.
    """
    api, package = generated.api, generated.api.package
    mine = [k for k in sys.modules if k == package or k.startswith(package + ".")]
    saved = {k: sys.modules.pop(k) for k in mine}
    sys.path.insert(0, str(generated.root / "src"))
    importlib.invalidate_caches()
    opened: list[Any] = []
    transport = httpx.MockTransport(handler_for(api))
    try:
        module = importlib.import_module(package)
        sync_class = getattr(module, api.client_class)
        async_class = getattr(module, api.async_client_class)

        class SyncOnMock(sync_class):  # type: ignore[misc,valid-type]
            def __init__(self, **kwargs: Any) -> None:
                http = httpx.Client(transport=transport)
                opened.append(http)
                super().__init__(**kwargs, http_client=http)

        class AsyncOnMock(async_class):  # type: ignore[misc,valid-type]
            def __init__(self, **kwargs: Any) -> None:
                http = httpx.AsyncClient(transport=transport)
                opened.append(http)
                super().__init__(**kwargs, http_client=http)

        setattr(module, api.client_class, SyncOnMock)
        setattr(module, api.async_client_class, AsyncOnMock)
        yield opened
    finally:
        sys.path.remove(str(generated.root / "src"))
        for key in [
            k for k in sys.modules if k == package or k.startswith(package + ".")
        ]:
            del sys.modules[key]
        sys.modules.update(saved)


def run_example(block: CodeBlock) -> str:
    """Run one example; return what it printed. Deprecated calls must warn.

    An example may set environment variables (credentials read from there):
    they are put back afterwards.
    """
    output = io.StringIO()
    environment = dict(os.environ)
    with warnings.catch_warnings(record=True) as caught, _restored(environment):
        warnings.simplefilter("always")
        with contextlib.redirect_stdout(output):
            exec(
                compile(block.code, f"{block.page.name}:{block.line}", "exec"),
                {"__name__": "__example__"},
            )
    kinds = {w.category for w in caught}
    expects_warning = "# Deprecated" in block.code
    assert kinds == ({DeprecationWarning} if expects_warning else set()), (
        block.page,
        block.line,
        [str(w.message) for w in caught],
    )
    return output.getvalue()


@contextlib.contextmanager
def _restored(environment: dict[str, str]) -> Iterator[None]:
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(environment)


def all_blocks(generated: Generated) -> list[CodeBlock]:
    return [block for page in generated.pages() for block in read(page)[1]]


def test_every_python_example_runs_against_a_mock_transport(
    generated: Generated, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / EXAMPLE_UPLOAD).write_bytes(b"\x89PNG example")
    examples = [b for b in all_blocks(generated) if b.language == "python"]
    with sdk_with_mock_transport(generated) as opened:
        for block in examples:
            try:
                printed = run_example(block)
            finally:
                for http in opened:
                    if isinstance(http, httpx.AsyncClient):
                        asyncio.run(http.aclose())
                    else:
                        http.close()
                opened.clear()
            if "print(" in block.code and "except" not in block.code:
                assert printed, (block.page, block.line)
    calls = "".join(b.code for b in examples)
    for resource in generated.api.resources:
        for op in resource.operations:
            assert f"client.{resource.attribute}.{op.py_name}(" in calls, op.sdk_path


def quick_start(generated: Generated) -> CodeBlock:
    prose, blocks = read(generated.docs / "index.md")
    start = prose.index("## Quick start")
    return next(b for b in blocks if b.line > start and b.language == "python")


def test_the_quick_start_is_five_lines_and_complete(generated: Generated) -> None:
    quick = quick_start(generated)
    assert len(quick.code.splitlines()) <= 5
    assert quick.code.startswith(f"from {generated.api.package} import")


def test_the_readme_shows_the_quick_start(generated: Generated) -> None:
    readme = read(generated.root / "README.md")[1]
    first = next(b.code for b in readme if b.language == "python")
    assert first == quick_start(generated).code


# Fenced blocks the docs may hold: python runs, py (signature stubs) compiles,
# sh (an install or a shell line) and text (the exception tree) are shown only.
LANGUAGES = {"python", "py", "sh", "text"}


def test_every_code_block_is_of_a_kind_the_tests_check(generated: Generated) -> None:
    for block in all_blocks(generated):
        assert block.language in LANGUAGES, (block.page, block.line, block.language)
        if block.language == "sh":  # shell lines, not Python left unrun
            assert not re.search(r"\bimport\b|\(", block.code), (block.page, block.line)


# Each convenience of the SDK and what its example in the guide must call.
CONVENIENCES = {
    "with_options": ".with_options(",
    "default headers": "default_headers=",
    "default query": "default_query=",
    "deadline": "timeout=10.0",
    "per-phase timeouts": "httpx.Timeout(",
    "debug logging": "logging.DEBUG",
    "threads": "ThreadPoolExecutor",
    "download": "client.download(",
    "streaming": ".with_streaming_response.",
    "async streaming": "async for chunk in response.iter_bytes(",
    "raw responses": "client.with_raw_response.",
    "errors": "error.request_id",
}


def test_every_convenience_has_a_runnable_example(generated: Generated) -> None:
    api = generated.api
    index = read(generated.docs / "index.md")[1]
    code = "".join(b.code for b in index if b.language == "python")
    if not api.resources:
        return
    wanted = dict(CONVENIENCES)
    if any(s.env for s in api.auth_schemes):
        wanted["credentials from the environment"] = "os.environ"
    if api.auth_schemes:
        wanted["per-call credential"] = "auth_scheme="
    ops = [op for r in api.resources for op in r.operations]
    if any(p.location == "file" and p.required for op in ops for p in op.params):
        wanted["upload from a path"] = "Upload.from_path("
        wanted["upload from a file"] = "Upload.from_file("
    if any(op.iter_name for op in ops):
        wanted["pagination"] = ".iter_"
        assert re.search(r"client\.with_raw_response\.\w+\.iter_", code)
    if any(m.fields for m in api.models):
        wanted["models"] = ".to_json()"
    missing = [name for name, text in wanted.items() if text not in code]
    assert not missing, missing
    readme = read(generated.root / "README.md")[1]
    glance = "".join(b.code for b in readme if b.language == "python")
    for text in (".with_options(", ".with_streaming_response.", "with_raw_response"):
        assert text in glance, text


def test_signature_stubs_compile(generated: Generated) -> None:
    stubs = [b for b in all_blocks(generated) if b.language == "py"]
    assert len(stubs) == generated.api.operation_count
    for block in stubs:
        compile(block.code, f"{block.page.name}:{block.line}", "exec")


# --- speed ---------------------------------------------------------------------------
