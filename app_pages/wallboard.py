"""The floor's wallboard page (see app_pages/wallboard_view.py)."""

from app_pages.wallboard_view import show_wallboard

show_wallboard()
