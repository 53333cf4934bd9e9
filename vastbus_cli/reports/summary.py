"""The sub-regional summary (sammanställning): the only thing the renderers see.

One `Part` holds everything about one sub-region; a summary over one
sub-region is simply the one-part case. When the reports span several
sub-regions, `totals` is a `Part` over all of them (the regional steering
group's view) and the top-level keys describe the whole. Labels are Swedish and
already chosen here, so no renderer needs the vocabulary; codes stay beside
them for tools reading the JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from vastbus_cli.documents.numbers import format_number as format_number  # re-exported
from vastbus_cli.vocabulary import Vocabulary


# A Python function, not the builtin `list`, as in model.py: pydantic inspects each
# default factory's signature, and for a builtin that tokenizes its text signature.
def _no_items() -> list[Any]:
    return []


#: A count: never negative (`rollup` reads summaries others hand on; the schema says so too).
Count = Annotated[int, Field(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Labelled(_Model):
    """A controlled value: its code (stable, for tools) and its Swedish label (for readers)."""

    code: str
    label: str

    @classmethod
    def of(cls, value: Vocabulary) -> Labelled:
        return cls(code=value.value, label=value.label)


class GroupRow(_Model):
    """One reporting group's basic figures."""

    name: str
    municipality: str
    file: str
    meetings_planned: Count
    meetings_held: Count
    representatives: Count
    organisations: Count = Field(description="Organisations with at least one representative")
    contact_role: str | None = None
    subregion: str | None = Field(
        default=None, description="Regional totals only: the sub-region the group belongs to")


class Overview(_Model):
    expected: Count | None = Field(description="Groups in the roster; None without a roster")
    reported: Count
    missing: list[str]
    not_included: list[str] = Field(
        default_factory=_no_items, description="Handed in, but left out because the file has errors")
    groups: list[GroupRow]
    meetings_planned: Count
    meetings_held: Count
    representatives: Count


class CompositionRow(_Model):
    group: str
    counts: list[Count] = Field(description="Representatives per organisation, in column order")
    subregion: str | None = Field(
        default=None, description="Regional totals only: the sub-region the group belongs to")


class OrganisationGap(_Model):
    organisation: Labelled
    missing_in: list[str]
    groups: Count = Field(description="Reporting groups the share is taken of")
    expected: bool = Field(
        default=True, description="A core organisation every group is meant to have; the "
                                  "others (förskola, ungdomsmottagning, annan) are never a gap")


class Composition(_Model):
    organisations: list[Labelled]
    rows: list[CompositionRow]
    gaps: list[OrganisationGap] = Field(description="Per organisation column, lacking groups")


class Entry(_Model):
    """A piece of text a group wrote, with the group that wrote it."""

    group: str
    text: str
    title: str | None = None
    theme: Labelled | None = None


class ThemeBlock(_Model):
    """Entries about one theme (theme None: entries without a theme)."""

    theme: Labelled | None
    groups: list[str]
    entries: list[Entry]


class CategoryTotal(_Model):
    category: Labelled
    total: Count
    groups: list[str] = Field(description="Groups that reported this category")
    by_status: dict[str, Count] = Field(description="Status code → count")
    recurring: bool
    across: bool = Field(
        default=False, description="Regional totals only: reported in at least the side-by-side "
                                   "threshold of sub-regions (the regional rule)")

    @property
    def possible_fault(self) -> bool:
        """A possible system fault by either rule: enough groups, or enough sub-regions."""
        return self.recurring or self.across


class GroupDeviations(_Model):
    group: str
    total: Count
    counts: list[Count] = Field(description="Per category, in the order of `categories`")
    filled_in: bool = Field(
        default=True, description="False: the report has no `avvikelser` at all (not filled "
                                  "in); `avvikelser: []` is filled in and means none")
    subregion: str | None = Field(
        default=None, description="Regional totals only: the sub-region the group belongs to")


class DeviationEntry(_Model):
    group: str
    category: Labelled
    count: Count
    description: str
    action: str
    status: Labelled


class Deviations(_Model):
    total: Count
    by_category: dict[str, Count] = Field(description="Category code → total count")
    recurring: list[str] = Field(description="Categories reported by at least `threshold` groups")
    threshold: Count
    categories: list[CategoryTotal]
    statuses: list[Labelled] = Field(description="Every status, in vocabulary order")
    by_status: dict[str, Count]
    by_group: list[GroupDeviations]
    raised: list[DeviationEntry] = Field(description="Raised to the sub-regional level")


