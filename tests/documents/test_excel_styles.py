"""`CellStyles` gives every cell the style plain openpyxl assignments would, and the
workbook the same style lists in the same order (so the saved file is the same)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from vastbus_cli.documents.excel import CellStyles

STYLES = [
    {"alignment": Alignment(vertical="top")},
    {"alignment": Alignment(wrap_text=True, vertical="top", horizontal="left")},
    {"font": Font(bold=True)},
    {"font": Font(bold=True), "fill": PatternFill("solid", fgColor="DDE4EE")},
    {"alignment": Alignment(vertical="top"), "number_format": "+0;-0;0"},
    {"number_format": "yyyy-mm-dd"},
]

steps = st.lists(st.tuples(st.integers(1, 4), st.integers(1, 3), st.integers(0, len(STYLES) - 1)),
                 max_size=40)


@settings(max_examples=60, deadline=None)
@given(steps)
def test_same_styles_as_plain_assignments(plan: list[tuple[int, int, int]]) -> None:
    plain, fast = Workbook(), Workbook()
    styles = CellStyles()
    for row, col, which in plan:
        for name, value in STYLES[which].items():
            setattr(plain.active.cell(row=row, column=col), name, value)
        styles.set(fast.active.cell(row=row, column=col), **STYLES[which])
    for (pos, a), (_, b) in zip(sorted(plain.active._cells.items()),
                                sorted(fast.active._cells.items()), strict=True):
        assert (pos, a._style) == (pos, b._style)
    for attr in ("_fonts", "_fills", "_alignments", "_number_formats", "_borders"):
        assert list(getattr(plain, attr)) == list(getattr(fast, attr))
