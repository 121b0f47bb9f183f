"""The exporters' XML escaping gives exactly what xml.sax.saxutils gives (issue 12, 8)."""

from __future__ import annotations

from xml.sax import saxutils

from hypothesis import example, given
from hypothesis import strategies as st

from pressdesk.export.xmltext import escape, quoteattr

_text = (
    st.text(alphabet=st.sampled_from("&<>\"'\n\r\t a;#äß\u00ad\u201e\u201c"), max_size=30)
    | st.text()
)


@given(_text)
@example("Bürger & Bürgerinnen <neu>")
@example('"it\'s"')
def test_escape_and_quoteattr_as_saxutils(value: str) -> None:
    assert escape(value) == saxutils.escape(value)
    assert quoteattr(value) == saxutils.quoteattr(value)
