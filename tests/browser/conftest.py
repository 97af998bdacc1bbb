"""Browser tests: pytest-playwright drives Debian's Chromium, never a browser Playwright downloads.

Fixtures here are shared by every browser test; those of one area live in its own folder's
conftest.py (the widget's in widget/conftest.py).
"""

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium, quietly: no sandbox (root in a container), no GPU, no chatter."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def base_url():
    """No base URL: browser tests use absolute URLs of their own test servers.

    Overrides pytest-playwright's fallback fixture, which pytest 9 deprecates (a session fixture
    defined as an instance method) and the suite's "warnings are errors" turns into a failure.
    """
    return None
