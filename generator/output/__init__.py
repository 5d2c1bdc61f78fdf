"""The last stages: format rendered files, write them, and record what was written.

``format`` runs black over Python output, ``write`` writes the tree safely with
its manifest, ``fingerprint`` and ``versions`` say what produced it, and
``notice`` is the header line every generated file opens with.
"""
