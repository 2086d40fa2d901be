"""API serializers. Fields are listed explicitly; writes with side effects go through services."""

from __future__ import annotations

import copy
import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from rest_framework import serializers

from annotations.models import Article, Claim, Project, Source, Stance, content_hash
from annotations.permissions import LEAD_ROLES


def _messages(exc: DjangoValidationError):
    return exc.message_dict if hasattr(exc, "error_dict") else exc.messages


class ProjectSerializer(serializers.ModelSerializer):
    labels = serializers.ListField(child=serializers.CharField(), read_only=True,
                                   help_text="The project's stance labels, in button order.")
    role = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = ["id", "slug", "name", "guidelines", "labels", "overlap", "show_suggestions", "blind", "role"]
        read_only_fields = fields

    def get_role(self, project) -> str:
        return getattr(project, "my_role", "")


SLUG = re.compile(r"[-a-zA-Z0-9_]{1,64}")


def check_project_slug(value) -> None:
    """Refuse, before any query, a project name that cannot be a slug (a NUL, which PostgreSQL text
    refuses, or any other odd character)."""
    if isinstance(value, str) and not SLUG.fullmatch(value):
        raise serializers.ValidationError("Name the project by its slug (letters, digits, - and _).")


class ProjectSlugField(serializers.SlugRelatedField):
    """A project named by its slug, checked by `check_project_slug` on create and change alike."""

    def to_internal_value(self, data):
        check_project_slug(data)
        return super().to_internal_value(data)


