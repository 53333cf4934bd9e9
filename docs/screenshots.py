"""Pictures of the browser form, so the README shows what the form really looks like.

    python docs/screenshots.py [FOLDER]

Writes `docs/formular.png` (a filled-in form with an error and a warning showing) and, in
FOLDER (default: a new temporary folder), the empty form, a warning, the form at phone width and the
printed copy (`utskrift-1.png` …; needs `pdftoppm` from poppler-utils). Uses the headless
Chromium the browser tests use.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser.chromium import Browser, missing  # noqa: E402
from browser.formpages import EXAMPLES, make_form  # noqa: E402


def main(out: Path) -> None:
    reason = missing()
    if reason:
        sys.exit(reason)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    b = Browser(work)
    try:
        b.driver.set_window_size(1000, 900)
        page = make_form(work, "Skövde")
        b.open(page)
        b.driver.save_screenshot(str(out / "tom.png"))
        b.open_report(EXAMPLES / "arsberattelse-2025-skovde.yaml")
        b.fill("möten.genomförda", "12")
        b.fill("avvikelser[1].antal", "sju")
        b.fill("avvikelser[1].beskrivning",
               "Barnet (121212-1212) väntade sex veckor på att SIP-mötet kallades.")
        b.js("document.querySelector('[data-path=\"möten.planerade\"]')"
             ".closest('section').scrollIntoView();")
        b.driver.save_screenshot(str(out / "varning.png"))
        b.js("document.querySelector('[data-path=\"avvikelser[1].antal\"]')"
             ".closest('fieldset').scrollIntoView();")
        b.driver.save_screenshot(str(ROOT / "docs" / "formular.png"))
        pdf = b.driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
        (out / "utskrift.pdf").write_bytes(base64.b64decode(pdf["data"]))
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(out / "utskrift.pdf"),
                            str(out / "utskrift")], check=True)
        b.driver.set_window_size(360, 800)
        b.open(page)
        b.driver.save_screenshot(str(out / "mobil.png"))
    finally:
        b.quit()
        shutil.rmtree(work, ignore_errors=True)
    print(f"docs/formular.png och {out}/")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()))
