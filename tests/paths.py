"""Where the tests find the repository, their fixtures and the golden cases.

Test files live at different depths (tests/spec/lint/, tests/cli/, ...), so they
import these instead of counting ``.parent`` steps from ``__file__``.
"""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
# The small spec of our own that the generate, cache and packaging tests run on.
NOTES_SPEC = FIXTURES / "generate" / "notes.yaml"
