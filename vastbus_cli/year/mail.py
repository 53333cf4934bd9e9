"""Drafts (.eml) built through the standard library's address model, never by formatting text.

A group name went unquoted into `To: Västbus {name} <{address}>`: `Hjo <x@evil.example>`
sent Hjo's reminder elsewhere and `Hjo, Tibro` made two recipients. Here a recipient is an
`email.headerregistry.Address` (a display name and one checked address, `addresses.py`),
serialised by `email.policy`, which quotes or encodes the display name as RFC 5322 and 2047
require. Three things the library does not do are done here, before it sees the text:

- line breaks and other control characters become spaces (a header cannot hold them; the
  library raises, which ended in `internt fel`), invisible format characters (bidi overrides,
  zero-width) are dropped, and the name is kept short enough never to be folded;
- `=?` is broken up (`= ?`): the parser decodes an encoded word even inside a quoted display
  name, so `=?utf-8?q?Bcc=3A_x=40evil.example?=` written as a name came back as a mailbox;
- identity numbers are masked in every text of the letter (subject, name, body), the same
  guard `compile` puts on the summary (`privacy.py`).

Each draft is UTF-8 with `X-Unsent: 1` (Outlook opens it as a draft; Thunderbird with
"Redigera som nytt"). Nothing here sends anything.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage

from vastbus_cli.privacy import mask_identity_numbers
from vastbus_cli.year.addresses import AddressError, mail_address

#: characters in a display name beyond which it is cut (with …): a name this long is no name,
#: and a shorter one is never folded (Python's folding loses the space between encoded words)
MAX_NAME = 100
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes
    maintype: str
    subtype: str


@dataclass(frozen=True)
class Draft:
    group: str
    file_name: str
    message: EmailMessage
    addressed: bool  # False: no usable e-mail address known, the coordinator fills it in

    def as_bytes(self) -> bytes:
        """CRLF line ends, as RFC 5322 has them; no header is folded below 998 characters."""
        from email.policy import SMTP

        return self.message.as_bytes(policy=SMTP.clone(max_line_length=998))


def masked(text: str) -> str:
    """`text` with identity numbers masked, as the summary masks them."""
    return mask_identity_numbers(text)[0]


def one_line(text: str) -> str:
    """A header's text: one line, identity numbers masked, no encoded-word opener left."""
    flat = " ".join(_BREAKS.sub(" ", text).split())
    return masked(flat).replace("=?", "= ?")


def display_name(name: str) -> str:
    """A recipient's name as it may stand in `To:` (see the module's docstring)."""
    text = "".join(c for c in one_line(name) if unicodedata.category(c) != "Cf")
    text = " ".join(text.split()).replace("=?", "= ?")  # dropping a character may join = and ?
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1].rstrip() + "…"


def recipient(name: str, address: str | None) -> Address | None:
    """The recipient, or None when `address` is no single address a letter can go to."""
    if not address:
        return None
    try:
        ascii_address = mail_address(address)
    except AddressError:
        return None
    if masked(ascii_address) != ascii_address:  # an identity number as address: not used
        return None
    local, domain = ascii_address.split("@")
    return Address(display_name=display_name(name), username=local, domain=domain)


def draft_message(to: Address | None, subject: str, body: str,
                  attachment: Attachment | None = None) -> EmailMessage:
    """An unsent draft: no sender (the mail program fills in its own), UTF-8 text."""
    from email.policy import default

    msg = EmailMessage(policy=default)
    if to is not None:
        msg["To"] = to
    msg["Subject"] = one_line(subject)
    msg["X-Unsent"] = "1"  # Outlook: open as a draft
    text = masked(body)
    msg.set_content(text, charset="utf-8")
    if attachment is not None:
        msg.add_attachment(attachment.data, maintype=attachment.maintype,
                           subtype=attachment.subtype, filename=attachment.name)
        # the same draft made again is the same file: a boundary from the content, not random
        digest = hashlib.sha256(text.encode("utf-8") + attachment.data).hexdigest()[:32]
        msg.set_boundary(f"vastbus-{digest}")
    return msg
