"""SVG logos: checked before a profile takes one, again before an export draws one.

A logo comes from outside (a designer, a download), and an SVG file is a program of
sorts: it can name other files or web addresses, carry scripts, expand entities or
``<use>`` references a billion-fold, or claim an absurd size. :func:`check_svg_logo`
reads the file once (bounded, a regular file), parses it with lxml without DTD,
entities or network, and accepts only drawing: shapes, paths, groups, gradients,
clip paths and references inside the file. Text must be converted to paths (the PDF
embeds only the house fonts). Every refusal is a German :class:`ProfileError`.

No Qt and no reportlab here: a profile with an SVG logo loads at start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressdesk.model.fileio import read_user_bytes, shown
from pressdesk.profile.profile import ProfileError

MAX_SVG_BYTES = 512 * 1024
MAX_ELEMENTS = 10_000
MAX_DRAWN = 20_000  # elements drawn, counting every <use> expansion
MAX_SIDE = 100_000.0  # user units (about 35 m at 1 pt)
MAX_ASPECT = 20.0
SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

_SCRIPTS = {"script", "handler", "listener"}
_FOREIGN = {"foreignObject", "iframe", "embed", "object", "audio", "video", "canvas"}
_TEXT = {"text", "tspan", "textPath", "tref", "altGlyph", "font", "font-face"}
_EXTERNAL = {"image", "feImage", "font-face-uri", "color-profile", "cursor"}
_ANIMATION = {"animate", "animateMotion", "animateTransform", "animateColor", "set", "discard"}
_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*(px|pt|mm|cm|in|pc)?\s*$")
_UNIT_PT = {None: 0.75, "px": 0.75, "pt": 1.0, "mm": 72 / 25.4, "cm": 720 / 25.4, "in": 72.0}
_UNIT_PT["pc"] = 12.0


@dataclass(frozen=True)
class SvgLogo:
    """A checked SVG logo: its bytes and its size in points (width, height)."""

    data: bytes
    width: float
    height: float


def _refuse(name: str, why: str) -> ProfileError:
    return ProfileError(f"Das Logo {name} wird nicht übernommen: {why}")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _inside(reference: str) -> bool:
    """True for a reference to something in the same file (``#id``)."""
    return reference.strip().startswith("#")


def _length(value: str | None) -> float | None:
    if value is None:
        return None
    found = _LENGTH.match(value)
    if found is None:
        return None  # a percentage or garbage: the viewBox decides
    return float(found.group(1)) * _UNIT_PT[found.group(2)]


def _size(root: Any, name: str) -> tuple[float, float]:
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = root.get("viewBox")
    if box is not None:
        try:
            numbers = [float(n) for n in re.split(r"[\s,]+", box.strip())]
        except ValueError:
            numbers = []
        if len(numbers) != 4 or numbers[2] <= 0 or numbers[3] <= 0:
            raise _refuse(name, "die Angabe viewBox ist ungültig.")
        if width is None and height is None:
            width, height = numbers[2], numbers[3]
        elif width is None and height is not None:
            width = height * numbers[2] / numbers[3]
        elif height is None and width is not None:
            height = width * numbers[3] / numbers[2]
    if not width or not height:
        raise _refuse(name, "es hat keine Größe (width und height oder viewBox fehlen).")
    if max(width, height) > MAX_SIDE:
        raise _refuse(name, "es ist unsinnig groß.")
    if max(width / height, height / width) > MAX_ASPECT:
        raise _refuse(name, "es ist viel zu schmal oder zu flach für ein Logo.")
    return width, height


def _check_references(text: str, name: str) -> None:
    for _, target in _URL.findall(text):
        if not _inside(target):
            raise _refuse(
                name,
                f"es verweist auf andere Dateien oder Adressen ({shown(target, 40)}); "
                "erlaubt sind nur Verweise innerhalb der SVG-Datei.",
            )
    if "@import" in text.lower():
        raise _refuse(name, "es lädt Stilangaben aus anderen Dateien (@import).")


def _check_element(element: Any, name: str) -> None:
    tag = _local(element.tag)
    if tag in _SCRIPTS:
        raise _refuse(name, "es enthält ein Skript; solche SVG-Dateien sind nicht erlaubt.")
    if tag in _FOREIGN:
        raise _refuse(name, f"es enthält fremde Inhalte (<{tag}>).")
    if tag in _TEXT:
        raise _refuse(
            name,
            "es enthält Text (<text>). Bitte wandeln Sie die Schrift im Grafikprogramm "
            "in Pfade um.",
        )
    if tag in _EXTERNAL:
        raise _refuse(name, f"es bettet Bilder oder Dateien ein (<{tag}>).")
    if tag in _ANIMATION:
        raise _refuse(name, f"es enthält Animationen (<{tag}>).")
    for attribute, value in element.attrib.items():
        local = _local(attribute).lower()
        if local.startswith("on"):
            raise _refuse(name, "es enthält ein Skript; solche SVG-Dateien sind nicht erlaubt.")
        if local == "href" and not _inside(value):
            raise _refuse(
                name,
                f"es verweist auf andere Dateien oder Adressen ({shown(value, 40)}); "
                "erlaubt sind nur Verweise innerhalb der SVG-Datei.",
            )
        _check_references(value, name)
    if tag == "style" and element.text:
        _check_references(element.text, name)


def _drawn(root: Any, name: str) -> int:
    """Elements drawn with every ``<use>`` expanded; refuses cycles and a blow-up."""
    ids = {el.get("id"): el for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    weights: dict[int, int] = {}
    open_: set[int] = set()

    def weight(element: Any) -> int:
        key = id(element)
        if key in weights:
            return weights[key]
        if key in open_:
            raise _refuse(name, "ein <use> verweist auf sich selbst.")
        open_.add(key)
        total = 0
        for el in element.iter():
            if not isinstance(el.tag, str):
                continue
            total += 1
            if _local(el.tag) == "use":
                ref = el.get("href") or el.get(XLINK_HREF) or ""
                target = ids.get(ref.strip()[1:])
                if target is not None:
                    total += weight(target)
            if total > MAX_DRAWN:
                raise _refuse(name, "es wiederholt Teile zu oft (<use>).")
        open_.discard(key)
        weights[key] = total
        return total

    return weight(root)


def check_svg_logo(path: str | Path) -> SvgLogo:
    """The checked logo at ``path``, or :class:`ProfileError` saying in German why not."""
    from lxml import etree

    name = shown(Path(path).name, 60)
    data = read_user_bytes(
        path,
        MAX_SVG_BYTES,
        ProfileError,
        f"Das Logo {name} ist zu groß (höchstens {MAX_SVG_BYTES // 1024} KB).",
    )
    head = data.lower()
    if b"<!doctype" in head or b"<!entity" in head:
        raise _refuse(name, "es enthält eine DOCTYPE- oder ENTITY-Angabe.")
    if b"<?xml-stylesheet" in head:
        raise _refuse(name, "es lädt Stilangaben aus anderen Dateien (xml-stylesheet).")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = getattr(exc, "lineno", None) or "?"
        raise _refuse(name, f"es ist keine gültige SVG-Datei (Zeile {line}).") from None
    if root is None or root.tag != f"{SVG_NS}svg":
        raise _refuse(name, "es ist keine SVG-Datei (das Element <svg> fehlt).")
    count = 0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # processing instructions
        count += 1
        if count > MAX_ELEMENTS:
            raise _refuse(name, f"es hat mehr als {MAX_ELEMENTS} Elemente.")
        _check_element(element, name)
    _drawn(root, name)
    width, height = _size(root, name)
    return SvgLogo(data, width, height)


def is_svg(path: str | Path) -> bool:
    return Path(path).suffix.lower() in (".svg",)
