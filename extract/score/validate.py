"""``vnextract validate gold/``: prove every gold record is well formed.

Checks: the id has a text, the sha256 is that text's, every span satisfies SPEC section 1
(``text[start:end] == span.text``), spans within each list are in order and do not
overlap, paragraphs are whole stripped lines, sentences lie inside paragraphs, values
categories, amount kinds and stages are legal. Each problem is one line: file, field, offset, what is wrong.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import regex

from ..find.country_names import cldr_names
from ..find.directives import load_lexicon
from ..find.provinces import provinces
from ..resolve.money_kind import KINDS, STAGES
from ..segment.lines import cues
from .gold import ENTITY_LISTS, GOLD_FIELDS, LAYOUT_FIELDS, find_text, is_layout_record, load_gold, read_text

CATEGORIES = {"association", "chapter", "member", "organization", "delegation", "project", "agreement"}
APPROX = {None, "over", "under", "nearly", "about", "at_least", "at_most"}
ISO_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}$")
ISO_PUBLISHED = regex.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2}|Z)?)?$")
CURRENCY = regex.compile(r"[A-Z]{3}$")


def doc_types() -> set[str]:
    lex = load_lexicon()
    return set(lex.type_words.values()) | set(lex.type_codes.values()) | set(lex.party_type_codes.values())


def validate_record(rec: dict[str, Any], text: str, where: str) -> list[str]:
    """Every problem of one gold record against its canonical text."""
    problems: list[str] = []

    def bad(field: str, msg: str) -> None:
        problems.append(f"{where}: {field}: {msg}")

    layout_only = is_layout_record(rec)
    for f in LAYOUT_FIELDS if layout_only else GOLD_FIELDS:
        if f not in rec:
            bad(f, "missing field")
    if problems:
        return problems
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if rec.get("sha256", sha) != sha:
        bad("sha256", f"{rec['sha256']} is not the sha256 of the canonical text ({sha})")
    n = len(text)
    lines = {(s, s + len(line)) for s, line in _line_spans(text)}
    for field in ("title", "byline"):
        v = rec[field]
        if v is not None and (not isinstance(v, str) or v != v.strip() or v not in text or not v):
            bad(field, f"{v!r} is not a stripped string found in the text")
    if rec["title"] is not None and not any(_unstamped(text[s:e].strip()) == rec["title"] for s, e in lines):
        bad("title", f"{rec['title']!r} is not a whole line of the text")
    pub = rec["published"]
    if pub is not None and not (isinstance(pub, str) and ISO_PUBLISHED.match(pub)):
        bad("published", f"{pub!r} is not ISO 8601 (YYYY-MM-DD[THH:MM[+HH:MM]])")

    def spans(field: str, items: list) -> list[tuple[int, int]]:
        out = []
        for i, sp in enumerate(items):
            s, e = (sp["start"], sp["end"]) if isinstance(sp, dict) else (sp[0], sp[1]) if isinstance(sp, list) and len(sp) == 2 else (None, None)
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n):
                bad(f"{field}[{i}]", f"span {sp if not isinstance(sp, dict) else [s, e]} is not inside the text (length {n})")
                continue
            if isinstance(sp, dict) and text[s:e] != sp.get("text"):
                bad(f"{field}[{i}]", f"offset {s}: text[{s}:{e}] is {text[s:e]!r}, span says {sp.get('text')!r}")
            out.append((s, e))
        for i in range(1, len(out)):
            if out[i][0] < out[i - 1][1]:
                what = "overlaps" if out[i][0] >= out[i - 1][0] else "is before"
                bad(f"{field}[{i}]", f"offset {out[i][0]}: span {list(out[i])} {what} the previous span {list(out[i - 1])}")
        return out

    paras = spans("paragraphs", rec["paragraphs"])
    for i, (s, e) in enumerate(paras):
        line = next(((ls, le) for ls, le in lines if ls <= s and e <= le), None)
        if line is None or _unstamped(text[line[0] : line[1]].strip()) != text[s:e]:
            bad(f"paragraphs[{i}]", f"offset {s}: [{s}, {e}] is not one whole line without its surrounding white space")
    if layout_only:
        return problems
    sents = spans("sentences", rec["sentences"])
    for i, (s, e) in enumerate(sents):
        if not any(ps <= s and e <= pe for ps, pe in paras):
            bad(f"sentences[{i}]", f"offset {s}: [{s}, {e}] is not inside a paragraph")
        if text[s:e] != text[s:e].strip():
            bad(f"sentences[{i}]", f"offset {s}: sentence has surrounding white space")
    # SPEC: mentions come from the title and the paragraphs only (a caption the labels leave
    # out of the paragraphs holds none, however clearly it names a place)
    title = rec["title"]
    heads = [text.find(title, s, e) for s, e in lines if title is not None and _unstamped(text[s:e].strip()) == title]
    article = [*paras, *((s, s + len(title)) for s in heads)]
    for field in ENTITY_LISTS:
        for i, (s, e) in enumerate(spans(field, rec[field])):
            if not any(a <= s and e <= b for a, b in article):
                bad(f"{field}[{i}]", f"offset {s}: {text[s:e]!r} is in neither the title nor a paragraph")
    types = doc_types()
    for i, d in enumerate(rec["directives"]):
        where_i = f"directives[{i}]"
        if d.get("doc_type") not in types:
            bad(where_i, f"doc_type {d.get('doc_type')!r} is not a known document type")
        if not isinstance(d.get("number"), str) or not d["number"]:
            bad(where_i, "number must be a non-empty string")
        if not isinstance(d.get("short"), bool):
            bad(where_i, "short must be true or false")
        if d.get("short") is False and not d.get("ref"):
            bad(where_i, "a full citation needs a ref")
        if d.get("ref") is not None and (not isinstance(d["ref"], str) or regex.search(r"\s", d["ref"])):
            bad(where_i, f"ref {d.get('ref')!r} must be a string without spaces")
        if d.get("date") is not None and not ISO_DATE.match(str(d["date"])):
            bad(where_i, f"date {d.get('date')!r} is not YYYY-MM-DD")
        if d.get("issuer") is not None and (not isinstance(d["issuer"], str) or d["issuer"] not in text):
            bad(where_i, f"issuer {d.get('issuer')!r} is not written in the text")
    for i, a in enumerate(rec["amounts"]):
        where_i = f"amounts[{i}]"
        if not isinstance(a.get("value"), int | float) or isinstance(a.get("value"), bool) or a["value"] <= 0:
            bad(where_i, f"value {a.get('value')!r} must be a positive number")
        if isinstance(a.get("value"), float) and a["value"].is_integer():
            bad(where_i, f"value {a['value']!r} is whole and must be written as an integer")
        if "value_max" in a and not (isinstance(a["value_max"], int | float) and a["value_max"] > a.get("value", 0)):
            bad(where_i, f"value_max {a.get('value_max')!r} must be larger than value")
        if not CURRENCY.match(str(a.get("currency"))):
            bad(where_i, f"currency {a.get('currency')!r} is not an ISO 4217 code")
        if a.get("approx") not in APPROX:
            bad(where_i, f"approx {a.get('approx')!r} is not one of {sorted(x for x in APPROX if x)} or null")
        if a.get("kind") not in KINDS:
            bad(where_i, f"kind {a.get('kind')!r} is not one of {list(KINDS)}")
        if "stage" not in a or a["stage"] not in (*STAGES, None):
            bad(where_i, f"stage {a.get('stage', 'missing')!r} is not one of {list(STAGES)} or null")
    for i, c in enumerate(rec["counts"]):
        where_i = f"counts[{i}]"
        if not isinstance(c.get("value"), int) or isinstance(c.get("value"), bool) or c["value"] <= 0:
            bad(where_i, f"value {c.get('value')!r} must be a positive integer")
        if c.get("category") not in CATEGORIES:
            bad(where_i, f"category {c.get('category')!r} is not one of {sorted(CATEGORIES)}")
        if c.get("approx") not in APPROX:
            bad(where_i, f"approx {c.get('approx')!r} is not legal")
        if not c.get("noun") or not str(c.get("text", "")).endswith(c["noun"]):
            bad(where_i, f"noun {c.get('noun')!r} must end the span text {c.get('text')!r}")
    _where_problems(rec, bad)
    return problems


def _where_problems(rec: dict[str, Any], bad) -> None:
    """SPEC 8 and 9: codes from the official lists, names as those lists write them."""
    units = provinces()
    for i, p in enumerate(rec["places"]):
        unit = units.get(str(p.get("code")))
        if unit is None:
            bad(f"places[{i}]", f"code {p.get('code')!r} is not the GSO code of one of the 63 provinces")
        elif p.get("name") != unit.name:
            bad(f"places[{i}]", f"name {p.get('name')!r} is not the official name {unit.name!r} of code {unit.code}")
    prov = rec["province"]
    if prov is not None:
        unit = units.get(str(prov.get("code"))) if isinstance(prov, dict) else None
        if unit is None:
            bad("province", f"{prov!r} is not null or an object with the code of one of the 63 provinces")
        elif prov != unit.as_dict():
            bad("province", f"{prov!r} should be {unit.as_dict()!r}")
    codes = set(cldr_names()) | {"SU"}
    for i, c in enumerate(rec["countries"]):
        if c.get("country") not in codes or c.get("country") == "VN":
            bad(f"countries[{i}]", f"country {c.get('country')!r} is not an ISO 3166-1 alpha-2 code of a foreign country")


def _unstamped(line: str) -> str:
    """A stripped line without a scraper's metadata stamp before it (``date 2025-12-03``)."""
    m = cues().stamp.match(line) if line.startswith("date ") else None
    return line[m.end() :] if m else line


def _line_spans(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def validate_gold(gold_dir: str | Path, text_dirs: list[str | Path], skip_missing: bool = False) -> tuple[list[str], int, list[str]]:
    """(problems, records checked, ids skipped for want of their text)."""
    gold = load_gold(gold_dir)
    problems: list[str] = []
    skipped: list[str] = []
    checked = 0
    if not gold:
        problems.append(f"{gold_dir}: no gold records found")
    for doc_id, rec in sorted(gold.items()):
        where = rec.pop("_file", doc_id)
        path = find_text(doc_id, text_dirs)
        if path is None:
            if skip_missing:
                skipped.append(doc_id)
            else:
                problems.append(f"{where}: id: no text {doc_id}.txt in {', '.join(map(str, text_dirs))}")
            continue
        problems.extend(validate_record(rec, read_text(Path(path)), where))
        checked += 1
    return problems, checked, skipped
