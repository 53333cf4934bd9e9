"""What vastbus is compared with: bare parsers and other tools, one subcommand each.

Run as a child process by run.py, so time and peak memory are the whole process's.
"""

from __future__ import annotations

import sys
from pathlib import Path


def compose(folder: str) -> None:
    """The floor for validate/compile: compose every YAML file with PyYAML's C loader."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(Path(folder).glob("*.yaml")):
        yaml.compose(path.read_text(encoding="utf-8"), Loader=loader)


def csv_reader(path: str) -> None:
    """The floor for tally: csv.reader over every row, nothing else."""
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        for _row in csv.reader(handle):
            pass


def pandas_count(path: str, *multi: str) -> None:
    """pandas: value counts of every column, the multi-select ones split on ", " first."""
    import pandas as pd

    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    names = [frame.columns[int(i)] for i in multi]
    for name in frame.columns[1:]:
        column = frame[name]
        if name in names:
            column = column.str.split(", ").explode()
        column.value_counts()


def polars_count(path: str, *multi: str) -> None:
    """polars: the same as pandas_count."""
    import polars as pl

    frame = pl.read_csv(path, infer_schema_length=0)
    names = [frame.columns[int(i)] for i in multi]
    for name in frame.columns[1:]:
        column = frame[name]
        if name in names:
            column = column.str.split(", ").explode()
        column.value_counts()


COMMANDS = {"compose": compose, "csv-reader": csv_reader, "pandas": pandas_count,
            "polars": polars_count}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](*sys.argv[2:])
