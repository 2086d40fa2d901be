"""The API's error bodies, and a schema class that documents them on every operation.

Every error answers JSON: `{"detail": "…"}` for 401, 403, 404, 405, 409, 415, 428 and 429;
`{field: ["message", …]}` for a 400 on bad input. A 409 on a judgement or a resolution
also carries `current`, the row as it now stands, so a client can retry on top of it.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

ErrorSerializer = inline_serializer("Error", {"detail": serializers.CharField()})

VALIDATION_ERROR_COMPONENT = {
    "type": "object",
    "description": (
        "Bad input: each field named maps to its messages (a list of strings, or for nested "
        "input an object of the same form); `detail` or `non_field_errors` speak of the whole request."
    ),
    "additionalProperties": {},
}
VALIDATION_ERROR_SCHEMA = {"$ref": "#/components/schemas/ValidationError"}


def add_error_components(result, generator, request, public):
    """Postprocessing hook: the 400 body is one named component, not a copy per operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["ValidationError"] = VALIDATION_ERROR_COMPONENT
    return result

# A database id in a query parameter: positive, within PostgreSQL's integer.
ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}

DESCRIPTIONS = {
    400: "Bad input; nothing was changed.",
    401: "No valid credentials (send `Authorization: Token …`).",
    403: "Not allowed for the caller's role.",
    404: "No such object, or not in one of the caller's projects.",
    409: "Someone changed it first; nothing was overwritten.",
    415: "The request body must be JSON.",
    428: "The request must name the version it changes.",
    429: "Too many requests; try again after Retry-After seconds.",
}


def error_response(code: int, serializer=None, description: str | None = None) -> OpenApiResponse:
    """An error response for `extend_schema(responses=…)`, with its body."""
    if serializer is None:
        serializer = VALIDATION_ERROR_SCHEMA if code == 400 else ErrorSerializer
    return OpenApiResponse(serializer, description=description or DESCRIPTIONS.get(code, ""))


def conflict_serializer(name: str, current):
    """The body of a 409 that carries the row as it now stands."""
    return inline_serializer(name, {"detail": serializers.CharField(), "current": current})


class ClaimTrackAutoSchema(AutoSchema):
    """drf-spectacular's schema with the error responses every operation can give.

    400, 401, 403 and 429 everywhere (401 and 403 only where credentials are asked
    for), 404 on paths naming an object or a project and on every write, 409 on every
    write, 415 where a body is sent.
    Error responses that an operation declares without a body get the standard one.
    """

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        codes = {400, 429}
        if self.get_auth():
            codes |= {401, 403}
        if "{" in self.path or self.method != "GET":
            codes.add(404)  # the object in the path, or one a body names, is not the caller's
        if self.method != "GET":
            codes.add(409)  # a concurrent change, or a row that others' work depends on
        if self.method in ("POST", "PUT", "PATCH"):
            codes.add(415)
        for code in sorted(codes):
            if str(code) not in responses:
                serializer = VALIDATION_ERROR_SCHEMA if code == 400 else ErrorSerializer
                responses[str(code)] = self._get_response_for_code(serializer, str(code), direction=direction)
                responses[str(code)]["description"] = DESCRIPTIONS[code]
        for code, response in list(responses.items()):
            if code.isdigit() and int(code) >= 400 and not response.get("content"):
                filled = self._get_response_for_code(
                    VALIDATION_ERROR_SCHEMA if code == "400" else ErrorSerializer, code, direction=direction
                )
                filled["description"] = response.get("description") or DESCRIPTIONS.get(int(code), "")
                responses[code] = filled
        return dict(sorted(responses.items()))
