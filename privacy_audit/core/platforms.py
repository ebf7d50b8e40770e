"""The platforms the app knows, by the ids used in checklist file names, school configs and the record."""

from __future__ import annotations

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
