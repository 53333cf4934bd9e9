"""vastbus: annual reports, sub-regional summaries and survey tallies for Västbus.

`from vastbus_cli import compile_reports` gives the library entry of `vastbus
compile`; it is imported on first use so the command line starts fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["compile_reports"]


def __getattr__(name: str) -> Any:
    if name == "compile_reports":
        from vastbus_cli.reports.compile import compile_reports

        return compile_reports
    raise AttributeError(name)
