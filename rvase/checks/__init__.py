"""Checks the code makes itself, whatever the schemas say: what the build needs of every file and field before any page
is written, so that nothing that passes `make check` can crash or stall the build. One concern per module; each
function returns Problems naming file, line and field, in French and English.
"""
