"""Annotators' judgements (stances), with History and optimistic concurrency."""

from __future__ import annotations

import functools
from contextlib import nullcontext

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from annotations import prepared
from annotations.models import Article, Assignment, Claim, History, Source, Stance, Unit, Webhook
from annotations.services import webhooks
from annotations.services.conflict import Conflict
from annotations.services.locks import article_lock, retry_deadlock


def check_label(claim: Claim, label: str) -> None:
    labels = claim.article.project.judgement_labels
    if label not in labels:
        raise ValidationError(
            gettext("'%(label)s' is not a stance of this project (choose from %(labels)s).")
            % {"label": label, "labels": ", ".join(labels)}
        )


UNREAD = object()  # `current` not given: the service reads it


@retry_deadlock
def stance_record(
    *, claim: Claim, source: Source, annotator, label: str, note: str | None = None,
    expected_version: int | None = None, via: str = "page", current=UNREAD, unit_known: bool = False,
    touch: bool = False,
) -> Stance:
    """Record (or change) an annotator's stance on a unit, keeping history.

    `expected_version` is the version the caller last saw (0 for "none yet"); when
    another write got there first the call raises Conflict instead of overwriting.
    A caller that has just read the annotator's stance passes it as `current` (None
    for none), and `unit_known=True` when it has read the unit. `touch=True` also notes the
    annotator's activity on their assignment of the article (`assignment_touch`), on
    PostgreSQL in the statement that saves the judgement; whenever the call returns.

    A change is a compare-and-set on the version, so a judgement read without a lock is
    never overwritten when someone changed it since. On PostgreSQL the judgement and its
    History row are written by one statement (no transaction round trips around it).
    """
    check_label(claim, label)
    touched = claim.article_id if touch else None  # the article whose assignment notes the activity
    try:
        with _statement_scope():
            if current is UNREAD:
                current = Stance.objects.filter(claim=claim, source=source, annotator=annotator).first()
            if current is None:
                if expected_version not in (None, 0):
                    raise Conflict(gettext("This judgement was removed meanwhile; reload to see it."))
                # A stance needs its unit: a hand-made one when the machine found none.
                unit = None if unit_known else Unit(claim=claim, source=source, origin=Claim.Origin.MANUAL,
                                                    added_by=annotator)
                return _stance_create(claim=claim, source=source, annotator=annotator, label=label,
                                      note=note or "", via=via, unit=unit, touch=touched)
            if expected_version is not None and expected_version != current.version:
                raise Conflict(gettext("This judgement was changed meanwhile from elsewhere."), current)
            return _stance_change(current, label=label, note=current.note if note is None else note, via=via,
                                  project_id=claim.article.project_id, touch=touched)
    except IntegrityError as exc:  # another write made this judgement first
        now = Stance.objects.filter(claim=claim, source=source, annotator=annotator).first()
        raise Conflict(gettext("This judgement was saved meanwhile from elsewhere."), now) from exc


def _one_statement() -> bool:
    return connection.vendor == "postgresql"


def _statement_scope():
    """A transaction where the writes need one: SQLite's several statements, or a savepoint inside
    the caller's transaction (so a refused insert leaves it usable). PostgreSQL's single
    statement in autocommit is a transaction by itself."""
    if _one_statement() and not connection.in_atomic_block:
        return nullcontext()
    return transaction.atomic()


@functools.cache
def _insert_shape(model, vendor: str) -> tuple[tuple, str, str]:
    """The fields, columns and placeholders of an INSERT of `model`'s rows (all but the key)."""
    fields = tuple(f for f in model._meta.concrete_fields if not f.primary_key)
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    return fields, ", ".join(quote(f.column) for f in fields), ", ".join(["%s"] * len(fields))


def _insert_parts(obj) -> tuple[str, str, list]:
    """Columns, placeholders and values of an unsaved model instance, for an INSERT of our own."""
    db = connections[DEFAULT_DB_ALIAS]  # the wrapper itself: `connection` looks it up on every attribute read
    fields, columns, marks = _insert_shape(type(obj), db.vendor)
    return columns, marks, [f.get_db_prep_save(f.pre_save(obj, add=True), db) for f in fields]


def _touch_sql(article_id: int, annotator_id: int) -> tuple[str, list]:
    """`assignment_touch` as a statement to ride in another."""
    table = connection.ops.quote_name(Assignment._meta.db_table)
    return (f"UPDATE {table} SET last_seen = %s WHERE article_id = %s AND annotator_id = %s AND status = %s",
            [timezone.now(), article_id, annotator_id, Assignment.Status.ACTIVE])


