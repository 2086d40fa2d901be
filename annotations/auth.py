"""Django's model backend, with the signed-in user read by a prepared statement (`AUTHENTICATION_BACKENDS`).

After its session, every page request reads its user (`AuthenticationMiddleware`, on first use
of `request.user`, which the login check of every page makes). The ORM compiled that
one-table lookup by primary key anew for each request; the statement is now planned once per
connection (`annotations.prepared`), like the session's. Signing in, permissions and the rule
that an inactive user is nobody are Django's own.
"""

from __future__ import annotations

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import connection

from annotations import prepared


@cache
def _read_sql(model) -> tuple[str, list[str]]:
    """The user's row by primary key, every concrete field, and the fields' names in its order."""
    quote = connection.ops.quote_name
    fields = model._meta.concrete_fields
    columns = ", ".join(quote(f.column) for f in fields)
    return (f"SELECT {columns} FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} = %s",
            [f.attname for f in fields])


class PreparedModelBackend(ModelBackend):
    """`ModelBackend` whose `get_user` reads the row with a prepared statement on PostgreSQL."""

    def get_user(self, user_id):
        if connection.vendor != "postgresql":  # elsewhere the ORM's converters make the row's values
            return super().get_user(user_id)
        model = get_user_model()
        sql, fields = _read_sql(model)
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:  # a session whose id cannot be the user's is nobody's
            return None
        with prepared.cursor() as cursor:
            cursor.execute(sql, [pk])
            row = cursor.fetchone()
        if row is None:
            return None
        user = model.from_db(connection.alias, fields, row)
        return user if self.user_can_authenticate(user) else None
