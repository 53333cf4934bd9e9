"""Headless Debian Chromium driven by Selenium, offline, with downloads captured."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
VENDOR = Path(__file__).resolve().parent / "vendor"


def _missing() -> str | None:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        return "chromium och chromedriver saknas (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium saknas (pip install -e '.[test]')"
    return None


class Browser:
    """One Chromium session with its own profile and download folder."""

    def __init__(self, root: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not look for drivers online
        self.downloads = root / "nedladdat"
        self.downloads.mkdir()
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--window-size=1200,900",
                    f"--user-data-dir={root / 'profil'}"):
            options.add_argument(arg)
        options.add_experimental_option("prefs", {
            "download.default_directory": str(self.downloads),
            "download.prompt_for_download": False,
            "safebrowsing.enabled": False,
        })
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.driver.execute_cdp_cmd("Page.setDownloadBehavior",
                                    {"behavior": "allow", "downloadPath": str(self.downloads)})

    def open(self, path: Path) -> None:
        self.driver.get(path.resolve().as_uri())

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def downloaded(self, name: str, timeout: float = 10) -> Path:
        target = self.downloads / name
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if target.exists() and not list(self.downloads.glob("*.crdownload")):
                return target
            time.sleep(0.1)
        raise AssertionError(f"{name} laddades inte ner: {list(self.downloads.iterdir())}")

    def quit(self) -> None:
        self.driver.quit()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    reason = _missing()
    if reason:
        pytest.skip(reason)
    b = Browser(tmp_path)
    try:
        yield b
    finally:
        b.quit()
