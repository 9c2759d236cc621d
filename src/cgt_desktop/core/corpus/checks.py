"""Validate a loaded corpus: ``cgt-desktop check``.

Each rule returns :class:`~cgt_desktop.core.corpus.sources.Problem` s pointing at the
file and line an editor must fix. The rules: required fields; id shape and
uniqueness; every fact cites existing passages; relation ends and predicates
exist and fit; every sentence has its translation; the original text matches
the seed articles paragraph for paragraph (nothing dropped, nothing edited);
an ``attested`` name is printed in a cited original; dates are well formed and
inside 2008–2025 unless a note explains why.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

from cgt_desktop.core.domain.ids import kind_of, slug_of
from cgt_desktop.core.corpus.sources import SEEDS_DIR, Corpus, Problem, load_corpus, relation_id, seed_paragraphs
from cgt_desktop.core.domain.dates import DateError, parse_partial
from cgt_desktop.core.domain.kinds import TYPE_VOCABULARY
from cgt_desktop.core.text.mentions import MENTION_RULES

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NAME_STATUSES = {"attested", "editor", "unknown"}
ROLES = {"title", "heading", "byline", "body", "list-item", "boilerplate"}
ALIAS_TYPES = {"abbreviation", "former", "pinyin", "variant", "translation"}
YEAR_MIN, YEAR_MAX = 2008, 2025


def _p(record: dict[str, Any], message: str) -> Problem:
    return Problem(str(record.get("_file", "?")), int(record.get("_line", 0)), message)


def _require(record: dict[str, Any], fields: Iterable[str]) -> list[Problem]:
    return [_p(record, f"missing field {name!r}") for name in fields
            if record.get(name) in (None, "") and not (name == "date" and name in record)]


def _check_id(record: dict[str, Any], kind: str) -> list[Problem]:
    rid = record.get("id")
    if not isinstance(rid, str) or "/" not in rid:
        return [_p(record, f"missing or malformed id {rid!r} (expected '{kind}/slug')")]
    prefix, slug = kind_of(rid), slug_of(rid)
    problems = []
    if prefix != kind:
        problems.append(_p(record, f"id {rid!r} should start with '{kind}/'"))
    if kind != "document" and not SLUG.match(slug):
        problems.append(_p(record, f"id {rid!r}: the slug may only use a-z, 0-9 and single hyphens"))
    return problems


def _check_sources(record: dict[str, Any], passages: dict[str, dict[str, Any]], what: str) -> list[Problem]:
    sources = record.get("sources")
    if not isinstance(sources, list) or not sources:
        return [_p(record, f"{what} has no source passage (every fact must cite one)")]
    return [_p(record, f"{what} cites unknown passage {s!r}") for s in sources if s not in passages]


def _check_date(record: dict[str, Any], field: str) -> list[Problem]:
    value = record.get(field)
    if value in (None, ""):
        return []
    try:
        span = parse_partial(str(value))
    except DateError as exc:
        return [_p(record, f"{field}: {exc}")]
    if not (YEAR_MIN <= span.start.year <= YEAR_MAX) and not record.get("date_note"):
        return [_p(record, f"{field} {value} is outside {YEAR_MIN}–{YEAR_MAX}; add a date_note saying why")]
    return []


def _vocab(corpus: Corpus, group: str) -> set[str]:
    return set((corpus.vocabulary.get(group) or {}).keys())


def _cited_originals(record: dict[str, Any], passages: dict[str, dict[str, Any]],
                     sentences_by_para: dict[str, list[str]]) -> str:
    texts = []
    for source in record.get("sources") or []:
        passage = passages.get(source)
        if passage is None:
            continue
        if passage.get("type") == "paragraph":
            texts.extend(sentences_by_para.get(source, []))
        else:
            texts.append(str(passage.get("orig", "")))
    return "\n".join(texts)


def _check_names(record: dict[str, Any], en: str, zh: str, passages: dict[str, dict[str, Any]],
                 sentences_by_para: dict[str, list[str]]) -> list[Problem]:
    problems = []
    if "mention" in record and record["mention"] not in MENTION_RULES:
        problems.append(_p(record, f"mention must be one of {', '.join(MENTION_RULES)}, not {record['mention']!r}"))
    originals = None
    for field, status_field in ((en, "name_en_status"), (zh, "name_zh_status")):
        name = record.get(field) or ""
        status = record.get(status_field)
        if not isinstance(name, str):
            problems.append(_p(record, f"{field} must be a string, not {type(name).__name__}"))
            continue
        if status is None:
            problems.append(_p(record, f"missing field {status_field!r} (attested, editor or unknown)"))
            continue
        if status not in NAME_STATUSES:
            problems.append(_p(record, f"{status_field} must be attested, editor or unknown, not {status!r}"))
        elif status == "unknown" and name:
            problems.append(_p(record, f"{field} is given but {status_field} is 'unknown'"))
        elif status in ("attested", "editor") and not name:
            problems.append(_p(record, f"{field} is empty but {status_field} is {status!r}"))
        elif status == "attested":
            if originals is None:
                originals = _cited_originals(record, passages, sentences_by_para)
            if name.casefold() not in originals.casefold():
                problems.append(_p(record, f"{field} {name!r} is marked attested but no cited original prints it"))
    return problems


def check_documents(corpus: Corpus, seeds_dir: Path | None) -> list[Problem]:
    """Documents: metadata, roles, translations, and verbatim agreement with the seeds."""
    problems: list[Problem] = []
    for doc in corpus.documents:
        meta = doc.meta
        problems += _check_id(meta, "document")
        problems += _require(meta, ["title_en", "title_zh", "lang", "source_file"])
        if meta.get("lang") not in ("zh", "en"):
            problems.append(_p(meta, "lang must be 'zh' or 'en'"))
        problems += _check_date(meta, "date")
        for para in doc.paragraphs:
            if not str(para.get("id", "")).startswith(f"{doc.key}#p"):
                problems.append(_p(para, f"paragraph id {para.get('id')!r} must start with '{doc.key}#p'"))
            if para.get("role") not in ROLES:
                problems.append(_p(para, f"role must be one of {sorted(ROLES)}, not {para.get('role')!r}"))
        for sentence in doc.sentences:
            sid = str(sentence.get("id", ""))
            if not sid.startswith(f"{sentence.get('paragraph_id')}.s"):
                problems.append(_p(sentence, f"sentence id {sid!r} does not belong to paragraph {sentence.get('paragraph_id')!r}"))
            if not str(sentence.get("orig", "")).strip():
                problems.append(_p(sentence, "sentence has no original text"))
            if not str(sentence.get("trans", "")).strip():
                problems.append(_p(sentence, "unaligned passage: the sentence has no translation"))
        if seeds_dir is not None:
            problems += _check_against_seed(doc, seeds_dir)
    return problems


def _check_against_seed(doc: Any, seeds_dir: Path) -> list[Problem]:
    meta = doc.meta
    source = seeds_dir / str(meta.get("source_file", ""))
    if not source.is_file():
        return [_p(meta, f"source_file {meta.get('source_file')!r} not found in {SEEDS_DIR}/")]
    paragraphs = seed_paragraphs(source.read_text(encoding="utf-8"))
    joined: dict[str, str] = {}
    for sentence in doc.sentences:
        joined[sentence["paragraph_id"]] = joined.get(sentence["paragraph_id"], "") + str(sentence.get("orig", ""))
    problems = []
    for index, expected in enumerate(paragraphs, start=1):
        if index > len(doc.paragraphs):
            problems.append(_p(meta, f"seed paragraph {index} is missing from the corpus: {expected[:40]!r}…"))
            continue
        para = doc.paragraphs[index - 1]
        got = joined.get(para.get("id"), "")
        if got.strip() != expected:
            problems.append(_p(para, f"original text differs from seed paragraph {index} (it must be verbatim)"))
    for para in doc.paragraphs[len(paragraphs):]:
        problems.append(_p(para, "paragraph not in the seed article"))
    return problems


def check_corpus(corpus: Corpus, seeds_dir: Path | None = None) -> list[Problem]:
    """Run every rule over *corpus*; return the problems, sorted by file and line."""
    problems = list(corpus.problems)
    if seeds_dir is None and (corpus.root / SEEDS_DIR).is_dir():
        seeds_dir = corpus.root / SEEDS_DIR
    problems += check_documents(corpus, seeds_dir)

    passages: dict[str, dict[str, Any]] = {}
    sentences_by_para: dict[str, list[str]] = {}
    ids: dict[str, dict[str, Any]] = {}

    def register(record: dict[str, Any], rid: Any) -> None:
        if not isinstance(rid, str) or not rid:
            return
        if rid in ids:
            first = ids[rid]
            problems.append(_p(record, f"duplicate id {rid!r} (first at {first.get('_file')}:{first.get('_line')})"))
        else:
            ids[rid] = record

    for doc in corpus.documents:
        register(doc.meta, doc.id)
        for record in (*doc.paragraphs, *doc.sentences):
            register(record, record.get("id"))
            passages[str(record.get("id"))] = record
        for sentence in doc.sentences:
            sentences_by_para.setdefault(sentence["paragraph_id"], []).append(str(sentence.get("orig", "")))
        for para in doc.paragraphs:
            if para.get("repeat_of") and para["repeat_of"] not in passages and not any(
                    p.get("id") == para["repeat_of"] for p in doc.paragraphs):
                problems.append(_p(para, f"repeat_of names unknown paragraph {para['repeat_of']!r}"))

    # Kinds whose type must be a vocabulary word (a person's is free; events and figures are checked below).
    type_groups = {kind: TYPE_VOCABULARY[kind] for kind in ("organization", "place", "policy", "technology")}
    for record in corpus.entities:
        kind = record["kind"]
        register(record, record.get("id"))
        problems += _check_id(record, kind)
        problems += _require(record, ["desc_en", "desc_zh"])
        if not record.get("name_en") and not record.get("name_zh"):
            problems.append(_p(record, "an entity needs a name in at least one language"))
        problems += _check_names(record, "name_en", "name_zh", passages, sentences_by_para)
        problems += _check_sources(record, passages, f"{kind} {record.get('id')}")
        group = type_groups.get(kind)
        if group and record.get("type") not in _vocab(corpus, group):
            problems.append(_p(record, f"type {record.get('type')!r} is not one of {group} in vocabulary.json"))
        aliases = record.get("aliases") or []
        if not isinstance(aliases, list):
            problems.append(_p(record, "aliases must be a list of {\"text\": …, \"type\": …} objects"))
            aliases = []
        for alias in aliases:
            if not isinstance(alias, dict) or not alias.get("text") or alias.get("type") not in ALIAS_TYPES:
                problems.append(_p(record, f"alias {alias!r} needs 'text' and a 'type' in {sorted(ALIAS_TYPES)}"))

    for record in corpus.events:
        register(record, record.get("id"))
        problems += _check_id(record, "event")
        problems += _require(record, ["title_en", "title_zh", "category", "desc_en", "desc_zh"])
        if "date" not in record:
            problems.append(_p(record, "missing field 'date' (use null when the source gives none)"))
        if record.get("category") not in _vocab(corpus, "event_categories"):
            problems.append(_p(record, f"category {record.get('category')!r} is not in vocabulary.json"))
        problems += _check_date(record, "date") + _check_date(record, "end")
        if record.get("end") and not record.get("date"):
            problems.append(_p(record, "an event with an end needs a start date"))
        if record.get("approximate") and not record.get("date_note"):
            problems.append(_p(record, "an approximate date needs a date_note saying how it was derived"))
        if record.get("bound") is not None and (record.get("bound") not in ("before", "after") or not record.get(
                "date") or record.get("end") or not record.get("date_note")):
            problems.append(_p(record, "'bound' is \"before\" or \"after\" on a single date, with a date_note "
                                       "saying how the limit was found"))
        if record.get("date") is None and not record.get("date_stated") and not record.get("date_note"):
            problems.append(_p(record, "an undated event needs date_stated or date_note (what the source says)"))
        problems += _check_sources(record, passages, f"event {record.get('id')}")

    units = _vocab(corpus, "figure_units")
    for record in corpus.figures:
        register(record, record.get("id"))
        problems += _check_id(record, "figure")
        problems += _require(record, ["label_en", "label_zh", "unit", "value_stated"])
        if record.get("unit") not in units:
            problems.append(_p(record, f"unit {record.get('unit')!r} is not in figure_units"))
        value = record.get("value")
        if value is not None and not isinstance(value, (int, float)):
            problems.append(_p(record, f"value must be a number or null, not {value!r}"))
        problems += _check_date(record, "as_of")
        problems += _check_sources(record, passages, f"figure {record.get('id')}")

    for record in corpus.figures:
        subject = record.get("subject")
        if subject and subject not in ids:
            problems.append(_p(record, f"subject {subject!r} does not exist"))

    predicates = corpus.vocabulary.get("predicates") or {}
    problems += _check_headings(predicates, _key_lines(corpus.root / "vocabulary.json"))
    seen_relations: dict[str, dict[str, Any]] = {}
    for record in corpus.relations:
        rid = relation_id(record)
        if rid in seen_relations:
            first = seen_relations[rid]
            problems.append(_p(record, f"duplicate relation {rid!r} (first at {first['_file']}:{first['_line']})"))
        seen_relations[rid] = record
        spec = predicates.get(record.get("predicate"))
        if spec is None:
            problems.append(_p(record, f"unknown predicate {record.get('predicate')!r}"))
        for end in ("subject", "object"):
            target = record.get(end)
            if target not in ids:
                problems.append(_p(record, f"{end} {target!r} does not exist (dangling id)"))
            elif spec is not None:
                kind = kind_of(str(target))
                if kind not in spec.get(end, []):
                    problems.append(_p(record, f"{record.get('predicate')!r} does not take a {kind} as {end}"))
        problems += _check_date(record, "start") + _check_date(record, "end")
        problems += _check_sources(record, passages, f"relation {rid}")

    return sorted(problems, key=lambda p: (p.file, p.line, p.message))


def _key_lines(path: Path) -> dict[str, int]:
    """Line of each ``"key":`` in a JSON file (its first occurrence), to point at a vocabulary entry."""
    lines: dict[str, int] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return lines
    for number, line in enumerate(text.splitlines(), 1):
        key = line.strip().split(":", 1)[0].strip().strip('"')
        lines.setdefault(key, number)
    return lines


def _check_headings(predicates: dict[str, Any], lines: dict[str, int]) -> list[Problem]:
    """Two relation groups that can stand on the same page must not share a heading, in either language.

    A page of kind K shows a predicate's ``en``/``zh`` heading when K can be its subject, and its
    ``inverse_en``/``inverse_zh`` when K can be its object (one group when the predicate is symmetric).
    """
    problems = []
    if not isinstance(predicates, dict):
        return problems
    kinds = {k for spec in predicates.values() if isinstance(spec, dict)
             for k in [*spec.get("subject", []), *spec.get("object", [])]}
    for lang in ("en", "zh"):
        for kind in sorted(kinds):
            groups: dict[str, list[str]] = {}
            for key, spec in predicates.items():
                if not isinstance(spec, dict):
                    continue
                symmetric = (spec.get("inverse_en"), spec.get("inverse_zh")) == (spec.get("en"), spec.get("zh"))
                if kind in spec.get("subject", []):
                    groups.setdefault(str(spec.get(lang)), []).append(key)
                if kind in spec.get("object", []) and not (symmetric and kind in spec.get("subject", [])):
                    groups.setdefault(str(spec.get(f"inverse_{lang}")), []).append(f"{key} (inverse)")
            for heading, users in groups.items():
                if len(users) > 1:
                    line = lines.get(users[-1].split(" ")[0], 0)
                    problems.append(Problem("vocabulary.json", line, f"on a {kind} page, the relation groups "
                                            f"{', '.join(users)} would all be headed {heading!r} ({lang})"))
    return problems


def check_directory(root: Path, seeds_dir: Path | None = None) -> list[Problem]:
    """Load and check the corpus at *root*."""
    return check_corpus(load_corpus(root), seeds_dir)