def _touch(article_id: int, annotator_id: int) -> None:
    from annotations.services.queue import assignment_touch  # queue -> resolutions -> this module

    assignment_touch(article=Article(pk=article_id), annotator=annotator_id)


def _with_history(sql: str, params: list, history: History, unit: Unit | None = None,
                  hook: tuple[str, list] | None = None, touch: tuple[str, list] | None = None) -> tuple[str, list]:
    """`sql` (a data-modifying statement RETURNING id) as a CTE that also inserts `history` per row it
    returns, first `unit` unless it exists, the webhook deliveries of `hook` (`notify_sql`) and the
    assignment touch of `touch` (`_touch_sql`, done whether or not `sql` changed a row)."""
    columns, marks, values = _insert_parts(history)
    table = connection.ops.quote_name(History._meta.db_table)
    before, before_params = "", []
    if unit is not None:
        u_columns, u_marks, before_params = _insert_parts(unit)
        u_table = connection.ops.quote_name(Unit._meta.db_table)
        before = f"u AS (INSERT INTO {u_table} ({u_columns}) VALUES ({u_marks}) ON CONFLICT DO NOTHING), "
    after, after_params = (f", d AS ({hook[0]})", hook[1]) if hook else ("", [])
    if touch:
        after, after_params = f"{after}, t AS ({touch[0]})", [*after_params, *touch[1]]
    return (f"WITH {before}s AS ({sql}), h AS (INSERT INTO {table} ({columns}) SELECT {marks} FROM s){after} "
            "SELECT id FROM s", [*before_params, *params, *values, *after_params])


def judgement_payload(stance: Stance, *, action: str, via: str, removed: bool = False) -> dict:
    """What a `judgement.saved` webhook carries: the judgement as it now stands (label None once removed)."""
    return {"id": stance.pk, "claim": stance.claim_id, "source": stance.source_id,
            "annotator": stance.annotator_id, "label": None if removed else stance.label,
            "note": "" if removed else stance.note, "version": stance.version, "action": action,
            "removed": removed, "via": via}


def _hook_sql(stance: Stance, project_id: int, action: str, via: str) -> tuple[str, list]:
    return webhooks.notify_sql(project_id, Webhook.Event.JUDGEMENT_SAVED,
                               judgement_payload(stance, action=action, via=via), "id")


def _notify(stance: Stance, project_id: int, action: str, via: str, removed: bool = False) -> None:
    webhooks.webhooks_notify(project_id, Webhook.Event.JUDGEMENT_SAVED,
                             judgement_payload(stance, action=action, via=via, removed=removed))


def _stance_create(*, claim, source, annotator, label: str, note: str, via: str, unit: Unit | None,
                   touch: int | None = None) -> Stance:
    """`touch`: the article whose assignment to note activity on (see `stance_record`)."""
    now = timezone.now()
    stance = Stance(claim=claim, source=source, annotator=annotator, label=label, note=note,
                    created_at=now, updated_at=now)
    history = History(kind=History.Kind.STANCE, action=History.Action.CREATE, claim=claim, source=source,
                      annotator=annotator, actor=annotator, new_label=label, new_note=note, via=via)
    project_id = claim.article.project_id
    if not _one_statement():
        if unit is not None:
            Unit.objects.bulk_create([unit], ignore_conflicts=True)
        stance.save(force_insert=True)
        history.save(force_insert=True)
        _notify(stance, project_id, "create", via)
        if touch is not None:
            _touch(touch, annotator.pk)
        return stance
    columns, marks, values = _insert_parts(stance)
    table = connection.ops.quote_name(Stance._meta.db_table)
    sql, params = _with_history(f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id", values, history,
                                unit, _hook_sql(stance, project_id, "create", via),
                                _touch_sql(touch, annotator.pk) if touch is not None else None)
    with prepared.cursor() as cursor:  # a handful of shapes, each planned once per connection
        cursor.execute(sql, params)
        stance.pk = cursor.fetchone()[0]
    stance._state.adding = False
    return stance


