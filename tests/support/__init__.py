"""What the test modules share: the project and its builds (project.py), a built site's pages (site.py), edits that
break a copy on purpose (edits.py), serving a built folder over HTTP (serving.py) and the open-data readers
(spreadsheets.py). Fixtures stay in conftest.py; everything here is plain functions and classes."""
