"""The installer recipes are well formed: desktop entry, AppStream metadata, Inno Setup script, macOS
entitlements, shell scripts and the CI workflow, checked without building anything (a few seconds).

The Linux metadata goes through Debian's own validators (desktop-file-utils, appstream) when they are
installed, and through a structural check in Python always, so a broken file fails here on any machine.
"""

from __future__ import annotations

import configparser
import plistlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import privacy_audit
from privacy_audit import __version__

pytestmark = pytest.mark.packaging

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
APP_ID = privacy_audit.APP_ID
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
SCRIPTS = [
    PACKAGING / "linux" / "build_tarball.sh",
    PACKAGING / "linux" / "install.sh",
    PACKAGING / "macos" / "build_dmg.sh",
]


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # desktop-entry keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_launches_the_app_with_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Privacy Audit"
    assert entry["Exec"].split()[0] == "privacy-audit"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="Debian package desktop-file-utils is not installed"
)
def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line or ": warning:" in line]
    assert result.returncode == 0 and not errors, result.stdout


def test_the_appstream_metadata_names_the_launcher_binary_and_this_release() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.find("launchable").get("type") == "desktop-id"
    assert root.find("provides/binary").text == desktop_entry()["Exec"].split()[0]
    assert root.findtext("metadata_license") and root.findtext("project_license") == "MIT"
    assert root.findtext("summary") and root.find("description/p") is not None
    assert __version__ in [release.get("version") for release in root.iter("release")]


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="Debian package appstream is not installed")
def test_the_appstream_metadata_passes_appstreamcli() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_macos_entitlements_allow_what_playwrights_node_needs_and_nothing_else() -> None:
    entitlements = plistlib.loads((PACKAGING / "macos" / "entitlements.plist").read_bytes())
    assert entitlements == {
        "com.apple.security.cs.allow-jit": True,
        "com.apple.security.cs.allow-unsigned-executable-memory": True,
        "com.apple.security.cs.disable-library-validation": True,
    }


def test_the_macos_script_signs_with_the_hardened_runtime_only_when_asked() -> None:
    script = (PACKAGING / "macos" / "build_dmg.sh").read_text(encoding="utf-8")
    assert "--options runtime" in script and "entitlements.plist" in script
    assert 'if [[ -n "${MACOS_SIGN_IDENTITY:-}" ]]' in script
    assert "notarytool submit" in script and "stapler staple" in script


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_the_shell_scripts_parse_and_stop_on_the_first_error(script: Path) -> None:
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0
    assert "set -euo pipefail" in script.read_text(encoding="utf-8")


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in (PACKAGING / "windows" / "privacy-audit.iss").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return sections


def test_the_inno_setup_script_installs_for_all_users_with_a_notifying_start_menu_shortcut() -> None:
    sections = iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["DefaultDirName"].startswith("{autopf}")
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    icons = " ".join(sections["Icons"])
    assert "{autoprograms}" in icons and 'AppUserModelID: "{#AppUserModelID}"' in icons
    assert f'#define AppUserModelID "{APP_ID}"' in (PACKAGING / "windows" / "privacy-audit.iss").read_text(
        encoding="utf-8"
    )
    # A silent deployment must never start the app by itself.
    assert all("skipifsilent" in line for line in sections["Run"])
    assert "recursesubdirs" in " ".join(sections["Files"])


def test_the_deployment_guide_documents_silent_install_detection_and_the_config_lookup() -> None:
    guide = (PACKAGING / "README.md").read_text(encoding="utf-8")
    for needed in (
        "/VERYSILENT",
        "/ALLUSERS",
        "DisplayVersion",
        "8F3C2A71-5B0E-4C9D-A7E2-3D1F6B9C4E58",
        "--school-config",
        "PRIVACY_AUDIT_SCHOOL_CONFIG",
        "start_at_login: false",
        "network",
    ):
        assert needed in guide, needed
    iss = (PACKAGING / "windows" / "privacy-audit.iss").read_text(encoding="utf-8")
    assert "8F3C2A71-5B0E-4C9D-A7E2-3D1F6B9C4E58" in iss


def test_the_ci_workflow_is_valid_yaml_and_runs_the_same_scripts_and_smoke_test() -> None:
    workflow = YAML(typ="safe").load(
        (REPO / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    )
    jobs = workflow["jobs"]
    runners = {
        entry["os"].split("-")[0] for job in jobs.values() for entry in job["strategy"]["matrix"]["include"]
    }
    assert runners == {"ubuntu", "windows", "macos"}
    commands = "\n".join(step.get("run", "") for job in jobs.values() for step in job["steps"])
    for script in (
        "packaging/linux/build_tarball.sh",
        "packaging/windows/build.ps1",
        "packaging/macos/build_dmg.sh",
        "tests/packaging",
    ):
        assert script in commands, script
        assert (REPO / script).exists(), script
    assert '".[test,build]"' in commands


def test_build_spec_names_every_keyring_backend_module() -> None:
    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    import keyring.backends

    shipped = {p.stem for p in Path(keyring.backends.__file__).parent.iterdir() if not p.name.startswith("_")}
    named = set(re.findall(r'"keyring\.backends\.(\w+)"', spec))
    assert shipped - {"__pycache__"} <= named


def test_every_recipe_uses_the_apps_one_id():
    """The installed .desktop file and icons, the AppStream id and install.sh all use `privacy_audit.APP_ID`,
    the id notifications and the autostart entry ask for; no second desktop entry is kept anywhere."""
    assert desktop_entry()["Icon"] == APP_ID
    assert f"<id>{APP_ID}</id>" in METAINFO.read_text(encoding="utf-8")
    assert f'APP_ID="{APP_ID}"' in (PACKAGING / "linux" / "install.sh").read_text(encoding="utf-8")
    assert sorted(
        p.name for p in REPO.rglob("*.desktop") if ".venv" not in p.parts and "build" not in p.parts
    ) == [f"{APP_ID}.desktop"]


def test_the_window_shows_the_icon_the_installers_put_in_the_launcher():
    """One icon: the Linux package, the Windows installer and the bundle take it from `resources/icons`
    (tests/gui/test_app_start.py checks that the running app's windows show that same file)."""
    from privacy_audit.core.paths import resource_path

    icons = resource_path("icons")
    assert (icons / "privacy-audit.png").is_file() and (icons / "privacy-audit.svg").is_file()
    tarball = (PACKAGING / "linux" / "build_tarball.sh").read_text(encoding="utf-8")
    assert (
        "cp resources/icons/privacy-audit.svg" in tarball
        and "cp resources/icons/privacy-audit.png" in tarball
    )
    assert r"SetupIconFile=..\..\resources\icons\privacy-audit.ico" in (
        PACKAGING / "windows" / "privacy-audit.iss"
    ).read_text(encoding="utf-8")
    assert 'ICONS = ROOT / "resources" / "icons"' in (REPO / "build.spec").read_text(encoding="utf-8")
