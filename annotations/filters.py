"""Query-string filters of the pages and the API, as Django forms.

Each form checks its parameters; `filters()` gives what the read path takes, with the
default in place of a bad value, and the errors name what was wrong. Pages show the
errors beside the results; the API answers 400 with them.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from annotations import review

QUEUE_STATUSES = ("open", "settled", "all")
MAX_ID = 2**31 - 1


class QueueFilterForm(forms.Form):
    """The disagreement queue's filters (page and API)."""

    labels = forms.CharField(required=False)
    annotator = forms.CharField(required=False, max_length=150)
    article = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_ID,
        error_messages={"invalid": _("Choose an article from the list."),
                        "min_value": _("Choose an article from the list."),
                        "max_value": _("Choose an article from the list.")},
    )
    status = forms.ChoiceField(
        required=False, choices=[(s, s) for s in QUEUE_STATUSES],
        error_messages={"invalid_choice": _("Status must be open, settled or all.")},
    )

    def __init__(self, data, *, project):
        super().__init__(data)
        self.project = project

    def clean_labels(self):
        try:
            return review.parse_label_pair(self.cleaned_data["labels"], self.project)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def filters(self) -> dict:
        """The filters for `review.disputed_units`; a bad value falls back to its default."""
        self.is_valid()
        data = self.cleaned_data
        return {"labels": data.get("labels"), "annotator": data.get("annotator") or None,
                "article": data.get("article"), "status": data.get("status") or "open"}

    def messages(self) -> list[str]:
        return [message for errors in self.errors.values() for message in errors]


def _date_field(name: str) -> forms.DateField:
    message = gettext("%(name)s must be a date like 2019-05-21.") % {"name": name}
    return forms.DateField(required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": message})


class TimelineFilterForm(forms.Form):
    """A timeline's filters (pages and API); `from` and `to` are dates YYYY-MM-DD."""

    label = forms.CharField(required=False)
    source = forms.IntegerField(
        required=False, min_value=0, max_value=2**63 - 1,
        error_messages={key: _("source must be a source id.") for key in ("invalid", "min_value", "max_value")},
    )
    language = forms.ChoiceField(
        required=False, choices=[("", ""), ("nl", "nl"), ("en", "en")],
        error_messages={"invalid_choice": _("language must be nl or en.")},
    )
    status = forms.CharField(required=False)

    def __init__(self, data):
        super().__init__(data)
        # `from` is a Python keyword, so these two are added by name (with the request's language).
        self.fields["from"] = _date_field("from")
        self.fields["to"] = _date_field("to")

