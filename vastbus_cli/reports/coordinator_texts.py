"""The coordinator's own words: an introduction and conclusions, as Markdown files.

They lie beside `grupper.yaml` under fixed names (`inledning.md`,
`slutsatser.md`) and are picked up without options, or are named with
`--intro` / `--conclusions`. Read as UTF-8 (with or without a BOM); a file
saved by an older Windows editor in Windows-1252 is read as that, since such
text is never valid UTF-8.
"""

from __future__ import annotations

from pathlib import Path

from vastbus_cli.problems import Problem, error

INTRO_NAME = "inledning.md"
CONCLUSIONS_NAME = "slutsatser.md"
MAX_BYTES = 1_000_000


def find_beside(folders: list[Path | None], name: str) -> Path | None:
    """The first `name` in the given folders (the reports folder, the roster's folder)."""
    for folder in folders:
        if folder is not None and (folder / name).is_file():
            return folder / name
    return None


def read_markdown(path: Path) -> tuple[str | None, list[Problem]]:
    """The file's text (CRLF as LF), or a problem saying why it cannot be used."""
    text, _, problems = read_markdown_at(path)
    return text, problems


def read_markdown_at(path: Path) -> tuple[str | None, int, list[Problem]]:
    """As `read_markdown`, with the file's line where the returned text begins (the text is
    stripped, so a warning about it can still name the line in the file)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, 1, [error(str(path), 1, 1, "läsfel", f"Filen kan inte läsas: {exc.strerror}.",
                            "Kontrollera sökvägen och att filen inte är öppen i ett annat program.")]
    if len(data) > MAX_BYTES:
        return None, 1, [error(str(path), 1, 1, "för-stor",
                            f"Filen är större än {MAX_BYTES // 1_000_000} MB.",
                            "En inledning eller slutsats är några stycken text.")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first_line = text[:len(text) - len(text.lstrip())].count("\n") + 1
    text = text.strip()
    return (text or None), first_line, []
