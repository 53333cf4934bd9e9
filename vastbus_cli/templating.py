"""Finding and rendering the Jinja2 templates in `templates/`.

In an installed wheel the folder ships as `vastbus_cli/templates`; in a source
checkout (editable install) it is the repository's top-level `templates/`.
Jinja2 is imported here, never at start-up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

_PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    for candidate in (_PACKAGE / "templates", _PACKAGE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("templates/")


def yaml_string(value: Any) -> str:
    """A value as a double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


def environment(extra_dir: Path | None = None, autoescape: bool = False) -> jinja2.Environment:
    """A Jinja2 environment over the shipped templates (and a user's folder first, if given)."""
    import jinja2

    folders = [str(extra_dir)] if extra_dir else []
    folders.append(str(templates_dir()))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yaml_string"] = yaml_string
    return env


def render(name: str, extra_dir: Path | None = None, **context: Any) -> str:
    return environment(extra_dir).get_template(name).render(**context)
