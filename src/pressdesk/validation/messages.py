"""German field names and messages.

jsonschema's English texts never reach a user: every schema error is turned into a
:class:`Problem` whose label names the field in words and whose text says what is
wrong. Field-specific texts live in the schema itself (``x-messages``), next to the
rule they explain; generic ones are here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pressdesk.validation.problem import Problem
from pressdesk.validation.schema import SchemaError

PathPart = str | int
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):(?!\d)")

_FIXED: dict[str, str] = {
    "schemaVersion": "Formatversion",
    "header": "Kopf",
    "header.kind": "Dokumentart",
    "header.reference": "Referenz",
    "header.date": "Datum",
    "header.embargo": "Sperrfrist",
    "header.embargo.date": "Sperrfrist (Datum)",
    "header.embargo.time": "Sperrfrist (Uhrzeit)",
    "header.embargo.atSpeechStart": "Sperrfrist (Redebeginn)",
    "pressOffice": "Pressestelle",
    "pressOffice.organisation": "Pressestelle – Behörde",
    "pressOffice.unit": "Pressestelle – Einheit",
    "pressOffice.address": "Pressestelle – Anschrift",
    "pressOffice.phones": "Pressestelle – Telefon",
    "pressOffice.fax": "Pressestelle – Telefax",
    "pressOffice.email": "Pressestelle – E-Mail",
    "pressOffice.website": "Pressestelle – Website",
    "pressOffice.website.url": "Pressestelle – Website (Adresse)",
    "pressOffice.website.text": "Pressestelle – Website (Linktext)",
    "announcement": "Ankündigungszeile",
    "headline": "Überschrift",
    "subheadline": "Unterzeile",
    "body": "Haupttext",
    "furtherInformation": "Weitere Informationen",
    "socialMedia": "Social Media",
    "contact": "Kontaktzeile",
    "photoCredits": "Bildnachweis",
}

BLOCK_NAMES = {
    "paragraph": "Absatz",
    "quote": "Zitat",
    "subheading": "Zwischenüberschrift",
    "list": "Aufzählung",
}

_SUBFIELDS = {
    "speaker": "Sprecherin/Sprecher",
    "url": "Adresse",
    "text": "Linktext",
    "network": "Netzwerk",
}


def path_string(parts: Sequence[PathPart]) -> str:
    """['body', 2, 'text'] -> 'body[2].text' (the form's address of a field)."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def field_label(parts: Sequence[PathPart], data: dict[str, Any]) -> str:
    """The German name of a field, as the press officer sees it in the form."""
    parts = list(parts)
    key = path_string(parts)
    if key in _FIXED:
        return _FIXED[key]
    head = parts[0] if parts else ""
    if head == "body" and len(parts) >= 2 and isinstance(parts[1], int):
        i = parts[1]
        blocks = data.get("body") or []
        kind = blocks[i].get("type", "paragraph") if i < len(blocks) else "paragraph"
        name = f"{BLOCK_NAMES.get(kind, 'Block')} {i + 1}"
        rest = parts[2:]
        if rest[:1] == ["speaker"]:
            return f"{name}, Sprecherin/Sprecher"
        if rest[:1] == ["items"] and len(rest) >= 2 and isinstance(rest[1], int):
            return f"{name}, Punkt {rest[1] + 1}"
        if rest[:1] == ["marks"] and len(rest) >= 2 and isinstance(rest[1], int):
            return _mark_label(name, blocks[i] if i < len(blocks) else {}, rest[1])
        if rest[:1] == ["itemMarks"] and len(rest) >= 2 and isinstance(rest[1], int):
            j = rest[1]
            block = blocks[i] if i < len(blocks) and isinstance(blocks[i], dict) else {}
            if len(rest) < 3 or not isinstance(rest[2], int):
                return f"{name}, Punkt {j + 1}"
            items = block.get("itemMarks") or []
            texts = block.get("items") or []
            item = {
                "marks": items[j] if j < len(items) and isinstance(items[j], list) else [],
                "text": texts[j] if j < len(texts) and isinstance(texts[j], str) else "",
            }
            return _mark_label(f"{name}, Punkt {j + 1}", item, rest[2])
        return name
    if head in ("pressOffice",) and len(parts) >= 3 and isinstance(parts[2], int):
        base = _FIXED[path_string(parts[:2])]
        if parts[1] == "address":
            return f"{base}, Zeile {parts[2] + 1}"
        return base if parts[2] == 0 else f"{base} {parts[2] + 1}"
    if head in ("furtherInformation", "socialMedia") and len(parts) >= 2:
        base = _FIXED[str(head)]
        label = f"{base}, Link {int(parts[1]) + 1}"
        if len(parts) >= 3:
            label += f" ({_SUBFIELDS.get(str(parts[2]), str(parts[2]))})"
        return label
    return key or "Entwurf"


def _mark_label(name: str, block: dict[str, Any], k: int) -> str:
    """'Absatz 3, Link „Programm“': the linked words, if the mark is a link inside the text."""
    marks = block.get("marks") or []
    mark = marks[k] if k < len(marks) else None
    if not isinstance(mark, dict) or mark.get("type") != "link":
        return name
    text = str(block.get("text", ""))
    start, end = mark.get("start"), mark.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start < end <= len(text):
        return f"{name}, Link"
    words = " ".join(text[start:end].split())
    if not words:
        return f"{name}, Link"
    return f"{name}, Link „{words if len(words) <= 30 else words[:29] + '…'}“"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def schema_error_text(error: SchemaError) -> str:
    """The German text for one schema violation (without the field label)."""
    keyword = error.keyword
    custom = error.schema.get("x-messages", {})
    if keyword in custom:
        return str(custom[keyword])
    value = error.limit
    instance = error.instance
    if keyword == "minLength":
        return "fehlt" if value == 1 else f"zu kurz (mindestens {value} Zeichen)"
    if keyword == "maxLength":
        return f"zu lang: {len(instance)} Zeichen, erlaubt sind höchstens {value}"
    if keyword == "minItems":
        return "fehlt" if value == 1 else f"zu wenige Einträge (mindestens {value})"
    if keyword == "maxItems":
        return f"zu viele Einträge: {len(instance)}, erlaubt sind höchstens {value}"
    if keyword == "format":
        return _format_text(str(value), instance)
    if keyword in ("enum", "const"):
        return "unzulässiger Wert"
    if keyword == "pattern":
        return "unzulässige Zeichen oder Form"
    if keyword == "required":
        return "Pflichtangabe fehlt"
    if keyword == "type":
        return "falsche Art von Angabe"
    if keyword == "additionalProperties":
        return "unbekannte Angabe"
    return "ungültige Angabe"


def _format_text(fmt: str, instance: Any) -> str:
    if fmt == "date":
        return "kein gültiges Datum"
    if fmt == "email":
        return "keine gültige E-Mail-Adresse"
    if fmt == "uri":
        text = str(instance)
        scheme = _SCHEME.match(text)
        if scheme and scheme.group(1).lower() not in ("http", "https"):
            return "keine gültige Internetadresse (nur https:// oder http://)"
        if not scheme:
            return "Adresse ohne https:// – bitte vollständig angeben (z. B. https://www.land.nrw)"
        return "keine gültige Internetadresse"
    return "ungültiges Format"


def problem_from_schema_error(error: SchemaError, data: dict[str, Any]) -> Problem:
    parts: list[PathPart] = list(error.path)
    if error.keyword == "required" and isinstance(error.instance, dict):
        missing = [k for k in error.limit or () if k not in error.instance]
        if missing:
            parts.append(missing[0])
    return Problem(
        path=path_string(parts) or "Entwurf",
        severity="error",
        label=field_label(parts, data),
        text=schema_error_text(error),
    )


__all__ = ["field_label", "path_string", "problem_from_schema_error", "schema_error_text"]
