"""Recognising metadata columns: timestamps, ids, addresses, names, locations, durations.

Survey tools add them in the language of the account that exported the file
(Google Forms' "Tidsmerke", "E-postadresse", "Horodateur"; Microsoft Forms'
"Starttidspunkt"; SurveyMonkey's "Collector ID"; Qualtrics' "LocationLatitude";
LimeSurvey's "submitdate"). They identify or describe the response, never answer
a question, so they are never tallied or printed. Names are compared case-blind
with spaces, hyphens, underscores and dots removed ("Collector ID" = "CollectorID"
= "collector_id"); the languages are at least Swedish, Norwegian, Danish, Finnish,
English, German, French, Spanish and Dutch.
"""

from __future__ import annotations

import re

_NAMES = {
    # timestamps (Google Forms in each language, and generic)
    "timestamp", "tidstämpel", "tidsstämpel", "tidsmerke", "tidsstempel", "aikaleima",
    "zeitstempel", "horodateur", "horodatage", "marcatemporal", "marcadetiempo", "tijdstempel",
    "tijdsstempel",
    # e-mail addresses
    "emailaddress", "email", "mail", "epost", "epostadress", "epostadresse", "emailadresse",
    "emailadres", "mailadresse", "mailadress", "sähköposti", "sähköpostiosoite",
    "adresseemail", "adressemail", "adressedemessagerie", "courriel", "adressecourriel",
    "correo", "correoelectrónico", "direccióndecorreoelectrónico", "direccióndecorreo",
    "recipientemail", "emailadressen", "ihreemailadresse",
    # scores of a quiz
    "score", "poäng", "poengsum", "poeng", "point", "pisteet", "punkte", "punktzahl",
    "puntuación", "totalscore", "totalpoäng",
    # Microsoft Forms
    "id", "starttime", "completiontime", "lastmodifiedtime", "name",
    "starttid", "slutförandetid", "namn", "senasteändringstid",
    "starttidspunkt", "fullføringstidspunkt", "sistendret", "navn", "tidspunktforfuldførelse",
    "tidspunktforsenesteændring", "aloitusaika", "valmistumisaika", "nimi", "viimeksimuokattu",
    "startzeit", "fertigstellungszeit", "zeitpunktderletztenänderung", "heurededébut",
    "heuredefin", "nom", "heuredeladernièremodification", "horadeinicio",
    "horadefinalización", "nombre", "horadelaúltimamodificación", "begintijd",
    "tijdvanvoltooiing", "naam", "tijdstipvanlaatstewijziging", "voltooiingstijd",
    # SurveyMonkey
    "respondentid", "collectorid", "startdate", "enddate", "ipaddress", "firstname", "lastname",
    "insamlarid", "startdatum", "slutdatum", "ipadress", "förnamn", "efternamn", "enddatum",
    "ipadresse", "vorname", "nachname", "befragtenid", "fornavn", "etternavn", "efternavn",
    "etunimi", "sukunimi", "iposoite", "prénom", "adresseip",
    "datededébut", "datedefin", "apellido", "apellidos", "direcciónip", "fechadeinicio",
    "fechadefinalización", "voornaam", "achternaam", "ipadres", "begindatum", "einddatum",
    "alkamispäivä", "päättymispäivä", "sluttdato", "startdato", "slutdato",
    # Qualtrics
    "status", "progress", "durationinseconds", "finished", "recordeddate", "responseid",
    "responseset", "externaldatareference", "externalreference", "recipientlastname",
    "recipientfirstname", "locationlatitude", "locationlongitude", "locationaccuracy",
    "distributionchannel", "userlanguage", "responsetype", "ip", "latitude", "longitude",
    "q_recaptchascore", "q_relevantidduplicate", "q_relevantidduplicatescore",
    "q_relevantidfraudscore", "q_relevantidlaststartdate", "q_totalduration", "q_url",
    # LimeSurvey (codes and the texts of a "full headings" export, in several languages)
    "submitdate", "lastpage", "startlanguage", "seed", "datestamp", "ipaddr",
    "refurl", "token", "datesubmitted", "datestarted",
    "datelastaction", "referrerurl", "svarsid", "svarid", "datuminskickat", "sistasidan",
    "startspråk", "datumstartat", "datumförsenasteåtgärd", "hänvisandeurl", "antwortid",
    "datumabgeschickt", "letzteseite", "startsprache", "zufallsstartwert", "interviewtime",
    "vastausid", "réponseid", "idderéponse", "iddelarespuesta", "antwoordid",
    "iddelaréponse", "datedesoumission", "dernièrepage", "languededépart", "têtedesérie",
    "datedelancement", "datedeladernièreaction", "urlréférente", "tempstotal",
    # generic Swedish and Nordic
    "datum", "tid", "skickat", "inskickat", "ipnummer", "dato", "päivämäärä", "aika",
    "respondentnummer", "svarsnummer", "löpnummer",
}
_ID_OWNERS = ("respondent", "collector", "response", "record", "recipient", "survey", "user",
              "session", "submission", "panel", "svars", "svar", "respons", "insamlar",
              "befragten", "antwort", "antwoord", "vastaus", "réponse", "respuesta", "enkät",
              "deltagar", "participant", "external", "extern", "panelist", "contact", "kontakt")
_PATTERNS = (
    # "Custom Data 1" and its translations (SurveyMonkey)
    re.compile(r"^(customdata|anpassadedata|benutzerdefiniertedaten|donnéespersonnalisées|"
               r"datospersonalizados|aangepastegegevens|mukautetuttiedot|egendefinertedata|"
               r"brugerdefineredata|customvariable|anpassadvariabel)\d*$"),
    re.compile(r"^v\d+$"),  # legacy Qualtrics codes without text
    re.compile(r"^(interview|group)?time$"),
    re.compile(r"^.*(tidstämpel|tidsstämpel|timestamp|tidsmerke|tidsstempel|zeitstempel)$"),
    re.compile(r"^(" + "|".join(_ID_OWNERS) + r")(id|nummer|number|nr)$"),
    re.compile(r"^location(latitude|longitude|accuracy)?$"),
    re.compile(r"^(start|end|submit|submitted|completion|completed|recorded)(date|time|datetime|"
               r"datum|tid|zeit|heure|fecha|hora)$"),
)
# what tells Google Forms and Microsoft Forms apart, in each language they export in
GOOGLE_TIMESTAMPS = {"timestamp", "tidstämpel", "tidsstämpel", "tidsmerke", "tidsstempel",
                     "aikaleima", "zeitstempel", "horodateur", "marcatemporal", "tijdstempel"}
MS_STARTS = {"starttime", "starttid", "starttidspunkt", "aloitusaika", "startzeit",
             "heurededébut", "horadeinicio", "begintijd"}
MS_ENDS = {"completiontime", "slutförandetid", "fullføringstidspunkt", "tidspunktforfuldførelse",
           "valmistumisaika", "fertigstellungszeit", "heuredefin", "horadefinalización",
           "tijdvanvoltooiing", "voltooiingstijd"}
_REMOVED = str.maketrans("", "", " -_.:()\u00a0")


def normalise(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").split()).casefold().rstrip(":")


def key(header: str) -> str:
    """A heading as compared with the names above: case-blind, without spaces or punctuation."""
    return normalise(header).translate(_REMOVED)


def is_metadata(header: str) -> bool:
    name = key(header)
    if not name or len(name) > 40:
        return False
    return name in _NAMES or any(p.match(name) for p in _PATTERNS)
