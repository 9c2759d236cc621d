"""The Qt-free dossier model: content, citations, notes, determinism, errors."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from cgt_desktop.core.export.dossier import (
    DossierCancelled, DossierOptions, EmptySelection, UnknownItems, build_dossier,
)
from cgt_desktop.core.domain.selection import Selection, note_ref, period_ref
from cgt_desktop.core.userdata.userdb import UserStore

PASSAGE = "000_1b6dce599d2df6c2#p03.s01"


def test_profiles_have_both_names_and_mark_the_editors_rendering(store):
    d = build_dossier(["person/qian-qijun", "place/zhangjiang"], store)
    qian, zhangjiang = d.profiles
    assert (qian.name.en, qian.name.zh) == ("Qian Qijun", "钱其军")
    assert qian.name.zh_editor and not qian.name.en_editor
    assert zhangjiang.name.zh == "张江"
    assert qian.relations and all(r.cites for r in qian.relations)
    assert d.data_built_at == store.build_info()["built_at"]


def test_citations_are_numbered_in_reading_order_and_listed_as_sources(store):
    d = build_dossier(["person/qian-qijun", PASSAGE], store)
    numbers = [s.n for s in d.sources]
    assert numbers == list(range(1, len(numbers) + 1))
    by_n = {s.n: s for s in d.sources}
    first = d.profiles[0].cites[0]
    assert first == 1
    assert by_n[first].passage_id == store.entity("person/qian-qijun").sources[0].passage_id
    passage = d.passages[0]
    assert by_n[passage.cite].passage_id == PASSAGE
    assert by_n[passage.cite].document.en.startswith("2021 Precision Medicine Conference")
    assert "Qian Qijun" in passage.text_en and "钱其军" in passage.text_zh


def test_event_dates_are_stated_honestly(store):
    d = build_dossier(["person/qian-qijun"], store)
    founded = next(e for e in d.events if e.id == "event/2013-qian-qijun-founds-shanghai-cell-therapy-group")
    assert (founded.date_en, founded.date_zh, founded.precision) == ("2013", "2013年", "year")
    assert founded.span_start == "2013-01-01" and founded.span_end == "2013-12-31"


def test_a_period_brings_its_events_and_only_those(store):
    d = build_dossier([period_ref("2019-01-01", "2019-12-31")], store)
    assert d.events and not d.profiles
    assert all(e.span_start <= "2019-12-31" and e.span_end >= "2019-01-01" for e in d.events)
    assert d.periods == [("2019-01-01", "2019-12-31")]


def test_notes_go_beside_their_targets_and_selected_notes_get_a_section(store, home):
    user = UserStore(home.user_db)
    on_person = user.add_note("person/qian-qijun", "Ask about the 2013 founding.")
    on_passage = user.add_note(PASSAGE, "核对选举日期")
    d = build_dossier(["person/qian-qijun", PASSAGE, note_ref(on_passage.uid)], store, user)
    assert [n.body for n in d.profiles[0].notes] == ["Ask about the 2013 founding."]
    assert [n.body for n in d.passages[0].notes] == ["核对选举日期"]
    assert d.notes[0].body == "核对选举日期" and d.notes[0].cites == (d.passages[0].cite,)
    without = build_dossier(["person/qian-qijun", PASSAGE], store, user, DossierOptions(notes=False))
    assert not without.profiles[0].notes and not without.passages[0].notes
    assert on_person.uid


def test_same_selection_same_content(store, home):
    user = UserStore(home.user_db)
    user.add_note(PASSAGE, "a note")
    refs = ["organization/shanghai-cell-therapy-group", PASSAGE, period_ref("2013-01-01", "2021-12-31")]
    a = build_dossier(Selection(refs), store, user, now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    b = build_dossier(Selection(refs), store, user, now=datetime(2026, 6, 1, tzinfo=timezone.utc))
    assert a.exported_at != b.exported_at
    assert a.content() == b.content()


def test_empty_selection_and_unknown_ids_fail_clearly(store):
    with pytest.raises(EmptySelection, match="empty"):
        build_dossier([], store)
    with pytest.raises(EmptySelection):  # notes alone, but no user data
        build_dossier([note_ref("abc")], store, None)
    with pytest.raises(UnknownItems) as info:
        build_dossier(["person/qian-qijun", "person/nobody", "000_nothing#p01.s01"], store)
    assert info.value.refs == ["person/nobody", "000_nothing#p01.s01"]
    assert "person/nobody" in str(info.value)
    with pytest.raises(EmptySelection, match="nothing to export"):
        build_dossier(["person/qian-qijun"], store, None, DossierOptions(
            profiles=False, timeline=False, figures=False, sources=False))


def test_progress_and_cancel(store):
    seen = []
    build_dossier(["person/qian-qijun", "place/zhangjiang"], store, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len(seen) >= 3
    with pytest.raises(DossierCancelled):
        build_dossier(["person/qian-qijun"], store, cancelled=lambda: True)


def test_name_modes_choose_the_primary_language(store):
    d = build_dossier(["person/qian-qijun"], store, options=DossierOptions(names="zh"))
    assert d.profiles[0].name.text("zh") == "钱其军"
    assert d.profiles[0].name.text("en") == "Qian Qijun"
    assert d.profiles[0].name.text("both") == "Qian Qijun · 钱其军"
    assert d.label("profiles") == "条目简介"
