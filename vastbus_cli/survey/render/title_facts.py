"""The Word report's title-page facts: 'Till:', 'Från:', the diarienummer.

Given as options (`--recipient`, `--sender`, `--reference-number`), else by the spec's
keys (`mottagare`, `avsändare`, `diarienummer`). They go onto the title page and into
the document's properties (the sender is its author), so the privacy guard reads them as
it reads the coordinator's texts: an identity number is a warning naming the option or
the key, and is masked.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from vastbus_cli.problems import Problem, warning
from vastbus_cli.survey.render.docx import ReportOptions
from vastbus_cli.survey.spec import Spec

#: Each fact: the report's field, its option, its key in the spec.
FACTS = (("recipient", "--recipient", "mottagare"), ("sender", "--sender", "avsändare"),
         ("reference_number", "--reference-number", "diarienummer"))


def with_spec_facts(report: object, spec: object) -> object:
    """The facts the options did not give, from the spec's keys."""
    if not isinstance(report, ReportOptions) or not isinstance(spec, Spec):
        return report
    return replace(report, recipient=report.recipient or spec.recipient or "",
                   sender=report.sender or spec.sender or "",
                   reference_number=report.reference_number or spec.reference_number or "",
                   background=spec.background or "", asked=tuple(spec.expected))


def masked_facts(report: object, given: tuple[str | None, ...], spec: Path | None,
                 problems: list[Problem]) -> object:
    """A fact with an identity number in it (`--sender "Anna 811218-9876"`): a warning that
    names the option (`given` holds the options' values) or the spec's key, and the
    number masked."""
    from vastbus_cli.privacy import (
        MASKED_NOTE,
        OWN_TEXT_PRIVACY_MESSAGE,
        PRIVACY_HINT,
        find_identity_numbers,
        mask_identity_numbers,
    )

    if not isinstance(report, ReportOptions):
        return report
    masked: list[str] = []
    for (name, option, key), value in zip(FACTS, given, strict=True):
        text = getattr(report, name)
        number = next(find_identity_numbers(text), None)
        if number is not None:
            named = option if value is not None else key
            problems.append(warning(
                option if value is not None else str(spec), 0, 0, "personnummer",
                OWN_TEXT_PRIVACY_MESSAGE.format(kind=number.kind).replace(
                    "Texten", f"'{named}'", 1) + MASKED_NOTE, PRIVACY_HINT))
            text = mask_identity_numbers(text)[0]
        masked.append(text)
    recipient, sender, reference_number = masked
    return replace(report, recipient=recipient, sender=sender, reference_number=reference_number)
