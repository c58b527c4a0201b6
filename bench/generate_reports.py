"""Time the three report documents for the whole generated municipality, per format, with peak memory.

    .venv/bin/python bench/generate_reports.py --year 2026 --repeat 3

Needs the data of generate.py (deviations, complaints, units), generate_planning.py (risks, controls),
generate_goals.py (indicators and utfall) and import_casedata.py (ärendedata); prints, per document, the
median seconds to assemble the content and to render HTML, Word and PDF, the document's size, and the
process's maximum RSS after each document.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

from _django import setup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--year", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    setup()

    from django.utils import timezone, translation

    from accounts.models import Membership
    from organisation.models import Unit
    from reports import generate, render

    admin = Membership.objects.filter(role="administrator").select_related("user").first().user
    root = Unit.objects.filter(parent__isnull=True).order_by("path").first()
    year = args.year or timezone.localdate().year
    print(f"unit {root.code}, year {year}, {args.repeat} repeats (median seconds)")
    print(f"{'document':<22}{'content':>9}{'html':>8}{'docx':>8}{'pdf':>8}  {'pages/size':<28}{'max RSS':>10}")
    for kind, period in (("tertialrapport", "T2"), ("kvalitetsplan", ""), ("kvalitetsberattelse", "")):
        timings: dict[str, list[float]] = {"content": [], "html": [], "docx": [], "pdf": []}
        sizes = {}
        for _ in range(args.repeat):
            with translation.override("sv"):
                started = time.perf_counter()
                report = generate.assemble(kind, year, period, root, admin)
                timings["content"].append(time.perf_counter() - started)
                for name, draw in (("html", render.html), ("docx", render.docx), ("pdf", render.pdf)):
                    started = time.perf_counter()
                    output = draw(report)
                    timings[name].append(time.perf_counter() - started)
                    sizes[name] = len(output)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        tables = sum(1 for s in report.sections for b in s.blocks if type(b).__name__ == "Table")
        medians = "".join(f"{statistics.median(timings[n]):8.2f}" for n in ("html", "docx", "pdf"))
        print(
            f"{kind:<22}{statistics.median(timings['content']):9.2f}{medians}  "
            f"{tables} tables, pdf {sizes['pdf'] / 1e6:.1f} MB{'':<4}{peak:9,.0f} MB"
        )


if __name__ == "__main__":
    main()
