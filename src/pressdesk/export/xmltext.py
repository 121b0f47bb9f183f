"""XML escaping for the exporters, as :mod:`xml.sax.saxutils` does it.

``xml.sax.saxutils`` imports ``urllib.request`` and with it ``http.client``, ``email``
and ``ssl``: more than an export of the reference release needs in all. These two
functions give exactly its results (the tests compare them).
"""

from __future__ import annotations

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
)


def escape(data: str) -> str:
    """``data`` with ``&``, ``<`` and ``>`` escaped (``xml.sax.saxutils.escape``)."""
    return data.translate(_TEXT)


def quoteattr(data: str) -> str:
    """``data`` escaped and quoted as an attribute value (``xml.sax.saxutils.quoteattr``)."""
    data = data.translate(_ATTRIBUTE)
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"{}"'.format(data.replace('"', "&quot;"))
