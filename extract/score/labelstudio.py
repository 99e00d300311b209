"""Annotation round trip with Label Studio.

``export``: pipeline records -> Label Studio tasks, the record's spans as
pre-annotations (predictions), plus the labelling config that shows them. Each mention is
a labelled region (Directive, Amount, Count, Place, Country, Paragraph, Sentence); its fields
(value, currency, an amount's kind and stage, ref, ...) sit in the region's ``attributes``
text box as JSON, editable by the annotator. Title, published date, byline and the
article's province (its GSO code; the name and the 2025 successor follow from the official
list on import) are task-level text boxes.

``import``: a Label Studio JSON export -> gold records (the latest annotation of each
task, or its prediction when nobody annotated it). A round trip loses nothing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..errors import UsageError

LABELS = {"directives": "Directive", "amounts": "Amount", "counts": "Count", "places": "Place", "countries": "Country",
          "paragraphs": "Paragraph", "sentences": "Sentence"}
LISTS = {v: k for k, v in LABELS.items()}
DOC_FIELDS = ("title", "published", "byline")

CONFIG = """<View>
  <Header value="$doc_id"/>
  <Labels name="label" toName="text">
    <Label value="Directive" background="#4e79a7"/>
    <Label value="Amount" background="#59a14f"/>
    <Label value="Count" background="#f28e2b"/>
    <Label value="Place" background="#b07aa1"/>
    <Label value="Country" background="#76b7b2"/>
    <Label value="Paragraph" background="#dddddd"/>
    <Label value="Sentence" background="#eeeeee"/>
  </Labels>
  <Text name="text" value="$text" granularity="symbol"/>
  <TextArea name="attributes" toName="text" perRegion="true" editable="true" maxSubmissions="1"
            placeholder='fields as JSON, e.g. {"value": 196000000000, "currency": "VND", "approx": "over", "kind": "aid", "stage": "committed"}'/>
  <TextArea name="title" toName="text" editable="true" maxSubmissions="1" placeholder="title (empty = null)"/>
  <TextArea name="published" toName="text" editable="true" maxSubmissions="1" placeholder="published, ISO 8601 (empty = null)"/>
  <TextArea name="byline" toName="text" editable="true" maxSubmissions="1" placeholder="byline (empty = null)"/>
  <TextArea name="province" toName="text" editable="true" maxSubmissions="1" placeholder="the article's province, GSO code e.g. 75 (empty = null)"/>
</View>
"""


def record_to_task(record: dict[str, Any], text: str, task_id: int) -> dict[str, Any]:
    result: list[dict[str, Any]] = []
    n = 0
    for field, label in LABELS.items():
        for item in record.get(field) or []:
            n += 1
            rid = f"r{n}"
            if isinstance(item, dict):
                start, end = item["start"], item["end"]
                attrs = {k: v for k, v in item.items() if k not in ("start", "end", "text")}
            else:
                start, end = item
                attrs = None
            value = {"start": start, "end": end, "text": text[start:end], "labels": [label]}
            result.append({"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value})
            if attrs is not None:
                result.append({
                    "id": rid, "from_name": "attributes", "to_name": "text", "type": "textarea",
                    "value": {"start": start, "end": end, "text": [json.dumps(attrs, ensure_ascii=False)]},
                })
    province = record.get("province")
    doc_values = {f: record.get(f) for f in DOC_FIELDS} | {"province": province["code"] if province else None}
    for field, v in doc_values.items():
        if v is not None:
            result.append({"id": f"doc-{field}", "from_name": field, "to_name": "text", "type": "textarea",
                           "value": {"text": [v]}})
    return {
        "id": task_id,
        "data": {"text": text, "doc_id": record["id"]},
        "predictions": [{"model_version": "vnextract", "result": result}],
    }


def task_to_gold(task: dict[str, Any]) -> dict[str, Any]:
    """One exported task -> one gold record (SPEC section 6 fields)."""
    annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if annotations:
        chosen = max(annotations, key=lambda a: (a.get("updated_at") or "", a.get("id") or 0))
        result = chosen.get("result") or []
    else:
        preds = task.get("predictions") or []
        result = preds[-1].get("result", []) if preds else []
    text = task["data"]["text"]
    rec: dict[str, Any] = {
        "id": task["data"].get("doc_id") or str(task["id"]),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "title": None, "published": None, "byline": None,
        "paragraphs": [], "sentences": [], "directives": [], "amounts": [], "counts": [],
        "province": None, "places": [], "countries": [],
    }
    attrs: dict[str, dict[str, Any]] = {}
    regions: list[tuple[str, str, int, int]] = []
    for r in result:
        v = r.get("value") or {}
        if r.get("from_name") in DOC_FIELDS:
            texts = v.get("text") or []
            rec[r["from_name"]] = texts[0].strip() if texts and texts[0].strip() else None
        elif r.get("from_name") == "province":
            texts = v.get("text") or []
            rec["province"] = _province(texts[0].strip()) if texts and texts[0].strip() else None
        elif r.get("from_name") == "attributes":
            texts = v.get("text") or []
            if texts:
                attrs[r["id"]] = json.loads(texts[0])
        elif r.get("type") == "labels":
            for label in v.get("labels") or []:
                if label in LISTS:
                    regions.append((r["id"], LISTS[label], v["start"], v["end"]))
    for rid, field, start, end in regions:
        if field in ("paragraphs", "sentences"):
            rec[field].append([start, end])
        else:
            rec[field].append({"start": start, "end": end, "text": text[start:end], **attrs.get(rid, {})})
    for field in LABELS:
        rec[field].sort(key=lambda x: (x["start"], x["end"]) if isinstance(x, dict) else tuple(x))
    return rec


def _province(code: str) -> dict[str, str]:
    from ..find.provinces import provinces

    unit = provinces().get(code.zfill(2))
    if unit is None:
        raise UsageError(f"province {code!r} is not the GSO code of one of the 63 provinces")
    return unit.as_dict()


def export_tasks(records: list[dict[str, Any]], texts: dict[str, str], out: str) -> Path:
    tasks = [record_to_task(r, texts[r["id"]], i) for i, r in enumerate(records, 1) if r["id"] in texts]
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    config = path.with_suffix(".config.xml")
    config.write_text(CONFIG, encoding="utf-8")
    return config


def import_export(path: str, out_dir: str, accept_predictions: bool = False) -> list[Path]:
    """Gold records from a Label Studio export. A task nobody annotated holds only the
    pipeline's pre-annotations: unreviewed predictions are not gold, so such an export is
    refused unless ``accept_predictions`` says otherwise."""
    try:
        tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    except ValueError:
        raise UsageError(f"{path}: not a Label Studio JSON export") from None
    if not isinstance(tasks, list):
        raise UsageError(f"{path}: not a Label Studio JSON export (expected a list of tasks)")
    unreviewed = [str(t.get("id")) for t in tasks if not [a for a in t.get("annotations") or [] if not a.get("was_cancelled")]]
    if unreviewed and not accept_predictions:
        raise UsageError(f"{len(unreviewed)} of {len(tasks)} tasks have no annotation (e.g. task {unreviewed[0]}): "
                         "unreviewed predictions are not gold; annotate them, or pass --accept-predictions")
    written = []
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for task in tasks:
        rec = task_to_gold(task)
        target = Path(out_dir) / f"{rec['id']}.json"
        target.write_text(json.dumps(rec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(target)
    return written
