"""Bold, italic and links in the library: the hash of unformatted drafts is the one
from before format version 2, formatting is content (it voids an approval), the word
diff names formatting changes in German, search reads the plain words."""

from __future__ import annotations

from pathlib import Path

from pressdesk.model import Draft, Mark, load_draft, save_draft
from pressdesk.store.canonical import canonical_json, content_hash, plain_text, text_at
from pressdesk.store.diff import diff_drafts
from tests.test_store.conftest import Library

DATA = Path(__file__).resolve().parents[1] / "data"

# Computed with PressDesk before format version 2 (commit e260812~1) for the same file:
# approvals given before the upgrade stay valid.
UNFORMATTED_HASH = "5a901a8bbe45c9536b017bbe4ab68fc7b575ee4e5d66b5654189e8c437a66066"
UNFORMATTED_PLAIN_TEXT_CHARS = 4249


def unformatted() -> Draft:
    return load_draft(DATA / "unformatted-v1.pressdesk")


def formatted() -> Draft:
    return load_draft(DATA / "formatted-v2.pressdesk")


def _bold(draft: Draft, block: int, words: str) -> None:
    start = draft.body[block].text.index(words)
    draft.body[block].marks = [*draft.body[block].marks, Mark(start, start + len(words), "strong")]


def test_an_unformatted_draft_hashes_as_before_format_version_2() -> None:
    draft = unformatted()
    assert draft.file_version() == 1
    assert content_hash(canonical_json(draft)) == UNFORMATTED_HASH
    assert len(plain_text(draft)) == UNFORMATTED_PLAIN_TEXT_CHARS


def test_bold_changes_the_hash_but_not_the_searched_words() -> None:
    draft = unformatted()
    words = plain_text(draft)
    _bold(draft, 0, "Serap Güler")
    assert content_hash(canonical_json(draft)) != UNFORMATTED_HASH
    assert plain_text(draft) == words  # no "strong", no offsets in the index
    link = formatted()
    assert "https://www.kommunale-integrationszentren-nrw.de/" not in plain_text(link)
    assert "strong" not in plain_text(link).split()
    block = text_at(link, "body[1]")  # a comment on the block quotes its words
    assert block is not None
    assert block.endswith(link.body[1].text)
    assert "https" not in block


def test_a_formatting_only_change_is_named_in_the_word_diff() -> None:
    old = unformatted()
    new = unformatted()
    _bold(new, 0, "Serap Güler")
    [change] = diff_drafts(old, new)
    assert change.path == "body[0].text"  # the field the editor shows it at
    assert change.marked(context=6) == "Formatierung geändert: „Serap Güler“ fett"
    [back] = diff_drafts(new, old)
    assert back.marked() == "Formatierung geändert: „Serap Güler“ nicht mehr fett"


def test_links_and_italics_in_the_diff_next_to_the_text_change() -> None:
    old, new = unformatted(), formatted()
    new.body[1].text = new.body[1].text.replace("Bundesland", "Land")
    shift = len("Land") - len("Bundesland")
    new.body[1].marks = [
        Mark(m.start + shift, m.end + shift, m.kind, m.url) for m in new.body[1].marks
    ]
    changes = [(c.path, c.marked(context=3)) for c in diff_drafts(old, new)]
    assert [path for path, _ in changes] == [
        "body[0].text",
        "body[1].text",
        "body[1].text",
        "body[4].text",
    ]
    assert changes[0][1] == "Formatierung geändert: „Serap Güler“ fett"
    assert "[-Bundesland,-]{+Land,+}" in changes[1][1]
    assert changes[2][1] == (
        "Formatierung geändert: „Kommunale Integrationszentren“ als Link auf "
        "https://www.kommunale-integrationszentren-nrw.de/; „Einwanderungsgeschichte“ kursiv"
    )
    assert changes[3][1] == (
        "Formatierung geändert: „Verantwortungsgemeinschaft“ kursiv; "
        "„Verantwortungsgemeinschaft“ fett"
    )


