"""Time the ärendedata import and the indicator computation against a plain Polars scan of the same file.

    .venv/bin/python bench/import_casedata.py --rows 2000000

Writes a CSV in the canonical format (random cases over the generated enheter and the last years),
then prints rows/second for: a plain Polars read of the file (the practical limit), the checked
import (parse, check, keyed hash, database writes, one transaction) and the computation of the
case-data indicators for every follow-up point.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import tempfile
import time
from pathlib import Path

from _django import setup


def write_file(path: Path, rows: int, unit_codes: list[str], seed: int) -> None:
    rng = random.Random(seed)
    kinds = ["utredning_barn", "utredning_vuxen", "forhandsbedomning", "beslut"]
    today = dt.date.today()
    with path.open("w", encoding="utf-8") as out:
        out.write(
            "arende_id;enhet;typ;start;slut;beslutsdatum;verkstallighetsdatum;kon;fodelsear;orsak;forlangd;insats_under_utredning\n"
        )
        for i in range(rows):
            kind = kinds[i % 4]
            start = today - dt.timedelta(days=rng.randrange(30, 365 * 3))
            end = start + dt.timedelta(days=rng.randrange(3, 200)) if rng.random() < 0.9 else None
            decided = executed = ""
            if kind == "beslut":
                decided = start.isoformat()
                executed = (start + dt.timedelta(days=rng.randrange(0, 60))).isoformat()
            out.write(
                f"B{i:08d};{rng.choice(unit_codes)};{kind};{start.isoformat()};{end.isoformat() if end else ''};"
                f"{decided};{executed};{rng.choice('KM')};{rng.randrange(1940, 2020)};;nej;nej\n"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    setup()

    import polars as pl

    from accounts.models import Membership
    from casedata.compute import recompute
    from casedata.importer import import_cases
    from organisation.models import Unit

    admin = Membership.objects.filter(role="administrator").select_related("user").first().user
    codes = list(Unit.objects.filter(kind="enhet", code__startswith="BENCH").values_list("code", flat=True)[:100])

    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "arenden.csv"
        write_file(path, args.rows, codes, args.seed)
        size = path.stat().st_size / 1e6
        print(f"file: {args.rows:,} rows, {size:.0f} MB, {len(codes)} units; max RSS before importing {peak():,.0f} MB")
        replace = None
        for label in ("checked import", "re-import (replaces)"):
            started = time.perf_counter()
            # The second import replaces the first's period, as a person confirms on the import page.
            batch = import_cases(path.read_bytes(), path.name, by=admin, replace_period=replace)
            replace = (batch.period_start, batch.period_end)
            imported = time.perf_counter() - started
            print(
                f"{label + ':':<22}{imported:7.1f} s  {batch.rows / imported:12,.0f} rows/s  "
                f"(replaced {batch.replaced:,}; max RSS so far {peak():,.0f} MB)"
            )
        started = time.perf_counter()
        written = recompute()
        computed = time.perf_counter() - started
        print(
            f"{'indicator compute:':<22}{computed:7.1f} s  {args.rows / computed:12,.0f} rows/s  "
            f"({written:,} utfall written; max RSS so far {peak():,.0f} MB)"
        )
        # Last, so its whole-file frame does not count in the import's peak memory.
        started = time.perf_counter()
        height = pl.read_csv(path, separator=";", infer_schema=False).height
        scan = time.perf_counter() - started
        print(f"{'plain Polars read:':<22}{scan:7.1f} s  {height / scan:12,.0f} rows/s  (max RSS {peak():,.0f} MB)")


if __name__ == "__main__":
    main()
