"""Names vulture (dead-code finder) cannot see used, each with who uses them.

Read by `vulture` with the settings in pyproject's [tool.vulture] (.ci/run,
tests/test_dead_code.py). A name flagged that nothing uses is removed, not added here;
a name used from outside Python's sight (a library reads it, a hook calls it) is listed
here under its reason. `vulture --make-whitelist` prints new candidates.
"""

# ruff: noqa
# mypy: ignore-errors
_ = object()

# --- read by a library: attributes set on python-docx, python-pptx, openpyxl, zipfile,
# rich and Click objects (styles, chart and page setup, core properties, zip members)
_.commands  # Click group's commands (cli/app.py: the lazy registry)
_.help  # Click parameter's help (cli/swedish.py)
_.unraisablehook  # sys (cli/lastline.py)
_.data_type  # openpyxl cell
_._blob  # python-docx part (documents/docx_xml.py, the documented exception)
_.compress_type
_.external_attr  # zipfile.ZipInfo (documents/excel.py)
_.last_modified_by
_.revision
_.created
_.modified
_.last_printed
_.creator
_.lastModifiedBy  # core properties, Word and Excel (documents/properties.py)
_.space_before
_.left_indent
_.first_line_indent
_.keep_together
_.alignment
_.different_first_page_header_footer
_.page_height
_.bottom_margin
_.top_margin  # python-docx paragraph format and section
_.include_in_layout
_.has_title
_.minimum_scale
_.maximum_scale
_.major_unit
_.has_major_gridlines
_.number_format_is_linked
_.gap_width
_.overlap
_.vary_by_categories
_.has_data_labels
_.rgb
_.invert_if_negative
_.show_value  # python-pptx chart (documents/word_chart.py)
_.freeze_panes
_.orientation
_.paperSize
_.fitToHeight
_.fitToWidth
_.fitToPage
_.gridLines
_.print_title_rows
_.tableStyleInfo
_.delete
_.grouping
_.tx
_.crosses
_.tickLblSkip
_.solidFill  # openpyxl sheet, page setup, table and chart
_.caption
_.caption_justify  # rich table (survey/render/table.py)

# --- called by a framework or protocol, not by name
__getattr__  # module attribute hook: `from vastbus_cli import compile_reports` (vastbus_cli/__init__.py)
_.writable  # io protocol (cli/lastline.py)
show_version  # Typer option whose callback does the work (cli/app.py)
unraisable  # sys.unraisablehook's argument (cli/lastline.py)
mtime  # the cache key of documents/reference._clean: a changed file is read again
_.visit_Concat
_.new_buffer
_.join_text
_.wrap_str_format
_.intercepted_binops
_.code_generator_class  # Jinja2's sandbox and code generator hooks (render/sandbox.py)
_.get_source  # Jinja2 loader (render/user_template.py)
_._intro
_._digest
_._conclusions
_._subregions
_._meetings
_._work
_._development_areas
_._competence_needs
_._support_wanted
_._follow_up
_._appendix  # render/docx.py calls each part as getattr(self, f"_{key}")
_.model_config
_.format_version
_.contact_role  # pydantic model fields and settings (written to JSON and the schemas)

# --- the package's API that only tests and the library entry use
read_summary  # rollup/summary_file.py: one summary file back into a Summary (tests/fuzz)
iter_csv_rows  # survey/readers/text.py: rows with their lines (tests/survey/test_text.py)
MAX_XLSX_MEMBERS
MAX_XLSX_UNCOMPRESSED
MAX_XLSX_RATIO  # survey/readers/limits.py: the limits named in the Swedish messages (tests)
_.own_renderer  # formats.py: which formats the leak and fuzz tests read (tests/formats_read.py)
