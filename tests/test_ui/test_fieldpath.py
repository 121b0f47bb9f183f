"""Field paths as validation names them reach the right dataclass field."""

from __future__ import annotations

from pressdesk.model.draft import Block, Draft, Embargo
from pressdesk.ui import fieldpath


def test_paths_read_and_write_the_draft() -> None:
    draft = Draft(body=[Block(text="a"), Block(type="list", items=["x", "y"])])
    draft.header.embargo = Embargo(date="2026-01-02")
    assert fieldpath.get(draft, "header.embargo.date") == "2026-01-02"
    assert fieldpath.get(draft, "body[1].items[1]") == "y"
    fieldpath.set(draft, "pressOffice.website.url", "https://www.land.nrw")
    assert draft.press_office.website.url == "https://www.land.nrw"
    fieldpath.set(draft, "header.embargo.atSpeechStart", True)
    assert draft.header.embargo.at_speech_start
    items = ["neu"]
    fieldpath.set(draft, "body[1].items", items)
    items.append("nicht im Entwurf")
    assert draft.body[1].items == ["neu"]  # values are copied in
    fieldpath.set(draft, "photoCredits", "Foto: Land NRW")
    assert draft.photo_credits == "Foto: Land NRW"


def test_parent_walks_up_to_the_top() -> None:
    assert fieldpath.parent("body[2].items[0]") == "body[2].items"
    assert fieldpath.parent("body[2].items") == "body[2]"
    assert fieldpath.parent("body[2]") == "body"
    assert fieldpath.parent("body") is None
    assert fieldpath.split("socialMedia[1].url") == ["social_media", 1, "url"]
