"""``sdkgen diff``: what changed between two versions of a spec, for whom, and how much.

load (both specs, sharing identical files) -> snapshot (a plain, comparable
description built from the intermediate model) -> compare (the rules) -> bump ->
report. Nothing here prints; ``generator.commands.diff`` does.
"""
