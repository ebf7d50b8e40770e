"""Argument types shared by the sub-commands (standard library only, so `remind` stays light)."""

from __future__ import annotations

import argparse


def seconds(text: str) -> float:
    """An argparse type for a number of seconds: a finite number from 0 to a year (not nan, inf or -1),
    so a bad value is a usage error (exit 2) before the command starts, never a traceback or a timer error."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or not 0 <= value <= 366 * 24 * 3600:
        raise argparse.ArgumentTypeError(f"{text!r} must be a number of seconds from 0 to 31622400 (a year)")
    return value
