"""Moving many rows between Polars frames and the database: COPY on PostgreSQL, plain batches elsewhere.

Used where an import or a computation handles hundreds of thousands of rows; everything else uses the ORM.
These functions write no audit entries: the caller records one entry for the whole operation.
"""

from __future__ import annotations

import io
from typing import Any

import polars as pl
from django.db import connection, models

BATCH = 5000


def insert_frame(model: type[models.Model], frame: pl.DataFrame) -> int:
    """Insert every row of ``frame`` (columns named by the model's column names) into ``model``'s table.

    Call inside the transaction that owns the rows. Returns the number of rows inserted.
    """
    if frame.is_empty():
        return 0
    table = model._meta.db_table
    columns = frame.columns
    if connection.vendor == "postgresql":
        text_columns = [c for c, dtype in frame.schema.items() if dtype == pl.String]
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        # FORCE_NOT_NULL: an empty text cell is an empty string, not NULL (text fields are never null here).
        options = "FORMAT csv, HEADER false"
        if text_columns:
            options += ", FORCE_NOT_NULL (" + ", ".join(connection.ops.quote_name(c) for c in text_columns) + ")"
        with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({quoted}) FROM STDIN WITH ({options})") as copy:
            for chunk in frame.iter_slices(100_000):
                copy.write(chunk.write_csv(include_header=False, datetime_format="%Y-%m-%dT%H:%M:%S%.f%z"))
        return frame.height
    fields = {f.column: f for f in model._meta.concrete_fields}
    names = [fields[c].attname for c in columns]
    for chunk in frame.iter_slices(BATCH):
        model.objects.bulk_create(model(**dict(zip(names, row, strict=True))) for row in chunk.iter_rows())
    return frame.height


def read_frame(queryset: models.QuerySet, schema: dict[str, Any]) -> pl.DataFrame:
    """The values of ``schema``'s fields for every row of ``queryset``, as a frame typed by ``schema``."""
    fields = list(schema)
    if connection.vendor == "postgresql":
        sql, params = queryset.values_list(*fields).query.sql_with_params()
        buffer = io.BytesIO()
        with connection.cursor() as cursor:
            query = connection.ops.compose_sql(sql, params) if params else sql
            with cursor.copy(f"COPY ({query}) TO STDOUT WITH (FORMAT csv)") as copy:
                for block in copy:
                    buffer.write(block)
        if buffer.tell() == 0:
            return pl.DataFrame(schema=schema)
        buffer.seek(0)
        text = {name: pl.String if dtype == pl.Boolean else dtype for name, dtype in schema.items()}
        frame = pl.read_csv(buffer, has_header=False, new_columns=fields, schema=text)
        return frame.with_columns(pl.col(c) == "t" for c, dtype in schema.items() if dtype == pl.Boolean)
    return pl.DataFrame(list(queryset.values_list(*fields)), schema=schema, orient="row")
