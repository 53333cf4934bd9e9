"""Score `vastbus tally FILE` (no spec) against hand-made expectations for a folder of exports.

Usage: python benchmarks/score_surveys.py FOLDER [--formats md,csv,json,table,xlsx] [--show]

Every export `X.csv` / `X.xlsx` in FOLDER with an expectation file `X.expect.json` beside it is
tallied as a new user would (no spec), and each expected question is checked strictly: its kind,
its options (as a set), each option's count, the base (respondents who answered) and each share
(count / base, as the JSON's one-decimal percent). A question is right only when all of these are.
A tallied question that matches no expectation is *spurious* (metadata or an un-grouped
sub-column read as a question of its own), unless it matches a text of the file's `optional` list:
columns a reader may fairly take either way (a Qualtrics embedded-data field naming an experiment
arm), which are neither required nor counted against the file. The privacy check renders the tally in every text
format and fails a file when any string of its `never_printed` list, an e-mail address or a phone
number appears in any of them.

The expectation file (JSON):

    {"tool": "Google Forms",
     "questions": [
        {"text": "Do you like hot dogs?", "kind": "single", "base": 158,
         "counts": {"Yes": 128, "No": 30}},
        {"text": "Matrix stem [Row label]", "kind": "single", "base": 9, "counts": {...}},
        {"text": "Why?", "kind": "text", "base": 85}
     ],
     "optional": ["InstagramVersion"],
     "never_printed": ["R_2YPOQ602ER1jkf1", "130.92.34.66"]}

A question's `text` is matched case-blind against the tally's question text, or against
"matrix [row]" for a matrix row; a text ending in "…" matches as a prefix, one starting with
"…" as a suffix. The exports themselves
are real respondents' data: keep them outside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

EXPORTS = (".csv", ".xlsx", ".txt", ".tsv")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?<![\w.,])\+?\d[\d \-]{7,}\d(?![\w.,])")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # an ISO date (the xlsx's own date line) is no phone


@dataclass
class FileScore:
    name: str
    tool: str
    expected: int = 0
    right: int = 0
    spurious: int = 0
    leaks: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    spurious_texts: list[str] = field(default_factory=list)


def _fold(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def _names(question: dict) -> list[str]:
    names = [_fold(question["text"])]
    if question.get("matrix"):
        # the JSON names a matrix row both in `text` ("matrix [row]") and in `matrix_row`
        row = question.get("matrix_row") or question["text"]
        names += [_fold(row), _fold(f"{question['matrix']} [{row}]"),
                  _fold(f"{question['matrix']} - {row}")]
    return names


def _matches(expected: str, question: dict) -> bool:
    wanted = _fold(expected)
    if wanted.endswith("…"):
        return any(n.startswith(wanted[:-1]) for n in _names(question))
    if wanted.startswith("…"):
        return any(n.endswith(wanted[1:]) for n in _names(question))
    return wanted in _names(question)


def _vastbus() -> list[str]:
    return [sys.executable, "-m", "vastbus_cli"]


def _tally(path: Path, fmt: str, out: Path | None = None) -> str:
    command = [*_vastbus(), "tally", str(path), "-f", fmt]
    if out is not None:
        command += ["-o", str(out), "--force"]
    env = {"COLUMNS": "200", "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    # to score another checkout, run this script from that checkout's root: `-m vastbus_cli`
    # finds the package in the working directory first (an editable install outranks PYTHONPATH)
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if out is not None:
        if fmt == "xlsx":
            return _xlsx_text(out) + done.stderr
        return out.read_text(encoding="utf-8-sig") + done.stderr
    return done.stdout + done.stderr


def _xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for c in row if c is not None]
    return "\n".join(cells)


def _half_up(value: float) -> float:
    """One decimal, half away from zero (as the tally and Excel round; `round` rounds to even)."""
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _check(expected: dict, question: dict) -> list[str]:
    """What is wrong with `question` against `expected` (empty: right)."""
    wrong: list[str] = []
    if question["kind"] != expected["kind"]:
        wrong.append(f"kind {question['kind']} != {expected['kind']}")
    result = question["results"][0] if question["results"] else None
    if result is None:
        return wrong + ["no result"]
    if "base" in expected and result["answered"] != expected["base"]:
        wrong.append(f"base {result['answered']} != {expected['base']}")
    counts = expected.get("counts")
    if counts is not None:
        got = {o["label"]: o["count"] for o in result["options"]}
        if {_fold(k) for k in got} != {_fold(k) for k in counts}:
            missing = sorted(set(counts) - set(got))[:4]
            extra = sorted(set(got) - set(counts))[:4]
            wrong.append(f"options differ: missing {missing}, extra {extra}")
        else:
            by_fold = {_fold(k): v for k, v in got.items()}
            for label, n in counts.items():
                if by_fold[_fold(label)] != n:
                    wrong.append(f"count '{label}' {by_fold[_fold(label)]} != {n}")
        base = result["answered"]
        for option in result["options"]:
            share = _half_up(option["count"] * 100 / base) if base else 0.0
            if option["percent"] is not None and abs(option["percent"] - share) > 0.051:
                wrong.append(f"share '{option['label']}' {option['percent']} != {share}")
    return wrong


def score_file(export: Path, expect: dict, formats: list[str]) -> FileScore:
    score = FileScore(export.name, expect.get("tool", "?"))
    raw = _tally(export, "json")
    start = raw.find("{")
    try:
        data = json.loads(raw[start:raw.rfind("}") + 1]) if start >= 0 else {"questions": []}
    except json.JSONDecodeError:
        data = {"questions": []}
    questions = data["questions"]
    used: set[int] = set()
    for wanted in expect["questions"]:
        score.expected += 1
        found = next((i for i, q in enumerate(questions)
                      if i not in used and _matches(wanted["text"], q)), None)
        if found is None:
            score.wrong.append(f"{wanted['text'][:50]!r}: not found")
            continue
        used.add(found)
        problems = _check(wanted, questions[found])
        if problems:
            score.wrong.append(f"{wanted['text'][:50]!r}: " + "; ".join(problems))
        else:
            score.right += 1
    optional = expect.get("optional", [])
    for i, q in enumerate(questions):
        if i not in used and not any(_matches(text, q) for text in optional):
            score.spurious += 1
            score.spurious_texts.append(q["text"][:70])
    secrets = [s for s in expect.get("never_printed", []) if s]
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            out = Path(tmp, f"out.{fmt}") if fmt in ("xlsx", "md", "csv") else None
            text = raw if fmt == "json" else _tally(export, fmt, out)
            for secret in secrets:
                if secret in text:
                    score.leaks.append(f"{fmt}: {secret!r}")
            for pattern in (_EMAIL, _PHONE):
                for hit in pattern.findall(text):
                    if hit not in expect.get("allowed", []) and not _DATE.match(hit):
                        score.leaks.append(f"{fmt}: {hit!r}")
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--formats", default="json,md,csv,table,xlsx")
    parser.add_argument("--show", action="store_true", help="list what is wrong per question")
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    scores: list[FileScore] = []
    for export in sorted(args.folder.iterdir()):
        expect_path = export.with_name(export.name + ".expect.json")
        if export.suffix.casefold() not in EXPORTS or not expect_path.is_file():
            continue
        scores.append(score_file(export, json.loads(expect_path.read_text("utf-8")), formats))
    print("| file | tool | right | spurious | privacy |\n| --- | --- | --- | --- | --- |")
    per_tool: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for s in scores:
        privacy = "ok" if not s.leaks else f"{len(s.leaks)} leaks"
        print(f"| {s.name} | {s.tool} | {s.right}/{s.expected} | {s.spurious} | {privacy} |")
        tool = per_tool[s.tool]
        tool[0] += s.right
        tool[1] += s.expected
        tool[2] += s.spurious
        tool[3] += int(s.right == s.expected and s.spurious <= 1 and not s.leaks)
        tool[4] += 1
    print("\n| tool | questions right | files fully right | spurious |\n| --- | --- | --- | --- |")
    for tool, (right, expected, spurious, files_ok, files) in sorted(per_tool.items()):
        print(f"| {tool} | {right}/{expected} | {files_ok}/{files} | {spurious} |")
    right = sum(s.right for s in scores)
    expected = sum(s.expected for s in scores)
    print(f"\nTotal: {right}/{expected} questions right "
          f"({100 * right / expected if expected else 0:.0f} %), "
          f"{sum(s.spurious for s in scores)} spurious, "
          f"{sum(len(s.leaks) for s in scores)} privacy leaks in {len(scores)} files.")
    if args.show:
        for s in scores:
            for line in s.wrong:
                print(f"{s.name}: {line}")
            for text in s.spurious_texts:
                print(f"{s.name}: spurious {text!r}")
            for leak in s.leaks:
                print(f"{s.name}: LEAK {leak}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
