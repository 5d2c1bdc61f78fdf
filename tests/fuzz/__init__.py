"""Property-based tests of the whole pipeline (issue 15): strategies and checks.

``tests/test_fuzz_pipeline.py`` holds the properties; this package holds what they
share: spec and document strategies, the validate/generate checks, and the runner
that tests many generated SDKs in one subprocess.
"""
