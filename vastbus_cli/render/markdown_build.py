"""The shipped Markdown template compiled in advance, as `markdown_compiled.py`.

Jinja2 turns a template into Python on every run (~0.05 s of CPU for
`sammanstallning.md.j2`). The shipped template is compiled here instead, the
way Jinja2's own `Environment.compile_templates` does for its `ModuleLoader`,
into a module of the package (byte-compiled on install like the others, so
nothing is written at run time). That module is used only while it matches the
template file and the installed Jinja2 (its STAMP); otherwise, and for a user's
`--template`, the template is compiled as before. After changing the template,
regenerate it with `python -m vastbus_cli.render.markdown_build`; a test fails
until you do.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from vastbus_cli.render.markdown import TEMPLATE, environment

if TYPE_CHECKING:
    import jinja2

COMPILED = Path(__file__).with_name("markdown_compiled.py")


def _stamp(source: str) -> str:
    import jinja2

    return f"Jinja2 {jinja2.__version__}, sha256 {hashlib.sha256(source.encode()).hexdigest()}"


def _source(env: jinja2.Environment) -> str:
    assert env.loader is not None
    return env.loader.get_source(env, TEMPLATE)[0]


def module_text(env: jinja2.Environment) -> str:
    """The module: the stamp, then Jinja2's code for the shipped template."""
    source = _source(env)
    code = env.compile(source, TEMPLATE, raw=True, defer_init=True)
    return (f"# Generated from templates/{TEMPLATE} by "
            "`python -m vastbus_cli.render.markdown_build`: do not edit.\n"
            f'STAMP = "{_stamp(source)}"\n{code}\n')


def shipped(env: jinja2.Environment) -> jinja2.Template | None:
    """The shipped template from `markdown_compiled`, or None when that is out of date."""
    from vastbus_cli.render import markdown_compiled

    if _stamp(_source(env)) != markdown_compiled.STAMP:
        return None
    return env.template_class.from_module_dict(env, vars(markdown_compiled),
                                               env.make_globals(None))


if __name__ == "__main__":
    COMPILED.write_text(module_text(environment()), encoding="utf-8")
