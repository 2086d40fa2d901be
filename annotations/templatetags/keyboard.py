"""Keys as <kbd> for the shortcut list: ``{{ "j k"|kbd }}`` → <kbd>j</kbd> / <kbd>k</kbd>."""

from __future__ import annotations

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def kbd(keys) -> SafeString:
    """Space-separated alternatives; "1…3" stays one key range."""
    parts = str(keys).split()
    return format_html_join(" / ", "<kbd>{}</kbd>", ((part,) for part in parts))
