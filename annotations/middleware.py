"""Refuse query strings that PostgreSQL cannot store or compare; the API speaks UTC."""

import datetime as dt

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _


class ApiInUtcMiddleware:
    """Every timestamp the API writes or reads without an offset is UTC (`…Z`), whatever the
    server's TIME_ZONE: a script joins judgements, resolutions and exports on one clock.
    The pages keep the local time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        with timezone.override(dt.UTC):
            return self.get_response(request)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class RejectNulCharactersMiddleware:
    """Answer 400 to a path, query parameter or form field holding a NUL character.

    PostgreSQL text cannot contain NUL, so such a value would fail deep inside a
    query as a server error; it is bad input and gets a clear answer instead. The fields
    of page forms are checked in the bodies Django parses into `request.POST` (url-encoded
    and multipart); the API's bodies where it parses them (its serializers).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        checked = [request.GET]
        # Page forms; the API parses its bodies itself and answers what it cannot parse (415, 400).
        if (request.method == "POST" and request.content_type in FORM_TYPES
                and not request.path.startswith("/api/")):
            checked.append(request.POST)
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for params in checked for key, values in params.lists()
        ):
            return JsonResponse(
                {"detail": _("The request contains a NUL character, which is not allowed.")}, status=400
            )
        return self.get_response(request)


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: the page for people, JSON for the API (429)."""
    cool_off = get_cool_off(request)
    wait = max(1, int(cool_off.total_seconds())) if cool_off else 1
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": f"Too many failed attempts for this user from this address; try again in {wait} seconds."},
            status=429,
        )
    else:
        response = render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
    response["Retry-After"] = str(wait)
    return response
