"""The one Word / Excel / PDF layer every job uses (the summary, the survey report).

Nothing here knows about annual reports or surveys: it builds documents from
headings, paragraphs, the coordinator's Markdown, tables and properties.
python-docx and openpyxl are imported inside the functions that need them.
"""
