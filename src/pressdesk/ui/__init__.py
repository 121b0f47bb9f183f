"""The desktop editor: the only package that imports Qt (PySide6).

Widgets bind to a :class:`~pressdesk.model.draft.Draft` through field paths
("header.date", "body[2].text"); the draft holds the truth, the core validates.
"""
