#!/usr/bin/env python3
"""Check every seed file under seed/ and exit non-zero with a clear message on failure.

Mirrors what the Rust loader (domain::reference_data) will refuse, plus the content
rules of the seed: counts, uniqueness, references between files, the agency-code
form, NFC normalisation, no empty text. The online forms under forms/ are checked with
the rules of check_schema in domain/src/forms.rs (problems name the file and the JSON
path, e.g. "forms/1.001193.json fields[3].options") and against their procedure.

Run: python3 scripts/seed/validate.py [seed_dir]
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "seed"

EXPECTED_PROVINCES = 34
EXPECTED_COMMUNES = 3321
AGENCY_PROVINCE = "Tây Ninh"
MIN_PROCEDURES = 210
MIN_COMMUNE_PROCEDURES = 60
POPULAR_RANGE = (15, 25)
FIELDS_RANGE = (25, 35)
KEYWORDS_RANGE = (3, 8)

AGENCY_CODE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
PERIODS = r"\d{2}:\d{2}-\d{2}:\d{2}(,\d{2}:\d{2}-\d{2}:\d{2})*"
WORKING_HOURS = re.compile(rf"^(?:{PERIODS}|off)?(?:;(?:mon|tue|wed|thu|fri|sat|sun|t[2-7]|cn)=(?:{PERIODS}|off))*$")
NATIONAL_CODE = re.compile(r"^[1-3]\.\d{6}$")
LOCAL_CODE = re.compile(r"^TN\.([A-Z]+)\.\d{3}$")
FIELD_CODE = re.compile(r"^[A-Z]{2,32}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

PROCEDURE_KEYS = {
    "code", "name", "field", "level", "agency_level", "agency", "description", "steps", "channels",
    "documents", "fees", "processing_days", "processing_note", "result", "conditions", "legal_basis",
    "keywords", "popular",
}
OPTIONAL_PROCEDURE_KEYS = {"processing_hours", "receiving", "processing", "pay_before_processing", "fee_exemptions"}
DOCUMENT_KEYS = {"name", "copies", "kind", "required", "template"}
OPTIONAL_DOCUMENT_KEYS = {"template_file"}
TEMPLATE_MAGIC = {".docx": b"PK\x03\x04", ".pdf": b"%PDF-"}
FEE_KEYS = {"item", "amount_vnd"}
# Per-unit rules (`domain::payments::fee_rules` checks their values when the seed is imported).
OPTIONAL_FEE_KEYS = {"per", "quantity_field", "tiers", "max_vnd"}
EXEMPTION_KEYS = {"category", "percent"}
LEVELS = {"full_online", "partial_online", "information"}
AGENCY_LEVELS = {"province", "commune"}
CHANNELS = {"online", "desk", "post"}
DOC_KINDS = {"original", "copy", "original_or_copy"}
PROVINCE_TYPES = {"tỉnh", "thành phố trung ương"}
COMMUNE_TYPES = {"xã", "phường", "đặc khu"}

errors: list[str] = []


def err(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


# --- text helpers (same rules as domain/src/text.rs) -------------------------

def fold(text: str) -> str:
    out: list[str] = []
    pending = False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) in ("Mn", "Mc", "Me"):
            continue
        if ch in "đĐ":
            ch = "d"
        if ch.isalnum():
            if pending and out:
                out.append(" ")
            pending = False
            out.append(ch.lower())
        else:
            pending = True
    return "".join(out)


def slugify(text: str) -> str:
    kept = "".join(c for c in fold(text) if (c.isascii() and c.isalnum()) or c == " ")
    return "-".join(kept.split())


def check_text(where: str, value, *, allow_empty: bool = False) -> None:
    """Every string must be NFC, trimmed and (unless allowed) non-empty."""
    if isinstance(value, str):
        if unicodedata.normalize("NFC", value) != value:
            err(where, f"not NFC: {value[:60]!r}")
        if value != value.strip():
            err(where, f"leading/trailing whitespace: {value[:60]!r}")
        if not allow_empty and not value.strip():
            err(where, "empty text")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            check_text(f"{where}[{i}]", v, allow_empty=allow_empty)
    elif isinstance(value, dict):
        for k, v in value.items():
            check_text(f"{where}.{k}", v, allow_empty=allow_empty)


def read_csv(name: str, header: list[str]) -> list[dict[str, str]]:
    path = SEED / name
    if not path.exists():
        err(name, "file missing")
        return []
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(name, "has a UTF-8 BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(name, f"not UTF-8: {e}")
        return []
    reader = csv.DictReader(text.splitlines())
    if reader.fieldnames != header:
        err(name, f"header is {reader.fieldnames}, expected {header}")
        return []
    rows = []
    for line, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            err(f"{name}:{line}", "wrong number of columns")
            continue
        for k, v in row.items():
            check_text(f"{name}:{line} {k}", v, allow_empty=True)
        row["_line"] = str(line)
        rows.append(row)
    return rows


def unique(name: str, rows, key) -> None:
    seen: dict[str, str] = {}
    for r in rows:
        k = key(r)
        if k in seen:
            err(f"{name}:{r['_line']}", f"duplicate {k!r} (first on line {seen[k]})")
        else:
            seen[k] = r["_line"]


def sorted_by(name: str, rows, key) -> None:
    keys = [key(r) for r in rows]
    if keys != sorted(keys):
        err(name, "rows are not in the expected stable order")


# --- units --------------------------------------------------------------------

provinces = read_csv("units/provinces.csv", ["code", "name", "division_type", "phone_code"])
communes = read_csv("units/communes.csv", ["code", "name", "division_type", "province_code"])

if len(provinces) != EXPECTED_PROVINCES:
    err("units/provinces.csv", f"{len(provinces)} rows, expected {EXPECTED_PROVINCES}")
if len(communes) != EXPECTED_COMMUNES:
    err("units/communes.csv", f"{len(communes)} rows, expected {EXPECTED_COMMUNES}")
unique("units/provinces.csv", provinces, lambda r: r["code"])
unique("units/communes.csv", communes, lambda r: r["code"])
sorted_by("units/provinces.csv", provinces, lambda r: r["code"])
sorted_by("units/communes.csv", communes, lambda r: r["code"])
province_codes = {p["code"] for p in provinces}
for p in provinces:
    at = f"units/provinces.csv:{p['_line']}"
    if not re.fullmatch(r"\d{2}", p["code"]):
        err(at, f"code {p['code']!r} is not two digits")
    if not p["name"]:
        err(at, "empty name")
    if p["division_type"] not in PROVINCE_TYPES:
        err(at, f"division_type {p['division_type']!r}")
    if p["phone_code"] and not p["phone_code"].isdigit():
        err(at, f"phone_code {p['phone_code']!r}")
commune_by_code = {}
for c in communes:
    at = f"units/communes.csv:{c['_line']}"
    commune_by_code[c["code"]] = c
    if not re.fullmatch(r"\d{5}", c["code"]):
        err(at, f"code {c['code']!r} is not five digits")
    if not c["name"]:
        err(at, "empty name")
    if c["division_type"] not in COMMUNE_TYPES:
        err(at, f"division_type {c['division_type']!r}")
    if c["province_code"] not in province_codes:
        err(at, f"unknown province_code {c['province_code']!r}")

# --- fields -------------------------------------------------------------------

fields = read_csv("fields.csv", ["code", "name_vi", "name_en", "slug"])
if not FIELDS_RANGE[0] <= len(fields) <= FIELDS_RANGE[1]:
    err("fields.csv", f"{len(fields)} rows, expected {FIELDS_RANGE[0]}-{FIELDS_RANGE[1]}")
unique("fields.csv", fields, lambda r: r["code"])
unique("fields.csv (slug)", fields, lambda r: r["slug"])
unique("fields.csv (name_vi)", fields, lambda r: r["name_vi"])
sorted_by("fields.csv", fields, lambda r: r["code"])
for f in fields:
    at = f"fields.csv:{f['_line']}"
    if not FIELD_CODE.match(f["code"]):
        err(at, f"code {f['code']!r} is not short upper-case ASCII")
    if not SLUG.match(f["slug"]):
        err(at, f"slug {f['slug']!r} is not ASCII kebab-case")
    elif f["slug"] != slugify(f["name_vi"]):
        err(at, f"slug {f['slug']!r} does not match name_vi (expected {slugify(f['name_vi'])!r})")
    for k in ("name_vi", "name_en"):
        if not f[k]:
            err(at, f"empty {k}")
field_codes = {f["code"] for f in fields}

# --- agencies -----------------------------------------------------------------

agencies = read_csv("agencies.csv", ["code", "name", "short_name", "level", "province_code", "commune_code",
                                     "parent_code", "address", "phone", "email", "website", "working_hours",
                                     "same_day_cutoff"])
unique("agencies.csv", agencies, lambda r: r["code"])
unique("agencies.csv (name)", agencies, lambda r: r["name"])
sorted_by("agencies.csv", agencies, lambda r: (r["level"] != "province", r["code"]))
agency_by_code = {a["code"]: a for a in agencies}
target = [p["code"] for p in provinces if p["name"] == AGENCY_PROVINCE]
target_province = target[0] if target else None
if target_province is None:
    err("units/provinces.csv", f"{AGENCY_PROVINCE} not found")
served: dict[str, str] = {}
for a in agencies:
    at = f"agencies.csv:{a['_line']}"
    if not AGENCY_CODE.match(a["code"]):
        err(at, f"code {a['code']!r} is not in the NNN.NN.NN.XNN form")
    if not a["name"]:
        err(at, "empty name")
    if a["working_hours"] and not WORKING_HOURS.match(a["working_hours"]):
        err(at, f"working_hours {a['working_hours']!r} is not periods like 07:00-11:30,13:30-17:00;sat=07:30-11:30")
    if a["same_day_cutoff"] and not re.fullmatch(r"[0-2]\d:[0-5]\d", a["same_day_cutoff"]):
        err(at, f"same_day_cutoff {a['same_day_cutoff']!r} is not HH:MM")
    if a["level"] not in AGENCY_LEVELS:
        err(at, f"level {a['level']!r}")
    if a["province_code"] != target_province:
        err(at, f"province_code {a['province_code']!r} is not {AGENCY_PROVINCE} ({target_province})")
    if a["parent_code"] and a["parent_code"] not in agency_by_code:
        err(at, f"unknown parent_code {a['parent_code']!r}")
    if a["parent_code"] == a["code"]:
        err(at, "agency is its own parent")
    if a["email"] and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", a["email"]):
        err(at, f"email {a['email']!r}")
    if a["website"] and not a["website"].startswith("https://"):
        err(at, f"website {a['website']!r} is not https")
    if a["level"] == "commune":
        c = commune_by_code.get(a["commune_code"])
        if c is None:
            err(at, f"unknown commune_code {a['commune_code']!r}")
        else:
            if c["province_code"] != a["province_code"]:
                err(at, "commune is not in the agency's province")
            if a["commune_code"] in served:
                err(at, f"commune {a['commune_code']} already has an agency ({served[a['commune_code']]})")
            served[a["commune_code"]] = a["code"]
            expected = f"UBND {c['division_type']} {c['name'][len(c['division_type']) + 1:]}"
            if a["name"] != expected:
                err(at, f"name {a['name']!r}, expected {expected!r}")
        if AGENCY_CODE.match(a["code"]) and a["code"].split(".")[1] == "00":
            err(at, "commune-level code must not have 00 in its second group")
    elif a["level"] == "province":
        if a["commune_code"]:
            err(at, "a province-level agency has no commune_code")
        if AGENCY_CODE.match(a["code"]) and a["code"].split(".")[1] != "00":
            err(at, "province-level code must have 00 in its second group")
missing = [c["code"] for c in communes if c["province_code"] == target_province and c["code"] not in served]
if missing:
    err("agencies.csv", f"{len(missing)} communes of {AGENCY_PROVINCE} have no People's Committee, e.g. {missing[:5]}")
roots = [a["code"] for a in agencies if not a["parent_code"]]
if len(roots) != 1:
    err("agencies.csv", f"expected exactly one root agency (the provincial People's Committee), found {roots}")

# --- procedures ---------------------------------------------------------------

procedures: list = []
path = SEED / "procedures.json"
if not path.exists():
    err("procedures.json", "file missing")
else:
    try:
        procedures = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        err("procedures.json", f"not valid UTF-8 JSON: {e}")
if not isinstance(procedures, list):
    err("procedures.json", "top level is not an array")
    procedures = []


def is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


seen_codes: dict[str, int] = {}
seen_names: dict[str, int] = {}
seen_slugs: dict[str, int] = {}
used_fields: set[str] = set()
for i, p in enumerate(procedures, start=1):
    at = f"procedures.json item {i}"
    if not isinstance(p, dict):
        err(at, "not an object")
        continue
    at = f"procedures.json item {i} ({p.get('code')})"
    keys = set(p)
    if PROCEDURE_KEYS - keys:
        err(at, f"missing keys {sorted(PROCEDURE_KEYS - keys)}")
        continue
    if keys - PROCEDURE_KEYS - OPTIONAL_PROCEDURE_KEYS:
        err(at, f"unknown keys {sorted(keys - PROCEDURE_KEYS - OPTIONAL_PROCEDURE_KEYS)}")
    if not isinstance(p.get("pay_before_processing", False), bool):
        err(at, "pay_before_processing must be true or false")
    if p.get("pay_before_processing") and not p.get("fees"):
        err(at, "pay_before_processing needs a fee")
    check_text(at, {k: v for k, v in p.items() if k not in ("agency", "receiving", "processing", "pay_before_processing")})
    code, name, field = p["code"], p["name"], p["field"]
    for what, value, seen in (("code", code, seen_codes), ("name", name, seen_names),
                              ("slug", slugify(f"{name} {code}"), seen_slugs)):
        if value in seen:
            err(at, f"duplicate {what} {value!r} (first at item {seen[value]})")
        else:
            seen[value] = i
    m = LOCAL_CODE.match(code) if isinstance(code, str) else None
    if not (isinstance(code, str) and (NATIONAL_CODE.match(code) or m)):
        err(at, f"code {code!r} is neither a national code (N.NNNNNN) nor a local code (TN.FIELD.NNN)")
    elif m and m.group(1) != field:
        err(at, f"local code {code!r} does not carry the procedure's field {field!r}")
    if field not in field_codes:
        err(at, f"unknown field {field!r}")
    used_fields.add(field)
    if p["level"] not in LEVELS:
        err(at, f"level {p['level']!r}")
    if p["agency_level"] not in AGENCY_LEVELS:
        err(at, f"agency_level {p['agency_level']!r}")
    if p["agency_level"] == "commune" and p["agency"] is not None:
        err(at, "a commune-level procedure must have agency null")
    if p["agency_level"] == "province":
        a = agency_by_code.get(p["agency"])
        if a is None:
            err(at, f"agency {p['agency']!r} is not in agencies.csv")
        elif a["level"] != "province":
            err(at, f"agency {p['agency']!r} is not a province-level agency")
    refs = ([("receiving", p["receiving"])] if "receiving" in p else []) + [
        ("processing", r) for r in p.get("processing", [])]
    for what, r in refs:
        if not isinstance(r, dict) or set(r) != {"level", "agency"} or r["level"] not in AGENCY_LEVELS:
            err(at, f"{what} must be {{level: province|commune, agency: code or null}}")
        elif r["agency"] is not None and agency_by_code.get(r["agency"], {}).get("level") != r["level"]:
            err(at, f"{what} agency {r['agency']!r} is not a {r['level']}-level agency of agencies.csv")
        elif r["level"] == "province" and r["agency"] is None:
            err(at, f"a province-level {what} needs an agency code")
    for k in ("description", "result"):
        if not isinstance(p[k], str) or not p[k].strip():
            err(at, f"{k} must be non-empty text")
    for k in ("processing_note", "conditions"):
        if p[k] is not None and not isinstance(p[k], str):
            err(at, f"{k} must be text or null")
    steps = p["steps"]
    if not isinstance(steps, list) or not steps or not all(isinstance(s, str) for s in steps):
        err(at, "steps must be a non-empty list of text")
    else:
        for n, s in enumerate(steps, start=1):
            if not s.startswith(f"Bước {n}: "):
                err(at, f"step {n} does not start with 'Bước {n}: '")
    ch = p["channels"]
    if not isinstance(ch, list) or not ch or not set(ch) <= CHANNELS or len(set(ch)) != len(ch):
        err(at, f"channels {ch!r} must be a non-empty subset of {sorted(CHANNELS)}")
    elif p["level"] != "information" and "online" not in ch:
        err(at, "an online procedure must list the online channel")
    docs = p["documents"]
    if not isinstance(docs, list) or not docs:
        err(at, "documents must be a non-empty list")
    else:
        for n, d in enumerate(docs, start=1):
            dat = f"{at} document {n}"
            if not isinstance(d, dict) or not DOCUMENT_KEYS <= set(d) <= DOCUMENT_KEYS | OPTIONAL_DOCUMENT_KEYS:
                err(dat, f"keys must be {sorted(DOCUMENT_KEYS)}")
                continue
            if d["kind"] not in DOC_KINDS:
                err(dat, f"kind {d['kind']!r}")
            if not is_int(d["copies"]) or d["copies"] < 1:
                err(dat, "copies must be a positive integer")
            if not isinstance(d["required"], bool):
                err(dat, "required must be true/false")
            if d["template"] is not None and not isinstance(d["template"], str):
                err(dat, "template must be text or null")
            if "template_file" in d:
                tf = SEED / d["template_file"]
                magic = TEMPLATE_MAGIC.get(tf.suffix)
                if d["template"] is None:
                    err(dat, "a template_file needs the template's name")
                if magic is None or not tf.is_file() or not tf.read_bytes().startswith(magic):
                    err(dat, f"template_file {d['template_file']!r} is not a .docx/.pdf file under seed/")
    fees = p["fees"]
    if not isinstance(fees, list):
        err(at, "fees must be a list")
    else:
        for n, f in enumerate(fees, start=1):
            fat = f"{at} fee {n}"
            if not isinstance(f, dict) or not FEE_KEYS <= set(f) <= FEE_KEYS | OPTIONAL_FEE_KEYS:
                err(fat, f"keys must be item, amount_vnd and optionally {sorted(OPTIONAL_FEE_KEYS)}")
                continue
            if not is_int(f["amount_vnd"]) or f["amount_vnd"] < 0:
                err(fat, "amount_vnd must be a non-negative integer")
            if "per" in f and f["per"] not in ("copy", "page", "item"):
                err(fat, f"per {f['per']!r} (copy, page or item)")
    exemptions = p.get("fee_exemptions", [])
    if not isinstance(exemptions, list):
        err(at, "fee_exemptions must be a list")
    else:
        for n, e in enumerate(exemptions, start=1):
            if not isinstance(e, dict) or not EXEMPTION_KEYS <= set(e) <= EXEMPTION_KEYS | {"basis"}:
                err(f"{at} fee exemption {n}", "keys must be category, percent and optionally basis")
    days = p["processing_days"]
    if not is_int(days) or days < 0:
        err(at, "processing_days must be a non-negative integer")
    elif days == 0 and not p["processing_note"]:
        err(at, "processing_days 0 needs a processing_note")
    if "processing_hours" in p and (not is_int(p["processing_hours"]) or p["processing_hours"] <= 0):
        err(at, "processing_hours must be a positive integer")
    lb = p["legal_basis"]
    if not isinstance(lb, list) or not lb:
        err(at, "legal_basis must be a non-empty list")
    kw = p["keywords"]
    if not isinstance(kw, list) or not KEYWORDS_RANGE[0] <= len(kw) <= KEYWORDS_RANGE[1]:
        err(at, f"keywords must list {KEYWORDS_RANGE[0]}-{KEYWORDS_RANGE[1]} items")
    elif len({fold(k) for k in kw}) != len(kw):
        err(at, "keywords repeat (ignoring accents and case)")
    if not isinstance(p["popular"], bool):
        err(at, "popular must be true/false")

n_commune = sum(1 for p in procedures if isinstance(p, dict) and p.get("agency_level") == "commune")
n_popular = sum(1 for p in procedures if isinstance(p, dict) and p.get("popular") is True)
if len(procedures) < MIN_PROCEDURES:
    err("procedures.json", f"{len(procedures)} procedures, at least {MIN_PROCEDURES} expected")
if n_commune < MIN_COMMUNE_PROCEDURES:
    err("procedures.json", f"{n_commune} commune-level procedures, at least {MIN_COMMUNE_PROCEDURES} expected")
if not POPULAR_RANGE[0] <= n_popular <= POPULAR_RANGE[1]:
    err("procedures.json", f"{n_popular} popular procedures, expected {POPULAR_RANGE[0]}-{POPULAR_RANGE[1]}")
unused = field_codes - used_fields
if unused:
    err("fields.csv", f"fields with no procedure: {sorted(unused)}")
ordered = [(p["field"], p["agency_level"] != "commune", p["code"]) for p in procedures if isinstance(p, dict) and PROCEDURE_KEYS <= set(p)]
if ordered != sorted(ordered):
    err("procedures.json", "items are not in the expected stable order (field, commune first, code)")

# --- online forms (forms/<code>.json) ------------------------------------------
# Same rules as check_schema in domain/src/forms.rs (and the serde shapes of FormSchema, which
# refuse unknown keys), plus seed rules: the file is named after a procedure that takes
# dossiers, labels are NFC and trimmed, one slot per procedure document (same order, same
# required flag), fee_item_field indexes the procedure's fees, and no visible_if chains (the
# form engine looks at the controller's own value only).

FORM_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
FIELD_KINDS = {"text", "textarea", "number", "date", "choice", "checkbox", "address", "citizen_id",
               "phone", "email", "group"}
FIELD_KEYS = {"key", "type", "label", "hint", "required", "max_length", "min", "max", "options",
              "visible_if", "fields", "min_items", "max_items"}
SLOT_KEYS = {"key", "label", "hint", "required", "max_files", "types", "max_mb", "filled_online"}
FORM_FILE_TYPES = ["pdf", "jpg", "png", "docx", "xlsx"]
MAX_DOSSIER_MB = 50
WHOLE = re.compile(r"^[+-]?\d+$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_form_key(key) -> bool:
    return isinstance(key, str) and bool(FORM_KEY.match(key)) and len(key) <= 40


def is_whole(text) -> bool:
    return isinstance(text, str) and bool(WHOLE.match(text)) and -2**63 <= int(text) < 2**63


def is_date_bound(text) -> bool:
    if text == "today":
        return True
    if not isinstance(text, str) or not ISO_DATE.match(text):
        return False
    try:
        import datetime
        datetime.date.fromisoformat(text)
        return True
    except ValueError:
        return False


def is_uint(v, top=2**32 - 1) -> bool:
    return is_int(v) and 0 <= v <= top


def check_label(where: str, value, *, required: bool = True) -> None:
    if value is None and not required:
        return
    if not isinstance(value, dict) or set(value) != {"vi", "en"} or not all(isinstance(value[k], str) for k in ("vi", "en")):
        err(where, "must be {vi, en} text")
        return
    for lang in ("vi", "en"):
        text = value[lang]
        if not text.strip():
            err(f"{where}.{lang}", "needs Vietnamese and English text" if required else "empty text")
        elif unicodedata.normalize("NFC", text) != text:
            err(f"{where}.{lang}", f"not NFC: {text[:60]!r}")
        elif text != text.strip():
            err(f"{where}.{lang}", f"leading/trailing whitespace: {text[:60]!r}")


def check_form_fields(file: str, fields, at: str, top: bool) -> None:
    if not isinstance(fields, list):
        err(f"{file} {at}", "must be a list")
        return
    keys: list[str] = []
    for i, f in enumerate(fields):
        here = f"{file} {at}[{i}]"
        if not isinstance(f, dict):
            err(here, "must be an object")
            continue
        unknown = set(f) - FIELD_KEYS
        if unknown:
            err(here, f"unknown keys {sorted(unknown)}")
        missing = {"key", "type", "label"} - set(f)
        if missing:
            err(here, f"missing keys {sorted(missing)}")
            continue
        key, kind = f["key"], f["type"]
        if not is_form_key(key):
            err(f"{here}.key", f"{key!r} must match [a-z][a-z0-9_]* (at most 40 characters)")
        if key in keys:
            err(f"{here}.key", f"{key!r} appears twice")
        check_label(f"{here}.label", f["label"])
        check_label(f"{here}.hint", f.get("hint"), required=False)
        if kind not in FIELD_KINDS:
            err(f"{here}.type", f"{kind!r} is not one of {', '.join(sorted(FIELD_KINDS))}")
        if "required" in f and not isinstance(f["required"], bool):
            err(f"{here}.required", "must be true/false")
        if "max_length" in f and not is_uint(f["max_length"]):
            err(f"{here}.max_length", "must be a non-negative whole number")
        for name in ("min", "max"):
            if name in f and not isinstance(f[name], str):
                err(f"{here}.{name}", "must be text")
        for name in ("min_items", "max_items"):
            if name in f and not is_uint(f[name]):
                err(f"{here}.{name}", "must be a non-negative whole number")
        options = f.get("options", [])
        if not isinstance(options, list):
            err(f"{here}.options", "must be a list")
            options = []
        if kind == "choice":
            if len(options) < 2:
                err(here, "a choice needs at least 2 options")
            values: set[str] = set()
            for n, o in enumerate(options):
                if not isinstance(o, dict) or set(o) != {"value", "label"} or not isinstance(o["value"], str):
                    err(f"{here}.options[{n}]", "must be {value, label}")
                    continue
                if not o["value"] or o["value"] in values:
                    err(f"{here}.options[{n}]", f"value {o['value']!r} is empty or repeated")
                values.add(o["value"])
                check_label(f"{here}.options[{n}].label", o["label"])
        elif options:
            err(here, "only a choice field has options")
        sub = f.get("fields", [])
        if kind == "group":
            if not top:
                err(here, "groups cannot be nested")
            if not sub:
                err(here, "a group needs fields")
            if f.get("required") is True:
                err(here, "use min_items instead of required on a group")
            lo, hi = f.get("min_items"), f.get("max_items")
            if is_int(lo) and is_int(hi) and lo > hi:
                err(here, "min_items is above max_items")
            if is_int(hi) and not 1 <= hi <= 50:
                err(f"{here}.max_items", "must be 1 to 50")
            check_form_fields(file, sub, f"{at}[{i}].fields", False)
        elif sub:
            err(here, "only a group has fields")
        if kind == "number":
            for name in ("min", "max"):
                if name in f and not is_whole(f[name]):
                    err(f"{here}.{name}", "must be a whole number")
        if kind == "date":
            for name in ("min", "max"):
                if name in f and not is_date_bound(f[name]):
                    err(f"{here}.{name}", 'must be yyyy-mm-dd or "today"')
        cond = f.get("visible_if")
        if cond is not None:
            if (not isinstance(cond, dict) or set(cond) != {"field", "any_of"} or not isinstance(cond["any_of"], list)
                    or not all(isinstance(v, str) for v in cond["any_of"])):
                err(f"{here}.visible_if", "must be {field, any_of: [text]}")
            else:
                ctrl = next((g for g in fields[:i] if isinstance(g, dict) and g.get("key") == cond["field"]), None)
                if ctrl is None or ctrl.get("type") not in ("choice", "checkbox"):
                    err(f"{here}.visible_if.field", f"{cond['field']!r} must be an earlier choice or checkbox")
                else:
                    if ctrl.get("type") == "checkbox":
                        known = {"true", "false"}
                    else:
                        known = {o.get("value") for o in ctrl.get("options", []) if isinstance(o, dict)}
                    for v in cond["any_of"]:
                        if v not in known:
                            err(f"{here}.visible_if", f"{v!r} is not a value of {ctrl['key']!r}")
                    if ctrl.get("visible_if"):
                        err(f"{here}.visible_if", f"{ctrl['key']!r} is conditional itself; chains are not supported")
        keys.append(key)


def check_form(file: str, form, proc) -> None:
    if not isinstance(form, dict):
        err(file, "top level is not an object")
        return
    unknown = set(form) - {"fields", "documents", "fee_item_field", "fee_quantity_field"}
    if unknown:
        err(file, f"unknown keys {sorted(unknown)}")
    if "fields" not in form or "documents" not in form:
        err(file, "needs fields and documents")
        return
    check_form_fields(file, form["fields"], "fields", True)
    slots = form["documents"]
    if not isinstance(slots, list):
        err(f"{file} documents", "must be a list")
        slots = []
    seen: set = set()
    for i, s in enumerate(slots):
        at = f"{file} documents[{i}]"
        if not isinstance(s, dict):
            err(at, "must be an object")
            continue
        if set(s) - SLOT_KEYS:
            err(at, f"unknown keys {sorted(set(s) - SLOT_KEYS)}")
        if not {"key", "label"} <= set(s):
            err(at, "needs key and label")
            continue
        if not is_form_key(s["key"]):
            err(f"{at}.key", f"{s['key']!r} must match [a-z][a-z0-9_]* (at most 40 characters)")
        if s["key"] in seen:
            err(f"{at}.key", f"{s['key']!r} appears twice")
        seen.add(s["key"])
        check_label(f"{at}.label", s["label"])
        check_label(f"{at}.hint", s.get("hint"), required=False)
        if "required" in s and not isinstance(s["required"], bool):
            err(f"{at}.required", "must be true/false")
        if "filled_online" in s and not isinstance(s["filled_online"], bool):
            err(f"{at}.filled_online", "must be true/false")
        max_files = s.get("max_files", 1)
        if not is_int(max_files) or not 1 <= max_files <= 20:
            err(f"{at}.max_files", "must be 1 to 20")
        max_mb = s.get("max_mb", 10)
        if not is_int(max_mb) or not 1 <= max_mb <= MAX_DOSSIER_MB:
            err(f"{at}.max_mb", f"must be 1 to {MAX_DOSSIER_MB}")
        types = s.get("types", ["pdf", "jpg", "png"])
        if not isinstance(types, list) or not types:
            err(f"{at}.types", "is empty")
        else:
            for t in types:
                if t not in FORM_FILE_TYPES:
                    err(f"{at}.types", f"{t!r} is not one of {', '.join(FORM_FILE_TYPES)}")
    fee_field = form.get("fee_item_field")
    if fee_field is not None:
        f = next((f for f in form["fields"] if isinstance(f, dict) and f.get("key") == fee_field), None) \
            if isinstance(form["fields"], list) else None
        if f is None or f.get("type") != "choice":
            err(f"{file} fee_item_field", f"{fee_field!r} is not a choice field of the form")
        else:
            n_fees = len(proc["fees"]) if proc and isinstance(proc.get("fees"), list) else 0
            values = [o.get("value") if isinstance(o, dict) else None for o in f.get("options", [])]
            if not all(isinstance(v, str) and v.isascii() and v.isdigit() for v in values):
                err(f"{file} fee_item_field", f"{fee_field!r}: option values must be fee item indexes (0, 1, …)")
            else:
                for v in values:
                    if int(v) >= n_fees:
                        err(f"{file} fee_item_field", f"{fee_field!r}: option {v!r} is past the procedure's {n_fees} fee item(s)")
    qty = form.get("fee_quantity_field")
    if qty is not None:
        fields = form["fields"] if isinstance(form["fields"], list) else []
        group, _, key = qty.partition(".") if isinstance(qty, str) else ("", "", "")
        if key:
            g = next((f for f in fields if isinstance(f, dict) and f.get("key") == group and f.get("type") == "group"), None)
            fields = g.get("fields", []) if g else []
        else:
            key = group
        if not any(isinstance(f, dict) and f.get("key") == key and f.get("type") == "number" for f in fields):
            err(f"{file} fee_quantity_field", f"{qty!r} is not a number field (or group.number) of the form")
        elif not (proc and any(isinstance(x, dict) and x.get("per") == "copy" for x in proc.get("fees", []))):
            err(f"{file} fee_quantity_field", "the procedure has no fee charged per copy")
    if proc is not None and isinstance(proc.get("documents"), list):
        docs = proc["documents"]
        if len(slots) != len(docs):
            err(f"{file} documents", f"{len(slots)} slot(s) for the procedure's {len(docs)} document(s)")
        for i, (d, s) in enumerate(zip(docs, slots)):
            if isinstance(d, dict) and isinstance(s, dict) and d.get("required") != s.get("required", False):
                err(f"{file} documents[{i}].required", f"is {s.get('required', False)}, the procedure's document says {d.get('required')}")


procedure_by_code = {p["code"]: p for p in procedures if isinstance(p, dict) and isinstance(p.get("code"), str)}
forms_dir = SEED / "forms"
form_files = sorted(forms_dir.glob("*")) if forms_dir.is_dir() else []
n_forms = 0
for path in form_files:
    file = f"forms/{path.name}"
    if path.suffix != ".json":
        err(file, "only <procedure code>.json files belong in forms/")
        continue
    proc = procedure_by_code.get(path.stem)
    if proc is None:
        err(file, f"{path.stem!r} is not the code of a procedure in procedures.json")
    elif proc.get("level") == "information":
        err(file, f"procedure {path.stem} is information-only: it takes no dossier, so no form")
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(file, "has a UTF-8 BOM")
    try:
        form = json.loads(raw.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        err(file, f"not valid UTF-8 JSON: {e}")
        continue
    check_form(file, form, proc)
    n_forms += 1


# --- report -------------------------------------------------------------------

if errors:
    print(f"seed validation FAILED: {len(errors)} problem(s)", file=sys.stderr)
    for e in errors[:200]:
        print(f"  - {e}", file=sys.stderr)
    if len(errors) > 200:
        print(f"  ... and {len(errors) - 200} more", file=sys.stderr)
    sys.exit(1)

n_agency_prov = sum(a["level"] == "province" for a in agencies)
print(f"provinces:  {len(provinces)}")
print(f"communes:   {len(communes)}")
print(f"fields:     {len(fields)}")
print(f"agencies:   {len(agencies)} ({n_agency_prov} province-level, {len(agencies) - n_agency_prov} commune-level, {AGENCY_PROVINCE} = {target_province})")
print(f"procedures: {len(procedures)} ({n_commune} commune-level, {len(procedures) - n_commune} province-level, {n_popular} popular)")
print(f"forms:      {n_forms} procedures with an online form (seed/forms/)")
print("seed validation passed")