Number = int | float  # whole numbers stay whole in the JSON


class KeyFigure(_Model):
    name: str
    total: Number
    min: Number
    max: Number
    min_group: str
    max_group: str
    values: dict[str, Number] = Field(description="Group → value, for the groups that reported it")


class Change(_Model):
    label: str
    previous: Number
    current: Number
    change: Number
    groups: Count | None = Field(
        default=None, description="Key figures: groups that reported this figure both years")


class OneYearOnly(_Model):
    """A figure for the groups that reported only one of the two years (not compared)."""

    label: str
    previous: Number = Field(description="Groups that reported only the previous year")
    current: Number = Field(description="Groups that reported only this year")


class Comparison(_Model):
    """Year over year, like with like: the changes cover the groups that reported both years."""

    previous_year: Count
    year: Count
    both: list[str] = Field(description="Groups that reported both years; the changes cover these")
    only_current: list[str] = Field(description="Reported this year but not the previous year")
    only_previous: list[str] = Field(description="Reported the previous year but not this year")
    new_in_roster: list[str] = Field(
        description="Of only_current: new in this year's roster (known only when both years "
                    "have a roster)")
    figures: list[Change] = Field(description="Meetings, representatives, deviations: `both` only")
    deviations: list[Change] = Field(description="Per deviation category: `both` only")
    key_figures: list[Change] = Field(
        description="Per key figure: the groups in `both` that reported it both years")
    one_year_only: list[OneYearOnly] = Field(
        description="The same figures for the groups that reported only one of the years")
    themes_new: list[str]
    themes_persisting: list[str]
    themes_dropped: list[str]


class FollowUp(_Model):
    """A deviation raised to the sub-regional level last year, and what this year says."""

    group: str
    category: Labelled
    previous_count: Count
    description: str = Field(description="Last year's description")
    action: str = Field(description="Last year's action")
    outcome: Labelled = Field(description="kvarstår, löst, nämns-inte or ingen-årsberättelse")
    current_count: Count = Field(description="This year's count in the same category (0: none)")
    current_statuses: list[Labelled] = Field(description="This year's statuses in the category")
    current_actions: list[str] = Field(
        default_factory=_no_items,
        description="What the group reports was done this year in the same category")


class RegionalIssue(_Model):
    """A deviation category the sub-region raises to the regional level: reported by at least
    `threshold` groups (a possible system fault), or raised to the sub-regional level."""

    category: Labelled
    total: Count = Field(description="This year's deviations in the category")
    groups: list[str] = Field(description="Groups that reported the category")
    of: Count = Field(description="Reporting groups the count is taken of")
    recurring: bool = Field(description="Reported by at least `threshold` groups")
    subregions: list[str] = Field(
        default_factory=_no_items,
        description="Regional totals only: the sub-regions with deviations in the category")
    across: bool = Field(
        default=False, description="Regional totals only: reported in at least the "
                                   "side-by-side threshold of sub-regions")
    raised: Count = Field(description="Of `total`: raised to the sub-regional level this year")
    raised_by: list[str]
    entries: list[DeviationEntry] = Field(description="The raised deviations, as written")
    raised_last_year: list[str] = Field(
        default_factory=_no_items,
        description="Groups that raised the category last year and still report it")

    @property
    def possible_fault(self) -> bool:
        """A possible system fault by either rule: enough groups, or enough sub-regions."""
        return self.recurring or self.across


class AppendixSection(_Model):
    title: str
    items: list[str]


class AppendixReport(_Model):
    group: str
    municipality: str
    file: str
    sections: list[AppendixSection]


class SubregionColumn(_Model):
    """One sub-region's figures, a column of the regional side-by-side table."""

    subregion: str
    expected: Count | None = Field(description="Groups in its roster; None without a roster")
    reported: Count
    missing: Count
    meetings_planned: Count
    meetings_held: Count
    representatives: Count
    deviations: Count


