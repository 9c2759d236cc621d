"""Ids: parsed and formatted in one place, saying where they come from."""

from __future__ import annotations

from cgt_desktop.core.domain import ids


def test_passage_ids_parse_and_format_back():
    found = ids.parse_passage("003_f3128c6eecc96df2#p04.s01")
    assert (found.key, found.paragraph, found.sentence) == ("003_f3128c6eecc96df2", 4, 1)
    assert str(found) == "003_f3128c6eecc96df2#p04.s01" and found.paragraph_id == "003_f3128c6eecc96df2#p04"
    assert found.document_id == "document/003_f3128c6eecc96df2"
    assert ids.is_paragraph("003_f3128c6eecc96df2#p04") and not ids.is_paragraph("003_f3128c6eecc96df2#p04.s01")
    assert ids.parse_passage("person/qian-qijun") is None and ids.parse_passage("x#q1") is None


def test_documents_and_kinds_of_any_id():
    for text in ("document/003_f3128c6eecc96df2", "003_f3128c6eecc96df2", "003_f3128c6eecc96df2#p04.s01"):
        assert ids.document_of(text) == "document/003_f3128c6eecc96df2"
    assert ids.kind_of("person/qian-qijun") == "person" and ids.kind_of("003_x#p01.s02") == "passage"
    assert ids.kind_of("no-kind") == "" and ids.local_part("003_x#p01.s02") == "p01.s02"


def test_a_users_ids_say_so_and_reference_ids_never_do():
    slug = ids.user_slug("Zhang Weiming (张伟明)", "3f9c1a")
    assert slug == "~zhang-weiming-3f9c1a" and ids.is_user(f"person/{slug}")
    assert ids.is_user("document/~nature-news-1a2b") and ids.is_user("~nature-news-1a2b#p01.s02")
    assert not ids.is_user("person/qian-qijun") and not ids.is_user("003_f3128c6eecc96df2#p04.s01")
    assert ids.origin_of("person/~x-1") == "user" and ids.origin_of("person/x") == "reference"
    assert ids.user_slug("张伟明", "3f9c1a") == "~3f9c1a"  # no Latin letters: the token alone


def test_a_new_sentence_id_is_never_one_given_out_before():
    taken = {ids.sentence_id("~doc-1", 3, n) for n in (1, 2, 4)}
    fresh = ids.next_sentence_id("~doc-1", 3, taken)
    assert fresh == "~doc-1#p03.s03" and fresh not in taken
    taken.add(fresh)
    assert ids.next_sentence_id("~doc-1", 3, taken) == "~doc-1#p03.s05"


def test_relation_ids_are_derived_from_their_ends():
    assert ids.relation_id("person/a", "works_at", "organization/b") == "person/a>works_at>organization/b"
    assert ids.relation_id("person/a", "heads", "organization/b", "chair") == "person/a>heads>organization/b#chair"
