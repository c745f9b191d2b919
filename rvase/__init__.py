"""The RVASE portal's core: load, validate and model the data in data/.

Nothing here imports MkDocs; the macros package and the hooks are the only glue.
"""
