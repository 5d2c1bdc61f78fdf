"""openapi-python-client's own command line, recording the problems it reports.

Run with the OPC virtualenv's interpreter, never imported by the benchmark. It is
OPC's CLI unchanged (``app()``), except that the list of errors OPC hands to
``handle_errors`` is also written as JSON to ``$OPC_ERRORS_JSON``: counting them
from the colored console output would be guesswork.
"""

import json
import os
import sys

# Installed in the OPC virtualenv only, not where the repository is type-checked.
from openapi_python_client import cli  # type: ignore[import-not-found]

_print_errors = cli.handle_errors


def _record_errors(errors, fail_on_warning=False):  # type: ignore[no-untyped-def]
    with open(os.environ["OPC_ERRORS_JSON"], "w", encoding="utf-8") as stream:
        json.dump(
            [
                {
                    "level": getattr(e.level, "value", str(e.level)),
                    "header": (e.header or "").strip(),
                    "detail": e.detail,
                }
                for e in errors
            ],
            stream,
        )
    _print_errors(errors, fail_on_warning)


cli.handle_errors = _record_errors
sys.argv[0] = "openapi-python-client"
sys.exit(cli.app())
