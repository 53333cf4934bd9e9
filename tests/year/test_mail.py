"""The pieces of `year/mail.py` with exact expectations: the property test
(`test_mail_properties.py`) holds the recipient, these hold the texts around it."""

from __future__ import annotations

import re
from email.parser import BytesParser
from email.policy import default

from vastbus_cli.year.mail import (
    MAX_NAME,
    Attachment,
    Draft,
    display_name,
    draft_message,
    masked,
    one_line,
    recipient,
)


def test_one_line_flattens_breaks_and_encoded_word_openers() -> None:
    assert one_line("Hjo\r\nTibro\u2028x\x85y\x0bz\x0c!\x00") == "Hjo Tibro x y z !"
    assert one_line("  a \t b  ") == "a b"
    assert one_line("=?utf-8?q?x?=") == "= ?utf-8?q?x?="
    assert one_line("Hjo 811218-9876") == "Hjo [personnummer borttaget]"
    assert masked("811218-9876 och 19811218-9876") == \
        "[personnummer borttaget] och [personnummer borttaget]"


def test_display_name_drops_invisible_characters_and_is_cut() -> None:
    assert display_name("Hj\u200bo\u202e X\ufeff") == "Hjo X"
    assert display_name("=\u200b?x") == "= ?x"  # dropping a character joined = and ?
    assert display_name("a" * MAX_NAME) == "a" * MAX_NAME
    assert display_name("a" * (MAX_NAME + 1)) == "a" * (MAX_NAME - 1) + "…"
    assert display_name("a" * (MAX_NAME - 2) + " " + "b" * 5) == "a" * (MAX_NAME - 2) + "…"
    assert display_name(" " + "a" * MAX_NAME) == "a" * MAX_NAME


def test_recipient() -> None:
    assert recipient("Västbus Hjo", None) is None and recipient("Västbus Hjo", "") is None
    assert recipient("Västbus Hjo", "a@b.se>") is None
    assert recipient("Västbus Hjo", "811218-9876@example.se") is None
    to = recipient("Västbus Hjo", " Hjo@Bäckebo.SE ")
    assert to is not None
    assert (to.display_name, to.username, to.domain) == ("Västbus Hjo", "Hjo",
                                                         "xn--bckebo-bua.se")


def test_a_draft_on_disk() -> None:
    attachment = Attachment("mall.yaml", b"namn: Hjo\n", "application", "yaml")
    msg = draft_message(recipient("Västbus Hjo", "hjo@example.se"), "Ämne " + "x" * 1500,
                        "Hej!\nå\n", attachment)
    data = Draft("Hjo", "x.eml", msg, True).as_bytes()
    assert data == Draft("Hjo", "x.eml", draft_message(
        recipient("Västbus Hjo", "hjo@example.se"), "Ämne " + "x" * 1500, "Hej!\nå\n",
        attachment), True).as_bytes()  # the same draft, the same bytes
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 998  # RFC 5322's limit, folded only there
    assert b"\r\nX-Unsent: 1\r\n" in data and b'charset="utf-8"' in data
    other = draft_message(None, "Ämne", "Hej igen!\n", attachment)
    boundaries = {m.get_boundary() for m in (msg, other)}
    assert len(boundaries) == 2  # from the content: two drafts, two boundaries
    assert all(re.fullmatch(r"vastbus-[0-9a-f]{32}", str(b)) for b in boundaries)
    parsed = BytesParser(policy=default).parsebytes(data)
    assert parsed["Subject"] == "Ämne " + "x" * 1500
    body = parsed.get_body(("plain",))
    assert body is not None and body.get_content() == "Hej!\r\nå\r\n"  # CRLF as on the wire
    [part] = list(parsed.iter_attachments())
    assert (part.get_filename(), part.get_content_type()) == ("mall.yaml", "application/yaml")
    bare = draft_message(None, "Ämne", "Hej!\n")
    assert bare["To"] is None and bare["X-Unsent"] == "1" and not bare.is_multipart()
