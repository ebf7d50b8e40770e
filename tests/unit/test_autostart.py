"""Start at login: the XDG entry for real in a temporary config folder; the Windows and macOS entries as data."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys

import pytest

from privacy_audit import APP_ID
from privacy_audit.desktop import autostart, autostart_linux, autostart_macos, autostart_windows
from privacy_audit.desktop.launcher import app_command

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the XDG autostart entry is for Linux desktops"
)


@pytest.fixture
def xdg_config(tmp_path, monkeypatch):
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


def unquote_exec(value: str) -> list[str]:
    """Parse an Exec value as a launcher does: string escapes first, then quoting, then %% (Desktop Entry spec)."""
    text = value.replace("\\\\", "\\")
    args: list[str] = []
    current, quoted, in_quotes, i = "", False, False, 0
    while i < len(text):
        ch = text[i]
        if in_quotes:
            if ch == "\\" and i + 1 < len(text) and text[i + 1] in '"`$\\':
                current += text[i + 1]
                i += 1
            elif ch == '"':
                in_quotes = False
            else:
                current += ch
        elif ch == '"':
            in_quotes = quoted = True
        elif ch == " ":
            if current or quoted:
                args.append(current)
            current, quoted = "", False
        else:
            current += ch
        i += 1
    assert not in_quotes, f"unbalanced quotes in {value!r}"
    if current or quoted:
        args.append(current)
    return [arg.replace("%%", "%") for arg in args]


def entry_keys(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


@linux_only
def test_turning_it_on_writes_a_desktop_entry_that_runs_remind_in_xdg_config_home(xdg_config, private_home):
    autostart.set_start_at_login(True)

    entry = xdg_config / "autostart" / "privacy-audit.desktop"
    keys = entry_keys(entry.read_text())
    assert keys["Type"] == "Application"
    assert keys["X-GNOME-Autostart-enabled"] == "true"
    argv = unquote_exec(keys["Exec"])
    assert argv[-1] == "remind"
    assert argv[-3:-1] == ["--home", str(private_home.resolve())]  # the reminder reads this app's own record
    assert autostart.is_start_at_login()


@linux_only
def test_the_entry_written_actually_runs_the_remind_command(xdg_config):
    autostart.set_start_at_login(True)
    keys = entry_keys((xdg_config / "autostart" / "privacy-audit.desktop").read_text())
    assert keys["Icon"] == APP_ID, "the installed icon's name, so the desktop can show it"
    result = subprocess.run(unquote_exec(keys["Exec"]), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Nothing is due")


@linux_only
def test_turning_it_off_removes_the_entry_and_turning_it_off_twice_is_fine(xdg_config):
    autostart.set_start_at_login(True)
    autostart.set_start_at_login(False)
    autostart.set_start_at_login(False)
    assert not (xdg_config / "autostart" / "privacy-audit.desktop").exists()
    assert not autostart.is_start_at_login()


@linux_only
def test_without_xdg_config_home_the_entry_goes_to_dot_config(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    autostart.set_start_at_login(True)
    assert (tmp_path / ".config" / "autostart" / "privacy-audit.desktop").is_file()


@linux_only
def test_a_relative_xdg_config_home_is_ignored_as_the_spec_says(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert autostart_linux.entry_path() == tmp_path / ".config" / "autostart" / "privacy-audit.desktop"


@linux_only
@pytest.mark.parametrize("switch_off", ["Hidden=true", "X-GNOME-Autostart-enabled=false"])
def test_an_entry_switched_off_in_the_desktops_settings_is_not_switched_back_on(xdg_config, switch_off):
    autostart.set_start_at_login(True)
    entry = xdg_config / "autostart" / "privacy-audit.desktop"
    text = entry.read_text().replace("X-GNOME-Autostart-enabled=true\n", "") + switch_off + "\n"
    entry.write_text(text)

    assert not autostart.is_start_at_login()
    autostart.set_start_at_login(True)
    assert entry.read_text() == text
    assert not autostart.is_start_at_login()


@pytest.mark.parametrize(
    "argument",
    ["/opt/Privacy Audit/privacy-audit", 'say "hi"', "cost $5 `now`", "back\\slash", "100%", "plain"],
)
def test_exec_arguments_with_spaces_quotes_and_percent_signs_survive_quoting(argument):
    quoted = autostart_linux.exec_line(["/usr/bin/privacy-audit", argument, "remind"])
    assert unquote_exec(quoted) == ["/usr/bin/privacy-audit", argument, "remind"]
    assert "%" not in quoted.replace("%%", "")  # no stray field codes


def test_the_command_is_this_copy_of_the_app_with_its_home_folder(private_home):
    argv = app_command("remind")
    assert argv[-3:] == ["--home", str(private_home.resolve()), "remind"]
    assert argv[0] == sys.executable or argv[0].endswith("privacy-audit")


# --- Windows: the Run value and the person's "disabled" choice in StartupApproved -----------------------


class DictRegistry:
    """HKEY_CURRENT_USER as a dict, standing in for winreg (which exists only on Windows)."""

    def __init__(self):
        self.values: dict[tuple[str, str], object] = {}

    def read(self, key, name):
        return self.values.get((key, name))

    def write_string(self, key, name, value):
        self.values[(key, name)] = value

    def delete(self, key, name):
        self.values.pop((key, name), None)


RUN = (autostart_windows.RUN_KEY, autostart_windows.VALUE_NAME)
APPROVED = (autostart_windows.APPROVED_KEY, autostart_windows.VALUE_NAME)


def test_windows_run_value_is_a_quoted_command_line_that_runs_remind():
    value = autostart_windows.run_value(
        [r"C:\Program Files\Privacy Audit\privacy-audit.exe", "--home", r"D:\My Files", "remind"]
    )
    assert value == r'"C:\Program Files\Privacy Audit\privacy-audit.exe" --home "D:\My Files" remind'


def test_windows_turning_it_on_and_off_writes_and_removes_the_run_value(private_home):
    registry = DictRegistry()
    autostart_windows.set_enabled(True, registry=registry)
    assert registry.values[RUN].endswith(" remind")
    assert autostart_windows.is_enabled(registry=registry)

    autostart_windows.set_enabled(False, registry=registry)
    assert RUN not in registry.values
    assert not autostart_windows.is_enabled(registry=registry)


@pytest.mark.parametrize("flag", [bytes([3]) + bytes(11), bytes([7]) + bytes(11)])
def test_windows_an_entry_disabled_in_task_manager_is_respected(flag):
    registry = DictRegistry()
    registry.values[APPROVED] = flag
    autostart_windows.set_enabled(True, registry=registry)
    assert RUN not in registry.values
    assert not autostart_windows.is_enabled(registry=registry)
    assert registry.values[APPROVED] == flag  # Windows' own bookkeeping is left untouched


@pytest.mark.parametrize("flag", [None, bytes([2]) + bytes(11), bytes([6]) + bytes(11)])
def test_windows_an_approved_or_absent_flag_means_enabled(flag):
    registry = DictRegistry()
    if flag is not None:
        registry.values[APPROVED] = flag
    autostart_windows.set_enabled(True, registry=registry)
    assert autostart_windows.is_enabled(registry=registry)


# --- macOS: the LaunchAgent property list ----------------------------------------------------------------


def test_macos_launch_agent_runs_remind_once_at_login_and_round_trips_through_plistlib():
    argv = ["/Applications/Privacy Audit.app/Contents/MacOS/privacy-audit", "remind"]
    data = autostart_macos.agent_plist(argv)
    agent = plistlib.loads(data)
    assert agent["Label"] == autostart_macos.LABEL
    assert agent["ProgramArguments"] == argv
    assert agent["RunAtLoad"] is True
    assert "KeepAlive" not in agent  # run once per login, not a daemon
    assert plistlib.dumps(agent, sort_keys=True) == data
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def test_macos_turning_it_on_and_off_writes_and_removes_the_agent_file(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    autostart_macos.set_enabled(True)
    path = tmp_path / "Library" / "LaunchAgents" / f"{autostart_macos.LABEL}.plist"
    assert plistlib.loads(path.read_bytes())["ProgramArguments"][-1] == "remind"
    assert autostart_macos.is_enabled()
    autostart_macos.set_enabled(False)
    assert not path.exists()
    assert not autostart_macos.is_enabled()


@linux_only
@pytest.mark.skipif(
    not shutil.which("desktop-file-validate"),
    reason="needs desktop-file-validate (apt-get install desktop-file-utils)",
)
def test_the_autostart_entry_and_the_menu_entry_pass_desktop_file_validate(xdg_config, repo):
    autostart.set_start_at_login(True)
    for path in (
        xdg_config / "autostart" / "privacy-audit.desktop",
        repo / "packaging" / "linux" / f"{APP_ID}.desktop",
    ):
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_a_frozen_windows_bundle_starts_its_windowed_program_at_login(tmp_path, monkeypatch):
    import sys

    from privacy_audit.desktop import launcher

    (tmp_path / "privacy-audit.exe").write_bytes(b"")
    (tmp_path / launcher.WINDOWED_EXE).write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "privacy-audit.exe"))
    monkeypatch.setattr(sys, "platform", "win32")
    assert launcher.app_command("remind", home=None)[0] == str((tmp_path / launcher.WINDOWED_EXE).resolve())
    monkeypatch.setattr(sys, "platform", "linux")
    assert launcher.app_command("remind", home=None)[0] == str((tmp_path / "privacy-audit.exe").resolve())


@linux_only
def test_with_a_home_folder_the_login_entry_stays_inside_it(tmp_path, xdg_config):
    home = tmp_path / "home"
    autostart.set_start_at_login(True, home=home)
    assert (home / "autostart" / autostart_linux.FILE_NAME).is_file()
    assert not (xdg_config / "autostart").exists(), "a run with --home writes nothing outside its folder"
    assert autostart.is_start_at_login(home) and not autostart.is_start_at_login()
    assert autostart.login_entry_path(home) == str(home / "autostart" / autostart_linux.FILE_NAME)
    autostart.set_start_at_login(False, home=home)
    assert not autostart.is_start_at_login(home)


def test_with_a_home_folder_the_windows_run_value_is_a_file_inside_it(tmp_path):
    home = tmp_path / "home"
    autostart_windows.set_enabled(True, home=home, within=home)
    assert autostart_windows.is_enabled(within=home)
    written = list((home / "autostart").iterdir())
    assert len(written) == 1 and "remind" in written[0].read_text(encoding="utf-8")
    autostart_windows.set_enabled(False, within=home)
    assert not autostart_windows.is_enabled(within=home)


def test_with_a_home_folder_the_macos_agent_stays_inside_it(tmp_path):
    home = tmp_path / "home"
    autostart_macos.set_enabled(True, home=home, within=home)
    assert autostart_macos.agent_path(home).is_file() and autostart_macos.is_enabled(home)
    assert str(autostart_macos.agent_path(home)).startswith(str(home))
