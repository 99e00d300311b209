"""``vnextract eval``: SPEC section 7, exactly.

Entities: a predicted and a gold mention *match* when their spans overlap and they agree
on the key fields; each pair is matched at most once, greedily in text order (gold
mentions in order, each taking the earliest unmatched prediction that fits). *Strict*
match needs the identical span too. Attribute accuracy is over value-matched pairs.
Document fields: exact-match accuracy of title, byline, published (and its date part);
paragraph P/R/F1 over line spans; sentence boundary F1 over end offsets. All figures are
micro-averaged over documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KEYS = {
    "directives": lambda d: ("ref", d["ref"]) if d.get("ref") else ("type+number", d.get("doc_type"), d.get("number")),
    "amounts": lambda a: (a.get("value"), a.get("value_max"), a.get("currency")),
    "counts": lambda c: (c.get("value"), c.get("category")),
    "places": lambda p: p.get("code"),
    "countries": lambda c: c.get("country"),
}
ATTRIBUTES = {"directives": ("date", "issuer", "short"), "amounts": ("approx", "kind", "stage"), "counts": ("approx", "noun"),
              "places": (), "countries": ()}
DOC_FIELDS = ("title", "byline", "published", "published_date", "province")


@dataclass
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else (1.0 if not self.n_gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else (1.0 if not self.n_pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "pred": self.n_pred, "gold": self.n_gold,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    def as_dict(self) -> dict[str, float | int]:
        return {"right": self.right, "total": self.total, "accuracy": self.value}


@dataclass
class ListScore:
    value: PRF = field(default_factory=PRF)
    strict: PRF = field(default_factory=PRF)
    attributes: dict[str, Ratio] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value.as_dict(), "strict": self.strict.as_dict(),
                "attributes": {k: v.as_dict() for k, v in self.attributes.items()}}


@dataclass
class DocScore:
    id: str
    lists: dict[str, ListScore]
    fields: dict[str, bool]
    paragraphs: PRF
    sentences: PRF
    errors: list[dict[str, Any]]


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def match_mentions(gold: list[dict], pred: list[dict], key, strict: bool = False) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in text order; returns (gold index, pred index) pairs."""
    used: set[int] = set()
    pairs = []
    order = sorted(range(len(pred)), key=lambda j: (pred[j]["start"], pred[j]["end"]))
    for i, g in sorted(enumerate(gold), key=lambda x: (x[1]["start"], x[1]["end"])):
        kg = key(g)
        for j in order:
            if j in used:
                continue
            p = pred[j]
            same_span = p["start"] == g["start"] and p["end"] == g["end"]
            if (same_span if strict else _overlap(g, p)) and key(p) == kg:
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def _spans_prf(gold: list[list[int]], pred: list[list[int]]) -> PRF:
    g, p = {tuple(x) for x in gold}, {tuple(x) for x in pred}
    return PRF(tp=len(g & p), n_pred=len(p), n_gold=len(g))


def _boundaries_prf(gold: list[list[int]], pred: list[list[int]]) -> PRF:
    g, p = {x[1] for x in gold}, {x[1] for x in pred}
    return PRF(tp=len(g & p), n_pred=len(p), n_gold=len(g))


def _province_code(rec: dict[str, Any]) -> str | None:
    prov = rec.get("province")
    return prov.get("code") if isinstance(prov, dict) else None


