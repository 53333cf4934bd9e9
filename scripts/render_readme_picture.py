"""Render the README's picture of the Word summary from the examples, so it stays true.

    .venv/bin/python scripts/render_readme_picture.py

Compiles examples/rapporter/2025 (with 2024 for comparison, dated 2026-05-20) to
Word, converts it to PDF with LibreOffice and writes one page as
docs/sammanstallning-sida.png with pdftoppm (poppler-utils). Needs `soffice`
and `pdftoppm` on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "sammanstallning-sida.png"
PAGE = 3  # the introduction and the generated Sammanfattning
DPI = 70


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm saknas (Debian/Ubuntu: sudo apt install poppler-utils).", file=sys.stderr)
        return 1
    examples = ROOT / "examples" / "rapporter"
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "sammanstallning.pdf"
        done = subprocess.run(
            [sys.executable, "-m", "vastbus_cli", "compile", str(examples / "2025"),
             "--previous", str(examples / "2024"), "--date", "2026-05-20", "-o", str(pdf)],
            check=False)
        if done.returncode != 0:
            return done.returncode
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(PAGE), "-l", str(PAGE),
                        "-singlefile", str(pdf), str(Path(tmp) / "sida")], check=True)
        TARGET.parent.mkdir(exist_ok=True)
        shutil.copyfile(Path(tmp) / "sida.png", TARGET)
    print(f"Skrev {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
