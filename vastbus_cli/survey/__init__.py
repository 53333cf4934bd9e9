"""Survey exports → counts and shares: `read` → `Responses` → `tally(Spec)` → `Tally` → render."""
