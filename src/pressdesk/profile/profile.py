"""House-style profiles: one file drives the PDF and the DOCX exporter alike.

A profile is JSON in ``resources/profiles/`` validated by
``schemas/profile.schema.json``. Lengths are millimetres, sizes points, colours
``#rrggbb``. :class:`Profile` gives typed, read-only access; exporters never read
the raw dict.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pressdesk.model.draft import Draft, PressOffice, SocialLink
from pressdesk.model.fileio import clean_text, find_surrogate, read_user_bytes, shown
from pressdesk.model.files import draft_from_dict
from pressdesk.paths import fonts_dir, profiles_dir, resources_dir, schemas_dir

DEFAULT_PROFILE = "nrw"


class ProfileError(Exception):
    """A profile that cannot be used; the message is German."""


@dataclass(frozen=True)
class PageGeometry:
    """Paper size and margins, side column and header heights (mm)."""

    size: str
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    sidebar_width: float
    sidebar_gap: float
    header_height: float
    running_header_height: float


@dataclass(frozen=True)
class FontSet:
    """The family's four font files."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    office_name: str = ""  # the DOCX's name for the font (a metric twin); "" = family

    @property
    def docx_name(self) -> str:
        return self.office_name or self.family

    def files(self) -> dict[str, Path]:
        return {
            "regular": self.regular,
            "bold": self.bold,
            "italic": self.italic,
            "boldItalic": self.bold_italic,
        }


@dataclass(frozen=True)
class Sizes:
    """Type sizes and leading (points)."""

    body: float
    leading: float
    headline: float
    subheadline: float
    subheading: float
    announcement: float
    header: float
    sidebar: float
    small: float


@dataclass(frozen=True)
class Colors:
    """Colours as ``#rrggbb``."""

    text: str
    accent: str
    sidebar: str
    rule: str
    link: str
    draft_mark: str


@dataclass(frozen=True)
class DraftMark:
    """The ENTWURF mark: size in points, angle in degrees, opacity 0..1."""

    size: float = 96
    angle: float = 55
    opacity: float = 0.18


@dataclass(frozen=True)
class Logo:
    """An optional logo: file, position and width (mm), alternative text."""

    path: Path
    x: float
    y: float
    width: float
    alt: str


@dataclass(frozen=True)
class Rules:
    """The profile's validation rules: reference pattern, gender characters."""

    reference_pattern: str
    reference_hint: str
    gender_characters: str  # "off" | "warning" | "error"


@dataclass(frozen=True)
class Profile:
    """One house style, read-only (see the module doc)."""

    id: str
    name: str
    page: PageGeometry
    fonts: FontSet
    sizes: Sizes
    colors: Colors
    logo: Logo | None
    labels: dict[str, str]
    rules: Rules
    raw: dict[str, Any]
    draft_mark: DraftMark = DraftMark()

    def label(self, key: str) -> str:
        return self.labels[key]

    def page_label(self, page: int, pages: int) -> str:
        return self.labels["page"].format(page=page, pages=pages)

    def default_press_office(self) -> PressOffice:
        data = {"pressOffice": copy.deepcopy(self.raw.get("pressOffice", {})), "schemaVersion": 1}
        return draft_from_dict(data).press_office

    def default_social_media(self) -> list[SocialLink]:
        return [SocialLink(**s) for s in self.raw.get("socialMedia", [])]

    def new_draft(self) -> Draft:
        """An empty draft with this house's press office block and links filled in."""
        return Draft(
            press_office=self.default_press_office(),
            social_media=self.default_social_media(),
            announcement=str(self.raw.get("announcement", "")),
        )


def _resolve(path: str, base: Path) -> Path:
    p = Path(path)
    return p if p.is_absolute() else base / p


@cache
def _profile_validator() -> Any:
    import jsonschema_rs

    schema = json.loads((schemas_dir() / "profile.schema.json").read_text(encoding="utf-8"))
    return jsonschema_rs.Draft202012Validator(schema)


