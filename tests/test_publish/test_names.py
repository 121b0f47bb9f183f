"""File names of published releases: stable, readable, no two alike."""

from __future__ import annotations

from pressdesk.model import Draft
from pressdesk.publish.names import release_stem, slug, unique_stem


def test_reference_release_gets_the_name_from_the_issue(reference_draft: Draft) -> None:
    assert release_stem(reference_draft) == (
        "2018-07-18-l-duisburg-staatssekretaerin-gueler-besucht-kommunales-integrationszentrum"
    )


def test_umlauts_sharp_s_and_punctuation_become_ascii() -> None:
    assert slug("Straße, Öffnung & Übergänge: „Mühe“ – Nr. 47/25") == (
        "strasse-oeffnung-uebergaenge-muehe-nr-47-25"
    )
    assert slug("Café Crème") == "cafe-creme"


def test_long_headlines_are_cut_at_a_word_and_not_after_a_small_word(
    reference_draft: Draft,
) -> None:
    reference_draft.headline = "Land und Bund fördern " + "sehr " * 20 + "viel"
    stem = release_stem(reference_draft)
    headline_part = stem.removeprefix("2018-07-18-l-duisburg-")
    assert len(headline_part) <= 64
    assert headline_part.startswith("land-und-bund-foerdern-sehr")
    assert not headline_part.endswith("-")

    reference_draft.headline = (
        "Ministerin besucht Schulen und Kitas in den Regionen für den Austausch"
    )
    assert release_stem(reference_draft).endswith(
        "ministerin-besucht-schulen-und-kitas-in-den-regionen"
    )


def test_a_taken_name_gets_a_number() -> None:
    assert unique_stem("a", set()) == "a"
    assert unique_stem("a", {"a", "a-2"}) == "a-3"
