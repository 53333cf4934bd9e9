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


cell_values = st.one_of(st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                        st.booleans(), st.dates(), st.text(max_size=6),
                        st.sampled_from(["=SUM(A1)", "x" * 40000]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(cell_values, st.integers(0, 3)), min_size=1, max_size=4),
                max_size=6))
def test_put_row_is_set_text_then_the_styles(rows: list[list[tuple[object, int]]]) -> None:
    from vastbus_cli.render.cells import set_text

    plain, fast = Workbook(), Workbook()
    ordinary, direct = CellStyles(), CellStyles()
    kinds = [(), (STYLES[0],), (STYLES[4], STYLES[2]), (STYLES[0], STYLES[2], STYLES[1])]
    for r, row in enumerate(rows, start=1):
        for c, (value, kind) in enumerate(row, start=1):
            cell = plain.active.cell(row=r, column=c)
            set_text(cell, value)
            for step in kinds[kind]:
                ordinary.set(cell, **step)
        direct.put_row(fast.active, r, [v for v, _ in row], [kinds[k] for _, k in row])
    a, b = plain.active._cells, fast.active._cells
    assert sorted(a) == sorted(b)
    for pos in a:
        assert (a[pos]._value, a[pos].data_type) == (b[pos]._value, b[pos].data_type)
        assert (a[pos]._style or [0] * 9) == (b[pos]._style or [0] * 9)
    for attr in ("_fonts", "_fills", "_alignments", "_number_formats", "_borders"):
        assert list(getattr(plain, attr)) == list(getattr(fast, attr))


text_values = st.one_of(cell_values, st.floats(), st.datetimes(), st.integers(-10**20, 10**20),
                        st.text(st.sampled_from(list("ab å&<>\"' \r\n\t=@\x01")), max_size=5))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.tuples(text_values, st.integers(0, 3)), max_size=4), max_size=6),
       st.lists(st.tuples(st.integers(1, 8), st.integers(1, 3)), max_size=3),
       st.integers(0, 2), st.booleans())
def test_write_row_saves_as_put_row(rows: list[list[tuple[object, int]]],
                                    heights: list[tuple[int, int]], header: int,
                                    empty_sheet_first: bool) -> None:
    """Rows kept as text (`write_row`) give the very workbook the cells of `put_row` give."""
    from vastbus_cli.documents.excel import save_workbook

    kinds = [(), (STYLES[0],), (STYLES[4], STYLES[2]), (STYLES[0], STYLES[2], STYLES[1])]
    saved = []
    for method in ("put_row", "write_row"):
        wb, styles = Workbook(), CellStyles()
        sheets = [wb.active, wb.create_sheet("Två")] if empty_sheet_first else [wb.active]
        for ws in sheets:
            for c in range(1, header + 1):
                styles.set(ws.cell(row=1, column=c, value=f"h{c}"), **STYLES[3])
        ws = sheets[-1]
        for r, row in enumerate(rows, start=2):
            getattr(styles, method)(ws, r, [v for v, _ in row], [kinds[k] for _, k in row])
        for r, lines in heights:
            ws.row_dimensions[r].height = 15 * lines
        saved.append(save_workbook(wb))
    import io
    import zipfile

    a, b = (zipfile.ZipFile(io.BytesIO(data)) for data in saved)
    assert a.namelist() == b.namelist()
    for name in a.namelist():  # the properties hold the time the workbook was made
        assert name == "docProps/core.xml" or a.read(name) == b.read(name), name
