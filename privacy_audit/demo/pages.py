"""The demo's practice pages, filled in from the checklists each time one is asked for.

Each checklist item gets a page, `/<platform>/<item-id>`, that carries the item's setting labels (the
texts the guided browser looks for) with a set of choices, one of which is the item's safe value. Each
platform also gets a made-up public profile, `/<platform>/profile`, with a birthday and the school's name
planted in it, so the public view has something to find. The pages come from templates in
`resources/practice/` and the catalogue in memory, so they can never drift from the checklists.

The pages are generic and neutral on purpose: no platform's look, colours or logos, and a bar on every page
says it is a practice page. They carry no scripts. Qt-free and Playwright-free.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from string import Template

from privacy_audit.core.catalogue import Catalogue
from privacy_audit.core.checklist import Checklist, Item
from privacy_audit.core.paths import resource_path

PROFILE_PATH = "profile"

# The made-up person on every practice profile. The birthday and the school's name are what a trainer asks
# the public view to look for; the birthplace shows why policy 9.1c also asks about place of birth.
PERSON = "Sam Taylor"
USERNAME = "sam.taylor.demo"
BIRTHDAY = "14 March 1988"
BIRTHPLACE = "Leeds"

# Choices for a setting that says who may see or do something, from widest to narrowest.
AUDIENCE = ("Everyone", "Friends of friends", "Friends", "Only me")
SWITCH = ("On", "Off")


def choices_for(label: str) -> tuple[str, ...]:
    """The generic choices a practice page offers for a setting with this label."""
    low = label.lower()
    if low.startswith(
        ("who ", "posting privacy", "contact me", "view my story", "see my location")
    ) or low.endswith(" from"):
        return AUDIENCE
    return SWITCH


@dataclass(frozen=True)
class Page:
    status: int
    content_type: str
    body: bytes


class PracticePages:
    """Renders the practice site for one catalogue; `page(path)` answers any path with a Page."""

    def __init__(self, catalogue: Catalogue, folder: Path | None = None) -> None:
        self.catalogue = catalogue
        self.folder = folder or resource_path("practice")
        self._templates = {
            name: Template((self.folder / f"{name}.html").read_text(encoding="utf-8"))
            for name in ("settings", "profile", "index")
        }
        self._css = (self.folder / "practice.css").read_bytes()

    @property
    def school_name(self) -> str:
        return self.catalogue.school.config.school_name

    def platforms(self) -> list[Checklist]:
        """Platforms that have a web page to practise on: a settings page or a public profile."""
        return [
            c
            for c in self.catalogue.checklists.values()
            if c.public_profile or any(i.where.url for i in c.items)
        ]

    @staticmethod
    def practised_items(checklist: Checklist) -> list[Item]:
        """Items with a practice page: those the app offers to open (a settings URL) or that name a label."""
        return [i for i in checklist.items if i.where.url or i.labels]

    # -- answering requests ------------------------------------------------------------------------------

    def page(self, path: str) -> Page:
        parts = [p for p in path.split("?", 1)[0].split("#", 1)[0].split("/") if p]
        if not parts:
            return self._html(self.render_index())
        if parts == ["practice.css"]:
            return Page(200, "text/css; charset=utf-8", self._css)
        if len(parts) == 2:
            platform, name = parts
            checklist = self.catalogue.checklists.get(platform)
            if checklist is not None:
                if name == PROFILE_PATH:
                    return self._html(self.render_profile(checklist))
                item = next((i for i in self.practised_items(checklist) if i.id == name), None)
                if item is not None:
                    return self._html(self.render_item(checklist, item))
        return Page(404, "text/plain; charset=utf-8", b"There is no practice page here.\n")

    @staticmethod
    def _html(text: str) -> Page:
        return Page(200, "text/html; charset=utf-8", text.encode("utf-8"))

    # -- rendering ---------------------------------------------------------------------------------------

    def render_item(self, checklist: Checklist, item: Item) -> str:
        e = html.escape
        navigation = []
        for other in self.practised_items(checklist):
            current = ' aria-current="page"' if other.id == item.id else ""
            navigation.append(
                f'<li><a href="/{e(checklist.platform)}/{e(other.id)}"{current}>{e(other.title)}</a></li>'
            )
        labels = list(item.labels) or [item.title]
        groups = []
        for number, label in enumerate(labels):
            options = list(choices_for(label))
            if number == 0 and item.safe_value not in options:
                options.append(item.safe_value)
            # The widest audience starts selected, as on a new account, so there is something to change.
            checked_first = options[0] == AUDIENCE[0]
            rows = []
            for index, option in enumerate(options):
                checked = " checked" if checked_first and index == 0 else ""
                rows.append(
                    f'<label><input type="radio" name="setting-{number}" value="{index}"{checked}> {e(option)}</label>'
                )
            groups.append(
                f'<fieldset class="setting"><legend>{e(label)}</legend>\n' + "\n".join(rows) + "\n</fieldset>"
            )
        return self._templates["settings"].substitute(
            page_title=e(f"{item.title} — practice {checklist.name} settings"),
            platform_name=e(checklist.name),
            navigation="\n".join(navigation),
            heading=e(item.title),
            intro=e(item.why),
            settings="\n".join(groups),
        )

    def render_profile(self, checklist: Checklist) -> str:
        e = html.escape
        school = self.school_name
        posts = [
            ("2 days ago", f"Lovely sports day at {school} today. So proud of everyone!"),
            ("3 weeks ago", "Birthday drinks on the 14th — thank you all for coming."),
            ("2 months ago", f"Back to {BIRTHPLACE} for the weekend to see Mum."),
        ]
        rendered = "\n".join(
            f'<div class="post"><p class="when">{e(when)}</p><p>{e(words)}</p></div>' for when, words in posts
        )
        return self._templates["profile"].substitute(
            person=e(PERSON),
            initials=e("".join(part[0] for part in PERSON.split())),
            username=e(USERNAME),
            platform_name=e(checklist.name),
            bio=e("Teacher, runner, terrible baker. Views my own."),
            school_name=e(school),
            birthday=e(BIRTHDAY),
            birthplace=e(BIRTHPLACE),
            posts=rendered,
        )

    def render_index(self) -> str:
        e = html.escape
        rows = []
        for checklist in self.platforms():
            links = [f'<a href="/{e(checklist.platform)}/{PROFILE_PATH}">public profile</a>']
            first = next(iter(self.practised_items(checklist)), None)
            if first is not None:
                links.insert(0, f'<a href="/{e(checklist.platform)}/{e(first.id)}">settings</a>')
            rows.append(f"<li>{e(checklist.name)}: {' · '.join(links)}</li>")
        return self._templates["index"].substitute(platforms="\n".join(rows))
