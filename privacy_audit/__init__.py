"""Privacy Audit: guided, recorded checks of personal social media privacy settings for school staff."""

__version__ = "0.1.0"
APP_NAME = "Privacy Audit"
APP_ID = "privacy-audit"
