"""Benchmark inputs: annual reports with a roster, and a large survey export.

Everything is generated from a fixed seed, so two runs measure the same bytes.
Reports are the repository's own example reports (the richest ones we have)
with the group renamed, so they validate and compile like real ones.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "rapporter" / "2025"

SINGLE_OPTIONS = [
    ["Ja", "Ja, delvis", "Nej", "Vet ej"],
    ["Mycket bra", "Bra", "Varken bra eller dåligt", "Dåligt"],
    ["Ja", "Nej"],
    ["Varje vecka", "Varje månad", "Några gånger per år", "Aldrig"],
    ["Socialtjänst", "Skola", "BUP", "Primärvård", "Habilitering", "Annan"],
]
MULTI_OPTIONS = [
    ["Ja, i den delregionala gruppen", "Ja, för chefer", "Ja, för medarbetare",
     "Nej, inga insatser", "Nej, men insatser planeras"],
    ["Samordnad individuell plan", "Gemensamma möten", "Konsultation", "Utbildning",
     "Handledning", "Annat"],
]
GROUPS = [f"Grupp {i:02d}" for i in range(40)]
WORDS = ["rutinen", "samverkan", "skolan", "vårdnadshavare", "möten", "planen", "uppföljning",
         "barnet", "insatser", "tydligare", "behöver", "fungerar", "bättre", "sämre", "kontakt"]


# free-text comments: 2 000 distinct ones, written by 3 % of respondents
_WORDS = random.Random(7)
COMMENTS = [" ".join(_WORDS.choice(WORDS) for _ in range(_WORDS.randint(3, 9))).capitalize() + "."
            for _ in range(2000)]


def report_texts() -> list[str]:
    """The example reports, with their group lines marked for renaming."""
    texts = []
    for path in sorted(EXAMPLES.glob("arsberattelse-*.yaml")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^  namn: .*$", '  namn: "{name}"', text, count=1)
        text = re.sub(r"(?m)^  kommun: .*$", '  kommun: "{name}"', text, count=1)
        texts.append(text)
    return texts


def group_name(i: int) -> str:
    return f"Grupp {i:05d}"


def write_reports(folder: Path, count: int, roster_size: int) -> Path:
    """`count` reports and a roster of `roster_size` groups (the reports' groups among them)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = report_texts()
    for i in range(count):
        text = texts[i % len(texts)].replace("{name}", group_name(i))
        (folder / f"arsberattelse-2025-{i:05d}.yaml").write_text(text, encoding="utf-8")
    lines = ["delregion: Skaraborg", "grupper:"]
    for i in range(max(roster_size, count)):
        lines += [f'  - namn: "{group_name(i)}"', f'    kommun: "{group_name(i)}"']
    (folder / "grupper.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


SURVEY_HEADER = (
    ["Tidstämpel", "Grupp"]
    + [f"Fråga {i + 1}: hur är det med {w}?" for i, w in enumerate(
        ["informationen", "samarbetet", "rutinen", "mötena", "din organisation"])]
    + ["Vilka insatser har genomförts?", "Vilka arbetssätt används?",
       "Hur många möten hölls?", "Övriga kommentarer"]
)
MULTI_COLUMNS = (7, 8)


def _row(rng: random.Random, i: int) -> list[str]:
    stamp = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}"
    row = [stamp, rng.choice(GROUPS)]
    for options in SINGLE_OPTIONS:
        row.append("" if rng.random() < 0.03 else rng.choice(options))
    for options in MULTI_OPTIONS:
        picked = sorted(rng.sample(range(len(options)), rng.randint(1, 3)))
        row.append("" if rng.random() < 0.05 else ", ".join(options[k] for k in picked))
    row.append(str(rng.randint(0, 40)))
    row.append(rng.choice(COMMENTS) if rng.random() < 0.03 else "")
    return row


def write_survey(path: Path, rows: int, seed: int = 11) -> Path:
    """A Google Forms-like export: a timestamp, a group column, 5 single-choice questions,
    2 multi-select questions joined with ", ", a number and a free-text comment (3 % of the
    respondents write one of 2 000 distinct comments: the listed comments are output, and a
    survey whose every row is a distinct comment measures the output, not the counting)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(SURVEY_HEADER)
        for start in range(0, rows, 10_000):
            writer.writerows(_row(rng, i) for i in range(start, min(rows, start + 10_000)))
    return path


def write_spec(path: Path) -> Path:
    """The survey's spec, so both multi-select questions are split into their options."""
    lines = ["enkät: Benchmark", "respondentkolumn: Grupp", "frågor:"]
    for i, options in enumerate(SINGLE_OPTIONS):
        lines += [f"  - id: f{i + 1}", f'    text: "{SURVEY_HEADER[2 + i]}"', "    typ: enkelval",
                  "    alternativ: [" + ", ".join(f'"{o}"' for o in options) + "]"]
    for i, options in enumerate(MULTI_OPTIONS):
        lines += [f"  - id: m{i + 1}", f'    text: "{SURVEY_HEADER[7 + i]}"', "    typ: flerval",
                  "    alternativ: [" + ", ".join(f'"{o}"' for o in options) + "]"]
    lines += ["  - id: antal", f'    text: "{SURVEY_HEADER[9]}"', "    typ: tal",
              "  - id: kommentar", f'    text: "{SURVEY_HEADER[10]}"', "    typ: fritext"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cut(source: Path, target: Path, rows: int) -> Path:
    """The header and the first `rows` data rows of `source`."""
    with source.open("rb") as handle, target.open("wb") as out:
        for _ in range(rows + 1):
            line = handle.readline()
            if not line:
                break
            out.write(line)
    return target
