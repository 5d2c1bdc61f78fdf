"""The Markdown docs target: the documentation that ships with a generated SDK.

``plan`` lists the files to render, ``site`` builds what the pages show from the
model, and the other modules build one part each (operations, models,
signatures, examples, links, the OAuth walk-through).
"""
