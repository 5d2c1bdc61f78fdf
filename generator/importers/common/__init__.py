"""What every importer shares: defects, names, the YAML emitter and the self-check.

Nothing here knows a particular source format, so a new importer reuses it as is.
"""
