"""An e-mail address a letter can be sent to: exactly one mailbox, ASCII on the wire.

The roster's and the report's `epost` end up in a draft's `To:`. A loose pattern
(`something@something.tld`) let `a@b.se, x@evil.example`, `x@evil.example>` or
`hjo@x.se;bcc@y.se` through, and each becomes another recipient of a letter that lists
the group's problems. So an address is checked here against what RFC 5321 can carry
without extensions: a dot-atom local part of the characters real addresses use, `@`, and a domain of letter-digit-hyphen
labels.

Domains with å, ä, ö (IDN) are written in their IDNA form (`bäckebo.se` →
`xn--bckebo-bua.se`): every mail server takes that form, and the group wrote a real
domain. Python's codec is IDNA 2003; where it and IDNA 2008 disagree (`ß`, `ς`, joiners,
characters nameprep drops) the encoded name is not the one written, so those are refused
rather than mailed to a neighbour's domain: the check is that the encoded form decodes back
to exactly the domain written. A non-ASCII local part (`åsa@…`) needs SMTPUTF8, which many
servers lack: refused, with a message saying so.
"""

from __future__ import annotations

import re
import unicodedata

MAX_LOCAL = 64  # RFC 5321 4.5.3.1.1
MAX_DOMAIN = 253
MAX_LABEL = 63
# RFC 5322 allows more (`=`, `?`, `{`…), but Python's parser decodes `=?…?=` in a local part
# as an encoded word, so the address read back is another one: the characters real addresses use
_ATEXT = r"[A-Za-z0-9_%+'-]+"
_LOCAL = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
_TOP = re.compile(r"[a-z]{2,}|xn--[a-z0-9-]+")
_SEPARATORS = re.compile(r"[\s,;<>()\[\]:\"\\]")

ONE_ADDRESS = ("Skriv en enda adress, t.ex. namn@kommun.se, utan namn, kommatecken, "
               "semikolon eller hakparenteser.")
ASCII_LOCAL = ("Delen före @ kan bara ha a–z, siffror och . _ - + ' % (inte å, ä, ö): många "
               "e-postservrar tar inte emot andra tecken där.")
BAD_DOMAIN = "Delen efter @ ska vara en domän som kommun.se, med bokstäver, siffror och - ."
IDN_CHANGED = ("Domänen kan inte skrivas om till en adress som säkert når rätt mottagare "
               "(den har tecken som ß eller osynliga tecken). Skriv domänen med a–z.")
TOO_LONG = "Adressen är för lång för att gå att skicka till."


class AddressError(ValueError):
    """Why a text is no address a letter can go to, in Swedish (a sentence for the hint)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def mail_address(text: str) -> str:
    """The address as it goes into a letter (domain in IDNA form); AddressError if none."""
    value = text.strip()
    if value.count("@") != 1 or _SEPARATORS.search(value):
        raise AddressError(ONE_ADDRESS)
    local, domain = value.split("@")
    if not local.isascii():
        raise AddressError(ASCII_LOCAL)
    if not _LOCAL.fullmatch(local) or len(local) > MAX_LOCAL:
        raise AddressError(ASCII_LOCAL if len(local) <= MAX_LOCAL else TOO_LONG)
    ascii_domain = _domain(domain)
    if len(ascii_domain) > MAX_DOMAIN:
        raise AddressError(TOO_LONG)
    return f"{local}@{ascii_domain}"


def _domain(domain: str) -> str:
    labels = domain.lower().split(".")
    if len(labels) < 2:
        raise AddressError(BAD_DOMAIN)
    encoded = [_label(label) for label in labels]
    if not _TOP.fullmatch(encoded[-1]):
        raise AddressError(BAD_DOMAIN)
    return ".".join(encoded)


def _label(label: str) -> str:
    if label.isascii():
        if not _LABEL.fullmatch(label) or len(label) > MAX_LABEL:
            raise AddressError(BAD_DOMAIN)
        return label
    written = unicodedata.normalize("NFC", label)
    try:
        ascii_label = written.encode("idna").decode("ascii")
        back = ascii_label.encode("ascii").decode("idna")
    except UnicodeError:
        raise AddressError(IDN_CHANGED) from None
    if back != written or not _LABEL.fullmatch(ascii_label):
        raise AddressError(IDN_CHANGED)
    return ascii_label
