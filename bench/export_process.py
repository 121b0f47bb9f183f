"""``pressdesk export --pdf`` as a whole process against a bare reportlab script (issue 12, 8).

Run by hand::

    .venv/bin/python bench/export_process.py [--runs N] [--pages 200] [--before DIR]

Prints, in one run:
- the median wall time of N fresh ``python -m pressdesk export DRAFT --pdf OUT`` processes
  and of N fresh ``python bench/export_pdf_baseline.py DRAFT OUT`` processes (bare
  reportlab: reads the JSON, sets the same texts in the same font, writes the PDF), run
  alternately, and their ratio (goal <= 1.5, better 1.3), both for the reference release and
  with ``--untagged``;
- the maximum resident memory (RSS) of each process, and the median CPU time (user +
  system) of each with its ratio: on a busy shared machine it varies less than the wall
  time;
- time and maximum RSS of a fresh process exporting a draft of about ``--pages`` pages
  (goal <= 100 MB), next to the reference, so one sees it grow linearly.

As after ``pip install`` (which compiles bytecode), the package's bytecode is compiled
first, so no process pays for compiling PressDesk's sources.

``--before DIR`` also runs an older checkout (``git archive REV src schemas resources``
unpacked in DIR; its ``src`` goes first on ``PYTHONPATH``) in the same rotation, so a
change is measured against its starting point under the same load.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pressdesk
from pressdesk.paths import reference_sample

BENCH = Path(__file__).resolve().parent


def run_once(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and maximum RSS (MB) of one fresh process running ``cmd``.

    The process's CPU seconds (user + system) go to :data:`CPU` as well: on a shared,
    busy machine they vary less than the wall time (on a quiet one the two agree).
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    CPU.append(usage.ru_utime + usage.ru_stime)
    return wall, usage.ru_maxrss / 1024


CPU: list[float] = []


def pressdesk_cmd(draft: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pressdesk", "export", str(draft), "--pdf", str(out), *extra]


def baseline_cmd(draft: Path, out: Path) -> list[str]:
    return [sys.executable, str(BENCH / "export_pdf_baseline.py"), str(draft), str(out)]


def compare(name: str, ours: list[str], bare: list[str], runs: int, before: Path | None) -> None:
    env = None
    if before is not None:
        env = dict(os.environ, PYTHONPATH=str(before / "src"))
    cmds = [("PressDesk", ours, None), ("bare reportlab", bare, None)]
    if env is not None:
        cmds.append(("before", ours, env))
    for _, cmd, e in cmds:
        run_once(cmd, e)  # warm the file cache (and the hyphenation cache)
    wall: dict[str, list[float]] = {label: [] for label, _, _ in cmds}
    rss: dict[str, list[float]] = {label: [] for label, _, _ in cmds}
    cpu: dict[str, list[float]] = {label: [] for label, _, _ in cmds}
    for _ in range(runs):
        for label, cmd, e in cmds:
            w, m = run_once(cmd, e)
            wall[label].append(w)
            rss[label].append(m)
            cpu[label].append(CPU[-1])
    med = {label: statistics.median(ts) for label, ts in wall.items()}
    bare = "bare reportlab"
    for label, ts in wall.items():
        if label == bare:
            continue
        pairs = statistics.median(x / y for x, y in zip(ts, wall[bare], strict=True))
        print(
            f"{name + ', ' + label:<34} {med[label] * 1000:6.0f} ms ({max(rss[label]):5.1f} MB)"
            f"   {bare} {med[bare] * 1000:6.0f} ms ({max(rss[bare]):5.1f} MB)"
            f"   ratio {med[label] / med[bare]:4.2f}"
            f" (pairwise median {pairs:4.2f}; goal <= 1.5, better 1.3)"
        )
        c_ours, c_bare = statistics.median(cpu[label]), statistics.median(cpu[bare])
        print(
            f"{'':<34} CPU {c_ours * 1000:6.0f} ms{'':>11}   {bare} CPU {c_bare * 1000:6.0f} ms"
            f"{'':>11}   ratio {c_ours / c_bare:4.2f}"
        )


def long_draft(pages: int, folder: Path) -> Path:
    """The reference release with a body of about ``pages`` pages.

    The schema allows at most 200 body blocks (paragraphs up to 3000 characters, lists
    up to 30 items of 500), so the body is 200 bullet lists of the reference's own
    sentences; about 2650 characters of them fill a page.
    """
    data = json.loads(reference_sample().read_text(encoding="utf-8"))
    sentences = [
        s.strip() + "."
        for b in data["body"]
        if b["type"] == "paragraph"
        for s in b["text"].split(". ")
        if s.strip()
    ]
    per_block = pages * 2650 // 200
    item_max = 480
    stream = itertools.cycle(sentences)
    blocks = []
    for _ in range(200):
        items, item, size = [], "", 0
        for sentence in stream:
            if len(item) + len(sentence) + 1 > item_max:
                items.append(item)
                size += len(item)
                item = ""
                if size >= per_block or len(items) == 30:
                    break
            item = (item + " " + sentence).strip()
        blocks.append({"type": "list", "items": items})
    data["body"] = blocks
    path = folder / f"lang-{pages}.pressdesk"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--before", type=Path, help="an older checkout to run alongside")
    args = parser.parse_args()
    compileall.compile_dir(Path(pressdesk.__file__).parent, quiet=1)
    if args.before is not None:
        compileall.compile_dir(args.before / "src", quiet=1)
    ref = reference_sample()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours, bare = folder / "pressdesk.pdf", folder / "bare.pdf"
        compare(
            "reference, tagged",
            pressdesk_cmd(ref, ours),
            baseline_cmd(ref, bare),
            args.runs,
            args.before,
        )
        compare(
            "reference, --untagged",
            pressdesk_cmd(ref, ours, "--untagged"),
            baseline_cmd(ref, bare),
            args.runs,
            args.before,
        )
        big = long_draft(args.pages, folder)
        envs: list[tuple[str, dict[str, str] | None]] = [("", None)]
        if args.before is not None:
            envs.append((" (before)", dict(os.environ, PYTHONPATH=str(args.before / "src"))))
        for draft, (label, env) in itertools.product((ref, big), envs):
            wall, rss = min(run_once(pressdesk_cmd(draft, ours), env) for _ in range(2))
            out = subprocess.run(
                ["pdfinfo", str(ours)], capture_output=True, text=True, check=False
            ).stdout
            pages = next(
                (ln.split()[-1] for ln in out.splitlines() if ln.startswith("Pages:")), "?"
            )
            print(
                f"{draft.name + label:<48} {pages:>4} pages: {wall * 1000:7.0f} ms, "
                f"max RSS {rss:6.1f} MB (goal <= 100 MB)"
            )


if __name__ == "__main__":
    main()
