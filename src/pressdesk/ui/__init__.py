"""The desktop editor: the only package that imports Qt (PySide6).

Widgets bind to a :class:`~pressdesk.model.draft.Draft` through field paths
("header.date", "body[2].text"); the draft holds the truth, the core validates.
"""

from pressdesk.ui.importsource import install as _keep_no_import_sources

# Before the editor imports anything else: PySide6 would otherwise keep the source
# of every module imported from now on (see pressdesk.ui.importsource).
_keep_no_import_sources()
