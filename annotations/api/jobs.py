"""API: bulk import as a background job, and the jobs' progress.

    POST /api/v1/projects/{slug}/import/         articles as JSON (leads); 202 with the job
    POST /api/v1/projects/{slug}/import/files/   article files as multipart (leads); 202 with the job
    GET  /api/v1/jobs/{id}/                one of the caller's jobs: status, progress, message, result

An import runs as the import page's does: each file (the JSON articles count as one file)
is checked whole before anything is stored, then imported whole or not at all by the
worker, with extraction. Bad input answers 400 before a job is made.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from annotations.api.errors import error_response
from annotations.importers import ImportFileError, parse_bytes
from annotations.models import Article, Job
from annotations.permissions import is_project_admin, project_for_user
from annotations.selectors import job_for_user
from annotations.services.backup import BackupError, parse_backup, project_is_empty
from annotations.services.jobs import job_import_start, job_restore_start
from annotations.uploads import uploads_check

API_ARTICLES_NAME = "api-articles.jsonl"
MAX_ARTICLES = 1000


class JobSerializer(serializers.ModelSerializer):
    project = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    result = serializers.DictField(
        read_only=True,
        help_text="When done: for an import `created`, `duplicates`, `rejected` (messages), `committed` (files "
                  "imported whole) and `lines`; for an export `filename`, `content_type` and `bytes`.")

    class Meta:
        model = Job
        fields = ["id", "project", "kind", "status", "progress", "total", "message", "result", "created_at",
                  "finished_at"]
        read_only_fields = fields


class ImportArticleSerializer(serializers.Serializer):
    body = serializers.CharField(trim_whitespace=False, help_text="The article's text.")
    title = serializers.CharField(required=False, allow_blank=True, help_text="Taken from the text when absent.")
    language = serializers.ChoiceField(Article.Language.choices, required=False, help_text="Detected when absent.")
    outlet = serializers.CharField(required=False, allow_blank=True)
    url = serializers.CharField(required=False, allow_blank=True, help_text="http:// or https://")
    published = serializers.CharField(required=False, allow_blank=True, help_text="YYYY, YYYY-MM or YYYY-MM-DD.")


class ImportArticlesSerializer(serializers.Serializer):
    articles = ImportArticleSerializer(many=True, allow_empty=False, max_length=MAX_ARTICLES)


class ImportFilesSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField(), allow_empty=False,
                                  help_text="Article files: .txt (one article), .jsonl or .csv; type by content.")


def _checked(files: list[tuple[str, bytes]]) -> None:
    """Parse each file now, so a bad one answers 400 naming its line before any job exists."""
    errors = []
    for name, data in files:
        try:
            parse_bytes(name, data, max_bytes=settings.IMPORT_MAX_BYTES)
        except ImportFileError as exc:
            errors.append(str(exc))
    if errors:
        raise ValidationError({"files": errors})


def _articles_file(articles: list[dict]) -> tuple[str, bytes]:
    data = "\n".join(json.dumps(article, ensure_ascii=False) for article in articles).encode("utf-8")
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise ValidationError({"articles": [
            f"The articles come to {len(data):,} bytes; the limit is {settings.IMPORT_MAX_BYTES:,} "
            "per request. Send them in several requests."]})
    try:
        parse_bytes(API_ARTICLES_NAME, data, max_bytes=settings.IMPORT_MAX_BYTES)
    except ImportFileError as exc:
        # The line of the JSONL file is the article's place in the list.
        where = f"articles[{exc.line - 1}]" if exc.line else "articles"
        raise ValidationError({where: [exc.message]}) from exc
    return API_ARTICLES_NAME, data


def _accepted(request, job: Job) -> Response:
    location = reverse("api-job-detail", kwargs={"pk": job.pk}, request=request)
    return Response(JobSerializer(job).data, status=status.HTTP_202_ACCEPTED, headers={"Location": location})


def _started(request, project, files) -> Response:
    return _accepted(request, job_import_start(project=project, user=request.user, files=files))


IMPORT_RESPONSES = {202: JobSerializer, 400: error_response(400), 403: error_response(403), 404: error_response(404)}


@extend_schema(tags=["articles"])
class ImportView(APIView):
    """Import articles into a project as a background job (the project's leads and admins).

    Send `{"articles": [{"body": …, "title": …, "language": …, "outlet": …, "url": …,
    "published": …}, …]}`. The answer is 202 with the job; follow its `Location`
    (`GET /api/v1/jobs/{id}/`) for progress. Articles whose text the project already has
    are skipped as duplicates. Files go to `…/import/files/`.
    """

    @extend_schema(request=ImportArticlesSerializer, responses=IMPORT_RESPONSES)
    def post(self, request, slug):
        project, _ = project_for_user(request.user, slug, lead=True)
        form = ImportArticlesSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        return _started(request, project, [_articles_file(form.validated_data["articles"])])


@extend_schema(tags=["articles"])
class ImportFilesView(APIView):
    """Import article files (multipart `files`: .txt, .jsonl or .csv, the type read from the
    content) as a background job, as the import page does; 202 with the job."""

    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": ImportFilesSerializer}, responses=IMPORT_RESPONSES)
    def post(self, request, slug):
        project, _ = project_for_user(request.user, slug, lead=True)
        form = ImportFilesSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        files, errors = uploads_check(form.validated_data["files"])
        if errors:
            raise ValidationError({"files": errors})
        _checked(files)
        return _started(request, project, files)


class RestoreSerializer(serializers.Serializer):
    backup = serializers.FileField(help_text="A project backup: the JSONL export without filters.")


@extend_schema(tags=["projects"])
class RestoreView(APIView):
    """Restore a project backup into this project, which must be empty, as a background job
    (the project's admins, or staff). Everything in the backup comes back — settings, members,
    articles, claims, units, judgements, resolutions, History, tracked claims — or nothing does.
    A file that is not a backup answers 400 naming its line; a project that already has articles
    409; otherwise 202 with the job."""

    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": RestoreSerializer},
                   responses={**IMPORT_RESPONSES, 409: error_response(409)})
    def post(self, request, slug):
        project, membership = project_for_user(request.user, slug)
        if not is_project_admin(membership, request.user):
            raise PermissionDenied("Only the project's admins restore a backup into it.")
        form = RestoreSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        upload = form.validated_data["backup"]
        if upload.size > settings.RESTORE_MAX_BYTES:
            raise ValidationError({"backup": [f"The file is {upload.size:,} bytes; the limit is "
                                              f"{settings.RESTORE_MAX_BYTES:,}."]})
        data = upload.read()
        try:
            parse_backup(data.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise ValidationError({"backup": ["The file is not UTF-8 text."]}) from exc
        except BackupError as exc:
            raise ValidationError({"backup": [str(exc)]}) from exc
        if not project_is_empty(project):
            return Response({"detail": "This project already has articles, tracked claims or set-up changes; "
                                       "restore into an empty project."}, status=status.HTTP_409_CONFLICT)
        return _accepted(request, job_restore_start(project=project, user=request.user,
                                                    name=upload.name or "backup.jsonl", data=data))


@extend_schema(tags=["articles"])
class JobView(APIView):
    """One of the caller's jobs. A job whose worker died ends as `failed` with a message saying
    which files were imported before it stopped."""

    @extend_schema(responses={200: JobSerializer, 404: error_response(404)})
    def get(self, request, pk):
        job, _ = job_for_user(user=request.user, pk=pk)
        return Response(JobSerializer(job).data)


urlpatterns = [
    path("projects/<slug:slug>/import/", ImportView.as_view(), name="api-import"),
    path("projects/<slug:slug>/import/files/", ImportFilesView.as_view(), name="api-import-files"),
    path("projects/<slug:slug>/restore/", RestoreView.as_view(), name="api-restore"),
    path("jobs/<int:pk>/", JobView.as_view(), name="api-job-detail"),
]