def test_an_added_mark_alone_voids_the_approval(library: Library) -> None:
    anna, ben = library.as_("anna"), library.as_("ben")
    draft = unformatted()
    draft_id = anna.add(draft)
    anna.submit(draft_id)
    ben.approve(draft_id)
    assert anna.show(draft_id).summary.state_label == "Freigegeben"

    _bold(draft, 0, "Serap Güler")
    result = anna.update(draft_id, draft, base=1)
    assert (result.changes_content, result.state) == (True, "draft")
    detail = anna.show(draft_id)
    assert detail.summary.state_label == "Entwurf"
    assert [r.valid for r in detail.reviews] == [False]
    assert anna.get(draft_id).body[0].marks == draft.body[0].marks
    [change] = anna.diff(draft_id, 1, 2)
    assert change.marked() == "Formatierung geändert: „Serap Güler“ fett"
    # the history records the save as a change of content
    version = [e for e in anna.history(draft_id) if e.kind == "version"][-1]
    assert version.data["changes"] is True
    # the words are found as before, the mark's type is not a word
    assert [s.id for s in anna.list_drafts(search_words="Güler")] == [draft_id]
    assert anna.list_drafts(search_words="strong") == []

    # the same formatting saved again (e.g. reopened file) keeps the new approval
    anna.submit(draft_id)
    ben.approve(draft_id)
    again = anna.update(draft_id, anna.get(draft_id), base=2)
    assert (again.changes_content, again.state) == (False, "approved")


def test_library_diff_and_get_from_the_command_line(library: Library, tmp_path: Path) -> None:
    from tests.test_store.test_cli_store import pd

    added = pd(library, "anna", "library", "add", str(DATA / "unformatted-v1.pressdesk"))
    assert added.returncode == 0, added.stderr
    draft_id = added.stdout.splitlines()[-1]
    updated = pd(
        library, "anna", "library", "update", draft_id, str(DATA / "formatted-v2.pressdesk")
    )
    assert updated.returncode == 0, updated.stderr
    assert "(Formatierung geändert: „Serap Güler“ fett; " in updated.stdout  # not "unverändert"
    diff = pd(library, "anna", "library", "diff", draft_id, "1", "2").stdout.splitlines()
    assert diff[0] == "body[0].text: Formatierung geändert: „Serap Güler“ fett"
    assert len(diff) == 3 and all("Formatierung geändert" in line for line in diff)
    out = tmp_path / "zurueck.pressdesk"
    got = pd(library, "anna", "library", "get", draft_id, "-o", str(out))
    assert got.returncode == 0, got.stderr
    assert load_draft(out) == formatted()
    assert b'"schemaVersion": 2' in out.read_bytes()
    old = tmp_path / "alt.pressdesk"
    pd(library, "anna", "library", "get", draft_id, "-o", str(old), "--version", "1")
    assert old.read_bytes() == (DATA / "unformatted-v1.pressdesk").read_bytes()


FORMATTED_V2 = (
    "Formatierung geändert: „Serap Güler“ fett; „Kommunale Integrationszentren“ als Link auf "
    "https://www.kommunale-integrationszentren-nrw.de/; „Einwanderungsgeschichte“ kursiv; "
    "„Verantwortungsgemeinschaft“ kursiv; „Verantwortungsgemeinschaft“ fett"
)


def test_library_show_names_a_formatting_only_change_as_the_diff_does(tmp_path: Path) -> None:
    """`library show` lists each version with what changed: the words of `library diff`
    for formatting alone, „Text geändert“ once a word changed."""
    from tests.test_store.conftest import make_sqlite_library
    from tests.test_store.test_cli_store import pd

    library = make_sqlite_library(tmp_path)
    added = pd(library, "anna", "library", "add", str(DATA / "unformatted-v1.pressdesk"))
    assert added.returncode == 0, added.stderr
    draft_id = added.stdout.splitlines()[-1]
    v2 = pd(library, "anna", "library", "update", draft_id, str(DATA / "formatted-v2.pressdesk"))
    assert f"Version 2 gespeichert ({FORMATTED_V2}); Status: Entwurf." in v2.stdout, v2.stdout
    reworded = formatted()
    reworded.body[0].text += " Ergänzt."
    reworded.body[0].marks = []  # and Serap Güler no longer bold
    third = tmp_path / "v3.pressdesk"
    save_draft(reworded, third)
    v3 = pd(library, "anna", "library", "update", draft_id, str(third))
    assert "Version 3 gespeichert (Text geändert)" in v3.stdout, v3.stdout
    v4 = pd(library, "anna", "library", "update", draft_id, str(third))
    assert "Version 4 gespeichert (Text unverändert)" in v4.stdout, v4.stdout

    show = pd(library, "anna", "library", "show", draft_id)
    assert show.returncode == 0, show.stderr
    lines = show.stdout.splitlines()
    versions = lines[lines.index("Versionen:") + 1 :][:4]
    assert [line.split("\t")[3] for line in versions] == [
        "Text geändert",
        FORMATTED_V2,
        "Text geändert",
        "Text unverändert",
    ]
    diff = pd(library, "anna", "library", "diff", draft_id, "2", "3").stdout.splitlines()
    assert diff[0] == "body[0].text: … sich bereits in 22 Einrichtungen informiert.{+ Ergänzt.+}"
    assert diff[1] == "body[0].text: Formatierung geändert: „Serap Güler“ nicht mehr fett"
