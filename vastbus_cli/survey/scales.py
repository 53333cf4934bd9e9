"""Rating scales known by their words, so that a rating keeps its scale's order without a spec.

"Mycket nöjd, Nöjd, Missnöjd" is one scale whichever order the answers came in or however
many chose each step; a report that lists it as "Nöjd, Missnöjd, Mycket nöjd" (first seen)
or by count reads wrong. Each scale below runs from its most positive step to its most
negative, as Swedish questionnaires list them; a question's options are put in that order
when every one of them is a step of the same scale (answers such as "Vet inte" or
"Ej aktuellt" go last, in the order they came). Anything else keeps the order it had.
Options that all begin with a number ("1 – Inte alls", "5 = Helt") follow their numbers.
"""

from __future__ import annotations

import re

from vastbus_cli.survey.split import fold

SCALES: tuple[tuple[str, ...], ...] = (
    ("instämmer helt", "instämmer helt och hållet", "instämmer i mycket hög grad",
     "instämmer till stor del", "instämmer i hög grad", "instämmer ganska mycket",
     "instämmer delvis", "instämmer till viss del", "instämmer i viss mån",
     "varken eller", "varken instämmer eller tar avstånd", "instämmer i låg grad",
     "instämmer till liten del", "instämmer knappast", "tar delvis avstånd", "instämmer inte",
     "tar helt avstånd", "instämmer inte alls"),
    ("stämmer helt", "stämmer helt och hållet", "stämmer precis", "stämmer mycket bra",
     "stämmer till stor del", "stämmer ganska bra", "stämmer bra", "stämmer delvis",
     "stämmer till viss del", "varken eller", "stämmer ganska dåligt",
     "stämmer till liten del", "stämmer dåligt", "stämmer mycket dåligt", "stämmer inte",
     "stämmer inte alls"),
    ("mycket nöjd", "nöjd", "ganska nöjd", "varken nöjd eller missnöjd", "varken eller",
     "ganska missnöjd", "inte nöjd", "missnöjd", "mycket missnöjd", "inte alls nöjd"),
    ("utmärkt", "mycket bra", "bra", "ganska bra", "varken bra eller dåligt",
     "varken bra eller dålig", "varken eller", "ganska dåligt", "ganska dålig", "dåligt",
     "dålig", "mycket dåligt", "mycket dålig"),
    ("alltid", "nästan alltid", "mycket ofta", "ofta", "ganska ofta", "ibland",
     "ganska sällan", "sällan", "mycket sällan", "nästan aldrig", "aldrig"),
    ("i mycket hög grad", "i hög grad", "i ganska hög grad", "i viss grad", "i viss mån",
     "till viss del", "i ganska låg grad", "i låg grad", "i mycket låg grad", "inte alls"),
    ("till mycket stor del", "till stor del", "till viss del", "till liten del",
     "till mycket liten del", "inte alls"),
    ("mycket viktigt", "viktigt", "ganska viktigt", "varken eller", "inte så viktigt",
     "inte särskilt viktigt", "oviktigt", "inte alls viktigt"),
    ("strongly agree", "agree", "somewhat agree", "slightly agree",
     "neither agree nor disagree", "neutral", "slightly disagree", "somewhat disagree",
     "disagree", "strongly disagree"),
    ("extremely satisfied", "very satisfied", "satisfied", "somewhat satisfied",
     "neither satisfied nor dissatisfied", "neutral", "somewhat dissatisfied", "dissatisfied",
     "very dissatisfied", "extremely dissatisfied"),
    ("excellent", "very good", "good", "fair", "average", "poor", "very poor"),
    ("always", "almost always", "very often", "often", "usually", "sometimes",
     "occasionally", "rarely", "seldom", "almost never", "never"),
    ("extremely likely", "very likely", "likely", "somewhat likely",
     "neither likely nor unlikely", "somewhat unlikely", "unlikely", "very unlikely",
     "extremely unlikely"),
    ("extremely important", "very important", "important", "moderately important",
     "somewhat important", "slightly important", "not very important", "not important",
     "not at all important"),
)

# answers outside the scale that a rating offers: they go after its steps
ASIDE = frozenset({
    "vet inte", "vet ej", "ingen åsikt", "ej aktuellt", "inte aktuellt", "ej relevant",
    "inte relevant", "ej tillämpligt", "kan inte bedöma", "kan ej bedöma", "vill inte svara",
    "don't know", "do not know", "not sure", "no opinion", "not applicable", "n/a",
    "prefer not to say"})

_NUMBERED = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:[-–—=:.)]\s*|\s)\S")


def scale_order(options: list[str]) -> list[str] | None:
    """`options` in their scale's order, or None when they are not the steps of one scale."""
    numbered = [_NUMBERED.match(option.strip()) for option in options]
    if len(options) >= 2 and all(numbered):
        value = {option: float(m.group(1).replace(",", "."))
                 for option, m in zip(options, numbered, strict=True) if m}
        if len(set(value.values())) == len(options):
            return sorted(options, key=value.__getitem__)
    steps = [option for option in options if fold(option) not in ASIDE]
    aside = [option for option in options if fold(option) in ASIDE]
    if len(steps) < 2:
        return None
    for scale in SCALES:
        place = {step: index for index, step in enumerate(scale)}
        if all(fold(step) in place for step in steps):
            return sorted(steps, key=lambda step: place[fold(step)]) + aside
    return None
