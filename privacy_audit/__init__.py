"""Privacy Audit: guided, recorded checks of personal social media privacy settings for school staff."""

__version__ = "0.1.0"
APP_NAME = "Privacy Audit"
# The one application id: the installed .desktop file and icon, the AppStream id, notifications' desktop
# entry and icon, the autostart entry's icon, the Windows AppUserModelID and the macOS bundle id.
APP_ID = "uk.privacyaudit.PrivacyAudit"
