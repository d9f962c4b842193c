"""Flat, hand-made style drawings for the starter activity cards (see ``draw_illustrations.py``)."""