class CategoryAcross(_Model):
    """A deviation category across the sub-regions: the regional view of a system-wide fault."""

    category: Labelled
    counts: list[Count] = Field(description="Deviations per sub-region, in column order")
    total: Count
    subregions: list[str] = Field(description="Sub-regions with deviations in the category")
    recurring_in: list[str] = Field(
        description="Sub-regions where the category recurs (flagged in that sub-region)")
    flagged: bool = Field(description="Reported in at least `threshold` sub-regions")
    groups: Count = Field(default=0, description="Groups in the region that report the category")
    recurring: bool = Field(
        default=False, description="Reported by at least the groups' threshold (the group rule)")

    @property
    def possible_fault(self) -> bool:
        """A possible system fault by either rule, as the rest of the document says."""
        return self.flagged or self.recurring


class SideBySide(_Model):
    """The sub-regions side by side (the regional totals of several sub-regions)."""

    columns: list[SubregionColumn]
    threshold: Count = Field(description="Sub-regions a category must appear in to be flagged")
    group_threshold: Count | None = Field(
        default=None, description="Groups a category must appear in to be flagged (group rule)")
    reporting: Count | None = Field(default=None, description="Groups that reported in the region")
    categories: list[CategoryAcross]


class Part(_Model):
    """Everything the summary says about one sub-region (or, as `totals`, the whole region)."""

    subregion: str
    groups: list[str]
    missing: list[str] = Field(description="In the roster, no report handed in")
    not_included: list[str] = Field(
        default_factory=_no_items, description="Handed in, but left out because the file has errors")
    overview: Overview
    composition: Composition
    work: list[ThemeBlock]
    deviations: Deviations
    development_areas: list[ThemeBlock]
    competence_needs: list[ThemeBlock]
    support_wanted: list[Entry]
    support_by_theme: list[ThemeBlock] = Field(
        default_factory=_no_items, description="The support wanted, grouped by theme, with who asked")
    good_examples: list[Entry]
    plans: list[Entry]
    key_figures: list[KeyFigure]
    comparison: Comparison | None = None
    follow_up: list[FollowUp] | None = Field(
        default=None, description="With last year's reports: last year's raised deviations")
    follow_up_text: str | None = Field(
        default=None, description="The coordinator's account of what the sub-regional group did "
                                  "with last year's raised issues (Markdown, uppfoljning.md)")
    to_region: list[RegionalIssue] = Field(
        default_factory=_no_items,
        description="What the sub-region raises to the regional level, most groups first")
    appendix: list[AppendixReport] = Field(
        default_factory=_no_items, description="Each report in full; only when asked for")
    subregions: SideBySide | None = Field(
        default=None, description="The regional totals: the sub-regions side by side")


#: The version of the summary's JSON format (`compile -o x.json`). Raise it when a change
#: would make an older reader misread a summary; the schema ships as
#: `sammanstallning.schema.json` (`python -m vastbus_cli.reports.schema_build`).
#: 2: a part's `follow_up_text`. A version-1 reader ignores keys it does not know, so it
#: would have dropped a sub-region's account from the roll-up without a word; it refuses a
#: version 2 instead.
SUMMARY_FORMAT: Literal[2] = 2
#: The versions `rollup` reads: a version-1 summary is a version-2 one without follow-up texts.
READABLE_FORMATS = (1, 2)


class Summary(_Model):
    """The whole summary. The top-level keys are the integration interface; keep them stable."""

    format_version: Literal[1, 2] = Field(
        default=SUMMARY_FORMAT, description="The JSON format's version (see SUMMARY_FORMAT)")
    title: str
    subregion: str
    year: Count
    produced: dt.date
    deadline: dt.date
    deadline_passed: bool
    groups: list[str]
    missing: list[str]
    skipped: list[str] = Field(description="Files not included because they have errors")
    not_included: list[str] = Field(
        default_factory=_no_items, description="The groups of those files, as far as they can be read")
    deviations: Deviations
    parts: list[Part]
    totals: Part | None = Field(
        default=None, description="The regional view when the reports span several sub-regions")
    sender: str | None = Field(
        default=None, description="The sub-regional group that sends the summary (roster)")
    coordinator_role: str | None = Field(
        default=None, description="The coordinator's role, as signed (roster)")
    reference: str | None = Field(default=None, description="Reference number (diarienummer)")
    recipient: str | None = Field(
        default=None, description="Who the summary goes to (roster 'mottagare'); None: the default")
    intro: str | None = Field(default=None, description="The coordinator's introduction (Markdown)")
    conclusions: str | None = Field(
        default=None, description="The coordinator's conclusions and recommendations (Markdown)")
