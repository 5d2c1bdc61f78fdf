"""The schema layer of validation: the spec's shape against the JSON Schema.

``check`` turns schema errors into diagnostics a user can act on, ``words``
suggests the key meant by a misspelt one, and ``cache`` keeps the compiled
validator between runs.
"""
