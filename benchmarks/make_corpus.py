"""Write a reproducible synthetic large corpus, build its reference database and fill a user home.

Usage::

    python benchmarks/make_corpus.py --out DIR --seed 1 [--scale 1.0]

Writes, under DIR (never the shipped ``db/`` nor any real user home):

* ``DIR/db/``: the corpus in the source format of ``db/`` (see ``db/README.md``),
  with ``vocabulary.json`` copied from the real corpus: 10 000 bilingual documents
  (~2 KB per side, aligned sentence by sentence, some boilerplate) plus one
  ~200-page document (~6000 sentences), 100 000 entities (people, organizations,
  places, policies, technologies) with Chinese and English names and aliases
  (pinyin included; Chinese names come from syllable tables so pinyin search is
  meaningful), 100 000 events over 2008–2025 in every date precision, figures,
  and 300 000 relations;
* ``DIR/home/cache/reference.sqlite``: built with ``core.build.build_reference_db``;
* ``DIR/home/user.sqlite``: 20 000 annotations (notes, highlights, tags, stars)
  written in one transaction;
* ``DIR/manifest.json``: counts, timings and the ids the benchmark uses.

The same seed and scale give byte-identical sources. Counts can be overridden one
by one (``--docs``, ``--entities``…) for tiny corpora in tests.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MARKER = "cgt-desktop-synthetic-corpus"

# -- syllable tables (characters with one common reading, so pypinyin agrees) -----------------
SURNAMES = [
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("黄", "huang"),
    ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"),
    ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("林", "lin"), ("罗", "luo"), ("高", "gao"), ("郑", "zheng"),
    ("梁", "liang"), ("谢", "xie"), ("宋", "song"), ("唐", "tang"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"),
    ("曹", "cao"), ("彭", "peng"), ("潘", "pan"), ("袁", "yuan"), ("蒋", "jiang"), ("蔡", "cai"), ("杜", "du"),
    ("叶", "ye"), ("程", "cheng"), ("苏", "su"), ("魏", "wei"), ("丁", "ding"), ("沈", "shen"), ("任", "ren"),
    ("姚", "yao"), ("卢", "lu"), ("钟", "zhong"), ("姜", "jiang"), ("崔", "cui"), ("谭", "tan"), ("陆", "lu"),
    ("范", "fan"), ("金", "jin"), ("石", "shi"), ("廖", "liao"), ("贾", "jia"), ("夏", "xia"), ("付", "fu"),
    ("方", "fang"), ("邹", "zou"), ("熊", "xiong"), ("白", "bai"), ("孟", "meng"), ("秦", "qin"), ("邱", "qiu"),
    ("侯", "hou"), ("江", "jiang"), ("尹", "yin"), ("薛", "xue"), ("段", "duan"), ("雷", "lei"), ("龙", "long"),
    ("黎", "li"), ("史", "shi"), ("陶", "tao"), ("贺", "he"), ("顾", "gu"), ("毛", "mao"), ("郝", "hao"),
    ("龚", "gong"), ("邵", "shao"), ("万", "wan"), ("钱", "qian"), ("严", "yan"), ("汪", "wang"), ("孔", "kong"),
]
GIVEN = [
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
    ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"),
    ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"),
    ("桂", "gui"), ("英", "ying"), ("华", "hua"), ("建", "jian"), ("国", "guo"), ("文", "wen"), ("辉", "hui"),
    ("玉", "yu"), ("红", "hong"), ("志", "zhi"), ("宇", "yu"), ("鹏", "peng"), ("飞", "fei"), ("峰", "feng"),
    ("波", "bo"), ("斌", "bin"), ("鑫", "xin"), ("晨", "chen"), ("琳", "lin"), ("博", "bo"), ("浩", "hao"),
    ("凯", "kai"), ("婷", "ting"), ("雪", "xue"), ("慧", "hui"), ("佳", "jia"), ("欣", "xin"), ("怡", "yi"),
    ("然", "ran"), ("思", "si"), ("源", "yuan"), ("瑞", "rui"), ("海", "hai"), ("清", "qing"), ("松", "song"),
    ("春", "chun"), ("秋", "qiu"), ("冬", "dong"), ("永", "yong"), ("立", "li"), ("新", "xin"), ("光", "guang"),
    ("天", "tian"), ("毅", "yi"), ("诚", "cheng"), ("翔", "xiang"), ("宁", "ning"), ("安", "an"), ("岩", "yan"),
    ("晓", "xiao"), ("云", "yun"), ("东", "dong"), ("南", "nan"), ("其", "qi"), ("钧", "jun"), ("昊", "hao"),
    ("哲", "zhe"), ("睿", "rui"), ("嘉", "jia"), ("彤", "tong"), ("璐", "lu"), ("萌", "meng"), ("蕾", "lei"),
    ("薇", "wei"), ("颖", "ying"), ("倩", "qian"), ("莉", "li"), ("旭", "xu"), ("阳", "yang"), ("帆", "fan"),
    ("航", "hang"), ("蓉", "rong"), ("梅", "mei"), ("兰", "lan"), ("荣", "rong"), ("泰", "tai"), ("康", "kang"),
]
CITIES = [
    ("北京", "Beijing"), ("上海", "Shanghai"), ("广州", "Guangzhou"), ("深圳", "Shenzhen"), ("天津", "Tianjin"),
    ("重庆", "Chongqing"), ("杭州", "Hangzhou"), ("南京", "Nanjing"), ("苏州", "Suzhou"), ("武汉", "Wuhan"),
    ("成都", "Chengdu"), ("西安", "Xi'an"), ("长沙", "Changsha"), ("郑州", "Zhengzhou"), ("济南", "Jinan"),
    ("青岛", "Qingdao"), ("合肥", "Hefei"), ("福州", "Fuzhou"), ("厦门", "Xiamen"), ("沈阳", "Shenyang"),
    ("大连", "Dalian"), ("哈尔滨", "Harbin"), ("昆明", "Kunming"), ("南宁", "Nanning"), ("贵阳", "Guiyang"),
    ("太原", "Taiyuan"), ("石家庄", "Shijiazhuang"), ("无锡", "Wuxi"), ("宁波", "Ningbo"), ("珠海", "Zhuhai"),
    ("泰州", "Taizhou"), ("南昌", "Nanchang"), ("兰州", "Lanzhou"), ("海口", "Haikou"), ("长春", "Changchun"),
]
FIELDS = [
    ("细胞治疗", "Cell Therapy"), ("基因治疗", "Gene Therapy"), ("干细胞", "Stem Cell"), ("免疫治疗", "Immunotherapy"),
    ("再生医学", "Regenerative Medicine"), ("精准医学", "Precision Medicine"), ("生物医药", "Biomedicine"),
    ("肿瘤免疫", "Tumour Immunology"), ("血液病", "Haematology"), ("基因编辑", "Gene Editing"),
    ("生物材料", "Biomaterials"), ("转化医学", "Translational Medicine"),
]
TECH_BASE = [
    ("CAR-T细胞疗法", "CAR-T cell therapy", "therapy"), ("TCR-T细胞疗法", "TCR-T cell therapy", "therapy"),
    ("CAR-NK细胞疗法", "CAR-NK cell therapy", "therapy"), ("间充质干细胞", "mesenchymal stem cells", "cell-type"),
    ("诱导多能干细胞", "induced pluripotent stem cells", "cell-type"), ("肿瘤浸润淋巴细胞", "tumour-infiltrating lymphocytes", "cell-type"),
    ("溶瘤病毒", "oncolytic virus", "product-class"), ("腺相关病毒载体", "adeno-associated virus vector", "technique"),
    ("慢病毒载体", "lentiviral vector", "technique"), ("基因编辑", "gene editing", "technique"),
    ("CRISPR基因编辑", "CRISPR gene editing", "technique"), ("mRNA疫苗", "mRNA vaccine", "product-class"),
    ("双特异性抗体", "bispecific antibody", "product-class"), ("通用型CAR-T", "allogeneic CAR-T", "therapy"),
    ("自然杀伤细胞", "natural killer cells", "cell-type"), ("造血干细胞移植", "haematopoietic stem cell transplantation", "therapy"),
    ("类器官", "organoids", "technique"), ("外泌体", "exosomes", "product-class"),
]
TARGETS = ["CD19", "BCMA", "CD22", "GPC3", "Claudin18.2", "HER2", "CD7", "CD30", "EGFR", "PD-1", "MSLN", "CD123",
           "GD2", "CD20", "B7-H3", "NKG2D", "ROR1", "CD70", "CEA", "MUC1"]
DISEASES = [("白血病", "leukaemia"), ("淋巴瘤", "lymphoma"), ("多发性骨髓瘤", "multiple myeloma"), ("肝癌", "liver cancer"),
            ("胃癌", "gastric cancer"), ("肺癌", "lung cancer"), ("实体瘤", "solid tumours"), ("红斑狼疮", "lupus"),
            ("帕金森病", "Parkinson's disease"), ("膝骨关节炎", "knee osteoarthritis"), ("糖尿病", "diabetes")]
ORG_TYPES = [
    ("company", "{c}{b}生物科技有限公司", "{C} {B} Biotechnology Co., Ltd.", 0.45),
    ("hospital", "{c}第{n}人民医院", "{C} No. {N} People's Hospital", 0.12),
    ("university", "{c}{f}大学", "{C} University of {F}", 0.05),
    ("research-center", "{c}{f}研究中心", "{C} {F} Research Center", 0.14),
    ("association", "{c}{f}协会", "{C} {F} Association", 0.06),
    ("industrial-park", "{c}{b}生物医药产业园", "{C} {B} Biomedical Industrial Park", 0.05),
    ("government", "{c}{b}区卫生健康委员会", "{C} {B} District Health Commission", 0.05),
    ("funder", "{c}{b}创业投资基金", "{C} {B} Venture Fund", 0.04),
    ("media", "{b}医药网", "{B} Pharma News", 0.04),
]
PLACE_TYPES = [("district", "{c}{b}区", "{B} District, {C}"), ("park", "{c}{b}生命科学园", "{C} {B} Life Science Park"),
               ("science-city", "{b}科学城", "{B} Science City"), ("bio-town", "{c}{b}生物小镇", "{C} {B} Bio-Town")]
POLICY_TYPES = [
    ("action-plan", "{c}{f}产业发展行动计划（{y}—{y2}年）", "{C} Action Plan for the {F} Industry ({y}–{y2})"),
    ("programme", "{c}关于促进{f}产业发展的若干措施（{y}年）", "{C} Measures to Promote the {F} Industry ({y})"),
    ("programme-local", "{c}{b}区{f}专项扶持办法", "{B} District ({C}) Special Support Measures for {F}"),
    ("approval", "{c}{f}临床研究备案管理办法", "{C} Filing Rules for Clinical Research in {F}"),
]
PERSON_TYPES = ["scientist", "physician", "official", "executive", "journalist", "investor", "engineer"]
ROLE = [("院长", "Dean"), ("主任", "Director"), ("首席科学家", "Chief Scientist"), ("董事长", "Chairman"),
        ("研究员", "Researcher"), ("教授", "Professor"), ("总经理", "General Manager"), ("", "")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FIGURE_UNITS = ["count", "percent", "cny", "eur", "square-metres", "years", "ratio"]
ZH_BOILERPLATE = [("打开APP", "Open the app"), ("版权所有，未经授权不得转载。", "All rights reserved; no reproduction without permission."),
                  ("扫描二维码关注我们的公众号", "Scan the QR code to follow our official account"),
                  ("责任编辑：{p}", "Editor in charge: {P}"), ("相关阅读", "Related reading")]
EN_BOILERPLATE = [("Subscribe to our newsletter", "订阅我们的新闻简报"), ("Share this article", "分享本文"),
                  ("Copyright © {y} {B} Media. All rights reserved.", "版权所有 © {y} {b}传媒。保留所有权利。"),
                  ("Advertisement", "广告")]


class Pool:
    """Names of the generated entities, used to fill sentences and titles."""

    def __init__(self) -> None:
        self.people: list[tuple[str, str, str]] = []  # (id, zh, en)
        self.orgs: list[tuple[str, str, str]] = []
        self.places: list[tuple[str, str, str]] = []
        self.policies: list[tuple[str, str, str]] = []
        self.techs: list[tuple[str, str, str]] = []


class Generator:
    """Seeded generator of the synthetic corpus (one instance per run)."""

    def __init__(self, seed: int, counts: dict[str, int]) -> None:
        self.r = random.Random(seed)
        self.counts = counts
        self.pool = Pool()
        self.passages: list[str] = []          # citable sentence ids
        self.sample_sentences: list[tuple[str, str, str]] = []  # (id, orig, trans) for highlights
        self.doc_ids: list[str] = []
        self.big_doc: str | None = None

    # -- small helpers --------------------------------------------------------------------
    def brand(self) -> tuple[str, str]:
        a, b = self.r.choice(GIVEN), self.r.choice(GIVEN)
        return a[0] + b[0], (a[1] + b[1]).capitalize()

    def person_name(self) -> tuple[str, str, str]:
        """Return (Chinese name, English name, pinyin slug)."""
        s = self.r.choice(SURNAMES)
        given = [self.r.choice(GIVEN) for _ in range(1 if self.r.random() < 0.3 else 2)]
        zh = s[0] + "".join(g[0] for g in given)
        given_en = "".join(g[1] for g in given).capitalize()
        return zh, f"{s[1].capitalize()} {given_en}", f"{s[1]}-{''.join(g[1] for g in given)}"

    def date(self, lo: int = 2008, hi: int = 2025) -> tuple[str, str, str]:
        """A day in [lo, hi]: (iso, zh, en)."""
        y, m, d = self.r.randint(lo, hi), self.r.randint(1, 12), self.r.randint(1, 28)
        return f"{y}-{m:02d}-{d:02d}", f"{y}年{m}月{d}日", f"{d} {MONTHS[m - 1]} {y}"

    def cite(self, n: int = 1) -> list[str]:
        return [self.r.choice(self.passages) for _ in range(n)]

    @staticmethod
    def slug(text: str) -> str:
        out = "".join(c if c.isalnum() and c.isascii() else "-" for c in text.lower())
        return "-".join(p for p in out.split("-") if p)[:48].strip("-")

    # -- entities (names first: documents mention them) ---------------------------------------
    def make_names(self) -> None:
        r, n, pool = self.r, self.counts["entities"], self.pool
        share = {"person": 0.5, "organization": 0.25, "place": 0.08, "policy": 0.07}
        n_people, n_orgs = int(n * share["person"]), int(n * share["organization"])
        n_places, n_policies = int(n * share["place"]), int(n * share["policy"])
        n_techs = max(1, n - n_people - n_orgs - n_places - n_policies)
        for i in range(n_people):
            zh, en, slug = self.person_name()
            pool.people.append((f"person/{slug}-{i}", zh, en))
        for i in range(max(1, n_orgs)):
            kind = r.choices(ORG_TYPES, weights=[t[3] for t in ORG_TYPES])[0]
            (c, cen), (f, fen), (b, ben) = r.choice(CITIES), r.choice(FIELDS), self.brand()
            num = r.randint(1, 12)
            zh = kind[1].format(c=c, b=b, f=f, n=num)
            en = kind[2].format(C=cen, B=ben, F=fen, N=num)
            pool.orgs.append((f"organization/{self.slug(en)}-{i}", zh, en, kind[0]))  # type: ignore[arg-type]
        for i, (c, cen) in enumerate(CITIES[: max(1, min(len(CITIES), n_places))]):
            pool.places.append((f"place/{self.slug(cen)}", c, cen, "city"))  # type: ignore[arg-type]
        for i in range(max(0, n_places - len(pool.places))):
            kind = r.choice(PLACE_TYPES)
            (c, cen), (b, ben) = r.choice(CITIES), self.brand()
            pool.places.append((f"place/{self.slug(kind[2].format(C=cen, B=ben))}-{i}",  # type: ignore[arg-type]
                                kind[1].format(c=c, b=b), kind[2].format(C=cen, B=ben), kind[0]))
        for i in range(max(1, n_policies)):
            kind = r.choice(POLICY_TYPES)
            (c, cen), (f, fen), (b, ben) = r.choice(CITIES), r.choice(FIELDS), self.brand()
            y = r.randint(2008, 2024)
            fmt = {"c": c, "f": f, "b": b, "y": y, "y2": y + 3}
            fmt_en = {"C": cen, "F": fen, "B": ben, "y": y, "y2": y + 3}
            en = kind[2].format(**fmt_en)
            pool.policies.append((f"policy/{self.slug(en)}-{i}", kind[1].format(**fmt), en, kind[0]))  # type: ignore[arg-type]
        for i in range(n_techs):
            base_zh, base_en, ttype = TECH_BASE[i % len(TECH_BASE)]
            if i < len(TECH_BASE):
                zh, en = base_zh, base_en
            elif i < len(TECH_BASE) + len(TARGETS):
                t = TARGETS[i - len(TECH_BASE)]
                zh, en, ttype = t, t, "target"
            else:
                t, (_, ben) = r.choice(TARGETS), self.brand()
                code = f"{ben[:2].upper()}{r.randint(100, 9999)}"
                zh, en = f"{code}（靶向{t}的{base_zh}）", f"{code} ({t}-targeted {base_en})"
            pool.techs.append((f"technology/{self.slug(en)}-{i}", zh, en, ttype))  # type: ignore[arg-type]

    # -- sentences ------------------------------------------------------------------------------
    def sentence(self) -> tuple[str, str]:
        """One aligned (zh, en) sentence built from the name pool and CGT vocabulary."""
        r, p = self.r, self.pool
        person, org, org2 = r.choice(p.people), r.choice(p.orgs), r.choice(p.orgs)
        tech, place = r.choice(p.techs), r.choice(p.places)
        (dis, dis_en), (f, fen) = r.choice(DISEASES), r.choice(FIELDS)
        _, dzh, den = self.date()
        n = r.randint(2, 480)
        k = r.randrange(12)
        if k == 0:
            return (f"{dzh}，{org[1]}宣布启动{tech[1]}治疗{dis}的临床试验。",
                    f"On {den}, {org[2]} announced a clinical trial of {tech[2]} for {dis_en}.")
        if k == 1:
            return (f"{person[1]}教授表示，{f}领域正在从实验室走向临床。",
                    f"Professor {person[2]} said that the field of {fen.lower()} is moving from the laboratory to the clinic.")
        if k == 2:
            return (f"截至{dzh}，{place[1]}已集聚{n}家{f}企业。",
                    f"As of {den}, {place[2]} was home to {n} {fen.lower()} companies.")
        if k == 3:
            return (f"{org[1]}与{org2[1]}签署战略合作协议，共同推进{tech[1]}的产业化。",
                    f"{org[2]} and {org2[2]} signed a strategic cooperation agreement to industrialise {tech[2]} together.")
        if k == 4:
            return (f"该研究共纳入{n}名{dis}患者，客观缓解率达到{r.randint(30, 95)}%。",
                    f"The study enrolled {n} patients with {dis_en}; the objective response rate reached {r.randint(30, 95)}%.")
        if k == 5:
            return (f"{person[1]}现任{org[1]}{r.choice(ROLE[:-1])[0]}。",
                    f"{person[2]} is currently {r.choice(ROLE[:-1])[1].lower()} at {org[2]}.")
        if k == 6:
            return (f"国家药品监督管理局已受理{org[1]}提交的{tech[1]}新药临床试验申请。",
                    f"The National Medical Products Administration has accepted the IND application for {tech[2]} filed by {org[2]}.")
        if k == 7:
            return (f"会议在{place[1]}举行，来自全国的{n}名专家围绕{f}展开讨论。",
                    f"The meeting was held in {place[2]}, where {n} experts from across the country discussed {fen.lower()}.")
        if k == 8:
            return (f"{org[1]}完成{r.randint(1, 30)}亿元融资，资金将用于{tech[1]}研发。",
                    f"{org[2]} raised {r.randint(1, 30)} hundred million yuan, to be spent on developing {tech[2]}.")
        if k == 9:
            return (f"{person[1]}团队在国际期刊发表论文，揭示了{tech[1]}在{dis}中的作用机制。",
                    f"{person[2]}'s team published a paper in an international journal showing how {tech[2]} acts in {dis_en}.")
        if k == 10:
            return (f"专家指出，{f}产业仍面临生产成本高、质量标准不统一等挑战。",
                    f"Experts pointed out that the {fen.lower()} industry still faces high production costs and inconsistent quality standards.")
        return (f"{dzh}，{p.policies and r.choice(p.policies)[1]}正式发布。",
                f"On {den}, the {p.policies and r.choice(p.policies)[2]} was officially issued.")

    def write_document(self, folder: Path, key: str, n_sentences: int, title_hint: str = "") -> None:
        r = self.r
        lang = "zh" if r.random() < 0.7 else "en"
        doc_id = f"document/{key}"
        _, dzh, den = self.date()
        iso = self.date()[0]
        tzh, ten = self.sentence()
        outlet = self.brand()
        head = {"type": "document", "id": doc_id, "source_file": f"{key}.txt", "lang": lang,
                "title_en": title_hint or ten.rstrip("."), "title_zh": tzh.rstrip("。"),
                "outlet_en": f"{outlet[1]} Bio News", "outlet_zh": f"{outlet[0]}生物网",
                "date": iso if r.random() < 0.9 else iso[:7], "date_stated": iso, "date_note": "",
                "translator": "synthetic"}
        lines = [json.dumps(head, ensure_ascii=False)]
        pn = 0

        def para(role: str, sentences: list[tuple[str, str]]) -> None:
            nonlocal pn
            pn += 1
            pid = f"{key}#p{pn:02d}"
            lines.append(json.dumps({"type": "paragraph", "id": pid, "role": role}, ensure_ascii=False))
            for sn, (zh, en) in enumerate(sentences, start=1):
                orig, trans = (zh, en) if lang == "zh" else (en, zh)
                sid = f"{pid}.s{sn:02d}"
                lines.append(json.dumps({"type": "sentence", "id": sid, "orig": orig, "trans": trans},
                                        ensure_ascii=False))
                if role == "body":
                    self.passages.append(sid)
                    if r.random() < 0.05:
                        self.sample_sentences.append((sid, orig, trans))

        bp = ZH_BOILERPLATE if lang == "zh" else EN_BOILERPLATE
        person = r.choice(self.pool.people)
        fill = {"p": person[1], "P": person[2], "y": iso[:4], "b": outlet[0], "B": outlet[1]}

        def boiler() -> tuple[str, str]:
            a, b = r.choice(bp)
            pair = (a.format(**fill), b.format(**fill))
            return pair if lang == "zh" else (pair[1], pair[0])

        para("boilerplate", [boiler()])
        para("title", [(tzh, ten)])
        para("byline", [(f"{outlet[0]}生物网{dzh}电", f"{outlet[1]} Bio News, {den}")])
        left = n_sentences
        while left > 0:
            k = min(left, r.randint(2, 6))
            para("body" if r.random() > 0.08 else "heading", [self.sentence() for _ in range(k)])
            left -= k
        para("boilerplate", [boiler(), boiler()])
        (folder / f"{key}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.doc_ids.append(doc_id)

    def write_documents(self, db: Path) -> None:
        folder = db / "documents"
        folder.mkdir(parents=True)
        # Cite-able passages must exist before entities cite them: documents first.
        for i in range(self.counts["docs"]):
            key = f"{i:05d}_{self.r.getrandbits(64):016x}"
            self.write_document(folder, key, self.r.randint(14, 22))
        if self.counts["big_doc_sentences"]:
            key = f"{self.counts['docs']:05d}_{self.r.getrandbits(64):016x}"
            self.write_document(folder, key, self.counts["big_doc_sentences"],
                                "Two hundred pages on China's cell and gene therapy ecosystem")
            self.big_doc = f"document/{key}"

    def write_entities(self, db: Path) -> None:
        r, p = self.r, self.pool
        folder = db / "entities"
        folder.mkdir(parents=True)

        def dump(name: str, records: list[dict[str, Any]]) -> None:
            (folder / name).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in records),
                                       encoding="utf-8")

        people = []
        for pid, zh, en in p.people:
            surname, given = en.split(" ", 1)
            aliases = [{"text": en, "type": "pinyin"}, {"text": f"{given} {surname}", "type": "variant"}]
            people.append({"id": pid, "name_en": en, "name_zh": zh, "name_en_status": "editor",
                           "name_zh_status": "editor", "aliases": aliases, "type": r.choice(PERSON_TYPES),
                           "desc_en": f"{en} works in {r.choice(FIELDS)[1].lower()}.",
                           "desc_zh": f"{zh}从事{r.choice(FIELDS)[0]}工作。", "sources": self.cite()})
        dump("people.jsonl", people)
        orgs = []
        for oid, zh, en, otype in p.orgs:  # type: ignore[misc]
            initials = "".join(w[0] for w in en.replace(",", "").split() if w[0].isupper())
            orgs.append({"id": oid, "name_en": en, "name_zh": zh, "name_en_status": "editor",
                         "name_zh_status": "editor", "aliases": [{"text": initials, "type": "abbreviation"}],
                         "type": otype, "desc_en": f"{en}, an organization in the synthetic corpus.",
                         "desc_zh": f"{zh}，合成语料中的机构。", "sources": self.cite()})
        dump("organizations.jsonl", orgs)
        dump("places.jsonl", [{"id": i, "name_en": en, "name_zh": zh, "name_en_status": "editor",
                               "name_zh_status": "editor", "aliases": [], "type": t,
                               "desc_en": f"{en}.", "desc_zh": f"{zh}。", "sources": self.cite()}
                              for i, zh, en, t in p.places])  # type: ignore[misc]
        dump("policies.jsonl", [{"id": i, "name_en": en, "name_zh": zh, "name_en_status": "editor",
                               "name_zh_status": "editor", "aliases": [], "type": t,
                                 "desc_en": f"{en}.", "desc_zh": f"{zh}。", "sources": self.cite()}
                                for i, zh, en, t in p.policies])  # type: ignore[misc]
        dump("technologies.jsonl", [{"id": i, "name_en": en, "name_zh": zh, "name_en_status": "editor",
                               "name_zh_status": "editor", "aliases": [], "type": t,
                                     "desc_en": f"{en}.", "desc_zh": f"{zh}。", "sources": self.cite()}
                                    for i, zh, en, t in p.techs])  # type: ignore[misc]

    def write_events(self, db: Path) -> list[str]:
        r, p = self.r, self.pool
        ids, lines = [], []
        cats = ["policy", "regulatory", "clinical", "industry", "academic", "career"]
        for i in range(self.counts["events"]):
            org, tech, person = r.choice(p.orgs), r.choice(p.techs), r.choice(p.people)
            cat = r.choice(cats)
            titles = {
                "policy": (f"{r.choice(p.policies)[1]}发布", f"{r.choice(p.policies)[2]} issued"),
                "regulatory": (f"{org[1]}的{tech[1]}获临床试验默示许可", f"{org[2]} receives IND clearance for {tech[2]}"),
                "clinical": (f"{org[1]}启动{tech[1]}临床试验", f"{org[2]} starts a clinical trial of {tech[2]}"),
                "industry": (f"{org[1]}完成新一轮融资", f"{org[2]} closes a new financing round"),
                "academic": (f"{r.choice(FIELDS)[0]}论坛在{r.choice(p.places)[1]}举行",
                             f"{r.choice(FIELDS)[1]} forum held in {r.choice(p.places)[2]}"),
                "career": (f"{person[1]}出任{org[1]}负责人", f"{person[2]} appointed head of {org[2]}"),
            }
            zh, en = titles[cat]
            iso, dzh, _ = self.date()
            x = r.random()
            end, approx, note = None, False, ""
            if x < 0.45:
                date, stated = iso, dzh
            elif x < 0.65:
                date, stated = iso[:7], dzh.split("月")[0] + "月"
            elif x < 0.80:
                date, stated = iso[:4], iso[:4] + "年"
            elif x < 0.88:
                date = iso[:7]
                y, m = int(iso[:4]), int(iso[5:7])
                end = f"{min(2025, y + r.randint(0, 2))}-{r.randint(m, 12):02d}"
                stated = f"{date}至{end}"
            elif x < 0.95:
                date, stated, approx = iso[:4], f"约{iso[:4]}年", True
                note = "Computed from a relative date in the text."
            else:
                date, stated, note = None, "年份不详", "The source does not state the year."
            eid = f"event/{(date or 'undated')[:4]}-{self.slug(en)[:40].strip('-')}-{i}"
            ids.append(eid)
            lines.append(json.dumps({"id": eid, "title_en": en, "title_zh": zh, "category": cat, "date": date,
                                     "end": end, "approximate": approx, "date_stated": stated, "date_note": note,
                                     "desc_en": en + ".", "desc_zh": zh + "。", "sources": self.cite()},
                                    ensure_ascii=False))
        (db / "events.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return ids

    def write_figures(self, db: Path) -> list[str]:
        r, p = self.r, self.pool
        ids, lines = [], []
        for i in range(self.counts["figures"]):
            subject = r.choice(p.orgs if r.random() < 0.6 else p.places)
            unit = r.choice(FIGURE_UNITS)
            value = round(r.uniform(1, 1000), 1) if unit != "count" else r.randint(1, 500)
            iso = self.date()[0][: r.choice((4, 7, 10))]
            fid = f"figure/{self.slug(subject[2])[:40].strip('-')}-{unit}-{i}"
            ids.append(fid)
            lines.append(json.dumps({
                "id": fid, "label_en": f"{unit.capitalize()} reported for {subject[2]}",
                "label_zh": f"{subject[1]}相关数据", "value": value, "unit": unit,
                "value_stated": f"{value}", "qualifier": None, "as_of": iso, "period": None,
                "scope_en": subject[2], "scope_zh": subject[1], "subject": subject[0],
                "sources": self.cite()}, ensure_ascii=False))
        (db / "figures.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return ids

    def write_relations(self, db: Path, events: list[str], figures: list[str]) -> str:
        """Write the relations; return the id of the hub organization (the entity with most relations)."""
        r, p = self.r, self.pool
        folder = db / "relations"
        folder.mkdir(parents=True)
        people = [x[0] for x in p.people]
        orgs = [x[0] for x in p.orgs]
        places = [x[0] for x in p.places]
        policies = [x[0] for x in p.policies]
        techs = [x[0] for x in p.techs]
        hub = orgs[0]
        seen: set[tuple[str, str, str]] = set()
        out: list[str] = []
        target = self.counts["relations"]

        def add(s: str, pred: str, o: str, role: tuple[str, str] = ("", "")) -> None:
            if s == o or (s, pred, o) in seen or len(out) >= target:
                return
            seen.add((s, pred, o))
            start = str(r.randint(2008, 2024)) if pred in ("works_at", "heads", "formerly_at") and r.random() < 0.5 else None
            out.append(json.dumps({"subject": s, "predicate": pred, "object": o, "role_en": role[1],
                                   "role_zh": role[0], "start": start, "end": None, "sources": self.cite()},
                                  ensure_ascii=False))

        def pick(items: list[str]) -> str:
            # Skewed like real corpora: one pick in ten goes to a log-uniform choice among the first
            # 2000 items, so the most popular entities carry several hundred to ~2000 relations.
            if r.random() < 0.1:
                return items[min(len(items) - 1, int(2000 ** r.random()) - 1)]
            return r.choice(items)

        # One hub with several hundred relations (for the entity-page benchmark).
        for person in people[: min(len(people), max(5, target // 500))]:
            add(person, "works_at", hub, r.choice(ROLE))
        for org in orgs:
            add(org, "located_in", r.choice(places))
        plan = [  # (share of the target, subject pool, predicate, object pool)
            (0.25, people, "works_at", orgs), (0.04, people, "heads", orgs), (0.06, people, "member_of", orgs),
            (0.03, people, "formerly_at", orgs), (0.16, events, "participant", people + orgs),
            (0.08, events, "location", places), (0.08, events, "about", orgs + techs + policies),
            (0.02, figures, "about", orgs + places), (0.02, policies, "issued_by", orgs),
            (0.04, policies, "targets", techs), (0.07, orgs, "develops", techs),
            (0.04, orgs, "cooperates_with", orgs), (0.02, orgs, "partner_in", orgs),
            (0.02, techs, "uses", techs), (0.02, places, "located_in", places[: max(1, len(CITIES))]),
        ]
        for share, subjects, pred, objects in plan:
            if not subjects or not objects:
                continue
            for _ in range(int(target * share)):
                role = r.choice(ROLE) if pred in ("works_at", "heads", "formerly_at") else ("", "")
                add(r.choice(subjects), pred, pick(objects), role)
        while len(out) < target and people and orgs:
            add(r.choice(people), r.choice(("works_at", "member_of")), pick(orgs), r.choice(ROLE))
        half = len(out) // 2
        (folder / "entities.jsonl").write_text("\n".join(out[:half]) + "\n", encoding="utf-8")
        (folder / "events.jsonl").write_text("\n".join(out[half:]) + "\n", encoding="utf-8")
        return hub


def write_annotations(user_db: Path, gen: Generator, n: int, entity_ids: list[str]) -> dict[str, int]:
    """Write *n* annotations (notes, highlights, tags, stars) into a fresh user database, in one transaction."""
    sys.path.insert(0, str(REPO / "src"))
    from cgt_desktop.core.userdata.userdb import UserStore

    r = gen.r
    user = UserStore(user_db)
    n_notes, n_high = int(n * 0.55), int(n * 0.3)
    n_tags = max(0, (n - n_notes - n_high) // 2)
    n_stars = max(0, n - n_notes - n_high - n_tags)
    stamp = "2025-06-01T12:00:00"
    colors = ["#ffe066", "#8ce99a", "#74c0fc", "#faa2c1"]
    sample = gen.sample_sentences or [(pid, "", "") for pid in gen.passages[:1]]
    with user.transaction() as conn:
        notes = []
        for i in range(n_notes):
            target = r.choice(entity_ids) if r.random() < 0.6 else r.choice(sample)[0]
            zh, en = gen.sentence()
            body = f"{en} {zh}" if r.random() < 0.5 else zh
            notes.append((f"note-{i:06d}", target, body, stamp, stamp))
        conn.executemany("INSERT INTO notes(uid, target_id, body, created, edited) VALUES (?,?,?,?,?)", notes)
        highs = []
        for i in range(n_high):
            pid, orig, trans = r.choice(sample)
            side = r.choice(("orig", "trans"))
            text = orig if side == "orig" else trans
            if text and r.random() < 0.6:
                a = r.randrange(len(text))
                b = min(len(text), a + r.randint(1, 12))
                rng: tuple[int | None, int | None] = (a, b)
                quote = text[a:b]
            else:
                rng, quote = (None, None), text
            highs.append((f"hl-{i:06d}", pid, side, rng[0], rng[1], r.choice(colors), "", quote, stamp, stamp))
        conn.executemany("INSERT INTO highlights(uid, passage_id, side, range_start, range_end, color, comment, "
                         "quote, created, edited) VALUES (?,?,?,?,?,?,?,?,?,?)", highs)
        tag_names = ["to-read", "key-player", "shanghai", "car-t", "policy-watch", "follow-up", "重要", "细胞治疗"]
        conn.executemany("INSERT INTO tags(name, color) VALUES (?, ?)", [(t, None) for t in tag_names])
        tag_rows = {(r.randint(1, len(tag_names)), r.choice(entity_ids)) for _ in range(n_tags)}
        conn.executemany("INSERT OR IGNORE INTO item_tags(tag_id, target_id, created) VALUES (?,?,?)",
                         [(t, e, stamp) for t, e in sorted(tag_rows)])
        conn.executemany("INSERT OR IGNORE INTO stars(target_id, created) VALUES (?,?)",
                         [(r.choice(entity_ids), stamp) for _ in range(n_stars)])
    user.close()
    return {"notes": n_notes, "highlights": n_high, "tags": n_tags, "stars": n_stars}


def _guard(out: Path) -> None:
    """Refuse to write over the shipped corpus, the checkout or a real user home."""
    sys.path.insert(0, str(REPO / "src"))
    from cgt_desktop.core.system.paths import corpus_dir, default_home

    out = out.resolve()
    for path in (corpus_dir().resolve(), (REPO / "db").resolve(), default_home().resolve()):
        if out == path or path in out.parents:
            raise SystemExit(f"refusing to write the synthetic corpus into {out} (inside {path})")
    if out in (REPO.resolve(), Path.home().resolve()):
        raise SystemExit(f"refusing to write the synthetic corpus into {out}; choose an empty folder")
    if out.is_dir() and any(out.iterdir()) and not (out / "manifest.json").is_file():
        raise SystemExit(f"{out} exists and is not a synthetic corpus made by this script; choose an empty folder")


def generate(out: Path, seed: int = 1, scale: float = 1.0, build: bool = True, **overrides: int) -> dict[str, Any]:
    """Generate the corpus (and, with *build*, the reference DB and annotations) under *out*; return the manifest."""
    out = Path(out)
    _guard(out)
    counts = {"docs": 10_000, "entities": 100_000, "events": 100_000, "relations": 300_000,
              "annotations": 20_000, "figures": 5_000, "big_doc_sentences": 6_000}
    counts = {k: max(1, int(v * scale)) for k, v in counts.items()}
    counts.update({k: v for k, v in overrides.items() if v is not None})
    for sub in ("db", "home"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
    db = out / "db"
    db.mkdir(parents=True)
    shutil.copy(REPO / "db" / "vocabulary.json", db / "vocabulary.json")
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    gen = Generator(seed, counts)
    gen.make_names()
    gen.write_documents(db)
    gen.write_entities(db)
    events = gen.write_events(db)
    figures = gen.write_figures(db)
    hub = gen.write_relations(db, events, figures)
    times["generate_s"] = time.perf_counter() - t0
    manifest: dict[str, Any] = {
        "marker": MARKER, "seed": seed, "scale": scale, "counts": counts, "hub_entity": hub,
        "big_document": gen.big_doc, "sample_person": gen.pool.people[0][0], "times": times}
    if build:
        sys.path.insert(0, str(REPO / "src"))
        from cgt_desktop.core.catalog.build import build_reference_db

        home = out / "home"
        (home / "cache").mkdir(parents=True)
        t0 = time.perf_counter()
        report = build_reference_db(db, home / "cache" / "reference.sqlite")
        times["build_s"] = time.perf_counter() - t0
        manifest["build_counts"] = report.counts
        entity_ids = [x[0] for x in gen.pool.people[:5000] + gen.pool.orgs[:3000]] + events[:2000]
        t0 = time.perf_counter()
        manifest["annotations"] = write_annotations(home / "user.sqlite", gen, counts["annotations"], entity_ids)
        times["annotations_s"] = time.perf_counter() - t0
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="folder to write DIR/db, DIR/home, DIR/manifest.json")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every default count")
    for name in ("docs", "entities", "events", "relations", "annotations", "figures", "big-doc-sentences"):
        parser.add_argument(f"--{name}", type=int, default=None, help=f"override the number of {name}")
    parser.add_argument("--no-build", action="store_true", help="write the sources only")
    args = parser.parse_args(argv)
    overrides = {k: getattr(args, k) for k in ("docs", "entities", "events", "relations", "annotations",
                                                "figures", "big_doc_sentences")}
    started = time.perf_counter()
    manifest = generate(args.out, args.seed, args.scale, build=not args.no_build, **overrides)
    times = manifest["times"]
    print(f"sources written to {args.out / 'db'} in {times['generate_s']:.1f} s")
    if "build_s" in times:
        print(f"reference database built in {times['build_s']:.1f} s: {manifest['build_counts']}")
        print(f"annotations written in {times['annotations_s']:.1f} s: {manifest['annotations']}")
    print(f"total {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
