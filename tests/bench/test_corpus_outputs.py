"""Reading the tools' output: the error line a failure is listed by, the counts."""

from __future__ import annotations

from bench.corpus import outputs

PLAIN = """\
Traceback (most recent call last):
  File "x.py", line 1, in <module>
    raise KeyError("a")
KeyError: 'a'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "x.py", line 3, in <module>
    raise ValueError("bad default")
ValueError: bad default
"""

RICH = """\
╭───────────── Traceback (most recent call last) ──────────────╮
│ /venv/lib/openapi_python_client/parser/properties/int.py:68   │
│   68 │   │   │   as_int = int(converted)                      │
╰──────────────────────────────────────────────────────────────╯
OverflowError: cannot convert float infinity to integer
"""

IMPORT_REPORT = """\
doc.json:1:1: warning[import-schema]: #/a: typed 'any'
  hint: type this part by hand
doc.json:1:1: warning[import-auth]: no security scheme
doc.json: OpenAPI document
  operations read: 12
  imported: 11
  imported with TODOs: 3
  skipped: 1
    #/paths/~1x/get: path cannot be held
wrote spec
"""


def test_the_last_exception_of_a_plain_traceback() -> None:
    assert outputs.exception_line(PLAIN) == "ValueError: bad default"
    assert outputs.has_traceback(PLAIN)


def test_the_exception_after_a_rich_traceback_box() -> None:
    assert outputs.exception_line(RICH) == (
        "OverflowError: cannot convert float infinity to integer"
    )


def test_no_traceback_gives_the_first_error_line() -> None:
    text = "Generating x\nsome note\nerror: the document is not valid\nmore"
    assert outputs.exception_line(text) is None
    assert outputs.first_error_line(text) == "error: the document is not valid"
    assert outputs.first_error_line("only this\n") == "only this"
    assert outputs.first_error_line("") is None


def test_long_lines_are_clipped() -> None:
    line = outputs.first_error_line("error " + "x" * 1000)
    assert line is not None and len(line) == 300 and line.endswith("...")


def test_import_summary_and_warnings() -> None:
    assert outputs.import_summary(IMPORT_REPORT) == {
        "read": 12,
        "imported": 11,
        "with_todos": 3,
        "skipped": 1,
    }
    assert outputs.count_diagnostics(IMPORT_REPORT, "warning") == 2
    assert outputs.count_diagnostics(IMPORT_REPORT, "error") == 0
    assert outputs.import_summary("sdkgen: internal error: boom") == {}


def test_sdkgen_internal_error_line_comes_first() -> None:
    text = (
        "doc.json:1:1: warning[import-schema]: x\n"
        "sdkgen: internal error: the spec fails its own validation: SPEC142 ...\n"
    )
    assert outputs.sdkgen_failure(text) == (
        "sdkgen: internal error: the spec fails its own validation: SPEC142 ..."
    )


def test_pytest_failure_names_the_first_test_and_the_totals() -> None:
    text = (
        "..F.\n=== short test summary info ===\n"
        "FAILED tests/test_a.py::test_x - AssertionError: 1 != 2\n"
        "FAILED tests/test_a.py::test_y - KeyError\n"
        "2 failed, 400 passed in 5.10s\n"
    )
    assert outputs.pytest_failure(text) == (
        "FAILED tests/test_a.py::test_x - AssertionError: 1 != 2 "
        "(2 failed, 400 passed in 5.10s)"
    )
    assert outputs.pytest_totals(text) == {"failed": 2, "passed": 400}
    collection = "ERROR tests/test_b.py\n1 error in 0.5s\n"
    assert outputs.pytest_totals(collection) == {"error": 1}


def test_mypy_failure_and_count() -> None:
    text = (
        "src/p/models.py:3: error: Name 'x' is not defined  [name-defined]\n"
        "src/p/models.py:9: error: Incompatible types  [assignment]\n"
        "Found 2 errors in 1 file (checked 30 source files)\n"
    )
    assert outputs.mypy_failure(text) == (
        "src/p/models.py:3: error: Name 'x' is not defined  [name-defined] "
        "(Found 2 errors in 1 file (checked 30 source files))"
    )
    assert outputs.mypy_error_count(text) == 2
    assert outputs.mypy_error_count("Success: no issues found") == 0
