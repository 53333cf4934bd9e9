"""Renderers: one module per output format, each reading only the models it is given."""