SCHEMA_KEYWORDS = {
    "type": "hat den falschen Typ",
    "required": "eine Pflichtangabe fehlt",
    "additionalProperties": "enthält ein unbekanntes Feld",
    "minimum": "Wert ist zu klein",
    "exclusiveMinimum": "Wert ist zu klein",
    "maximum": "Wert ist zu groß",
    "exclusiveMaximum": "Wert ist zu groß",
    "minLength": "Text ist zu kurz",
    "maxLength": "Text ist zu lang",
    "pattern": "hat nicht das erwartete Format",
    "enum": "ist kein erlaubter Wert",
    "const": "ist kein erlaubter Wert",
    "minItems": "zu wenige Einträge",
    "maxItems": "zu viele Einträge",
    "format": "hat nicht das erwartete Format",
}


def profile_from_dict(data: dict[str, Any], *, schema_checked: bool = False) -> Profile:
    """The profile in ``data``; :class:`ProfileError` (German) when it cannot be used.

    ``schema_checked``: these very bytes passed the schema before (see
    :func:`load_profile_file`); the other checks (fonts, logo, pattern) run anyway.
    """
    errors = (
        []
        if schema_checked
        else sorted(_profile_validator().iter_errors(data), key=lambda e: list(e.instance_path))
    )
    if errors:
        e = errors[0]
        where = clean_text("/".join(str(p) for p in e.instance_path) or "Profil", 60)
        keyword = str(e.schema_path[-1]) if e.schema_path else ""
        what = SCHEMA_KEYWORDS.get(keyword, "entspricht nicht dem Profilschema")
        named = getattr(e.kind, "property", None) or getattr(e.kind, "unexpected", None)
        if keyword == "required" and isinstance(named, str):
            what = f"die Pflichtangabe {shown(named, 40)} fehlt"
        elif keyword == "additionalProperties" and isinstance(named, list) and named:
            what = f"unbekanntes Feld {shown(str(named[0]), 40)}"
        raise ProfileError(f"Das Profil ist ungültig ({where}: {what}).")
    try:
        re.compile(data["rules"]["referencePattern"])
    except re.error as exc:
        raise ProfileError(
            f"Das Muster für die Referenz im Profil ist ungültig (an Stelle {exc.pos})."
        ) from None
    p, f, s, c = data["page"], data["fonts"], data["sizes"], data["colors"]
    fonts = FontSet(
        family=f["family"],
        regular=_resolve(f["regular"], fonts_dir()),
        bold=_resolve(f["bold"], fonts_dir()),
        italic=_resolve(f["italic"], fonts_dir()),
        bold_italic=_resolve(f["boldItalic"], fonts_dir()),
        office_name=f.get("officeName", ""),
    )
    for style, font_path in fonts.files().items():
        if not font_path.is_file():
            raise ProfileError(
                f"Die Schrift „{fonts.family}“ ({style}) ist nicht installiert: {font_path} fehlt. "
                "Bitte installieren Sie die Hausschrift oder wählen Sie ein anderes Profil."
            )
    logo = None
    if data.get("logo"):
        lg = data["logo"]
        logo = Logo(_resolve(lg["path"], resources_dir()), lg["x"], lg["y"], lg["width"], lg["alt"])
        if not logo.path.is_file():
            raise ProfileError(f"Das Logo des Profils fehlt: {logo.path}.")
        if logo.path.suffix.lower() == ".svg":
            from pressdesk.profile.svg import check_svg_logo

            check_svg_logo(logo.path)  # no external references, scripts, blow-ups
    rules = data["rules"]
    return Profile(
        id=data["id"],
        name=data["name"],
        page=PageGeometry(
            size=p["size"],
            margin_top=p["marginTop"],
            margin_bottom=p["marginBottom"],
            margin_left=p["marginLeft"],
            margin_right=p["marginRight"],
            sidebar_width=p["sidebarWidth"],
            sidebar_gap=p["sidebarGap"],
            header_height=p["headerHeight"],
            running_header_height=p["runningHeaderHeight"],
        ),
        fonts=fonts,
        sizes=Sizes(**s),
        colors=Colors(
            text=c["text"],
            accent=c["accent"],
            sidebar=c["sidebar"],
            rule=c["rule"],
            link=c["link"],
            draft_mark=c["draftMark"],
        ),
        logo=logo,
        labels=dict(data["labels"]),
        rules=Rules(rules["referencePattern"], rules["referenceHint"], rules["genderCharacters"]),
        raw=data,
        draft_mark=DraftMark(**data["draftMark"]) if "draftMark" in data else DraftMark(),
    )


