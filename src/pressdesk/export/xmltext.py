"""``escape`` and ``quoteattr`` as :mod:`xml.sax.saxutils` has them, without its imports.

``xml.sax.saxutils`` imports ``urllib.request`` and with it ``http.client`` and
``ssl`` (OpenSSL's libcrypto): about 3 MB in the editor for two string functions the
PDF export needs for every preview.
"""

from __future__ import annotations

_ATTRIBUTE_WHITESPACE = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def escape(data: str, entities: dict[str, str] | None = None) -> str:
    """``&``, ``<`` and ``>`` as entities, then the ``entities`` given."""
    data = data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for key, value in (entities or {}).items():
        data = data.replace(key, value)
    return data


def quoteattr(data: str) -> str:
    """``data`` escaped and quoted as an XML attribute value, quotes included."""
    data = escape(data, _ATTRIBUTE_WHITESPACE)
    if '"' in data:
        if "'" in data:
            return '"{}"'.format(data.replace('"', "&quot;"))
        return f"'{data}'"
    return f'"{data}"'
