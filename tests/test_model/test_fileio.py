"""The file door: reading only regular files, writing through links, German errors.

Issue 13, points 4, 6, 7, 8, 9, 12: each test here failed before the door existed.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pressdesk.model import Draft, DraftFileError, load_draft, save_draft
from pressdesk.model.fileio import (
    UserFileError,
    clean_stale_temps,
    clean_text,
    is_read_only,
    os_error_text,
    read_user_bytes,
    write_user_file,
    write_user_files,
)

IS_ROOT = os.geteuid() == 0


# point 4: saving writes through ---------------------------------------------------------


def test_saving_through_a_symlink_changes_the_target_and_keeps_the_link(
    tmp_path: Path, reference_draft: Draft
) -> None:
    target = tmp_path / "ablage" / "echt.pressdesk"
    target.parent.mkdir()
    save_draft(Draft(headline="Alt"), target)
    link = tmp_path / "verknuepfung.pressdesk"
    link.symlink_to(target)
    save_draft(reference_draft, link)
    assert link.is_symlink()
    assert load_draft(target) == reference_draft


def test_saving_a_hard_linked_file_keeps_both_names_on_the_same_text(
    tmp_path: Path, reference_draft: Draft
) -> None:
    first = tmp_path / "a.pressdesk"
    save_draft(Draft(headline="Alt"), first)
    second = tmp_path / "b.pressdesk"
    os.link(first, second)
    save_draft(reference_draft, first)
    assert os.path.samefile(first, second)
    assert load_draft(second) == reference_draft
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pressdesk", "b.pressdesk"]


def test_saving_keeps_extended_attributes_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "x.pressdesk"
    path.write_bytes(b"alt")
    path.chmod(0o640)
    try:
        os.setxattr(path, "user.pressdesk.tag", b"embargo")
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            pytest.skip("this file system has no extended attributes")
        raise
    write_user_file(path, b"neu")
    assert path.read_bytes() == b"neu"
    assert os.getxattr(path, "user.pressdesk.tag") == b"embargo"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_read_only_file_is_refused_in_german_and_stays(tmp_path: Path) -> None:
    path = tmp_path / "fest.pressdesk"
    save_draft(Draft(headline="Schreibgeschützt"), path)
    path.chmod(0o444)
    before = path.read_bytes()
    assert is_read_only(path)
    with pytest.raises(DraftFileError, match="schreibgeschützt"):
        save_draft(Draft(headline="Neu"), path)
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.skipif(not IS_ROOT, reason="changing a file's owner needs root")
def test_another_users_file_keeps_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "kollege.pdf"
    path.write_bytes(b"alt")
    os.chown(path, 12345, 12345)
    path.chmod(0o664)
    write_user_file(path, b"neu")
    st = path.stat()
    assert (st.st_uid, st.st_gid) == (12345, 12345)
    assert stat.S_IMODE(st.st_mode) == 0o664


def test_a_device_is_never_replaced(device: Path) -> None:
    before = os.stat(device)
    with pytest.raises(UserFileError, match="Gerät"):
        write_user_file(device, b"%PDF")
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


# temp files: short names, nothing left behind ------------------------------------------


def test_a_file_name_of_255_bytes_can_be_saved(tmp_path: Path) -> None:
    path = tmp_path / ("l" * (255 - len(".pressdesk")) + ".pressdesk")
    save_draft(Draft(headline="Lang"), path)
    assert load_draft(path).headline == "Lang"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_writer_killed_mid_write_leaves_no_file_behind(tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import os, signal
        import pressdesk.model.fileio as door
        real_fsync = os.fsync
        def die(fd):
            os.kill(os.getpid(), signal.SIGKILL)
        os.fsync = die
        door.write_user_file({str(tmp_path / "d.pdf")!r}, b"x" * 100000)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], check=False)
    assert result.returncode == -signal.SIGKILL
    assert list(tmp_path.iterdir()) == []


def test_stale_temp_files_of_dead_writers_are_cleaned_but_live_ones_kept(
    tmp_path: Path,
) -> None:
    stale = tmp_path / ".~pd0123abcd.tmp"
    stale.write_bytes(b"halb")
    live = tmp_path / ".~pd89abcdef.tmp"
    live.write_bytes(b"wird geschrieben")
    other = tmp_path / ".~lock.x#"
    other.write_bytes(b"fremd")
    import fcntl

    with live.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert clean_stale_temps(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".~lock.x#", ".~pd89abcdef.tmp"]


# point 5: all or nothing -----------------------------------------------------------------


def test_two_files_are_written_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf, docx = tmp_path / "a.pdf", tmp_path / "a.docx"
    pdf.write_bytes(b"alt-pdf")
    docx.write_bytes(b"alt-docx")
    real_write = os.write

    def full_disk(fd: int, data: bytes | memoryview) -> int:
        if bytes(data[:4]) == b"PK\x03\x04":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(UserFileError, match="kein Platz mehr") as info:
        write_user_files([(pdf, b"%PDF-neu"), (docx, b"PK\x03\x04neu")])
    assert "No space" not in str(info.value)
    assert pdf.read_bytes() == b"alt-pdf"
    assert docx.read_bytes() == b"alt-docx"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf"]


def test_a_failure_while_replacing_puts_back_the_first_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf, docx = tmp_path / "a.pdf", tmp_path / "a.docx"
    pdf.write_bytes(b"alt-pdf")
    real_replace = os.replace

    def second_fails(src: str, dst: str) -> None:
        if str(dst).endswith(".docx"):
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", second_fails)
    with pytest.raises(UserFileError, match="Ein-/Ausgabefehler"):
        write_user_files([(pdf, b"%PDF-neu"), (docx, b"PK-neu")])
    monkeypatch.undo()
    assert pdf.read_bytes() == b"alt-pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]


# points 6 and 7: reading only regular files, bounded -------------------------------------


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "f.pressdesk"
    os.mkfifo(fifo)
    with pytest.raises(DraftFileError, match="Pipe"):
        load_draft(fifo)


def test_a_device_that_claims_size_zero_is_not_read(tmp_path: Path) -> None:
    with pytest.raises(DraftFileError, match="Gerät"):
        load_draft("/dev/zero")


def test_the_read_is_bounded_whatever_the_size(tmp_path: Path) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"a" * 101)
    with pytest.raises(UserFileError, match="zu groß"):
        read_user_bytes(path, 100)
    assert read_user_bytes(path, 101) == b"a" * 101


# point 8: lone surrogates -----------------------------------------------------------------


def test_a_lone_surrogate_is_refused_with_a_printable_message(tmp_path: Path) -> None:
    path = tmp_path / "s.pressdesk"
    path.write_bytes(b'{"schemaVersion":1,"body":[{"type":"\\udfff"}]}')
    with pytest.raises(DraftFileError, match="ungültige Zeichen") as info:
        load_draft(path)
    str(info.value).encode("utf-8")  # printable: no surrogate inside


# point 9: the umask is never touched -------------------------------------------------------


def test_writing_never_changes_the_umask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(mask: int) -> int:
        raise AssertionError("os.umask called: other threads could create open files")

    old = os.umask(0o027)
    try:
        monkeypatch.setattr(os, "umask", forbidden)
        write_user_file(tmp_path / "neu.pdf", b"%PDF")
    finally:
        monkeypatch.undo()
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "neu.pdf").stat().st_mode) == 0o640


def test_a_forced_private_mode_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "privat.json"
    write_user_file(path, b"{}", mode=0o600)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# point 12: German texts, safe names --------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "german"),
    [
        (errno.ENOSPC, "kein Platz mehr"),
        (errno.EROFS, "schreibgeschützt"),
        (errno.EDQUOT, "Speicherkontingent"),
        (errno.EIO, "Ein-/Ausgabefehler"),
        (errno.ENAMETOOLONG, "zu lang"),
    ],
)
def test_system_errors_are_german(code: int, german: str) -> None:
    assert german in os_error_text(OSError(code, os.strerror(code)))


def test_the_old_file_is_mentioned_only_when_there_was_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    new = tmp_path / "neu.pressdesk"
    with pytest.raises(DraftFileError) as info:
        save_draft(Draft(), new)
    assert "kein Platz mehr" in str(info.value)
    assert "alte Datei" not in str(info.value)
    assert "No space" not in str(info.value)
    old = tmp_path / "alt.pressdesk"
    old.write_bytes(b"alt")
    with pytest.raises(DraftFileError, match="die alte Datei ist unverändert"):
        save_draft(Draft(), old)


def test_names_in_messages_have_no_control_characters_and_are_short(tmp_path: Path) -> None:
    with pytest.raises(DraftFileError) as info:
        load_draft("\x1b]0;owned\x07\n.pressdesk")
    message = str(info.value)
    assert not any(ord(c) < 32 or ord(c) == 127 for c in message)
    assert "\\x1b]0;owned\\x07\\x0a.pressdesk" in message
    with pytest.raises(DraftFileError) as info:
        load_draft(tmp_path / ("x" * 250 + ".pressdesk"))
    assert len(str(info.value)) < 200
    assert clean_text("a\u202eb") == "a\\u202eb"  # no right-to-left override either


def test_a_401_digit_version_is_not_echoed_whole(tmp_path: Path) -> None:
    path = tmp_path / "v.pressdesk"
    path.write_text('{"schemaVersion": ' + "9" * 401 + "}", encoding="utf-8")
    with pytest.raises(DraftFileError, match="neueren PressDesk-Version") as info:
        load_draft(path)
    assert len(str(info.value)) < 250
    path.write_text('{"schemaVersion": ' + "9" * 5000 + "}", encoding="utf-8")
    with pytest.raises(DraftFileError, match="zu lang"):
        load_draft(path)
