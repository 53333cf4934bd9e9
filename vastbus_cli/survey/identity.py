"""Layer 5: columns that describe or identify the respondent, left out by heading and by values.

A tool's metadata has names we know (`readers/metadata.py`), but an export also carries
columns nobody named for us: a question asking for the respondent's name, an id or a phone
number, in any language; page timings, randomisation records, running numbers, IP addresses,
URLs. Each is told by its heading or by the shape of its values, and is never counted nor
printed: an identity answer must not reach any output format. A column of names that recur
(a choice between names, "Which of these names fits the face?") is a question, not identity:
identity values are (nearly) all different.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

_WORDS = r"(?:^|[\s(/,.:;?¿¡-])"
_END = r"(?=$|[\s)/,.:;?!*-])"
# headings that ask who the respondent is, in sv, no, da, fi, en, de, fr, es, nl
_IDENTITY_HEADING = re.compile(
    _WORDS + r"(?:full name|first name|last name|surname|given name|your name|name of respondent|"
    r"ditt namn|ditt fullständiga namn|för- och efternamn|förnamn|efternamn|fullständigt namn|"
    r"eget navn|ditt navn|dit navn|fulde navn|fullt navn|fornavn|etternavn|efternavn|"
    r"nimesi|koko nimi|etunimi|sukunimi|vor- und nachname|vorname|nachname|ihr name|dein name|"
    r"votre nom|nom complet|prénom|nom de famille|su nombre|tu nombre|nombre completo|apellidos?|"
    r"uw naam|je naam|volledige naam|voornaam|achternaam|"
    r"participant id|participant number|participant code|deltagar-?id|deltagarnummer|"
    r"deltakernummer|deltagernummer|osallistujanumero|teilnehmer-?id|teilnehmernummer|"
    r"personnummer|samordningsnummer|fødselsnummer|personnummer|cpr-?nummer|henkilötunnus|"
    r"social security|national id|identity number|id number|id-nummer|student id|employee id|"
    r"anställningsnummer|medarbetar-?id|"
    r"telefonnummer|telefon|mobilnummer|mobiltelefon|phone number|phone|mobile|handynummer|"
    r"puhelinnumero|puhelin|téléphone|teléfono|telefoonnummer|"
    r"e-?postadress|e-?post|e-?mail address|e-?mail|sähköposti|courriel|correo electrónico|"
    r"kontaktuppgifter|kontaktinformation|contact details|contact information|"
    r"kontaktinformasjon|kontaktoplysninger|yhteystiedot|kontaktdaten|coordonnées|"
    r"datos de contacto|contactgegevens|postadress|home address|hemadress|adresse|"
    r"ip address|ip-adress|family name|"
    r"personal code|individual code|personlig kod|personlig kode|persönliche[nr]? code|"
    r"code personnel|código personal|persoonlijke code|henkilökohtainen koodi)" + _END,
    re.IGNORECASE)
# a heading that is just "Name" (any language) asks for a name too
_NAME_ALONE = re.compile(r"^\s*(?:name|namn|navn|nimi|nom|nombre|naam|ihr name)\s*[:?*]*\s*$",
                         re.IGNORECASE)
# tools' timing, paging and randomisation columns (LimeSurvey, Qualtrics, EFS, SurveyMonkey)
_METADATA_HEADING = re.compile(
    r"^(?:interviewtime|grouptime\d*|\w*time\d+|[a-z]\w*\d\w*time|rts\d+|page_?time\w*|duration|dauer|"
    r"duration \(in seconds\)|varaktighet|tidsåtgång|time spent|time taken|"
    r"lfdn|external_lfdn|dispcode|quota_?\w*|page_history|hflip|vflip|"
    r"output_mode|session_id|date_of_last_access|date_of_first_mail|"
    r"browser\w*|user_?agent|referer|referrer|network id|"
    r"rnd_?\w*|random\w*|randomi[sz]ation\w*|\w*_do(?:_\w+)?|fl_\d+_do|seed|"
    r"\w*_(?:first|last) click|\w*_page submit|\w*_click count|"
    r"start date \(utc\)|submit date \(utc\)|stage date \(utc\)|response type|#|"
    r"durée pour (?:le groupe|la question)\b.*)$",
    re.IGNORECASE)

_IP = re.compile(r"^(?:\d{1,3}\.){3}\d{1,3}$|^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$", re.IGNORECASE)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_TIMESTAMP = re.compile(
    r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
    r"(?:\s*(?:[ap]\.?m\.?|fm|em))?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5}))?)?$", re.IGNORECASE)
_DURATION = re.compile(r"^\d{1,3}:\d{2}(?::\d{2})?$")
_PERSON_NAME = re.compile(r"^[A-ZÅÄÖÆØÜÉ][a-zåäöæøüéèáíóúñç'’-]+(?: (?:(?:van|von|de|der|den|af|la|le|"
                          r"da|di|del)\s)*[A-ZÅÄÖÆØÜÉ][a-zåäöæøüéèáíóúñç'’-]+){1,3}$")
_MIN_VALUES = 3
_CODE = re.compile(r"^[A-Za-z0-9]{4,16}$")


def identity_heading(heading: str) -> bool:
    """Whether a column's heading asks for the respondent's name, id, or contact details."""
    return bool(_IDENTITY_HEADING.search(heading) or _NAME_ALONE.match(heading))


def metadata_heading(heading: str) -> bool:
    """Whether a heading names a tool's timing, paging or randomisation column."""
    return bool(_METADATA_HEADING.match(heading.strip()))


