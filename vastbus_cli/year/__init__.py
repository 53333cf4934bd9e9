"""The coordinator's year: e-mail addresses and letters to the local groups.

New modules of that concern live here (`reports/status.py`, `reports/drafts.py` and
`reports/feedback.py` move here when they are next changed in a move commit of their own).
"""
