"""The language-neutral intermediate model (api.py) and its builder (build.py)."""
