"""The coordinator's year: e-mail addresses and letters to the local groups.

New modules of that concern live here (`year/status.py`, `year/drafts.py` and
`year/feedback.py` move here when they are next changed in a move commit of their own).
"""
