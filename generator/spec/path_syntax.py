"""What a spec path may hold, shared by the schema's wording and the importers.

Besides ``{name}`` placeholders, a path holds the characters RFC 3986 lets a path
carry unescaped (``pchar`` and ``/``): Google's ``/v1/{name}:cancel``, OData's
``/items('{id}')`` and ``/@me`` are all real routes. ``?`` and ``#`` are not path
characters: a query string or fragment written into a documented path is the
importers' to resolve.
"""

from __future__ import annotations

import re

__all__ = ["LITERAL_CHARACTERS", "SPEC_PATH"]

# The characters outside letters and digits, as the error messages show them.
LITERAL_CHARACTERS = "_.~-/!$&'()*+,;=:@"

# Kept equal to the pattern of "path" in spec/sdkgen.schema.json (a test checks).
SPEC_PATH = re.compile(r"^/[A-Za-z0-9_.~{}/!$&'()*+,;=:@-]*\Z")