MAX_PROFILE_BYTES = 1024 * 1024


def load_profile_file(path: str | Path) -> Profile:
    """Read a profile through the file door: a regular file, bounded, strict UTF-8."""
    name = shown(path)
    raw = read_user_bytes(path, MAX_PROFILE_BYTES, ProfileError)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ProfileError(
            f"Das Profil {name} kann nicht gelesen werden: keine UTF-8-Textdatei."
        ) from None
    except json.JSONDecodeError as exc:
        raise ProfileError(
            f"Das Profil {name} kann nicht gelesen werden: kein gültiges JSON "
            f"(Zeile {exc.lineno}, Spalte {exc.colno})."
        ) from None
    except (RecursionError, ValueError):
        raise ProfileError(f"Das Profil {name} ist zu tief verschachtelt oder zu lang.") from None
    if not isinstance(data, dict):
        raise ProfileError(f"Das Profil {name} ist kein JSON-Objekt.")
    if find_surrogate(data):
        raise ProfileError(f"Das Profil {name} enthält ungültige Zeichen (Ersatzzeichen).")
    digest = _digest(raw)
    checked = digest in _checked_digests()
    profile = profile_from_dict(data, schema_checked=checked)
    if not checked:
        _remember_checked(digest)
    return profile


# The schema check needs jsonschema_rs (a 15 MB library, ~50 ms to load) on every start
# for the same unchanged profile. A profile file whose bytes passed the schema (the
# same schema) before is not checked again: its SHA-256 with the schema's is kept in
# the cache folder. A missing or broken list just means checking again.
CHECKED_KEEP = 64


def _checked_file() -> Path:
    from pressdesk.paths import user_folder

    return user_folder("cache", "pressdesk") / "profile-checked.txt"


def _digest(raw: bytes) -> str:
    import hashlib

    schema = (schemas_dir() / "profile.schema.json").read_bytes()
    return hashlib.sha256(schema + b"\0" + raw).hexdigest()


def _checked_digests() -> list[str]:
    try:
        text = _checked_file().read_text(encoding="ascii")
    except (OSError, ValueError):
        return []
    return [line for line in text.split() if len(line) == 64]


def _remember_checked(digest: str) -> None:
    from pressdesk.model.files import atomic_write_bytes

    older = [d for d in _checked_digests() if d != digest]
    kept = [*older[-(CHECKED_KEEP - 1) :], digest]
    path = _checked_file()
    with contextlib.suppress(OSError):  # a cache that cannot be written: check next time
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, "\n".join(kept).encode("ascii") + b"\n")


def available_profiles() -> list[str]:
    return sorted(p.stem for p in profiles_dir().glob("*.json"))


@cache
def load_profile(name: str = DEFAULT_PROFILE) -> Profile:
    """Load a profile by id (a file in resources/profiles) or by path."""
    if name.endswith(".json") or "/" in name:
        return load_profile_file(name)
    path = profiles_dir() / f"{name}.json"
    if not path.is_file():
        known = ", ".join(available_profiles())
        raise ProfileError(f"Unbekanntes Profil {shown(name)}. Vorhanden: {known}.")
    return load_profile_file(path)
