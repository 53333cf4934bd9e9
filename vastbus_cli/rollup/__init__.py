"""The roll-up: sub-regional summaries (their JSON, checked like reports) combined into one
regional summary."""
