"""The saved file's layout, taken from the rendered YAML template.

The form must save exactly what `vastbus template` writes, comments included, so the
template stays the one source of the layout: its text is cut into the pieces that stand
before each top-level key (comments, blank lines, the header) and before each key of a
mapping (the indented comments), and the browser writes the values between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_TOP_KEY = re.compile(r"^([^\s#-][^:]*):")
_CHILD_KEY = re.compile(r"^  ([^\s#-][^:]*):")


@dataclass
class Section:
    key: str
    before: str  # everything between the previous section's last line and this key's line
    children: dict[str, str] = field(default_factory=dict)  # mapping key → comment lines

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "before": self.before, "children": self.children}


def split_template(text: str) -> tuple[list[Section], str]:
    """The template cut at its top-level keys; returns the sections and the text after them."""
    sections: list[Section] = []
    pending: list[str] = []
    child_comments: list[str] = []
    for line in text.splitlines(keepends=True):
        top = _TOP_KEY.match(line)
        if top:
            sections.append(Section(top.group(1), "".join(pending)))
            pending, child_comments = [], []
        elif line.startswith("  #") and sections:
            child_comments.append(line)
        elif line.startswith(" ") and sections:
            child = _CHILD_KEY.match(line)
            if child and child_comments:
                sections[-1].children[child.group(1)] = "".join(child_comments)
            child_comments = []
        else:
            pending.append(line)
    return sections, "".join(pending)


def comment_text(lines: str) -> str:
    """The words of a comment block, joined into one paragraph."""
    words = [line.strip().lstrip("#").strip() for line in lines.splitlines()]
    return " ".join(w for w in words if w)
