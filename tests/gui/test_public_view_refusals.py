"""The public view says, in the screen's own (translated) words, why a typed profile detail cannot make the
address, naming the box by the label the person sees beside it."""

from __future__ import annotations

import pytest
from helpers.translation import prefixed_ts, translation
from PySide6.QtCore import Qt

FACEBOOK_LABEL = "Your Facebook user name (the part after facebook.com/ in your profile address)"


@pytest.fixture
def view(qtbot, opened):
    from privacy_audit.ui.public_view import PublicView

    made = PublicView(opened)
    qtbot.addWidget(made)
    made.show()
    made.refresh()
    made.platform.setCurrentIndex(made.platform.findData("facebook"))
    return made


def look_with(qtbot, view, username: str) -> str:
    edit = view.param_edits["username"]
    edit.setText(username)
    assert view.form.labelForField(edit).text() == FACEBOOK_LABEL  # the words beside the box
    qtbot.mouseClick(view.look_button, Qt.MouseButton.LeftButton)
    assert view.status.isVisible()
    assert view.status.accessibleName() == view.status.text()
    return view.status.text()


def test_an_empty_user_name_is_asked_for_by_the_label_beside_its_box(qtbot, view):
    assert look_with(qtbot, view, "  ") == f"Fill in “{FACEBOOK_LABEL}” first."


def test_a_user_name_with_a_space_is_refused_with_the_characters_it_may_have(qtbot, view):
    assert look_with(qtbot, view, "jo bloggs") == (
        f"“jo bloggs” can't go in “{FACEBOOK_LABEL}”: use only the letters a to z, digits, dots, dashes and "
        "underscores."
    )


def test_the_refusal_is_said_in_the_translation(qtbot, view, tmp_path):
    with translation(prefixed_ts(["ErrorWords"]), tmp_path):
        empty = look_with(qtbot, view, "")
        invalid = look_with(qtbot, view, "@jo")
    assert empty == f"[nl] Fill in “{FACEBOOK_LABEL}” first."
    assert invalid.startswith(f"[nl] “@jo” can't go in “{FACEBOOK_LABEL}”: ")
    assert "is not a valid" not in empty + invalid  # never the terminal's English
