"""Typesetting rules of the Word layer: rows that do not split, headers that neither rotate
nor break mid-word, lead-in lines kept with what they introduce."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from vastbus_cli.documents.properties import Properties
from vastbus_cli.documents.table import Table
from vastbus_cli.documents.word import WordDocument

ORGS = ["Socialtjänst", "Skola/elevhälsa", "Förskola", "BUP", "Primärvård", "Habilitering",
        "Ungdomsmottagning", "Annan", "Totalt"]


def document_xml(build: object) -> str:
    doc = WordDocument(Properties(title="T", author="A", date=dt.date(2026, 3, 1)))
    build(doc)  # type: ignore[operator]
    return zipfile.ZipFile(io.BytesIO(doc.save())).read("word/document.xml").decode("utf-8")


def composition(doc: WordDocument) -> None:
    rows = [[f"Grupp {i}", *([1] * 8), 8] for i in range(12)]
    doc.table(Table(["Grupp", *ORGS], [*rows, ["Totalt", *([12] * 8), 96]], dash_zero=True))


def test_every_row_is_kept_whole_and_the_header_repeats() -> None:
    xml = document_xml(composition)
    assert xml.count("<w:tr>") == 14 == xml.count("<w:cantSplit/>")
    assert xml.count("<w:tblHeader/>") == 1


def test_header_text_is_never_rotated_and_long_words_get_soft_hyphens() -> None:
    pytest.importorskip("pyphen")
    xml = document_xml(composition)
    assert "textDirection" not in xml
    pieces = ["Ung", "doms", "mot", "tag", "ning"]  # Swedish syllables, the renderer picks
    assert "<w:softHyphen/>".join(f'<w:t xml:space="preserve">{p}</w:t>' for p in pieces) in xml
    assert '<w:t xml:space="preserve">BUP</w:t>' in xml  # a short word is left whole
    assert '<w:t xml:space="preserve">Grupp 1</w:t>' in xml  # body text is never hyphenated


def test_a_wide_header_that_fits_is_not_hyphenated() -> None:
    xml = document_xml(lambda d: d.table(Table(["Omgång", "Svarande", "Svarsfrekvens", "Källa"],
                                               [["2018", 7, "100 %", "enkat-2018.csv"]])))
    assert "softHyphen" not in xml
    assert '<w:t xml:space="preserve">Svarsfrekvens</w:t>' in xml


def test_a_short_table_stays_on_one_page_a_long_one_may_break() -> None:
    short = document_xml(lambda d: d.table(Table(["Grupp", "Antal"], [["a", 1], ["b", 2]])))
    assert short.count("<w:keepNext/>") == 2 * 2  # header and first row, every cell
    long = document_xml(lambda d: d.table(Table(["Grupp", "Antal"],
                                                [[str(i), i] for i in range(40)])))
    assert long.count("<w:keepNext/>") == 2  # only the header stays with the first row


def test_lead_in_lines_keep_with_next() -> None:
    def build(doc: WordDocument) -> None:
        doc.paragraph("Svar, 2019:")
        doc.bullet("ett svar")
        doc.paragraph("", "Lyfta avvikelser")
        doc.paragraph("En vanlig mening.")

    xml = document_xml(build)
    assert xml.count("<w:keepNext/>") == 2
    assert "<w:p><w:pPr><w:keepNext/></w:pPr>" in xml
    assert "En vanlig mening.</w:t></w:r></w:p>" in xml.split("<w:keepNext/>")[-1]


def test_an_empty_header_cell_is_laid_out() -> None:
    xml = document_xml(lambda d: d.table(Table(["", "2018", "2019"], [["Medelvärde", 2.5, 3]])))
    assert "Medelvärde" in xml


def test_figures_written_as_text_align_right_like_numbers() -> None:
    table = Table(["Alternativ", "Andel", "Förändring", "Per grupp"],
                  [["Ja", "43\u00a0%", "+14", "3\u00a0(43\u00a0%)"], ["Nej", "–", "±0", "–"]])
    assert [table.numeric(i) for i in range(4)] == [False, True, True, True]
    assert not Table(["Omgång", "Fil"], [["2018", "a.csv"]]).numeric(0)  # labels stay left


def test_width_estimate_covers_the_widest_fallback_font() -> None:
    """'Summa' broke as 'Summ|a' in a 9 pt header: LibreOffice without Cambria sets DejaVu
    Serif Bold, where 'Summa' is 4.2 em (m alone 1.04 em) = 1.33 cm."""
    from vastbus_cli.documents.word_parts import text_cm

    assert text_cm("Summa", 9) >= 4.2 * 9 * 2.54 / 72


def test_a_figure_joined_by_no_break_spaces_gets_a_column_as_wide_as_it_is() -> None:
    """'19,3 % (29)' written unbreakable was measured as three words (str.split() splits at
    U+00A0 too), so its column was as wide as '19,3' and LibreOffice broke it inside; a
    count after a plain space may go under its share."""
    from vastbus_cli.documents.word_parts import CELL_PADDING_CM, _widths, text_cm

    joined, plain = "19,3\u00a0%\u00a0(29)", "19,3\u00a0% (29)"
    widths = _widths(Table(["Påstående", "Ja"], [["Rutinen", joined]]), 16.0,
                     [["Rutinen", joined]], 10)
    assert widths[1] >= text_cm(joined, 10) + CELL_PADDING_CM
    # six steps of a joined figure do not fit the page: with a plain space before the count
    # each column needs only the share
    headers = ["Påstående", *[f"Steg {i}" for i in range(6)], "Svarande (bas)"]
    row = ["Rutinen är känd", *[plain] * 6, "150"]
    narrow = _widths(Table(headers, [row]), 16.0, [row], 9)
    assert sum(narrow) <= 16.0 + 1e-9
    assert all(w >= text_cm("19,3\u00a0%", 9) + CELL_PADDING_CM for w in narrow[1:7])
    assert Table(["Påstående", "Ja"], [["Rutinen", plain]]).numeric(1)  # still right-aligned


def test_a_header_word_breaks_over_two_lines_at_most() -> None:
    """"Soci-al-tjänst" in three lines reads as a puzzle: the composition table of the
    examples (a group name and eight organisations) goes down to 8 pt instead, where every
    column is as wide as its header words need in two lines."""
    import re

    from vastbus_cli.documents.hyphenate import widest_piece
    from vastbus_cli.documents.word_parts import CELL_PADDING_CM, TWIPS_PER_CM, text_cm

    pytest.importorskip("pyphen")
    headers = ["Grupp", *ORGS]
    xml = document_xml(lambda doc: doc.table(Table(
        headers, [["Falköping", *([1] * 8), 8], ["Totalt", *([12] * 8), 96]], dash_zero=True)))
    widths = [int(w) / TWIPS_PER_CM for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)]
    assert '<w:sz w:val="16"/>' in xml  # 8 pt
    for header, width in zip(headers, widths, strict=True):
        for word in header.split():
            two_lines = widest_piece(word, 2, lambda w: text_cm(w, 8))
            assert two_lines + CELL_PADDING_CM <= width + 1e-6, (word, width)
