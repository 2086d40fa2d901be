"""Forms of the annotation pages. They validate input; services do the writing."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from annotations.models import Source

LABEL_NAMES = {
    "alleges": _("alleges"),
    "denies": _("denies"),
    "no_comment": _("no comment"),
    "confirms": _("confirms"),
    "questions": _("questions"),
    "rejected": _("rejected"),
}


def label_name(label: str) -> str:
    return str(LABEL_NAMES.get(label, label.replace("_", " ")))


def label_keys(project) -> list[tuple[str, str, str]]:
    """(key, label, name) per label of the project; the key is the digit that chooses it, as a page
    writes it (text: a template localizes every number it prints)."""
    return [(str(n), label, label_name(label)) for n, label in enumerate(project.labels, start=1)]


class VersionForm(forms.Form):
    """The version of a judgement the page showed (0: none yet); changes to it are checked against it."""

    version = forms.IntegerField(min_value=0, required=False)


class StanceForm(forms.Form):
    """A stance (and note) on one unit, with the version the page showed."""

    label = forms.CharField(required=False, max_length=32)
    note = forms.CharField(required=False, max_length=5000, strip=True)
    version = forms.IntegerField(min_value=0, required=False)

    def __init__(self, *args, labels: list[str], current_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.labels = labels
        self.current_label = current_label

    def clean_label(self) -> str:
        label = self.cleaned_data["label"] or self.current_label
        if not label:
            raise forms.ValidationError(_("Choose a stance before adding a note."))
        if label not in self.labels:
            raise forms.ValidationError(
                _("“%(label)s” is not a stance of this project (choose from %(labels)s)."),
                params={"label": label, "labels": ", ".join(label_name(x) for x in self.labels)},
            )
        return label


class ClaimForm(forms.Form):
    """A span of the article's text, as character offsets."""

    start = forms.IntegerField(label=_("From character"), min_value=0)
    end = forms.IntegerField(label=_("To character"), min_value=0)

    def __init__(self, *args, body_length: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.body_length = body_length

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start is None or end is None:
            raise forms.ValidationError(_("Select some text in the article first."))
        if start >= end:
            raise forms.ValidationError(_("The selection is empty: select the words of the claim."))
        if end > self.body_length:
            raise forms.ValidationError(_("The selection lies outside the article text."))
        return data


class SourceCreateForm(forms.Form):
    """A new source for the registry (matched to an existing one of the same name)."""

    name = forms.CharField(label=_("Name"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Source.Kind.choices, initial=Source.Kind.PERSON)
    affiliation = forms.CharField(
        label=_("Speaks for (organisation)"), max_length=300, required=False
    )
    role = forms.CharField(label=_("Role"), max_length=200, required=False)


class LabelsField(forms.CharField):
    """A label set typed as words separated by commas or spaces: "alleges, denies, no_comment"."""

    def to_python(self, value) -> list[str]:
        text = super().to_python(value) or ""
        return [label for label in text.replace(",", " ").split() if label]


class LinesField(forms.CharField):
    """A list typed one item a line (a verdict scale: "mostly true" has a space)."""

    widget = forms.Textarea(attrs={"rows": 6})

    def to_python(self, value) -> list[str]:
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class ProjectSettingsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    labels = LabelsField(
        label=_("Stance labels"), max_length=1000,
        help_text=_("Lower-case words separated by commas, in the order of their keys 1, 2, 3 …; "
                    "“rejected” (key x) is always there."),
    )
    overlap = forms.IntegerField(label=_("Annotators per article"), min_value=1, max_value=50)
    blind = forms.BooleanField(
        label=_("Blind: annotators never see each other's labels or notes"), required=False)
    show_suggestions = forms.BooleanField(label=_("Show the machine's suggested stances to annotators"),
                                          required=False)
    verdict_scale = LinesField(
        label=_("Verdict scale"), max_length=2000, required=False,
        help_text=_("One rating a line, from the most true to the least; a rating a verdict uses cannot be "
                    "removed."),
    )
    publisher_name = forms.CharField(
        label=_("Publishing organisation"), max_length=200, required=False,
        help_text=_("The newsroom that publishes the fact-checks: the author of the ClaimReview export."))
    publisher_url = forms.URLField(label=_("Its web address"), max_length=1000, required=False,
                                   assume_scheme="https")


class ProjectCreateForm(ProjectSettingsForm):
    slug = forms.SlugField(label=_("Short name in addresses"), max_length=64,
                           help_text=_("Letters, digits, - and _; it cannot change later."))
    field_order = ["name", "slug", "labels", "overlap", "blind", "show_suggestions"]


class MemberForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=[])

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles


class VerdictForm(forms.Form):
    """A verdict as a lead types it, with the version the page showed (0: none yet).

    The rating's place on the scale, the URL and the date are checked again by services.verdict_set.
    """

    rating = forms.ChoiceField(label=_("Verdict"), choices=[])
    explanation = forms.CharField(
        label=_("Explanation for the public"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}))
    url = forms.URLField(label=_("Address of the published fact-check"), required=False, max_length=1000,
                         assume_scheme="https", help_text=_("Needed to publish it as ClaimReview."))
    date_published = forms.DateField(
        label=_("Published on"), required=False, input_formats=["%Y-%m-%d"],
        widget=forms.TextInput(attrs={"placeholder": "YYYY-MM-DD", "inputmode": "numeric"}),
        error_messages={"invalid": _("Give the date of publication as YYYY-MM-DD.")})
    version = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, scale: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = [(rating, rating) for rating in scale]


class LoginForm(AuthenticationForm):
    """Django's sign-in form, with the username's length checked before anyone is authenticated.

    Django sets the field's maximum after building it, so only the browser enforced it: a longer
    name reached the failed-login record (255 characters at most) and answered 500."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
