"""PressDesk: drafting, checking, approving and publishing press releases."""

__version__ = "0.1.0"
