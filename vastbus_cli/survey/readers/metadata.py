"""Recognising metadata columns: timestamps, ids, addresses, names, durations.

Survey tools add them in English or Swedish; they identify or describe the
response, never answer a question, so they are never tallied or printed.
"""

from __future__ import annotations

import re

_NAMES = {
    # Google Forms
    "timestamp", "tidstämpel", "tidsstämpel", "email address", "e-postadress", "score", "poäng",
    # Microsoft Forms
    "id", "start time", "completion time", "email", "name", "last modified time",
    "starttid", "slutförandetid", "e-post", "namn", "senaste ändringstid",
    # SurveyMonkey
    "respondent id", "collector id", "start date", "end date", "ip address", "first name",
    "last name", "respondent-id", "insamlar-id", "startdatum", "slutdatum", "ip-adress",
    "förnamn", "efternamn",
    # Qualtrics
    "startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)",
    "finished", "recordeddate", "responseid", "responseset", "externaldatareference",
    "externalreference", "recipientlastname", "recipientfirstname", "recipientemail",
    "locationlatitude", "locationlongitude", "distributionchannel", "userlanguage",
    "emailaddress", "response id", "response type", "ip", "recorded date",
    # LimeSurvey
    "submitdate", "lastpage", "startlanguage", "seed", "datestamp", "ipaddr", "refurl", "token",
    "response id.", "date submitted", "last page", "start language", "date started",
    "date last action", "ip address.", "referrer url",
    # generic Swedish
    "svars-id", "svarsid", "datum", "tid", "skickat", "inskickat", "ip-nummer",
}
_PATTERNS = (
    re.compile(r"^custom data \d+$"),
    re.compile(r"^v\d+$"),  # legacy Qualtrics codes without text
    re.compile(r"^(interview|group)?time$"),
    re.compile(r"^(.*\s)?(tidstämpel|timestamp)$"),
)


def normalise(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").split()).casefold().rstrip(":")


def is_metadata(header: str) -> bool:
    name = normalise(header)
    return name in _NAMES or any(p.match(name) for p in _PATTERNS)
