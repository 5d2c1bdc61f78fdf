"""Importers: turn API documentation that is not an sdkgen spec into a spec draft.

``common/`` holds what every importer shares (the draft's YAML emitter, defects,
name rules, the self-check that validates the draft); each source format gets its
own package beside it (``markdown/`` today). Add an importer as a new package
here; it may use ``generator.spec`` and the base modules, and only the CLI runs it.
"""
