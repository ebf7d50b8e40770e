# Kept only while other branches write GUI tests against it: the helpers live in tests/helpers/gui.py; import them from there.
from helpers.gui import finish_first_run, press, record_call, tab_to, wait_idle  # noqa: F401
