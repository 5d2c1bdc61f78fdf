"""Output targets: each renders the model into one kind of output.

A target is a package (``python/``, ``docs/``, ``openapi/``) that supplies its
render plan and the helpers its templates use; add an output target as a new
package here. ``render`` runs the plans through the templates.
"""
