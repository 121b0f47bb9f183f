"""SVG logos are checked before a profile takes them: hostile files get a German reason."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from pressdesk.profile import Profile, ProfileError
from pressdesk.profile.profile import profile_from_dict
from pressdesk.profile.svg import check_svg_logo

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
GOOD = (
    f'{HEAD} width="120mm" height="40mm" viewBox="0 0 300 100">'
    '<defs><linearGradient id="g"><stop offset="0" stop-color="#123456"/>'
    '<stop offset="1" stop-color="#3a78c2"/></linearGradient>'
    '<path id="w" d="M10 90 L40 10 L70 90 Z"/></defs>'
    '<rect width="300" height="100" fill="#123456"/>'
    '<circle cx="200" cy="50" r="40" fill="#ffcc00" style="stroke: url(#g)"/>'
    '<use xlink:href="#w" fill="#ffffff"/><use href="#w" x="60" fill="url(#g)"/></svg>'
)


def _nested_uses(levels: int, fanout: int) -> str:
    groups = ['<g id="l0"><rect width="1" height="1"/></g>']
    for level in range(1, levels + 1):
        uses = "".join(f'<use href="#l{level - 1}"/>' for _ in range(fanout))
        groups.append(f'<g id="l{level}">{uses}</g>')
    return f'{HEAD} width="10" height="10"><defs>{"".join(groups)}</defs></svg>'


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;">]>'
    f'{HEAD} width="10" height="10"><desc>&c;</desc></svg>'
)
HOSTILE = {
    "entity expansion": (LAUGHS, "DOCTYPE"),
    "external entity": (
        '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'{HEAD} width="10" height="10"><desc>&x;</desc></svg>',
        "DOCTYPE",
    ),
    "external use": (
        f'{HEAD} width="10" height="10"><use href="other.svg#logo"/></svg>',
        "verweist auf andere Dateien",
    ),
    "web address in css": (
        f'{HEAD} width="10" height="10"><rect style="fill: url(https://example.org/x)"/></svg>',
        "verweist auf andere Dateien",
    ),
    "style sheet import": (
        f'{HEAD} width="10" height="10"><style>@import "x.css";</style></svg>',
        "@import",
    ),
    "image of a file": (
        f'{HEAD} width="10" height="10"><image href="file:///etc/hostname" width="5"/></svg>',
        "bettet Bilder",
    ),
    "script": (f'{HEAD} width="10" height="10"><script>alert(1)</script></svg>', "Skript"),
    "event handler": (f'{HEAD} width="10" height="10" onload="alert(1)"/>', "Skript"),
    "foreign object": (
        f'{HEAD} width="10" height="10"><foreignObject><p>x</p></foreignObject></svg>',
        "fremde Inhalte",
    ),
    "text": (f'{HEAD} width="10" height="10"><text>Land</text></svg>', "in Pfade um"),
    "use blow-up": (_nested_uses(6, 10), "zu oft"),
    "use cycle": (
        f'{HEAD} width="10" height="10"><g id="a"><use href="#a"/></g></svg>',
        "auf sich selbst",
    ),
    "huge size": (f'{HEAD} width="1000000" height="1000000"/>', "unsinnig groß"),
    "thin line": (f'{HEAD} width="1000" height="1"/>', "zu schmal"),
    "no size": (f"{HEAD}/>", "keine Größe"),
    "bad view box": (f'{HEAD} viewBox="0 0 0 10"/>', "viewBox"),
    "not xml": ("<svg", "keine gültige SVG-Datei"),
    "not svg": ('<html xmlns="http://www.w3.org/1999/xhtml"/>', "keine SVG-Datei"),
    "too many elements": (
        f'{HEAD} width="10" height="10">{"<g/>" * 10_001}</svg>',
        "Elemente",
    ),
}


def write(tmp_path: Path, text: str, name: str = "logo.svg") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_plain_logo_is_taken(tmp_path: Path) -> None:
    logo = check_svg_logo(write(tmp_path, GOOD))
    assert (round(logo.width, 1), round(logo.height, 1)) == (340.2, 113.4)  # 120 × 40 mm


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_logo_is_refused_in_german(tmp_path: Path, case: str) -> None:
    text, reason = HOSTILE[case]
    with pytest.raises(ProfileError) as refused:
        check_svg_logo(write(tmp_path, text))
    message = str(refused.value)
    assert message.startswith("Das Logo „logo.svg“ wird nicht übernommen: ")
    assert reason in message


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    padding = "<!--" + "x" * 600_000 + "-->"
    with pytest.raises(ProfileError, match="zu groß"):
        check_svg_logo(write(tmp_path, GOOD.replace("<defs>", padding + "<defs>")))


def test_profile_with_hostile_logo_does_not_load(tmp_path: Path, profile: Profile) -> None:
    raw = copy.deepcopy(profile.raw)
    raw["logo"] = {
        "path": str(write(tmp_path, HOSTILE["script"][0])),
        "x": 25,
        "y": 6,
        "width": 40,
        "alt": "Wappen",
    }
    with pytest.raises(ProfileError, match="Skript"):
        profile_from_dict(raw)
    raw["logo"]["path"] = str(write(tmp_path, GOOD, "good.svg"))
    assert profile_from_dict(raw).logo is not None
