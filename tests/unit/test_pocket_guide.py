"""The printable pocket guide, read back the way a person and a phone read it: pdftotext finds every platform,
setting and the school's contact; zbarimg finds on each page exactly the settings addresses of that page's
settings, and no code for a setting without one (or one that needs the person's own server)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from privacy_audit.core.catalogue import load_catalogue, load_school_config
from privacy_audit.core.paths import app_dirs
from privacy_audit.core.qr import item_qr_address
from privacy_audit.core.settings import PHONE
from privacy_audit.report.guide import guide_checklists, write_pocket_guide
from privacy_audit.store import open_record

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("zbarimg", "pdftotext", "pdftoppm")),
    reason="zbarimg (zbar-tools) and pdftotext/pdftoppm (poppler-utils) are needed",
)

PASSPHRASE = "a long and memorable passphrase"
SCHOOL = """\
schema_version: 1
school_name: Hillside <b>Academy</b>
contact:
  name: Ms Okafor
  role: Designated Safeguarding Lead
  email: dsl@hillside.example
"""


def squeeze(text: str) -> str:
    """Text as one line: a title may wrap anywhere in a narrow column."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def codes_on_page(pdf: Path, page: int, folder: Path) -> list[str]:
    """Every QR code on one page as a phone would read it off paper (rendered at 200 dpi)."""
    prefix = folder / f"page{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", f"{prefix}.png"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode == 4:  # no code on the page
        return []
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def run_cli(home: Path, *args: str):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACY_AUDIT")}
    environment.update(
        PRIVACY_AUDIT_HOME=str(home),
        PRIVACY_AUDIT_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return subprocess.run(
        [sys.executable, "-m", "privacy_audit", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def school_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("school") / "school.yaml"
    path.write_text(SCHOOL)
    return path


@pytest.fixture(scope="module")
def trainer_guide(tmp_path_factory, school_file) -> tuple[Path, object]:
    """The whole set, as a trainer prints it for a room: `export --format guide --all`, no record needed."""
    folder = tmp_path_factory.mktemp("trainer")
    home = folder / "home"
    home.mkdir(mode=0o700)
    pdf = folder / "guide.pdf"
    result = run_cli(
        home, "--school-config", str(school_file), "export", "--format", "guide", "--all", "-o", str(pdf)
    )
    assert result.returncode == 0, result.stderr
    assert f"to {pdf}" in result.stdout
    assert not (home / "record.sqlite").exists() and not any(home.glob("*.sqlite*"))
    catalogue = load_catalogue(school=load_school_config(school_file))
    return pdf, catalogue


def test_the_trainers_guide_has_every_platform_setting_safe_value_and_the_contact(trainer_guide):
    pdf, catalogue = trainer_guide
    text = squeeze(pdf_text(pdf))
    checklists = guide_checklists(catalogue)
    assert {c.platform for c in checklists} == {c.platform for c in catalogue.offered()}
    for checklist in checklists:
        assert checklist.name in text
        for item in checklist.items:
            assert squeeze(item.title) in text, (checklist.platform, item.id)
            assert squeeze(item.safe_value) in text, (checklist.platform, item.id)
    assert "Ms Okafor (Designated Safeguarding Lead), dsl@hillside.example" in text
    assert "Hillside <b>Academy</b>" in text  # the school's words are text, never markup
    assert "{server}" not in text and "[your server]" in text
    # WhatsApp's own help gives different routes on the two phones; a trainer's guide prints both.
    assert "On iPhone: Settings › Privacy › Profile photo" in text
    assert "On Android: ⋮ More options › Settings › Privacy › Profile photo" in text
    assert "WhatsApp's settings are in its phone app" in text


def test_every_page_belongs_to_one_platform_and_names_the_contact(trainer_guide):
    pdf, catalogue = trainer_guide
    names = [c.name for c in guide_checklists(catalogue)]
    headings = []
    for page in range(1, page_count(pdf) + 1):
        text = pdf_text(pdf, page)
        headings.append(text.strip().splitlines()[0].removesuffix(" (continued)"))
        assert "Ms Okafor" in squeeze(text), page
    assert list(dict.fromkeys(headings)) == names  # in order, each platform's pages together
    assert len(headings) <= len(names) + 2  # about one page a platform


def test_zbarimg_finds_on_each_page_exactly_the_addresses_of_its_settings(trainer_guide, tmp_path):
    pdf, catalogue = trainer_guide
    by_name = {c.name: c for c in guide_checklists(catalogue)}
    found: dict[str, Counter] = {name: Counter() for name in by_name}
    for page in range(1, page_count(pdf) + 1):
        heading = pdf_text(pdf, page).strip().splitlines()[0].removesuffix(" (continued)")
        found[heading].update(codes_on_page(pdf, page, tmp_path))
    for name, checklist in by_name.items():
        expected = Counter(
            address for item in checklist.items if (address := item_qr_address(checklist, item)) is not None
        )
        assert found[name] == expected, name
    # WhatsApp's app-only settings and Mastodon's server-specific pages draw no code.
    whatsapp = by_name["WhatsApp"]
    assert sum(found["WhatsApp"].values()) == sum(1 for i in whatsapp.items if i.where.url)
    assert not found["Mastodon"]


def test_the_persons_guide_has_only_their_platforms_and_their_phones_steps(
    private_home, school_file, tmp_path
):
    keyring.set_keyring(fail.Keyring())
    with open_record(app_dirs(private_home), passphrase=PASSPHRASE) as record:
        record.set_platforms_in_use(["whatsapp", "instagram"])
        record.set_setting(PHONE, "android")
    pdf = tmp_path / "mine.pdf"
    result = run_cli(
        private_home, "--school-config", str(school_file), "export", "--format", "guide", "-o", str(pdf)
    )
    assert result.returncode == 0, result.stderr
    text = squeeze(pdf_text(pdf))
    catalogue = load_catalogue(school=load_school_config(school_file))
    for platform in ("instagram", "whatsapp", "general"):
        checklist = catalogue.get(platform)
        assert checklist.name in text
        assert all(squeeze(item.title) in text for item in checklist.items)
    assert "Facebook" not in text and "TikTok" not in text
    assert "On iPhone" not in text
    assert "On Android: ⋮ More options › Settings › Privacy › Last seen and online" in text
    assert "In the app: Chats › each group › Group info" in text  # the same on both phones
    assert "The phone steps are for your phone: Android." in text
    assert oct(pdf.stat().st_mode & 0o777) == "0o644"


def test_a_person_who_has_chosen_no_platforms_is_told_how_to_get_more(private_home, tmp_path):
    pdf = tmp_path / "few.pdf"
    result = run_cli(private_home, "export", "--format", "guide", "-o", str(pdf))
    assert result.returncode == 0, result.stderr
    assert "You have not chosen the platforms you use yet" in result.stderr
    assert page_count(pdf) == 1


def test_differing_phone_paths_are_printed_for_each_phone(qapp, tmp_path):
    catalogue = load_catalogue()
    whatsapp = catalogue.get("whatsapp")
    item = whatsapp.items[0]
    where = item.where.model_copy(
        update={"ios": "Settings › Privacy (iPhone)", "android": "⋮ › Settings › Privacy"}
    )
    changed = whatsapp.model_copy(
        update={"items": [item.model_copy(update={"where": where}), *whatsapp.items[1:]]}
    )
    catalogue.checklists["whatsapp"] = changed
    both, android = tmp_path / "both.pdf", tmp_path / "android.pdf"
    write_pocket_guide(both, catalogue=catalogue, platforms=["whatsapp"])
    write_pocket_guide(android, catalogue=catalogue, platforms=["whatsapp"], phone="android")
    text = squeeze(pdf_text(both))
    assert "On iPhone: Settings › Privacy (iPhone)" in text and "On Android: ⋮ › Settings › Privacy" in text
    text = squeeze(pdf_text(android))
    assert "On Android: ⋮ › Settings › Privacy" in text and "On iPhone" not in text


def test_a_guide_that_cannot_be_written_loses_nothing(qapp, tmp_path):
    catalogue = load_catalogue()
    target = tmp_path / "guide.pdf"
    target.write_bytes(b"the old guide")
    with pytest.raises(OSError):
        write_pocket_guide(tmp_path / "missing-folder" / "guide.pdf", catalogue=catalogue)
    assert target.read_bytes() == b"the old guide"
