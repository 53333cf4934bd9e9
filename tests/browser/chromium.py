"""Headless Debian Chromium driven by Selenium, offline, with downloads captured.

Shared by the browser tests and `docs/screenshots.py`.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
VENDOR = Path(__file__).resolve().parent / "vendor"


def missing() -> str | None:
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
        self.driver.find_element("css selector", "#formular .section")  # built by the script

    def open_report(self, path: Path) -> str:
        """Choose a file with "Öppna en årsberättelse"; returns the notice once it is read."""
        from selenium.webdriver.support.ui import WebDriverWait

        before = self.js("return document.body.getAttribute('data-opened');")
        self.driver.find_element("id", "open-file").send_keys(str(path))
        WebDriverWait(self.driver, 10).until(
            lambda d: d.execute_script("return document.body.getAttribute('data-opened');")
            != before)
        return str(self.driver.find_element("id", "notice").text)

    def field(self, path: str) -> Any:
        return self.driver.find_element("css selector", f'[data-path="{path}"]:not(fieldset)')

    def fill(self, path: str, text: str) -> None:
        """Select what is there, type over it, and leave the field with Tab, like a user."""
        from selenium.webdriver.common.keys import Keys

        element = self.field(path)
        element.send_keys(Keys.CONTROL, "a")
        element.send_keys(Keys.DELETE)
        element.send_keys(text)
        element.send_keys(Keys.TAB)

    def choose(self, path: str, label: str) -> None:
        from selenium.webdriver.support.ui import Select

        Select(self.field(path)).select_by_visible_text(label)

    def click(self, css: str) -> None:
        self.driver.find_element("css selector", css).click()

    def messages(self, path: str) -> list[tuple[str, str]]:
        """(code, message) of each problem shown at the field."""
        return [tuple(p) for p in self.js(
            "var box = document.getElementById(arguments[0].id + '-msg');"
            "return Array.from(box.querySelectorAll('.problem'))"
            ".map(function (p) { return [p.dataset.code, p.dataset.message]; });",
            self.field(path))]

    def all_messages(self) -> dict[str, list[tuple[str, str]]]:
        """Every field's problems, by the field's place in the report."""
        found = self.js(
            "var out = {}; document.querySelectorAll('#formular [data-path]:not(fieldset)')"
            ".forEach(function (f) { var ps = Array.from(document.getElementById(f.id + '-msg')"
            ".querySelectorAll('.problem')).map(function (p) { return [p.dataset.code,"
            " p.dataset.message]; }); if (ps.length) { out[f.dataset.path] = ps; } }); return out;")
        return {k: [tuple(p) for p in v] for k, v in found.items()}

    def save(self, name: str) -> str:
        self.click("#save")
        return self.downloaded(name).read_text(encoding="utf-8")

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
