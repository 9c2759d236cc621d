"""Ids: the one place that parses and formats them.

* An entity: ``<kind>/<slug>`` (``person/qian-qijun``, ``event/2019-…``, ``figure/…``).
* A document: ``document/<key>``; its *key* (``003_f3128c6eecc96df2``) prefixes its passages.
* A passage: ``<key>#pNN`` (a paragraph) or ``<key>#pNN.sNN`` (a sentence).
* A relation: ``<subject>><predicate>><object>[#<role>]``.

Where an id comes from is part of it: the slug of an item a user added (an imported document, an
entry of their own) starts with :data:`USER_MARK` (``person/~zhang-san-3f9c``,
``document/~nature-news-1a2b3c4d``, whose passages are ``~nature-news-1a2b3c4d#p01.s02``). Reference
slugs never do (``cgt-desktop check`` holds the corpus to ``[a-z0-9-]``).

The passages of an imported document are numbered when it is imported, and a number is never given
to another passage: an edited alignment takes a fresh number for a split (:func:`next_sentence_id`)
and retires the second number of a merge, so a note or a highlight never moves to other text.
"""

from __future__ import annotations

import re

USER_MARK = "~"
DOCUMENT = "document"

_PASSAGE = re.compile(r"^(?P<key>[^#/\s]+)#p(?P<para>\d+)(?:\.s(?P<sent>\d+))?$")


class UnknownId(KeyError):
    """No entity, event, figure, document or passage has this id."""

    def __str__(self) -> str:
        return f"unknown id: {self.args[0]!r}"


class PassageId:
    """A parsed passage id: the document's key, the paragraph number, the sentence number (or ``None``).

    (A plain class, not a dataclass: this module is imported on the start path.)
    """

    __slots__ = ("key", "paragraph", "sentence")

    def __init__(self, key: str, paragraph: int, sentence: int | None) -> None:
        self.key, self.paragraph, self.sentence = key, paragraph, sentence

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PassageId) and (self.key, self.paragraph, self.sentence) == (
            other.key, other.paragraph, other.sentence)

    def __hash__(self) -> int:
        return hash((self.key, self.paragraph, self.sentence))

    @property
    def document_id(self) -> str:
        return f"{DOCUMENT}/{self.key}"

    @property
    def paragraph_id(self) -> str:
        return paragraph_id(self.key, self.paragraph)

    def __str__(self) -> str:
        return self.paragraph_id if self.sentence is None else sentence_id(self.key, self.paragraph, self.sentence)


def kind_of(item_id: str) -> str:
    """Return the kind an entity id starts with (``person``), ``passage`` for a passage id, else ``""``."""
    if "#" in item_id and parse_passage(item_id) is not None:
        return "passage"
    head, sep, _ = item_id.partition("/")
    return head if sep and head else ""


def slug_of(item_id: str) -> str:
    """Return what follows the kind: ``qian-qijun`` of ``person/qian-qijun``."""
    return item_id.partition("/")[2]


def is_user(item_id: str) -> bool:
    """Whether *item_id* (an entity, a document or one of its passages) is the user's, not the reference's."""
    if "/" in item_id.split("#", 1)[0]:
        return slug_of(item_id).startswith(USER_MARK)
    return item_id.startswith(USER_MARK)


def origin_of(item_id: str) -> str:
    """``"user"`` or ``"reference"``."""
    return "user" if is_user(item_id) else "reference"


def parse_passage(passage_id: str) -> PassageId | None:
    """Parse ``<key>#pNN`` or ``<key>#pNN.sNN``; ``None`` if *passage_id* is not one."""
    m = _PASSAGE.match(passage_id)
    if m is None:
        return None
    sent = m.group("sent")
    return PassageId(m.group("key"), int(m.group("para")), int(sent) if sent is not None else None)


def is_paragraph(passage_id: str) -> bool:
    found = parse_passage(passage_id)
    return found is not None and found.sentence is None


def paragraph_of(passage_id: str) -> str:
    """Return the paragraph id of a sentence id (a paragraph id, or any other id, as it is)."""
    found = parse_passage(passage_id)
    return found.paragraph_id if found is not None else passage_id


def paragraph_number(passage_id: str) -> int | None:
    """Return the paragraph number a reader cites (``7`` for ``…#p07.s01``); ``None`` if not a passage id."""
    found = parse_passage(passage_id)
    return found.paragraph if found is not None else None


def place_words(paragraph: int, sentence: int | None = None, lang: str = "en") -> str:
    """A place in a document as readers say it: ``¶6``, ``¶6, sentence 3`` (``第6段``, ``第6段第3句``)."""
    if lang == "zh":
        return f"第{paragraph}段" + (f"第{sentence}句" if sentence is not None else "")
    return f"¶{paragraph}" + (f", sentence {sentence}" if sentence is not None else "")


def local_label(passage_id: str, lang: str = "en") -> str:
    """Name a passage within its document for readers (see :func:`place_words`); other ids as they are."""
    found = parse_passage(passage_id)
    return passage_id if found is None else place_words(found.paragraph, found.sentence, lang)


def local_part(passage_id: str) -> str:
    """Return the part after ``#`` (``p03.s01``): how a passage is named within its document."""
    return passage_id.split("#", 1)[-1]


def document_key(item_id: str) -> str:
    """Return the document key of a document id, a passage id or a bare key."""
    head = item_id.split("#", 1)[0]
    return head.split("/", 1)[1] if head.startswith(f"{DOCUMENT}/") else head


def document_of(item_id: str) -> str:
    """Return the document id of ``document/<key>``, ``<key>`` or a passage id (``<key>#p03.s01``)."""
    return f"{DOCUMENT}/{document_key(item_id)}"


def paragraph_id(key: str, paragraph: int) -> str:
    return f"{key}#p{paragraph:02d}"


def sentence_id(key: str, paragraph: int, sentence: int) -> str:
    return f"{key}#p{paragraph:02d}.s{sentence:02d}"


def next_sentence_id(key: str, paragraph: int, taken: set[str]) -> str:
    """Return a sentence id in *paragraph* that no passage ever had (*taken* holds every id given out)."""
    n = 1
    while sentence_id(key, paragraph, n) in taken:
        n += 1
    return sentence_id(key, paragraph, n)


def user_slug(text: str, token: str) -> str:
    """Return the slug of a new user item: :data:`USER_MARK`, a readable part of *text*, a short *token*."""
    readable = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40].strip("-")
    return f"{USER_MARK}{readable + '-' if readable else ''}{token}"


def relation_id(subject: str, predicate: str, obj: str, role: str | None = None) -> str:
    """Return the derived id of a relation: ``subject>predicate>object[#role]``."""
    rid = f"{subject}>{predicate}>{obj}"
    return f"{rid}#{role}" if role else rid


def parse_relation_id(relation_id: str) -> tuple[str, str, str, str | None]:
    """Return ``(subject, predicate, object, role or None)`` of an id made by :func:`relation_id`.

    Raises:
        UnknownId: it is not a relation id.
    """
    head, _, role = relation_id.partition("#")
    parts = head.split(">")
    if len(parts) != 3 or not all(parts):
        raise UnknownId(relation_id)
    return parts[0], parts[1], parts[2], role or None
