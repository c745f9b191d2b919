"""The checks validation runs (rvase/validate.py calls them in order): one concern per module, each returning Problems
naming file, line and field, in French and English, with the words of every message in messages.py.

Some say in words what a file's schema refuses (schema_errors) or follow what the schemas declare (references: their
`x-refers-to`); the others are what the code needs whatever the schemas say, so that nothing that passes
`make check` can crash or stall the build (texts, ids, addresses, markdown_cost, files, whole_numbers), and what one
record's schema cannot see (unique_ids, dates, action_numbers, map_places, interface).
"""
