"""One pagination style for every API list: cursor pages `{next, previous, results}`.

Cursor pages are stable under inserts and need no COUNT(*) per page. `page_size`
is checked, never clamped: a value over the maximum, zero, negative or not a
number answers 400 naming the allowed range.
"""

from __future__ import annotations

from base64 import b64decode, b64encode
from urllib import parse

from django.utils.translation import gettext
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import BasePagination, CursorPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

PAGE_SIZE = 100
MAX_PAGE_SIZE = 500


def checked_page_size(request, default: int = PAGE_SIZE, maximum: int = MAX_PAGE_SIZE) -> int:
    raw = request.query_params.get("page_size")
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= maximum:
        raise ValidationError(
            {"page_size": [gettext("page_size must be a whole number from 1 to %(max)d.") % {"max": maximum}]}
        )
    return int(raw)


def _page_schema(schema: dict) -> dict:
    return {
        "type": "object",
        "required": ["results"],
        "properties": {
            "next": {"type": "string", "nullable": True, "format": "uri"},
            "previous": {"type": "string", "nullable": True, "format": "uri"},
            "results": schema,
        },
    }


def _page_parameters() -> list[dict]:
    return [
        {"name": "cursor", "required": False, "in": "query",
         "description": "The pagination cursor value (from `next` or `previous`).",
         "schema": {"type": "string"}},
        {"name": "page_size", "required": False, "in": "query",
         "description": f"Results per page, 1 to {MAX_PAGE_SIZE} (default {PAGE_SIZE}); more answers 400.",
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}},
    ]


class IdCursorPagination(CursorPagination):
    """Cursor pages over a queryset, in id order unless the view's `?ordering=` says otherwise."""

    ordering = "id"
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        return checked_page_size(request, self.page_size, self.max_page_size)

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise ValidationError({self.cursor_query_param: [gettext("Invalid cursor.")]}) from None
        # Ordered by id: a forged position that is not a whole number would fail in the query (500).
        position = cursor.position if cursor is not None else None
        fields = self.ordering if isinstance(self.ordering, (list, tuple)) else [self.ordering]
        by_id = all(str(f).lstrip("-") in ("id", "pk") for f in fields)
        if by_id and position is not None and not (position.isascii() and position.isdigit() and len(position) <= 18):
            raise ValidationError({self.cursor_query_param: [gettext("Invalid cursor.")]})
        return cursor

    def get_paginated_response_schema(self, schema):
        return _page_schema(schema)

    def get_schema_operation_parameters(self, view):
        return _page_parameters()


class OffsetCursorPagination(BasePagination):
    """Cursor pages over a computed list (anything sliceable): the cursor is an opaque offset.

    The response has the same shape as `IdCursorPagination`'s, so clients page every
    list the same way.
    """

    cursor_query_param = "cursor"
    page_size = PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page_size = checked_page_size(request, self.page_size, self.max_page_size)
        self.offset = self._decode(request)
        rows = list(queryset[self.offset:self.offset + self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        return rows[:self.page_size]

    def _decode(self, request) -> int:
        encoded = request.query_params.get(self.cursor_query_param)
        if not encoded:
            return 0
        try:
            tokens = parse.parse_qs(b64decode(encoded.encode("ascii"), validate=True).decode("ascii"))
            offset = tokens["o"][0]
            if not (offset.isascii() and offset.isdigit()) or int(offset) > 10**9:
                raise ValueError(offset)
        except (ValueError, KeyError, UnicodeError):
            raise ValidationError({"cursor": [gettext("Invalid cursor.")]}) from None
        return int(offset)

    def _link(self, offset: int) -> str:
        url = self.request.build_absolute_uri()
        if offset <= 0:
            return remove_query_param(url, self.cursor_query_param)
        encoded = b64encode(parse.urlencode({"o": offset}).encode("ascii")).decode("ascii")
        return replace_query_param(url, self.cursor_query_param, encoded)

    def get_paginated_response(self, data):
        return Response({
            "next": self._link(self.offset + self.page_size) if self.has_next else None,
            "previous": self._link(self.offset - self.page_size) if self.offset > 0 else None,
            "results": data,
        })

    def get_paginated_response_schema(self, schema):
        return _page_schema(schema)

    def get_schema_operation_parameters(self, view):
        return _page_parameters()
