"""Validation of drafts: the layout schema plus checks in code, in German.

``validate(draft)`` returns every problem, each with the field path the form uses,
a severity and a German message. Errors block export and approval; warnings are
advice. It runs on every keystroke in the editor.
"""

from __future__ import annotations

import re

from pressdesk.model.draft import DRAFT_KEYS, Draft
from pressdesk.profile.profile import Profile
from pressdesk.validation.messages import problem_from_schema_error
from pressdesk.validation.problem import Problem, Severity
from pressdesk.validation.rules import RuleSettings, run_rules
from pressdesk.validation.schema import schema_errors

__all__ = ["Problem", "RuleSettings", "Severity", "has_errors", "settings_for", "validate"]

_FORM_ORDER = DRAFT_KEYS
_EMPTY = ("minLength", "minItems")
_HEADER_ORDER = ("kind", "reference", "date", "embargo")
_SPLIT = re.compile(r"[.\[\]]+")


def _form_position(problem: Problem) -> tuple[object, ...]:
    parts = [p for p in _SPLIT.split(problem.path) if p]
    head = parts[0] if parts else ""
    rank = _FORM_ORDER.index(head) if head in _FORM_ORDER else len(_FORM_ORDER)
    rest: list[object] = []
    for p in parts[1:]:
        if p.isdigit():
            rest.append((0, int(p), ""))
        elif head == "header" and p in _HEADER_ORDER:
            rest.append((0, _HEADER_ORDER.index(p), ""))
        else:
            rest.append((1, 0, p))
    return (rank, *rest)


def settings_for(profile: Profile | None) -> RuleSettings:
    """The rule settings a house-style profile asks for (none: schema rules only)."""
    if profile is None:
        return RuleSettings()
    return RuleSettings(
        reference_pattern=profile.rules.reference_pattern,
        reference_hint=profile.rules.reference_hint,
        gender_characters=profile.rules.gender_characters,
        font_file=profile.fonts.regular,
        font_family=profile.fonts.family,
        profile=profile,
    )


def validate(draft: Draft, profile: Profile | None = None) -> list[Problem]:
    """All problems of ``draft``, in the order of the form.

    Pass the house-style profile to include its rules (reference pattern, gender
    characters, glyphs missing from its font); without one only the layout schema
    and the profile-independent checks run.
    """
    data = draft.to_dict()
    errors = list(schema_errors(data))
    # An empty field is "fehlt", not also "kein gültiges Datum" or a pattern complaint.
    empty = {e.path for e in errors if e.keyword in _EMPTY and e.limit == 1}
    problems = [
        problem_from_schema_error(e, data)
        for e in errors
        if e.path not in empty or e.keyword in _EMPTY
    ]
    problems += run_rules(data, settings_for(profile))
    problems = list(dict.fromkeys(problems))
    problems.sort(key=_form_position)
    return problems


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)
