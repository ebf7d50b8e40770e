"""The platforms the app knows, by the ids used in checklist file names, school configs and the record."""

from __future__ import annotations

TYPE_CHECKING = False  # `remind` imports this module on every login: nothing beyond the interpreter's own
if TYPE_CHECKING:
    from collections.abc import Iterable

# Order is the order the app lists them in: the always-on general checklist first, then roughly by how many
# school staff use each platform.
PLATFORM_IDS: tuple[str, ...] = (
    "general",
    "facebook",
    "instagram",
    "whatsapp",
    "x",
    "linkedin",
    "tiktok",
    "snapchat",
    "youtube",
    "threads",
    "pinterest",
    "reddit",
    "flickr",
    "bluesky",
    "mastodon",
)

ALWAYS_IN_USE = "general"


def sort_key(platform_id: str) -> tuple[int, str]:
    """Known platforms in the app's order, anything else after them alphabetically."""
    try:
        return (PLATFORM_IDS.index(platform_id), "")
    except ValueError:
        return (len(PLATFORM_IDS), platform_id)


def in_use_platforms(platforms: Iterable[str], known: Iterable[str]) -> list[str]:
    """The platforms the person uses that the app has a checklist for, with the general checklist always
    included, in the app's order."""
    known = set(known)
    in_use = [p for p in platforms if p in known]
    if ALWAYS_IN_USE in known and ALWAYS_IN_USE not in in_use:
        in_use.insert(0, ALWAYS_IN_USE)
    return sorted(in_use, key=sort_key)
