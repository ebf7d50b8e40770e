"""Every foreground/background pair the app's style sheets and palettes use reaches WCAG 2.2 AA.

The pairs are read from the real style sheet text (`widgets.build_style`, and presenter mode's addition)
and the real palettes (`widgets.accessible_palette` over Qt's own default palette, the light and dark
high-contrast palettes, presenter mode's palette), never from a hand-kept list: a new rule with a poor
colour fails here. Text needs 4.5:1; control boundaries, check box indicators and focus rings 3:1.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QWidget

from privacy_audit.ui import widgets as w

R = QPalette.ColorRole
ROLE_NAMES = {
    "window": R.Window,
    "window-text": R.WindowText,
    "base": R.Base,
    "alternate-base": R.AlternateBase,
    "text": R.Text,
    "button": R.Button,
    "button-text": R.ButtonText,
    "highlight": R.Highlight,
    "highlighted-text": R.HighlightedText,
    "placeholder-text": R.PlaceholderText,
    "mid": R.Mid,
    "dark": R.Dark,
    "link": R.Link,
}
# The text colour a widget type draws with when its rule sets none.
DEFAULT_TEXT = {"QLabel": "window-text", "QPushButton": "button-text", "QCheckBox": "window-text"}
CONTROLS = ("QPushButton", "QLineEdit", "QComboBox", "QListWidget", "QTextBrowser", "QPlainTextEdit")
FOCUSABLE = (*CONTROLS, "QCheckBox", "QRadioButton")
# Palette pairs that widgets drawn by the style itself (no style sheet colour) use: (text, background).
PALETTE_PAIRS = [
    ("text", "base"),
    ("window-text", "window"),
    ("window-text", "base"),
    ("window-text", "alternate-base"),
    ("button-text", "button"),
    ("highlighted-text", "highlight"),
    ("placeholder-text", "base"),
    ("placeholder-text", "window"),
    ("placeholder-text", "alternate-base"),
    ("link", "base"),
    ("link", "window"),
]


def looks(app: QApplication) -> dict[str, tuple[QPalette, str]]:
    """Each look the app can show: its palette and its whole style sheet."""
    from privacy_audit.demo.qt import PRESENTER_STYLE, high_contrast_palette

    qt_default = app.style().standardPalette()
    found = {
        key: (w.accessible_palette(qt_default, contrast.colours), w.build_style(key))
        for key, contrast in w.CONTRASTS.items()
    }
    found["presenter"] = (high_contrast_palette(), w.build_style(w.SYSTEM) + PRESENTER_STYLE)
    return found


def colour_in(value: str, palette: QPalette) -> QColor | None:
    """The colour a declaration value names (palette(role), #hex or a colour name), None for none/transparent."""
    match = re.search(r"palette\(([a-z-]+)\)", value)
    if match:
        return palette.color(ROLE_NAMES[match.group(1)])
    match = re.search(r"#[0-9a-fA-F]{6}\b|\b(white|black)\b", value)
    return QColor(match.group(0)) if match else None


def selectors(style: str) -> list[tuple[str, dict[str, str]]]:
    """Rules split per selector (a rule "A, B { }" counts for A and for B)."""
    return [(one.strip(), decls) for group, decls in w.style_rules(style) for one in group.split(",")]


def effective(style: str, selector: str) -> dict[str, str]:
    """The declarations that reach `selector`: those of every rule for the same widget type whose object
    name and state are absent or the same, least specific first (how the cascade resolves them here)."""
    kind, name, state = parts(selector)
    merged: dict[str, str] = {}
    candidates = []
    for other, decls in selectors(style):
        if " " in other and other != selector:
            continue
        o_kind, o_name, o_state = parts(other)
        if o_kind == kind and o_name in ("", name) and o_state in ("", state):
            candidates.append((bool(o_name) + bool(o_state), decls))
    for _, decls in sorted(candidates, key=lambda c: c[0]):
        merged.update(decls)
        if "border" in decls:  # the shorthand replaces the colour set by an earlier border-color
            merged.pop("border-color", None)
    return merged


def parts(selector: str) -> tuple[str, str, str]:
    last = selector.split()[-1]
    match = re.match(r"([A-Za-z]+)(?:#(\w+))?((?::{1,2}[\w-]+)*)", last)
    assert match, selector
    return match.group(1), match.group(2) or "", match.group(3) or ""


def surfaces(palette: QPalette, style: str) -> dict[str, QColor]:
    """What a widget can sit on: the page, a card, a notice, a banner."""
    found = {name: palette.color(ROLE_NAMES[name]) for name in ("window", "base", "alternate-base")}
    banner = effective(style, "QFrame#banner")
    found["banner"] = colour_in(banner.get("background", ""), palette)
    return found


def pairs(palette: QPalette, style: str) -> list[tuple[str, str, QColor, QColor, float]]:
    """(what, on what, foreground, background, ratio needed) for every pair the look draws."""
    found = []
    places = surfaces(palette, style)
    for selector, _ in selectors(style):
        kind, _name, state = parts(selector)
        if (
            ":disabled" in state or ":hover" in state
        ):  # WCAG exempts inactive controls; hover is not the only cue
            continue
        decls = effective(style, selector)
        own_bg = colour_in(decls.get("background", ""), palette)
        on = {"own background": own_bg} if own_bg else dict(places)
        if "#banner" in selector and " " in selector:
            on = {"banner": places["banner"]}
        if "::indicator" in state:
            # The indicator's border and fill against what it sits on, and ticked against unticked.
            border = colour_in(decls.get("border", ""), palette)
            for where, bg in places.items():
                found.append((selector + " border", where, border, bg, w.NON_TEXT_RATIO))
            if ":checked" in state:
                unticked = colour_in(
                    effective(style, selector.replace(":checked", ""))["background"], palette
                )
                found.append((selector + " fill", "unticked fill", own_bg, unticked, w.NON_TEXT_RATIO))
            continue
        fg_value = decls.get("color") or (f"palette({DEFAULT_TEXT[kind]})" if kind in DEFAULT_TEXT else "")
        fg = colour_in(fg_value, palette)
        if fg is not None and kind not in ("QFrame",):
            for where, bg in on.items():
                found.append((selector + " text", where, fg, bg, w.TEXT_RATIO))
        if kind == "QFrame" and "color" in decls:
            found.append((selector + " text", "own background", fg, own_bg, w.TEXT_RATIO))
        border = colour_in(decls.get("border-color", "") or decls.get("border", ""), palette)
        is_control = kind in CONTROLS and "#link" not in selector or (":focus" in state and kind in FOCUSABLE)
        if border is not None and is_control and "transparent" not in decls.get("border", ""):
            for where, bg in places.items():
                found.append((selector + " boundary", where, border, bg, w.NON_TEXT_RATIO))
    for fg_name, bg_name in PALETTE_PAIRS:
        fg, bg = palette.color(ROLE_NAMES[fg_name]), palette.color(ROLE_NAMES[bg_name])
        found.append((f"palette {fg_name}", bg_name, fg, bg, w.TEXT_RATIO))
    return found


@pytest.mark.parametrize("look", ["system", "high-light", "high-dark", "presenter"])
def test_every_colour_pair_of_the_look_reaches_wcag_aa(qapp, look):
    palette, style = looks(qapp)[look]
    measured = pairs(palette, style)
    assert len(measured) > 60, "the style sheet was not read (too few pairs)"
    failing = [
        f"{what} on {where}: {fg.name()} / {bg.name()} = {w.contrast(fg, bg):.2f}:1 (needs {need}:1)"
        for what, where, fg, bg, need in measured
        if w.contrast(fg, bg) < need
    ]
    assert not failing, "\n".join(failing)


@pytest.mark.parametrize("look", ["system", "high-light", "high-dark", "presenter"])
def test_every_focusable_kind_has_a_visible_focus_ring(qapp, look):
    palette, style = looks(qapp)[look]
    places = surfaces(palette, style)
    for kind in FOCUSABLE:
        focus = effective(style, f"{kind}:focus")
        rest = effective(style, kind)
        ring = focus.get("border", "")
        width = re.search(r"(\d+)px", ring)
        assert width and int(width.group(1)) >= 2, f"{kind}:focus has no ring of 2 px or more ({ring!r})"
        colour = colour_in(ring, palette)
        assert (
            colour is not None
            and colour_in(rest.get("border", ""), palette) != colour
            or (int(width.group(1)) > int((re.search(r"(\d+)px", rest.get("border", "0px")) or ["", "0"])[1]))
        ), f"{kind}: the focus ring looks like the resting border"
        for where, bg in places.items():
            assert w.contrast(colour, bg) >= w.NON_TEXT_RATIO, f"{kind} focus ring on {where}"


def test_qt_default_palette_would_fail_and_is_repaired(qapp):
    """The failure the review found (grey placeholder text near #7F7F7F, 4.0:1 on white) is real in Qt's own
    palette, and the app's accessible palette is what fixes it: this test would fail if the repair did nothing."""
    raw = qapp.style().standardPalette()
    placeholder = raw.color(R.PlaceholderText)
    flat = w._mix(
        raw.color(R.Base),
        QColor(placeholder.red(), placeholder.green(), placeholder.blue()),
        placeholder.alphaF(),
    )
    assert w.contrast(flat, raw.color(R.Window)) < w.TEXT_RATIO
    fixed = w.accessible_palette(raw)
    assert w.contrast(fixed.color(R.PlaceholderText), raw.color(R.Window)) >= w.TEXT_RATIO
    # A palette that is already good is left as it was.
    dark = w.accessible_palette(raw, w.CONTRASTS[w.HIGH_DARK].colours)
    assert dark.color(R.PlaceholderText).name() == w.CONTRASTS[w.HIGH_DARK].colours[R.PlaceholderText]


@pytest.mark.parametrize("look", ["system", "high-light", "high-dark"])
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_unticked_boxes_are_drawn_visibly_in_every_palette(qapp, look, kind):
    """Rendered for real: the unticked indicator has pixels that stand out 3:1 from the window behind it."""
    w.apply_look(qapp, look, 1.0)
    try:
        holder = QWidget()
        holder.setAutoFillBackground(True)
        box = kind("Remind me", holder)
        box.adjustSize()
        holder.resize(box.sizeHint().width() + 10, box.sizeHint().height() + 10)
        holder.ensurePolished()
        image = holder.grab().toImage()
        background = qapp.palette().color(R.Window)
        height = box.height()
        strongest = max(
            w.contrast(QColor(image.pixel(x, y)), background)
            for x in range(min(image.width(), height + 4))
            for y in range(min(image.height(), height))
        )
        assert strongest >= w.NON_TEXT_RATIO
    finally:
        w.apply_look(qapp, w.SYSTEM, 1.0)
