"""Publishing approved press releases to the website. No Qt.

The door for the command line, the app and (later) the review store::

    from pressdesk.publish import ApprovalFacts, publish_release
    result = publish_release(draft, facts, out_dir)

``draft`` is the approved :class:`pressdesk.model.Draft`; ``facts`` says who approved
it, when, its content hash and version id (:class:`ApprovalFacts`). Every refusal (not
approved, approval voided, text changed since approval, embargo not due, preflight
failed) raises :class:`PublishError` with German reasons *before* anything is written.

Modules: :mod:`.preflight` (checks before writing, ``pressdesk preflight``),
:mod:`.pdfua` (PDF/UA machine checks), :mod:`.words` (text present in order),
:mod:`.htmlpage` (the accessible web page), :mod:`.proof` (approval proof in the XMP),
:mod:`.names` (file names), :mod:`.package` (the website package), :mod:`.site`
(manifest, index, feed), :mod:`.verify` (``pressdesk verify``). pikepdf, pdfminer and
Jinja2 are imported only when a command needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pressdesk.publish.errors import PublishError

if TYPE_CHECKING:
    from pressdesk.publish.proof import ApprovalFacts, Proof, content_hash

__all__ = ["ApprovalFacts", "Proof", "PublishError", "content_hash"]


def __getattr__(name: str) -> Any:
    """``ApprovalFacts``, ``Proof`` and ``content_hash`` load :mod:`.proof` on first use, so
    that every ``pressdesk`` command (which imports :mod:`.errors`) stays quick to start."""
    if name in ("ApprovalFacts", "Proof", "content_hash"):
        from pressdesk.publish import proof

        return getattr(proof, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
