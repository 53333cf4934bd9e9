"""The annual-report pipeline: load → parse → model → checks → validate; roster;
merge → Summary; appendix; template; compile (the library entry of `vastbus compile`)."""
