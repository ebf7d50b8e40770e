"""Floor for the guided browser: Playwright launch + goto of one page in a bare script.

Usage: bare_playwright.py URL [CHROMIUM_PATH]. Prints the seconds from start to the page being loaded.
"""

import sys
import time

start = time.perf_counter()
from playwright.sync_api import sync_playwright

url = sys.argv[1]
executable = sys.argv[2] if len(sys.argv) > 2 else "/usr/bin/chromium"
args = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=executable, headless=True, args=args)
    page = browser.new_page()
    page.goto(url)
    print(f"{time.perf_counter() - start:.4f}")
    browser.close()
