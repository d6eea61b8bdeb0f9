"""Exports people take into meetings: Excel workbooks (and, later, HTML packs)."""
