"""Django admin for every model, with search and filters.

Judgements and resolutions are read-only here: their changes must go through
the services, which keep history.
"""

from django.contrib import admin

from annotations.models import (
    Article,
    Assignment,
    Claim,
    History,
    Membership,
    Project,
    Resolution,
    Source,
    Stance,
    Unit,
    Webhook,
    WebhookDelivery,
)
from annotations.services import sources as source_services


class KeepsJudgementsAdmin(admin.ModelAdmin):
    """An object that judgements or resolutions hang on cannot be deleted here.

    Deleting it would cascade to them without a word in History.
    """

    judgement_lookup = ""  # from Stance/Resolution to this model

    def _has_judgements(self, obj) -> bool:
        lookup = {self.judgement_lookup: obj}
        return Stance.objects.filter(**lookup).exists() or Resolution.objects.filter(**lookup).exists()

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self._has_judgements(obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # bulk deletion would skip the check above
        return actions


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Project)
class ProjectAdmin(KeepsJudgementsAdmin):
    judgement_lookup = "claim__article__project"
    list_display = ["slug", "name", "overlap", "blind", "show_suggestions", "created_at"]
    list_filter = ["blind", "show_suggestions"]
    search_fields = ["slug", "name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "project", "role", "created_at"]
    list_filter = ["role", "project"]
    search_fields = ["user__username", "project__slug", "project__name"]
    list_select_related = ["user", "project"]
    autocomplete_fields = ["user", "project"]


@admin.register(Article)
class ArticleAdmin(KeepsJudgementsAdmin):
    judgement_lookup = "claim__article"
    list_display = ["id", "title", "project", "language", "outlet", "published", "published_precision"]
    list_filter = ["project", "language", "published_precision"]
    search_fields = ["title", "outlet", "url"]
    list_select_related = ["project"]
    readonly_fields = ["content_hash", "created_at"]
    date_hierarchy = "published"

    def get_readonly_fields(self, request, obj=None):
        # Spans point into the body: once claimed, the text must not change.
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.claims.exists():
            fields.append("body")
        return fields


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "affiliation", "role", "merged_into"]
    list_filter = ["kind"]
    search_fields = ["name", "normalized_name", "role"]
    list_select_related = ["affiliation", "merged_into"]
    autocomplete_fields = ["affiliation"]
    # A merge moves the source's units and judgements (and writes History); setting the
    # pointer by hand would strand them under a source nobody sees.
    readonly_fields = ["merged_into"]

    def save_model(self, request, obj, form, change):
        """Every change goes through the registry's service, so each is in History."""
        if not change:
            obj.created_by = request.user
            super().save_model(request, obj, form, change)
            History.objects.create(kind=History.Kind.SOURCE, action=History.Action.CREATE, source=obj,
                                   actor=request.user, reason="name", new_note=obj.name, via="admin")
            return
        changes = {field: form.cleaned_data[field] for field in form.changed_data if field in source_services.EDITABLE}
        if changes:
            source_services.source_update(source=obj, user=request.user, via="admin", **changes)


def _judged(claim) -> bool:
    return claim is not None and (claim.stances.exists() or claim.resolutions.exists())


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0
    autocomplete_fields = ["source"]
    readonly_fields = ["suggested_label", "suggestion_score", "added_by"]

    # On a judged claim the units are what the judgements hang on: shown, not changed.
    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "source", "origin"] if _judged(obj) else fields

    def has_add_permission(self, request, obj=None):
        return not _judged(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _judged(obj) and super().has_delete_permission(request, obj)


@admin.register(Claim)
class ClaimAdmin(KeepsJudgementsAdmin):
    judgement_lookup = "claim"
    list_display = ["id", "text", "article", "start", "end", "origin"]
    list_filter = ["origin", "article__project"]
    search_fields = ["text", "article__title"]
    list_select_related = ["article"]
    raw_id_fields = ["article", "created_by"]
    inlines = [UnitInline]

    def get_readonly_fields(self, request, obj=None):
        # Judgements are about this text at this place: once judged, it stays as judged.
        fields = list(super().get_readonly_fields(request, obj))
        if _judged(obj):
            fields += ["article", "text", "start", "end", "origin"]
        return fields


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Stance)
class StanceAdmin(ReadOnlyAdmin):
    list_display = ["claim", "source", "annotator", "label", "version", "updated_at"]
    list_filter = ["label", "claim__article__project"]
    search_fields = ["claim__text", "source__name", "annotator__username", "note"]
    list_select_related = ["claim", "source", "annotator"]


@admin.register(Resolution)
class ResolutionAdmin(ReadOnlyAdmin):
    list_display = ["claim", "source", "label", "status", "resolved_by", "updated_at"]
    list_filter = ["status", "label", "claim__article__project"]
    search_fields = ["claim__text", "source__name", "reason"]
    list_select_related = ["claim", "source", "resolved_by"]


@admin.register(History)
class HistoryAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "action", "claim", "source", "annotator", "actor",
                    "old_label", "new_label", "via"]
    list_filter = ["kind", "action", "via"]
    search_fields = ["claim__text", "source__name", "annotator__username", "actor__username"]
    list_select_related = ["claim", "source", "annotator", "actor"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["article", "annotator", "status", "started_at", "last_seen", "finished_at"]
    list_filter = ["status", "article__project"]
    search_fields = ["article__title", "annotator__username"]
    list_select_related = ["article", "annotator"]
    raw_id_fields = ["article", "annotator"]


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    """Staff switch a hook on or off and allow delivery to private addresses (leads cannot)."""

    list_display = ["project", "url", "events", "active", "allow_private", "created_by", "created_at"]
    list_filter = ["active", "allow_private", "project"]
    search_fields = ["url"]
    fields = ["project", "url", "events", "active", "allow_private", "created_by", "created_at"]
    readonly_fields = ["project", "url", "events", "created_by", "created_at"]

    def has_add_permission(self, request):
        return False  # made by a project's leads, with a secret shown to them once


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "webhook", "event", "status", "attempts", "last_status_code", "next_attempt_at"]
    list_filter = ["status", "event"]
    list_select_related = ["webhook"]
