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


def test_pdf_strings_drop_exactly_control_characters_and_surrogates() -> None:
    import unicodedata

    from pressdesk.export.pdf.fonts import pdf_string

    kept = "".join(
        chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) not in ("Cc", "Cs")
    )
    dropped = "".join(
        chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) in ("Cc", "Cs")
    )
    assert len(dropped) == 65 + 2048
    assert pdf_string("x" + dropped + kept + "x") == "x" + kept + "x"
    assert pdf_string(" \tTitel\n ") == "Titel"