def value_shape(texts: Sequence[str], answered: int) -> str | None:
    """Why a column whose distinct non-empty values are `texts` (of `answered` answers)
    describes the response rather than answers a question, in Swedish; None if it does not.

    Every value must have the shape (a column of dates asked for is still dates: the tally
    leaves out date columns already). Personal names must be nearly all different.
    """
    values = [t.strip() for t in texts if t.strip()]
    if len(values) < 1 or answered < _MIN_VALUES:
        return None
    if all(_IP.match(v) for v in values):
        return "IP-adresser"
    if all(_URL.match(v) for v in values):
        return "webbadresser"
    if all(_TIMESTAMP.match(v) for v in values):
        return "tidpunkter"
    if all(_DURATION.match(v) for v in values):
        return "tidsåtgång"
    if all(_is_record(v) for v in values):
        return "tekniska uppgifter (slumpning eller sidhistorik)"
    if _running_numbers(values, answered):
        return "löpnummer"
    if _personal_codes(values, answered):
        return "personliga koder"
    named = sum(1 for v in values if _PERSON_NAME.match(v))
    if len(values) >= max(_MIN_VALUES, 0.9 * answered) and named >= 0.8 * len(values):
        return "personnamn"
    return None


def _is_record(value: str) -> bool:
    if not (value.startswith(("{", "[")) and value.endswith(("}", "]"))) or len(value) < 8:
        return False
    try:
        json.loads(value)
    except ValueError:
        return False
    return True


def _personal_codes(values: list[str], answered: int) -> bool:
    """One code per respondent, nearly all different, each a single token of letters and
    digits ("M9AP23": initials and birth digits a study asks for to link answers)."""
    if len(values) < 10 or len(values) < 0.9 * answered:
        return False
    return all(_CODE.match(v) and any(c.isdigit() for c in v) and any(c.isalpha() for c in v)
               for v in values)


def _running_numbers(values: list[str], answered: int) -> bool:
    """Whole numbers, each once, one per respondent, close together: 1, 2, 3 … (row ids)."""
    if len(values) < 20 or len(values) != answered or not all(v.isdigit() for v in values):
        return False
    numbers = sorted(int(v) for v in values)
    return numbers[-1] - numbers[0] + 1 <= 1.5 * len(numbers)
