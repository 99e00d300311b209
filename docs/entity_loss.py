"""How many entities segmentation costs.

1. On the gold articles: a gold directive, amount or count whose span is in no line the
   segmenter took as title or paragraph cannot be extracted.
2. On the layout pages (no entity labels): the mentions the entity rules find in the gold
   title and paragraph lines, against those they find in the lines the segmenter took:
   mentions lost (in an article line the segmenter dropped) and mentions added (from a
   menu, caption or sidebar it kept).

Usage: python docs/entity_loss.py   (from the repository, with ../shared beside it)
Each for the v1 hand rules, the shipped layout model, and the layout model under 10-fold
cross-validation grouped by site (each page read by a model that never saw its site; needs
the [train] extra).
"""

from __future__ import annotations

from extract.pipeline import STAGES, Doc
from extract.record.models import Record
from extract.score.gold import ENTITY_LISTS, is_layout_record
from extract.segment import read_layout
from extract.segment.rules import read_layout_rules
from extract.segment.train import cross_validate, load_pages


def lost(pages, layouts) -> tuple[int, int]:
    n_lost = total = 0
    for p in pages:
        lay = layouts[p.id]
        regions = regions_of(lay)
        for name in ENTITY_LISTS:
            for m in p.gold.get(name) or []:
                total += 1
                n_lost += not any(s <= m["start"] and m["end"] <= e for s, e in regions)
    return n_lost, total


def mentions(text: str, regions: list[list[int]]) -> set[tuple]:
    doc = Doc(text=text, record=Record(id="x", source=None, sha256=""), regions=regions)
    for stage in ("directives", "numbers", "amounts", "counts"):
        STAGES[stage](doc)
    return {(name, m.start, m.end) for name in ENTITY_LISTS for m in getattr(doc.record, name)}


def regions_of(lay) -> list[list[int]]:
    return ([list(lay.title_span)] if lay.title_span else []) + lay.paragraphs


def gold_regions(p) -> list[list[int]]:
    title = p.gold.get("title")
    spans = [list(sp) for sp in p.gold.get("paragraphs") or []]
    if title:
        s = next((i for i in range(len(p.text)) if p.text.startswith(title, i) and (i == 0 or p.text[i - 1] == "\n")), None)
        if s is not None:
            spans.insert(0, [s, s + len(title)])
    return spans


def main() -> None:
    pages = load_pages()
    with_entities = [p for p in pages if not is_layout_record(p.gold)]
    runs = {
        "v1 hand rules": {p.id: read_layout_rules(p.text) for p in with_entities},
        "layout model (shipped, trained on these pages too)": {p.id: read_layout(p.text) for p in with_entities},
        "layout model, cross-validated by site": cross_validate(pages),
    }
    print(f"{len(with_entities)} gold articles with entity labels")
    for name, layouts in runs.items():
        n, total = lost(with_entities, layouts)
        print(f"{name:<52} {n:>4} of {total} gold entities lost ({n / total:.1%})")
    layout_pages = [p for p in pages if is_layout_record(p.gold)]
    truth = {p.id: mentions(p.text, gold_regions(p)) for p in layout_pages}
    print(f"\n{len(layout_pages)} layout pages: {sum(map(len, truth.values()))} mentions in their gold article lines")
    for name, layouts in (("v1 hand rules", {p.id: read_layout_rules(p.text) for p in layout_pages}),
                          ("layout model, cross-validated by site", runs["layout model, cross-validated by site"])):
        lost_n = added = 0
        for p in layout_pages:
            got = mentions(p.text, regions_of(layouts[p.id]))
            lost_n += len(truth[p.id] - got)
            added += len(got - truth[p.id])
        print(f"{name:<52} {lost_n:>4} lost, {added:>4} added")


if __name__ == "__main__":
    main()
