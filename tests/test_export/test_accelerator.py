"""reportlab runs with its C accelerator (issue 12, point 8): string widths, number
formatting and PDF string escaping in C, not in reportlab's pure-Python fallbacks."""

from __future__ import annotations

import _rl_accel
from reportlab.lib import rl_accel


def test_reportlab_uses_its_c_accelerator() -> None:
    assert rl_accel.instanceStringWidthTTF is _rl_accel.instanceStringWidthTTF
    assert rl_accel.fp_str is _rl_accel.fp_str
    assert rl_accel.escapePDF is _rl_accel.escapePDF