def _stance_change(stance: Stance, *, label: str, note: str, via: str, project_id: int,
                   touch: int | None = None) -> Stance:
    """`touch`: the article whose assignment to note activity on (see `stance_record`)."""
    if stance.label == label and stance.note == note:
        if touch is not None:
            _touch(touch, stance.annotator_id)
        return stance
    now = timezone.now()
    # The row still has the version read, so the old label and note are those read.
    history = History(kind=History.Kind.STANCE, action=History.Action.UPDATE, claim_id=stance.claim_id,
                      source_id=stance.source_id, annotator_id=stance.annotator_id, actor_id=stance.annotator_id,
                      old_label=stance.label, new_label=label, old_note=stance.note, new_note=note, via=via)
    after = Stance(pk=stance.pk, claim_id=stance.claim_id, source_id=stance.source_id,
                   annotator_id=stance.annotator_id, label=label, note=note, version=stance.version + 1)
    if _one_statement():
        table = connection.ops.quote_name(Stance._meta.db_table)
        sql, params = _with_history(
            f"UPDATE {table} SET label = %s, note = %s, version = version + 1, updated_at = %s "
            "WHERE id = %s AND version = %s RETURNING id",
            [label, note, now, stance.pk, stance.version], history, hook=_hook_sql(after, project_id, "update", via),
            touch=_touch_sql(touch, stance.annotator_id) if touch is not None else None)
        with prepared.cursor() as cursor:
            cursor.execute(sql, params)
            changed = cursor.fetchone() is not None
    else:
        changed = Stance.objects.filter(pk=stance.pk, version=stance.version).update(
            label=label, note=note, version=F("version") + 1, updated_at=now,
        )
        if changed:
            history.save(force_insert=True)
            _notify(after, project_id, "update", via)
        if touch is not None:
            _touch(touch, stance.annotator_id)
    if not changed:
        current = Stance.objects.filter(pk=stance.pk).first()
        raise Conflict(gettext("This judgement was changed meanwhile from elsewhere."), current)
    stance.label, stance.note, stance.version, stance.updated_at = label, note, stance.version + 1, now
    return stance


@retry_deadlock
def stance_undo(
    *, claim: Claim, source: Source, annotator, via: str = "page", expected_version: int | None = None
) -> Stance | None:
    """Revert the annotator's latest change on a unit that is not yet undone.

    `expected_version` is the version the caller's page shows (0 for none): an undo from a
    stale tab raises Conflict instead of reverting a change that tab never saw.
    Returns the stance as it now stands (None when the undo removed it).
    """
    with transaction.atomic():
        article_lock(article_id=claim.article_id)
        stance = (
            Stance.objects.select_for_update()
            .filter(claim=claim, source=source, annotator=annotator)
            .first()
        )
        if expected_version is not None and expected_version != (stance.version if stance else 0):
            raise Conflict(gettext("This judgement was changed meanwhile from elsewhere."), stance)
        last = (
            History.objects.select_for_update()
            .filter(kind=History.Kind.STANCE, claim=claim, source=source, annotator=annotator,
                    reverted=False)
            .exclude(action=History.Action.UNDO)
            .order_by("-id")
            .first()
        )
        if last is None:
            return stance
        History.objects.create(
            kind=History.Kind.STANCE, action=History.Action.UNDO, claim=claim, source=source,
            annotator=annotator, actor=annotator,
            old_label=stance.label if stance else "", new_label=last.old_label,
            old_note=stance.note if stance else "", new_note=last.old_note, via=via,
        )
        last.reverted = True
        last.save(update_fields=["reverted"])
        if last.action == History.Action.CREATE:
            if stance is not None:
                _notify(stance, claim.article.project_id, "undo", via, removed=True)
                stance.delete()
            return None
        if stance is None:
            stance = Stance(claim=claim, source=source, annotator=annotator, version=0)
        stance.label = last.old_label
        stance.note = last.old_note
        stance.version += 1
        stance.updated_at = timezone.now()
        stance.save()
        _notify(stance, claim.article.project_id, "undo", via)
        return stance


@retry_deadlock
def stance_delete(*, stance: Stance, annotator, expected_version: int, via: str = "api") -> None:
    """Withdraw an annotator's judgement of a unit, keeping the old label in History.

    `expected_version` is the version the caller last saw; a stale one raises Conflict
    with the current stance. An undo (`stance_undo`) brings the judgement back.
    """
    with transaction.atomic():
        article_lock(claim_id=stance.claim_id)
        current = (
            Stance.objects.select_related("claim__article").select_for_update(of=("self",))
            .filter(pk=stance.pk, annotator=annotator)
            .first()
        )
        if current is None:
            raise Conflict(gettext("This judgement was removed meanwhile; reload to see it."))
        if expected_version != current.version:
            raise Conflict(gettext("This judgement was changed meanwhile from elsewhere."), current)
        History.objects.create(
            kind=History.Kind.STANCE, action=History.Action.DELETE, claim_id=current.claim_id,
            source_id=current.source_id, annotator=annotator, actor=annotator,
            old_label=current.label, old_note=current.note, via=via,
        )
        _notify(current, current.claim.article.project_id, "delete", via, removed=True)
        current.delete()
