"""Django's database sessions, read with a prepared statement (`SESSION_ENGINE`).

Every page request reads its session first. The ORM compiled that one-table lookup anew
for each request, in more time than PostgreSQL took to run it; the statement is now
planned once per connection (`annotations.prepared`). What is read, and every rule around
it (an expired or unknown key is no session, and loses its key), is Django's own.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.utils import timezone

from annotations import prepared

_READ = ("SELECT session_data, expire_date FROM django_session "
         "WHERE session_key = %(key)s AND expire_date > %(now)s")


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        key = self.session_key
        row = None
        if key is not None:
            with prepared.cursor() as cursor:
                cursor.execute(_READ, {"key": key, "now": timezone.now()})
                row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return self.model(session_key=key, session_data=row[0], expire_date=row[1])
