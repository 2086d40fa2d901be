"""A JSON client over real HTTP (urllib) for API tests against `live_server`."""

import json
import urllib.error
import urllib.request

from rest_framework.authtoken.models import Token


def api_call(base, path, user=None, method="GET", data=None):
    """Send one request, with the user's token when given; return (status, decoded JSON)."""
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(base + path, data=body, method=method)
    request.add_header("Accept", "application/json")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if user is not None:
        request.add_header("Authorization", f"Token {Token.objects.get_or_create(user=user)[0].key}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def raw_get(base, path, user) -> bytes:
    """GET with the user's token; the body as bytes (exports are not JSON objects)."""
    request = urllib.request.Request(base + path)
    request.add_header("Authorization", f"Token {Token.objects.get_or_create(user=user)[0].key}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()
