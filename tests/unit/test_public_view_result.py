"""What the signed-out look at a profile may say: only what was seen (browser.worker.public_view_result)."""

from __future__ import annotations

import pytest

from privacy_audit.browser.protocol import BrowserEvent, EventKind, PublicViewResult
from privacy_audit.browser.worker import public_view_result

R = PublicViewResult


@pytest.mark.parametrize(
    ("status", "text_read", "at_sign_in_page", "sign_in_box", "found", "expected"),
    [
        (200, True, False, False, (), R.SHOWN),
        (200, True, False, False, ("Springfield",), R.SHOWN),
        # A sign-in box over a profile that shows the typed words: public, whatever the box suggests.
        (200, True, False, True, ("Jo Bloggs",), R.SIGN_IN_BOX),
        (200, True, False, True, (), R.SIGN_IN_BOX),
        (200, True, True, True, ("Jo Bloggs",), R.SIGN_IN_BOX),
        (200, True, True, True, (), R.SENT_TO_SIGN_IN),
        # Text that could not be read says nothing about the words, even on a sign-in address.
        (200, False, False, False, (), R.NOT_READ),
        (200, False, True, True, (), R.NOT_READ),
        (404, True, False, False, (), R.NOT_FOUND),
        (410, True, False, False, (), R.NOT_FOUND),
        (429, True, False, False, (), R.HTTP_ERROR),
        (503, True, True, True, (), R.HTTP_ERROR),
        (None, True, False, False, (), R.SHOWN),
    ],
)
def test_the_result_claims_only_what_was_seen(
    status, text_read, at_sign_in_page, sign_in_box, found, expected
):
    assert public_view_result(status, text_read, at_sign_in_page, sign_in_box, found) is expected


def event(result: PublicViewResult, found: tuple[str, ...] = (), asked: int = 2, status: int | None = None):
    return BrowserEvent(EventKind.PUBLIC_VIEW, result=result, found=found, asked=asked, status=status)


def test_the_words_are_counted_only_when_the_page_was_searched():
    assert "1 of the 2 words you typed were found in the page's text" in event(R.SHOWN, ("a",)).message
    assert "None of the 2 words you typed were found" in event(R.SIGN_IN_BOX).message
    for result in (R.NOT_READ, R.NOT_FOUND, R.HTTP_ERROR):
        assert "words you typed" not in event(result, status=404).message, result


def test_each_result_says_its_own_thing_and_never_that_the_profile_is_hidden():
    said = {result: event(result, status=404 if result is R.NOT_FOUND else 503).message for result in R}
    assert "sign-in box" in said[R.SIGN_IN_BOX]
    assert "sent to the platform's sign-in page" in said[R.SENT_TO_SIGN_IN]
    assert "could not read this page's text" in said[R.NOT_READ]
    assert "no page at this address (404)" in said[R.NOT_FOUND]
    assert "try again later" in said[R.HTTP_ERROR] and "(503)" in said[R.HTTP_ERROR]
    assert not any("hides your profile" in words for words in said.values())
