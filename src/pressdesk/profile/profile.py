"""House-style profiles: one file drives the PDF and the DOCX exporter alike.

A profile is JSON in ``resources/profiles/`` validated by
``schemas/profile.schema.json``. Lengths are millimetres, sizes points, colours
``#rrggbb``. :class:`Profile` gives typed, read-only access; exporters never read
the raw dict.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pressdesk.model.draft import Draft, PressOffice, SocialLink
from pressdesk.model.files import draft_from_dict
from pressdesk.paths import fonts_dir, profiles_dir, resources_dir, schemas_dir

DEFAULT_PROFILE = "nrw"


class ProfileError(Exception):
    """A profile that cannot be used; the message is German."""


@dataclass(frozen=True)
class PageGeometry:
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
    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def files(self) -> dict[str, Path]:
        return {
            "regular": self.regular,
            "bold": self.bold,
            "italic": self.italic,
            "boldItalic": self.bold_italic,
        }


@dataclass(frozen=True)
class Sizes:
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
    text: str
    accent: str
    sidebar: str
    rule: str
    link: str
    draft_mark: str


@dataclass(frozen=True)
class Logo:
    path: Path
    x: float
    y: float
    width: float
    alt: str


@dataclass(frozen=True)
class Rules:
    reference_pattern: str
    reference_hint: str
    gender_characters: str  # "off" | "warning" | "error"


@dataclass(frozen=True)
class Profile:
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


def profile_from_dict(data: dict[str, Any]) -> Profile:
    errors = sorted(_profile_validator().iter_errors(data), key=lambda e: list(e.instance_path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.instance_path) or "Profil"
        raise ProfileError(f"Das Profil ist ungültig ({where}: {e.message}).")
    try:
        re.compile(data["rules"]["referencePattern"])
    except re.error as exc:
        raise ProfileError(f"Das Muster für die Referenz im Profil ist ungültig ({exc}).") from None
    p, f, s, c = data["page"], data["fonts"], data["sizes"], data["colors"]
    fonts = FontSet(
        family=f["family"],
        regular=_resolve(f["regular"], fonts_dir()),
        bold=_resolve(f["bold"], fonts_dir()),
        italic=_resolve(f["italic"], fonts_dir()),
        bold_italic=_resolve(f["boldItalic"], fonts_dir()),
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
    )


def load_profile_file(path: str | Path) -> Profile:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"Das Profil „{p}“ gibt es nicht.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProfileError(f"Das Profil „{p}“ kann nicht gelesen werden ({exc}).") from None
    if not isinstance(data, dict):
        raise ProfileError(f"Das Profil „{p}“ ist kein JSON-Objekt.")
    return profile_from_dict(data)


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
        raise ProfileError(f"Unbekanntes Profil „{name}“. Vorhanden: {known}.")
    return load_profile_file(path)
