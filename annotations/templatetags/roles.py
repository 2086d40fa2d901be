"""The permission rules as templates ask them, so that a page never restates a rule."""

from __future__ import annotations

from django import template

from annotations.permissions import sees_others_judgements

register = template.Library()


@register.filter
def sees_others(membership, project) -> bool:
    """``{% if membership|sees_others:project %}``: the member may see (and so export) everyone's labels."""
    return sees_others_judgements(project, membership)
