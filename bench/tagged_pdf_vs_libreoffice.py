"""Tagged PDF: PressDesk's own exporter against LibreOffice converting our DOCX.

Run by hand: ``python bench/tagged_pdf_vs_libreoffice.py`` (needs ``soffice``).
Prints the median time of each route for the reference release and the ratio.
Target: PressDesk at least 10x faster; tagging at most 30 % over the untagged export
(see ``bench/export_pdf.py`` for that figure).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pressdesk.export.docx import export_docx
from pressdesk.export.pdf import render
from pressdesk.model import load_draft
from pressdesk.paths import reference_sample
from pressdesk.profile import load_profile
from timing import median_ms

LO_FILTER = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"}}'
)


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed: nothing to compare.")
        return
    profile = load_profile()
    draft = load_draft(reference_sample())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docx = work / "reference.docx"
        export_docx(draft, docx, profile=profile, final=True)
        user = f"-env:UserInstallation=file://{work / 'lo-profile'}"
        cmd = [
            soffice,
            user,
            "--headless",
            "--convert-to",
            LO_FILTER,
            "--outdir",
            str(work),
            str(docx),
        ]
        subprocess.run(cmd, capture_output=True, check=True, timeout=300)  # first start: profile
        lo = median_ms(lambda: subprocess.run(cmd, capture_output=True, check=True, timeout=300), 3)

        render(draft, profile, final=True)
        inproc = median_ms(lambda: render(draft, profile, final=True, tagged=True), 20)
        out = work / "pressdesk.pdf"
        cli = [
            sys.executable,
            "-m",
            "pressdesk",
            "export",
            str(reference_sample()),
            "--pdf",
            str(out),
        ]
        subprocess.run(cli, capture_output=True, check=True, timeout=120)
        proc = median_ms(lambda: subprocess.run(cli, capture_output=True, check=True), 5)

    print(f"LibreOffice, DOCX -> tagged PDF (process):  {lo:8.0f} ms")
    print(
        f"PressDesk tagged PDF, in process:           {inproc:8.1f} ms   {lo / inproc:6.0f}x faster"
    )
    print(f"PressDesk `pressdesk export --pdf` process: {proc:8.0f} ms   {lo / proc:6.1f}x faster")
    print("target: at least 10x faster")


if __name__ == "__main__":
    main()
