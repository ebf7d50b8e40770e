"""The building blocks of ui/widgets.py give assistive technology the roles and names they promise (read
through Qt's accessibility interfaces, which the AT-SPI bridge and UI Automation both read)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QStackedWidget, QWidget

from privacy_audit.ui import widgets as w


def interface(widget):
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None
    return found


def test_a_heading_is_a_heading_named_by_its_current_text(qapp):
    label = w.heading("First item", 2)
    assert interface(label).role() == QAccessible.Role.Heading
    label.setText("Second item")
    assert interface(label).text(QAccessible.Text.Name) == "Second item"
    assert w.is_heading(label) and not w.is_heading(w.text("plain"))
    assert interface(w.text("plain")).role() != QAccessible.Role.Heading


def test_answers_are_buttons_and_the_saved_one_says_so(qapp):
    answer = w.answer_button(1, "It's set correctly")
    assert answer.text() == "1  It's set correctly"
    assert interface(answer).role() == QAccessible.Role.Button
    assert not answer.isCheckable()
    w.mark_chosen(answer, True, "Your saved answer")
    assert answer.property("chosen") is True
    assert interface(answer).text(QAccessible.Text.Description) == "Your saved answer"
    w.mark_chosen(answer, False, "Your saved answer")
    assert interface(answer).text(QAccessible.Text.Description) == ""


def test_a_stack_shows_only_its_current_page(qapp):
    stack = QStackedWidget()
    first, second = QWidget(), QWidget()
    stack.addWidget(first)
    stack.addWidget(second)
    seen = interface(stack)
    assert seen.childCount() == 1 and seen.child(0).object() is first
    stack.setCurrentWidget(second)
    assert seen.childCount() == 1 and seen.child(0).object() is second
    assert seen.indexOfChild(interface(first)) == -1


def test_the_page_header_reads_title_then_back(qapp):
    holder = QWidget()
    row, title, back = w.page_header("History", "&Back to dashboard")
    holder.setLayout(row)
    assert interface(title).role() == QAccessible.Role.Heading
    assert isinstance(back, QPushButton) and back.accessibleName() == "Back to dashboard"
    assert row.indexOf(title) < row.indexOf(back)


def test_a_labelled_field_is_named_by_its_label_and_tied_to_it(qapp):
    field = QLineEdit()
    label = w.labelled("&Program", field)
    assert label.buddy() is field
    assert field.accessibleName() == "Program"


def test_focus_set_by_the_program_shows_its_ring_at_once(qapp):
    """A text field given focus by the program, before any key is pressed, is drawn with the focus ring
    (the highlight colour around it), and without it when focus is elsewhere."""
    from PySide6.QtGui import QColor, QPalette

    w.apply_look(qapp, w.SYSTEM, 1.0)
    window = QWidget()
    field, other = QLineEdit(window), QLineEdit(window)
    other.move(0, 60)
    window.resize(300, 120)
    window.show()
    window.activateWindow()
    ring = qapp.palette().color(QPalette.ColorRole.Highlight).name()

    def ring_pixels() -> int:
        QApplication.processEvents()
        image = field.grab().toImage()
        return sum(
            QColor(image.pixel(x, y)).name() == ring
            for x in range(image.width())
            for y in (0, 1, image.height() - 2)
        )

    w.show_focus_now(other)
    unfocused = ring_pixels()
    w.show_focus_now(field)
    focused = ring_pixels()
    window.close()
    assert unfocused == 0
    assert focused > field.width()  # most of its top and bottom edges
