"""Display helpers for pages: stance labels by their translated names, dates in the reader's language.

Labels keep their machine values (``alleges``) in forms, data- attributes, exports and the API;
only the text people read goes through ``label_name``.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import date_format, get_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from annotations.forms import label_name as _label_name

register = template.Library()


@register.filter
def label_name(label) -> str:
    """``{{ "no_comment"|label_name }}`` → "no comment" / "geen commentaar"; unknown labels as-is, _ → space."""
    if label in (None, ""):
        return ""
    return _label_name(str(label))


@register.filter
def judgement_rows(judgements) -> str:
    """A disputed unit's judgements as the rows of its card's table (annotator, label, note), every
    text escaped. The disagreement queue shows 25 cards of up to dozens of judgements each; a
    template loop over them was a fifth of the page's rendering."""
    missing = conditional_escape(gettext("did not record this source"))
    rows = []
    for j in judgements:
        who = conditional_escape(j.annotator)
        if j.label:
            cell = (f'<span class="label-chip" data-label="{conditional_escape(j.label)}">'
                    f"{conditional_escape(label_name(j.label))}</span>")
        else:
            cell = f'<span class="missing">{missing}</span>'
        rows.append(f'\n      <tr data-annotator="{who}">\n        <th scope="row">{who}</th>\n        <td>{cell}</td>'
                    f'\n        <td class="note">{conditional_escape(j.note)}</td>\n      </tr>\n    ')
    return mark_safe("".join(rows))  # noqa: S308 - every value above is escaped


@register.filter
def published_local(article) -> str:
    """An article's publication date at its precision (day, month or year), formatted for the active language."""
    published = getattr(article, "published", None)
    if not isinstance(published, dt.date):
        return ""
    precision = getattr(article, "published_precision", "day")
    if precision == "year":
        return f"{published:%Y}"
    if precision == "month":
        return date_format(published, "YEAR_MONTH_FORMAT")
    return date_format(published, "DATE_FORMAT")


@register.filter
def figure(value, places=3) -> str:
    """``{{ 0.41666|figure }}`` → "0.417" / "0,417": a coefficient rounded as ``floatformat`` rounds it
    (half up, from its shortest decimal form, never "-0.000"), in the reader's language, at a third of
    its cost (it localises nothing but the decimal separator). "" for None."""
    if value is None:
        return ""
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-int(places)), ROUND_HALF_UP)
    return str(rounded if rounded else rounded.copy_abs()).replace(".", get_format("DECIMAL_SEPARATOR"))


ARTICLE_STATUS_NAMES = {
    "not_started": _("not started"),
    "in_progress": _("in progress"),
    "done": _("done"),
}


@register.filter
def article_status(status) -> str:
    """An annotator's status on an article (``in_progress``) as people read it."""
    return str(ARTICLE_STATUS_NAMES.get(status, status))
