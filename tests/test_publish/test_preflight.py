"""Preflight: what it lets through and what it stops, for PDFs and HTML pages."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings

from pressdesk.cli import main
from pressdesk.export.pdf import export_pdf, render_pdf
from pressdesk.model import Draft, load_draft
from pressdesk.paths import reference_sample
from pressdesk.profile import Profile, load_profile
from pressdesk.publish import PublishError
from pressdesk.publish.htmlpage import render_html
from pressdesk.publish.preflight import preflight_html, preflight_pdf
from pressdesk.validation import validate
from tests.strategies import drafts

from .conftest import sample

PROFILE = load_profile("nrw")


def test_final_tagged_pdf_of_each_sample_passes(sample_path: Path, profile: Profile) -> None:
    draft = load_draft(sample_path)
    assert preflight_pdf(render_pdf(draft, profile, final=True), draft, profile) == []


def test_draft_mark_untagged_and_wrong_text_are_stopped(
    reference_draft: Draft, profile: Profile
) -> None:
    marked = preflight_pdf(render_pdf(reference_draft, profile), reference_draft, profile)
    assert marked == ["Das PDF trägt die Markierung ENTWURF."]

    untagged = render_pdf(reference_draft, profile, final=True, tagged=False)
    reasons = preflight_pdf(untagged, reference_draft, profile)
    assert "PDF/UA 06-002: kein pdfuaid:part 1" in reasons
    assert any(r.startswith("PDF/UA 01-005: Seite 1: ungetaggter Inhalt") for r in reasons)

    other = sample("kurzmeldung-2026-11-20")
    reasons = preflight_pdf(render_pdf(other, profile, final=True), reference_draft, profile)
    assert any(r.startswith("PDF-Titel „") for r in reasons)
    assert any("Wörter des freigegebenen Textes fehlen" in r for r in reasons)


def test_one_missing_sentence_is_found(reference_draft: Draft, profile: Profile) -> None:
    shorter = load_draft(reference_sample())
    shorter.body[5].text = "Perspektivisch will die Integrationsstaatssekretärin alle besuchen."
    data = render_pdf(shorter, profile, final=True)
    reasons = preflight_pdf(data, reference_draft, profile)
    assert reasons == [
        "PDF: 4 Wörter des freigegebenen Textes fehlen oder stehen nicht in der Reihenfolge: "
        "„Kommunalen“, „Integrationszentren“, „in“, „Nordrhein-Westfalen“."
    ]


def test_missing_metadata_and_unembedded_fonts_are_named(
    reference_draft: Draft, profile: Profile
) -> None:
    pdf = pikepdf.open(io.BytesIO(render_pdf(reference_draft, profile, final=True)))
    del pdf.docinfo["/Author"]
    font = next(iter(pdf.pages[0].Resources.Font.values()))
    desc = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
    for key in ("/FontFile", "/FontFile2", "/FontFile3"):
        if key in desc:
            del desc[key]
    buf = io.BytesIO()
    pdf.save(buf)
    reasons = preflight_pdf(buf.getvalue(), reference_draft, profile)
    assert "PDF-Metadaten: Autor fehlt." in reasons
    assert any(r.startswith("PDF/UA 31: Schrift ") and "nicht eingebettet" in r for r in reasons)


def test_not_a_pdf_raises_a_german_error() -> None:
    with pytest.raises(PublishError, match="kein lesbares PDF"):
        preflight_pdf(b"<html></html>")


def test_html_page_of_each_sample_passes(sample_path: Path, profile: Profile) -> None:
    draft = load_draft(sample_path)
    assert preflight_html(render_html(draft, profile), draft, profile) == []


def test_html_faults_are_named(reference_draft: Draft, profile: Profile) -> None:
    page = render_html(reference_draft, profile).decode("utf-8")
    broken = (
        page.replace('<html lang="de">', "<html>")
        .replace("</h1>", "</h1><h1>Noch eine</h1><script>alert(1)</script>", 1)
        .replace(">www.mkffi.nrw</a>", "></a>")
        .replace("<p>Perspektivisch", "<p><b>Perspektivisch</p>")
    )
    reasons = preflight_html(broken.encode("utf-8"), reference_draft, profile)
    assert 'HTML: die Sprache (lang="de") fehlt am <html>-Element.' in reasons
    assert "HTML: die Seite hat 2 Hauptüberschriften (h1) statt genau einer." in reasons
    assert "HTML: die Seite enthält ein Skript." in reasons
    assert "HTML: ein Link auf „https://www.mkffi.nrw“ hat keinen Text." in reasons
    assert any(r.startswith("HTML: Zeile ") for r in reasons)
    assert any("„www.mkffi.nrw“" in r for r in reasons)


def _valid(draft: Draft) -> bool:
    return not any(p.is_error for p in validate(draft, PROFILE))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts().filter(_valid))
def test_every_valid_draft_gives_a_page_that_passes(draft: Draft) -> None:
    """Markup characters in the text stay text: autoescaping, words in order, no script."""
    html = render_html(draft, PROFILE)
    assert preflight_html(html, draft, PROFILE) == []


def test_preflight_command(
    tmp_path: Path, reference_draft: Draft, profile: Profile, capsys: pytest.CaptureFixture[str]
) -> None:
    good, marked = tmp_path / "final.pdf", tmp_path / "entwurf.pdf"
    export_pdf(reference_draft, good, profile, final=True)
    export_pdf(reference_draft, marked, profile)
    draft_file = reference_sample()
    assert main(["preflight", str(good), "--draft", str(draft_file)]) == 0
    assert "final.pdf: Vorabprüfung bestanden." in capsys.readouterr().out
    assert main(["preflight", str(good), str(marked)]) == 1
    assert "entwurf.pdf: Das PDF trägt die Markierung ENTWURF." in capsys.readouterr().out
    (tmp_path / "kaputt.pdf").write_bytes(b"kein PDF")
    assert main(["preflight", str(tmp_path / "kaputt.pdf")]) == 2
    assert "kein lesbares PDF" in capsys.readouterr().out