class ArticleSerializer(serializers.ModelSerializer):
    project = ProjectSlugField(slug_field="slug", queryset=Project.objects.none())
    # A URL or "": one string type in the schema, not a oneOf that "" matches twice.
    url = serializers.CharField(max_length=1000, required=False, allow_blank=True,
                                help_text="The article's http(s) address, or empty.")

    class Meta:
        model = Article
        fields = ["id", "project", "title", "body", "language", "published", "published_precision",
                  "outlet", "url"]
        extra_kwargs = {"language": {"required": False, "help_text": "nl or en; detected from the text when left out"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            # Lazy: only evaluated when a write names a project.
            self.fields["project"].queryset = Project.objects.filter(
                memberships__user=request.user, memberships__role__in=LEAD_ROLES
            )

    def validate_url(self, value: str) -> str:
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except DjangoValidationError as exc:
                raise serializers.ValidationError(exc.messages) from exc
        return value

    def validate(self, attrs):
        instance = self.instance
        if instance is not None:
            if "project" in attrs and attrs["project"].pk != instance.project_id:
                raise serializers.ValidationError({"project": "An article cannot move to another project."})
            if "body" in attrs and attrs["body"] != instance.body and instance.claims.exists():
                raise serializers.ValidationError(
                    {"body": "The text of an article with claims cannot change: their spans point into it."}
                )
        project = attrs.get("project") or instance.project
        body = attrs.get("body", instance.body if instance else "")
        if not body or not body.strip():
            raise serializers.ValidationError({"body": "The article body is empty."})
        digest = content_hash(body)
        twins = Article.objects.filter(project=project, content_hash=digest)
        if instance is not None:
            twins = twins.exclude(pk=instance.pk)
        if twins.exists():
            raise serializers.ValidationError({"body": "This project already has an article with this text."})
        attrs["content_hash"] = digest
        return attrs


class ClaimSerializer(serializers.ModelSerializer):
    article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.none())
    text = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    start = serializers.IntegerField(min_value=0, max_value=2**31 - 1)
    end = serializers.IntegerField(min_value=1, max_value=2**31 - 1)

    class Meta:
        model = Claim
        fields = ["id", "article", "text", "start", "end", "origin", "created_by"]
        read_only_fields = ["origin", "created_by"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            self.fields["article"].queryset = Article.objects.for_user(request.user)

    def validate(self, attrs):
        article = attrs.get("article") or self.instance.article
        if self.instance is not None and article.pk != self.instance.article_id:
            raise serializers.ValidationError({"article": "A claim cannot move to another article."})
        start = attrs.get("start", getattr(self.instance, "start", None))
        end = attrs.get("end", getattr(self.instance, "end", None))
        if not (0 <= start < end <= len(article.body)):
            raise serializers.ValidationError(
                {"end": "The evidence span must be non-empty and lie inside the article text."}
            )
        text = attrs.get("text")
        if text is not None and not text.strip():
            attrs["text"] = article.body[start:end].strip()
        if "text" in attrs and not attrs["text"]:
            raise serializers.ValidationError({"text": "The claim needs some text."})
        return attrs


def _registry_sources(user):
    # Looked up by id, one at a time: the rule asked of each source (`visible_to_each`).
    return Source.objects.visible_to_each(user).filter(merged_into__isnull=True)


def _visible_sources(serializer):
    """The sources the request's user sees (`Source.objects.visible_to`'s rule); none without a request."""
    request = serializer.context.get("request")
    if request is None or not request.user.is_authenticated:
        return Source.objects.none()
    return _registry_sources(request.user)


class SourceSerializer(serializers.ModelSerializer):
    affiliation = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.none(), allow_null=True, required=False,
        help_text="The organisation a person speaks for: a source you see.",
    )
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=300), required=False, max_length=100
    )

    class Meta:
        model = Source
        fields = ["id", "name", "kind", "affiliation", "role", "aliases"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["affiliation"].queryset = _visible_sources(self)

    def validate_name(self, value):
        if not value.strip():
            raise serializers.ValidationError("The name is empty.")
        return value.strip()

    def validate(self, attrs):
        affiliation = attrs.get("affiliation")
        if self.instance is not None and affiliation is not None and affiliation.pk == self.instance.pk:
            raise serializers.ValidationError({"affiliation": "A source cannot speak for itself."})
        return attrs


class ScopedPrimaryKeyField(serializers.PrimaryKeyRelatedField):
    """A primary key among the objects `scope(user)` gives the request's user (none without a request).

    The scope is built when a value is checked, not with every serializer (a response's
    serializer checks none). A view that has read the object already, with the same rule,
    passes it as `context["read"][field name]`: (the value sent, the object or None).
    """

    def __init__(self, *, scope, **kwargs):
        self.scope, self._scoped = scope, None
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        if request is None or not request.user.is_authenticated:
            return self.queryset
        if self._scoped is None:  # once per serializer: a bulk request checks up to 500 values
            self._scoped = self.scope(request.user)
        return self._scoped

    def to_internal_value(self, data):
        read = self.context.get("read", {}).get(self.field_name)
        if read is not None and type(data) is int and read[0] == data:
            if read[1] is None:
                self.fail("does_not_exist", pk_value=data)
            return read[1]
        return super().to_internal_value(data)


def _member_claims(user):
    return Claim.objects.filter(article__project__memberships__user=user).select_related(
        "article__project")  # the service reads the project's labels


def _fresh_copy(field):
    """A new, unbound field made with the arguments `field` was made with. DRF's own copy
    deep-copies every argument, querysets included; here only what a field may change is
    copied (a child field, a list or dict other than the shared validators), the rest is
    shared as read-only: querysets are re-read with `.all()`, numbers and strings are immutable."""
    kwargs = {key: copy.deepcopy(value) if key not in ("validators", "regex")
              and isinstance(value, (serializers.Field, dict, list, set)) else value
              for key, value in field._kwargs.items()}
    return type(field)(*field._args, **kwargs)


class FieldsFromModelOnce:
    """A ModelSerializer works its fields out from the model (field info, uniqueness, kwargs)
    and deep-copies its declared fields every time one is made: a fifth of an API save's
    Python. This works them out once per class and gives each serializer fresh copies; a
    subclass's `get_fields` still adds what depends on the request."""

    def get_fields(self):
        cls = type(self)
        built = cls.__dict__.get("_fields_from_model")
        if built is None:
            built = super().get_fields()
            cls._fields_from_model = built
        return {name: _fresh_copy(field) for name, field in built.items()}


class StanceSerializer(FieldsFromModelOnce, serializers.ModelSerializer):
    """The caller's own judgement. `version` is the version the caller last saw.

    On create it may be omitted (or 0); on update a stale version answers 409.
    """

    claim = ScopedPrimaryKeyField(queryset=Claim.objects.none(), scope=_member_claims)
    source = ScopedPrimaryKeyField(queryset=Source.objects.none(), scope=_registry_sources)
    note = serializers.CharField(required=False, allow_blank=True, max_length=10_000)
    version = serializers.IntegerField(required=False, min_value=0, max_value=2**31 - 1)

    class Meta:
        model = Stance
        fields = ["id", "claim", "source", "label", "note", "version", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.instance, Stance):
            self.fields["claim"].read_only = True
            self.fields["source"].read_only = True

    def validate_label(self, value):
        return value.strip()


__all__ = [
    "ArticleSerializer",
    "ClaimSerializer",
    "DjangoValidationError",
    "ProjectSerializer",
    "SourceSerializer",
    "StanceSerializer",
    "_messages",
]