def score_doc(gold: dict[str, Any], pred: dict[str, Any] | None) -> DocScore:
    from .gold import is_layout_record

    pred = pred or {}
    errors: list[dict[str, Any]] = []
    lists: dict[str, ListScore] = {}
    layout_only = is_layout_record(gold)  # scored on title, date, byline and paragraphs alone
    for name, key in KEYS.items():
        if layout_only:
            lists[name] = ListScore()
            continue
        g, p = gold.get(name) or [], pred.get(name) or []
        pairs = match_mentions(g, p, key)
        strict = match_mentions(g, p, key, strict=True)
        ls = ListScore(PRF(len(pairs), len(p), len(g)), PRF(len(strict), len(p), len(g)))
        for attr in ATTRIBUTES[name]:
            ratio = Ratio()
            for i, j in pairs:
                ok = g[i].get(attr) == p[j].get(attr)
                ratio.add(ok)
                if not ok:
                    errors.append({"doc": gold["id"], "list": name, "kind": f"wrong {attr}", "gold": g[i], "pred": p[j]})
            ls.attributes[attr] = ratio
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        errors += [{"doc": gold["id"], "list": name, "kind": "miss", "gold": g[i]} for i in range(len(g)) if i not in matched_g]
        errors += [{"doc": gold["id"], "list": name, "kind": "false alarm", "pred": p[j]} for j in range(len(p)) if j not in matched_p]
        lists[name] = ls
    gp, pp = gold.get("published"), pred.get("published")
    fields = {
        "title": gold.get("title") == pred.get("title"),
        "byline": gold.get("byline") == pred.get("byline"),
        "published": gp == pp,
        "published_date": (gp or "")[:10] == (pp or "")[:10],
    }
    if not layout_only:  # SPEC 7: province by code, a null for a null is right
        fields["province"] = _province_code(gold) == _province_code(pred)
    for f, ok in fields.items():
        if not ok and f != "published_date":
            g_v, p_v = (_province_code(gold), _province_code(pred)) if f == "province" else (gold.get(f), pred.get(f))
            errors.append({"doc": gold["id"], "list": f, "kind": "wrong", "gold": g_v, "pred": p_v})
    paragraphs = _spans_prf(gold.get("paragraphs") or [], pred.get("paragraphs") or [])
    g_par, p_par = {tuple(x) for x in gold.get("paragraphs") or []}, {tuple(x) for x in pred.get("paragraphs") or []}
    errors += [{"doc": gold["id"], "list": "paragraphs", "kind": "miss", "gold": list(x)} for x in sorted(g_par - p_par)]
    errors += [{"doc": gold["id"], "list": "paragraphs", "kind": "false alarm", "pred": list(x)} for x in sorted(p_par - g_par)]
    if layout_only:
        if not pred:
            errors.append({"doc": gold["id"], "list": "record", "kind": "no predicted record"})
        return DocScore(gold["id"], lists, fields, paragraphs, PRF(), errors)
    sentences = _boundaries_prf(gold.get("sentences") or [], pred.get("sentences") or [])
    g_b, p_b = {x[1] for x in gold.get("sentences") or []}, {x[1] for x in pred.get("sentences") or []}
    errors += [{"doc": gold["id"], "list": "sentences", "kind": "missed boundary", "gold": b} for b in sorted(g_b - p_b)]
    errors += [{"doc": gold["id"], "list": "sentences", "kind": "false boundary", "pred": b} for b in sorted(p_b - g_b)]
    if not pred:
        errors.append({"doc": gold["id"], "list": "record", "kind": "no predicted record"})
    return DocScore(gold["id"], lists, fields, paragraphs, sentences, errors)


@dataclass
class Evaluation:
    docs: list[DocScore]
    lists: dict[str, ListScore]
    fields: dict[str, Ratio]
    paragraphs: PRF
    sentences: PRF
    unscored_predictions: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": len(self.docs),
            "lists": {k: v.as_dict() for k, v in self.lists.items()},
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "paragraphs": self.paragraphs.as_dict(),
            "sentence_boundaries": self.sentences.as_dict(),
            "per_doc": [
                {
                    "id": d.id,
                    "lists": {k: v.as_dict() for k, v in d.lists.items()},
                    "fields": d.fields,
                    "paragraphs": d.paragraphs.as_dict(),
                    "sentence_boundaries": d.sentences.as_dict(),
                }
                for d in self.docs
            ],
            "errors": [e for d in self.docs for e in d.errors],
            "unscored_predictions": self.unscored_predictions,
        }


def evaluate(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]]) -> Evaluation:
    docs = [score_doc(gold[i], pred.get(i)) for i in sorted(gold)]
    lists = {name: ListScore() for name in KEYS}
    fields = {f: Ratio() for f in DOC_FIELDS}
    paragraphs, sentences = PRF(), PRF()
    for d in docs:
        for name, ls in d.lists.items():
            lists[name].value.add(ls.value)
            lists[name].strict.add(ls.strict)
            for attr, r in ls.attributes.items():
                agg = lists[name].attributes.setdefault(attr, Ratio())
                agg.right += r.right
                agg.total += r.total
        for f, ok in d.fields.items():
            fields[f].add(ok)
        paragraphs.add(d.paragraphs)
        sentences.add(d.sentences)
    for name in KEYS:
        for attr in ATTRIBUTES[name]:
            lists[name].attributes.setdefault(attr, Ratio())
    return Evaluation(docs, lists, fields, paragraphs, sentences, sorted(set(pred) - set(gold)))


