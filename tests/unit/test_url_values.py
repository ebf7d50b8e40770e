"""A value typed into a profile address is refused with its facts (which box, what was typed, why), so a screen
can say translated words; its English stays for the terminal, and it is still a ValueError for older callers."""

from __future__ import annotations

import pytest

from privacy_audit.core.checklist import MAX_URL_VALUE_LENGTH, UrlValueRefused, fill_url

TEMPLATE = "https://{server}/@{username}"


@pytest.mark.parametrize(
    ("username", "typed", "reason"),
    [
        ("", "", "empty"),
        ("   ", "", "empty"),  # spaces alone are nothing typed
        (" jo bloggs ", "jo bloggs", "characters"),
        ("@jo", "@jo", "characters"),
        ("jo/../x", "jo/../x", "characters"),
        ("josé", "josé", "characters"),  # only the letters a to z: the check says so in its words
        ("j" * (MAX_URL_VALUE_LENGTH + 1), "j" * (MAX_URL_VALUE_LENGTH + 1), "too_long"),
    ],
    ids=["empty", "spaces-only", "a-space", "an-at-sign", "a-path", "an-accent", "too-long"],
)
def test_a_refused_value_carries_its_placeholder_value_and_reason(
    username: str, typed: str, reason: str
) -> None:
    with pytest.raises(UrlValueRefused) as refused:
        fill_url(TEMPLATE, {"server": "mastodon.social", "username": username})
    assert (refused.value.name, refused.value.value, refused.value.reason) == ("username", typed, reason)
    assert str(refused.value) == f"'{typed}' is not a valid username"  # the terminal's and the log's English
    assert isinstance(refused.value, ValueError)


def test_the_first_refused_placeholder_is_the_one_named() -> None:
    with pytest.raises(UrlValueRefused) as refused:
        fill_url(TEMPLATE, {"server": "", "username": "@jo"})
    assert (refused.value.name, refused.value.reason) == ("server", "empty")


def test_values_of_letters_digits_dots_dashes_and_underscores_fill_the_address() -> None:
    longest = "a" * MAX_URL_VALUE_LENGTH
    assert fill_url(TEMPLATE, {"server": "Social-1.example", "username": " Jo_B.9 "}) == (
        "https://Social-1.example/@Jo_B.9"
    )
    assert fill_url("https://x.test/{username}", {"username": longest}) == f"https://x.test/{longest}"
