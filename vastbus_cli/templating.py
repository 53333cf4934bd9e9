"""Finding and rendering the Jinja2 templates in `templates/`.

In an installed wheel the folder ships as `vastbus_cli/templates`; in a source
checkout (editable install) it is the repository's top-level `templates/`.
Jinja2 is imported here, never at start-up.
"""

from __future__ import annotations

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
    """A value as a double-quoted YAML scalar, written by PyYAML's own emitter.

    JSON escaping is not enough: YAML also breaks lines at U+0085, U+2028 and U+2029
    and refuses DEL, C1 controls and U+FEFF in a file; the emitter escapes all of
    them, so a name always parses back to exactly itself.
    """
    import yaml

    text = yaml.dump(str(value), Dumper=yaml.SafeDumper, default_style='"',
                     allow_unicode=True, width=float("inf"))
    return text.rstrip("\n")


def comment_text(value: Any) -> str:
    """A value inside a `#` comment: one line, control and bidi characters written out."""
    from vastbus_cli.reporters import visible

    return visible(str(value)).replace("\n", "\\n").replace("\r", "\\r")


def environment(extra_dir: Path | None = None, autoescape: bool = False,
                sandboxed: bool = False) -> jinja2.Environment:
    """A Jinja2 environment over the shipped templates (and a user's folder first, if given).

    `sandboxed` is for a user's own template: see render/sandbox.py.
    """
    import jinja2

    folders = [str(extra_dir)] if extra_dir else []
    folders.append(str(templates_dir()))
    cls: type[jinja2.Environment] = jinja2.Environment
    if sandboxed:
        from vastbus_cli.render.sandbox import UserSandbox

        cls = UserSandbox
    env = cls(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yaml_string"] = yaml_string
    env.filters["comment"] = comment_text
    return env


def render(name: str, extra_dir: Path | None = None, **context: Any) -> str:
    return environment(extra_dir).get_template(name).render(**context)
