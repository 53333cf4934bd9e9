"""Every controlled list of the report format, in one place.

The model (enums), the template's comments, the JSON Schema, the validator's
"did you mean" and the rendered summaries all read from here. A value is what a
user writes in the YAML file (a short Swedish code); a label is what a reader
of a summary sees.
"""

from __future__ import annotations

from enum import Enum


class Vocabulary(str, Enum):
    """Base for controlled lists: the value is the code, `label` the Swedish text."""

    @property
    def label(self) -> str:
        # keyed by class too: Organisation.ANNAN and DeviationCategory.ANNAN are both the
        # string "annan", so they are equal and hash alike as plain dict keys
        return LABELS[(type(self), self.value)]

    @classmethod
    def codes(cls) -> list[str]:
        return [m.value for m in cls]


class Organisation(Vocabulary):
    SOCIALTJANST = "socialtjänst"
    SKOLA = "skola_elevhälsa"
    FORSKOLA = "förskola"
    BUP = "bup"
    PRIMARVARD = "primärvård"
    HABILITERING = "habilitering"
    UNGDOMSMOTTAGNING = "ungdomsmottagning"
    ANNAN = "annan"


class DeviationCategory(Vocabulary):
    SIP = "sip_ej_kallad_eller_försenad"
    INFORMATION = "information_ej_överförd"
    ANSVAR = "otydligt_ansvar"
    OVERGANG = "övergång_mellan_verksamheter"
    VANTETIDER = "väntetider"
    ANNAN = "annan"


class DeviationStatus(Vocabulary):
    LOST = "löst"
    PAGAENDE = "pågående"
    EJ_LOST = "ej_löst"
    LYFT = "lyft_till_delregional_nivå"


class Theme(Vocabulary):
    SIP = "sip"
    SAMVERKANSRUTINER = "samverkansrutiner"
    PSYKISK_OHALSA = "psykisk_ohälsa"
    SKOLFRANVARO = "skolfrånvaro"
    NPF = "npf"
    MISSBRUK = "missbruk_och_beroende"
    VALD = "våld_i_nära_relationer"
    SUICIDPREVENTION = "suicidprevention"
    DELAKTIGHET = "barns_delaktighet"
    TIDIGA_INSATSER = "tidiga_insatser"
    SAMMANSATTNING = "gruppens_sammansättning"
    ANNAT = "annat"


# pairs, not a dict literal: members of different lists can be equal strings ("annan")
_LABELS: tuple[tuple[Vocabulary, str], ...] = (
    (Organisation.SOCIALTJANST, "Socialtjänst"),
    (Organisation.SKOLA, "Skola/elevhälsa"),
    (Organisation.FORSKOLA, "Förskola"),
    (Organisation.BUP, "BUP"),
    (Organisation.PRIMARVARD, "Primärvård"),
    (Organisation.HABILITERING, "Habilitering"),
    (Organisation.UNGDOMSMOTTAGNING, "Ungdomsmottagning"),
    (Organisation.ANNAN, "Annan"),
    (DeviationCategory.SIP, "SIP ej kallad eller försenad"),
    (DeviationCategory.INFORMATION, "Information har inte förts vidare"),
    (DeviationCategory.ANSVAR, "Otydlig ansvarsfördelning"),
    (DeviationCategory.OVERGANG, "Övergång mellan verksamheter"),
    (DeviationCategory.VANTETIDER, "Väntetider"),
    (DeviationCategory.ANNAN, "Annan avvikelse"),
    (DeviationStatus.LOST, "Löst"),
    (DeviationStatus.PAGAENDE, "Pågående"),
    (DeviationStatus.EJ_LOST, "Ej löst"),
    (DeviationStatus.LYFT, "Lyft till delregional nivå"),
    (Theme.SIP, "SIP (samordnad individuell plan)"),
    (Theme.SAMVERKANSRUTINER, "Samverkansrutiner"),
    (Theme.PSYKISK_OHALSA, "Psykisk ohälsa"),
    (Theme.SKOLFRANVARO, "Problematisk skolfrånvaro"),
    (Theme.NPF, "Neuropsykiatriska funktionsnedsättningar (NPF)"),
    (Theme.MISSBRUK, "Missbruk och beroende"),
    (Theme.VALD, "Våld i nära relationer"),
    (Theme.SUICIDPREVENTION, "Suicidprevention"),
    (Theme.DELAKTIGHET, "Barns och ungas delaktighet"),
    (Theme.TIDIGA_INSATSER, "Tidiga och samordnade insatser"),
    (Theme.SAMMANSATTNING, "Gruppens sammansättning och deltagande"),
    (Theme.ANNAT, "Annat"),
)

LABELS: dict[tuple[type[Vocabulary], str], str] = {
    (type(member), member.value): label for member, label in _LABELS
}

#: Longer explanations used in the template's comments and the JSON Schema.
DESCRIPTIONS: dict[type[Vocabulary], str] = {
    Organisation: "Organisation som deltar i den lokala Västbusgruppen",
    DeviationCategory: "Vilken sorts avvikelse i samverkan kring ett barn",
    DeviationStatus: "Hur det gick med avvikelsen",
    Theme: "Tema",
}

#: Every controlled list, by the name the template and schema use.
ALL: tuple[type[Vocabulary], ...] = (Organisation, DeviationCategory, DeviationStatus, Theme)


def choices_comment(vocabulary: type[Vocabulary]) -> str:
    """`code (Label), code (Label), …` for a template comment."""
    return ", ".join(f"{m.value} ({m.label})" for m in vocabulary)