def format_table(ev: Evaluation, per_doc: bool = False) -> str:
    out = [f"Scored {len(ev.docs)} documents (SPEC section 7, micro-averaged).", ""]
    out.append(f"{'list':<11} {'match':<6} {'P':>6} {'R':>6} {'F1':>6}   {'tp':>4} {'pred':>5} {'gold':>5}   attributes")
    for name, ls in ev.lists.items():
        attrs = "  ".join(f"{a} {r.value:.3f} ({r.right}/{r.total})" for a, r in ls.attributes.items())
        for label, prf in (("value", ls.value), ("strict", ls.strict)):
            out.append(
                f"{name:<11} {label:<6} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f}   "
                f"{prf.tp:>4} {prf.n_pred:>5} {prf.n_gold:>5}   {attrs if label == 'value' else ''}"
            )
    out.append("")
    for label, prf in (("paragraphs", ev.paragraphs), ("sentence boundaries", ev.sentences)):
        out.append(f"{label:<20} P {prf.precision:.3f}  R {prf.recall:.3f}  F1 {prf.f1:.3f}  ({prf.tp} of {prf.n_pred} predicted, {prf.n_gold} gold)")
    out.append("  ".join(f"{f} {r.value:.3f} ({r.right}/{r.total})" for f, r in ev.fields.items()))
    if ev.unscored_predictions:
        out.append(f"({len(ev.unscored_predictions)} predicted records have no gold and were not scored)")
    if per_doc:
        out.append("")
        out.append(f"{'document':<26} {'dir F1':>6} {'amt F1':>6} {'cnt F1':>6} {'plc F1':>6} {'ctr F1':>6} {'par F1':>6} "
                   f"{'sent F1':>7}  title byline date province")
        for d in ev.docs:
            f = d.fields
            # a layout-only gold page (gold/layouts/) labels no entities and no sentences: "-", not a perfect score
            layout_only = "province" not in f
            lists = " ".join(
                f"{'-' if layout_only else format(d.lists[k].value.f1, '.3f'):>6}"
                for k in ("directives", "amounts", "counts", "places", "countries")
            )
            out.append(
                f"{d.id:<26} {lists} "
                f"{d.paragraphs.f1:6.3f} {'-' if layout_only else format(d.sentences.f1, '.3f'):>7}  "
                f"{'ok' if f['title'] else 'x':<5} {'ok' if f['byline'] else 'x':<6} {'ok' if f['published'] else 'x':<4} "
                f"{'-' if layout_only else 'ok' if f['province'] else 'x'}"
            )
    return "\n".join(out)


def format_errors(ev: Evaluation, texts: dict[str, str]) -> str:
    out = []
    for d in ev.docs:
        text = texts.get(d.id, "")
        for e in d.errors:
            out.append(_describe(e, text))
    return "\n".join(out) if out else "no errors"


def _describe(e: dict[str, Any], text: str) -> str:
    head = f"{e['doc']}  {e['list']:<10} {e['kind']:<15}"
    if e["list"] in KEYS:
        parts = []
        for side in ("gold", "pred"):
            m = e.get(side)
            if m:
                keys = {k: v for k, v in m.items() if k not in ("start", "end", "text")}
                parts.append(f"{side} [{m['start']},{m['end']}] {m['text']!r} {keys}")
        return f"{head} " + " | ".join(parts)
    if e["list"] == "paragraphs":
        s, t = e.get("gold") or e.get("pred")
        line = text[s:t]
        return f"{head} [{s},{t}] {line[:70] + '…' if len(line) > 70 else line!r}"
    if e["list"] == "sentences":
        b = e.get("gold") or e.get("pred")
        return f"{head} at {b}: {text[max(0, b - 35):b]!r} | {text[b:b + 25]!r}"
    if e["kind"] == "wrong":
        return f"{head} gold {e['gold']!r} pred {e['pred']!r}"
    return head
