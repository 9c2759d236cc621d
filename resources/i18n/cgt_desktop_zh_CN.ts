<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>DetailView</name>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="101" />
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="101" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="103" />
      <source>not stated in the sources</source>
      <translation>来源中未提及</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="106" />
      <source>editor's rendering, not attested in the sources</source>
      <translation>编者译名，来源中未见</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="141" />
      <source>Also known as</source>
      <translation>别名</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="143" />
      <source>Description</source>
      <translation>简介</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="150" />
      <source>Events</source>
      <translation>事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="157" />
      <source>Key figures</source>
      <translation>关键数据</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="167" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="169" />
      <source>As stated</source>
      <translation>原文表述</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="171" />
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="172" />
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="175" />
      <source>Value as stated</source>
      <translation>原文数值</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="177" />
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="179" />
      <source>As of</source>
      <translation>截至</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="181" />
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="185" />
      <source>Scope</source>
      <translation>范围</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="189" />
      <source>About</source>
      <translation>关于</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="196" />
      <source>Outlet</source>
      <translation>媒体</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="196" />
      <source>not stated</source>
      <translation>未注明</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="197" />
      <source>Original language</source>
      <translation>原文语言</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="199" />
      <source>Read</source>
      <translation>阅读</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="199" />
      <source>Open in the reader</source>
      <translation>在阅读器中打开</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="222" />
      <source>Relations</source>
      <translation>关系</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="229" />
      <source>Show passage</source>
      <translation>查看段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="236" />
      <source>Sources</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="236" />
      <source>No passage cites this entry.</source>
      <translation>没有段落引用此条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="254" />
      <source>Text</source>
      <translation>全文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="266" />
      <source>Passage</source>
      <translation>段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="272" />
      <source>In its paragraph</source>
      <translation>所在段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="273" />
      <source>Document</source>
      <translation>文献</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="327" />
      <source>Select a row on the left to see its page here, or press Ctrl+K to search everything.</source>
      <translation>在左侧选择一行即可在此查看其页面，或按 Ctrl+K 搜索全部内容。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="336" />
      <source>Nothing in the corpus has the id %1.</source>
      <translation>语料中没有 ID 为 %1 的条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/detail_view.py" line="356" />
      <source>Editor's rendering: the sources do not give this name</source>
      <translation>编者译名：来源中未给出此名称</translation>
    </message>
  </context>
  <context>
    <name>EntityTable</name>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="48" />
      <source>People</source>
      <translation>人物</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="48" />
      <source>Organizations</source>
      <translation>机构</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="48" />
      <source>Places</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="49" />
      <source>Events</source>
      <translation>事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="49" />
      <source>Policies</source>
      <translation>政策</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="49" />
      <source>Technologies</source>
      <translation>技术</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="50" />
      <source>Figures</source>
      <translation>数据</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="50" />
      <source>Documents</source>
      <translation>文献</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="50" />
      <source>Passages</source>
      <translation>段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="51" />
      <source>Person</source>
      <translation>人物</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="51" />
      <source>Organization</source>
      <translation>机构</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="51" />
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="52" />
      <source>Event</source>
      <translation>事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="52" />
      <source>Policy</source>
      <translation>政策</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="52" />
      <source>Technology</source>
      <translation>技术</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="53" />
      <source>Figure</source>
      <translation>数据</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="53" />
      <source>Document</source>
      <translation>文献</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="53" />
      <source>Passage</source>
      <translation>段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="59" />
      <source>English name</source>
      <translation>英文名</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="59" />
      <source>Chinese name</source>
      <translation>中文名</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="59" />
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="60" />
      <source>Sources</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="61" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="61" />
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="61" />
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="61" />
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="62" />
      <source>As of</source>
      <translation>截至</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="62" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="62" />
      <source>Outlet</source>
      <translation>媒体</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="62" />
      <source>Sentences</source>
      <translation>句数</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="69" />
      <source>Any category</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="69" />
      <source>Any unit</source>
      <translation>全部单位</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="70" />
      <source>Any language</source>
      <translation>全部语言</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="70" />
      <source>Any type</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="71" />
      <source>Any organization</source>
      <translation>全部机构</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="71" />
      <source>Any place</source>
      <translation>全部地点</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="72" />
      <source>Any year</source>
      <translation>全部年份</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="161" />
      <source>Click to sort by this column; click again to reverse</source>
      <translation>点击按此列排序；再次点击反向排序</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="210" />
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="210" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="339" />
      <source>Nothing matches these filters. Change the filter text, choose other values above, or clear the filters.</source>
      <translation>没有符合筛选条件的条目。请修改筛选文字、在上方选择其他值，或清除筛选。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="343" />
      <source>This list is empty: the corpus has no entries of this kind yet.</source>
      <translation>此列表为空：语料中暂无此类条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="418" />
      <source>Filter %1 (Chinese, English or pinyin)…</source>
      <translation>筛选%1（中文、英文或拼音）…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="420" />
      <source>Type to keep only the rows that match</source>
      <translation>输入文字，只保留匹配的行</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="422" />
      <source>Show only rows with this value</source>
      <translation>只显示具有此值的行</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="423" />
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entity_table.py" line="424" />
      <source>Select a row to see its page; click a column header to sort</source>
      <translation>选择一行查看其页面；点击列标题排序</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="186" />
      <source>cgt-desktop — China cell &amp; gene therapy reference</source>
      <translation>cgt-desktop — 中国细胞与基因治疗资料库</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="187" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="188" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="189" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="190" />
      <source>&amp;Go</source>
      <translation>转到(&amp;G)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="191" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="192" />
      <source>&amp;Preferences…</source>
      <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="193" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="194" />
      <source>&amp;Copy</source>
      <translation>复制(&amp;C)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="195" />
      <source>&amp;Search Everything</source>
      <translation>搜索全部(&amp;S)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="196" />
      <source>&amp;Filter This List</source>
      <translation>筛选此列表(&amp;F)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="197" />
      <source>&amp;Back</source>
      <translation>后退(&amp;B)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="198" />
      <source>Back to the previous page (Alt+Left)</source>
      <translation>返回上一页（Alt+左方向键）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="199" />
      <source>&amp;Forward</source>
      <translation>前进(&amp;F)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="200" />
      <source>Forward to the next page (Alt+Right)</source>
      <translation>前往下一页（Alt+右方向键）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="201" />
      <source>Clear &amp;Period Filter</source>
      <translation>清除时间段筛选(&amp;P)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="202" />
      <source>&amp;About cgt-desktop</source>
      <translation>关于 cgt-desktop(&amp;A)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="203" />
      <source>About &amp;Qt</source>
      <translation>关于 &amp;Qt</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="204" />
      <source>Navigation</source>
      <translation>导航</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="205" />
      <source>Show all periods again</source>
      <translation>重新显示所有时间段</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="208" />
      <source>Browse, sort and filter all entries of this kind</source>
      <translation>浏览、排序和筛选此类全部条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="214" />
      <source>Timeline</source>
      <translation>时间线</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="215" />
      <source>Events on a time axis; select a period to filter every list</source>
      <translation>时间轴上的事件；选择一个时间段即可筛选所有列表</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="216" />
      <source>The timeline is not available in this version.</source>
      <translation>此版本暂不提供时间线。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="218" />
      <source>Reader</source>
      <translation>阅读器</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="282" />
      <source>Nothing in the corpus has the id %1.</source>
      <translation>语料中没有 ID 为 %1 的条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="410" />
      <source>Showing %1 of %2 · %3</source>
      <translation>显示 %1 / %2 · %3</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="413" />
      <source>%1 entries in the corpus</source>
      <translation>语料共 %1 个条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="416" />
      <source>Period: %1 – %2</source>
      <translation>时间段：%1 – %2</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="434" />
      <source>About cgt-desktop</source>
      <translation>关于 cgt-desktop</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/main_window.py" line="438" />
      <source>&lt;h3&gt;cgt-desktop %1&lt;/h3&gt;&lt;p&gt;An offline bilingual reference on China's cell and gene therapy ecosystem.&lt;/p&gt;&lt;p&gt;Reference data built %2.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;cgt-desktop %1&lt;/h3&gt;&lt;p&gt;关于中国细胞与基因治疗生态的离线双语资料库。&lt;/p&gt;&lt;p&gt;参考数据生成于 %2。&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>NotesWidget</name>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="114" />
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="116" />
      <source>Star this item</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="120" />
      <source>Add a tag…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="130" />
      <source>Write a note (Markdown: **bold**, *italic*, - lists, [links](https://…))</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="139" />
      <source>Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="142" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="150" />
      <source>New note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="152" />
      <source>Edit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="154" />
      <source>Delete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="159" />
      <source>Undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="161" />
      <source>Redo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="211" />
      <source>Created {0}, edited {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="221" />
      <source>Unstar this item</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="254" />
      <source>An empty note is not saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="263" />
      <source>Edit note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="271" />
      <source>Delete note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="279" />
      <source>Tag “{0}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="284" />
      <source>Untag “{0}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="298" />
      <source>Add note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="329" />
      <source>No notes yet. Press “New note” to write the first one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="332" />
      <source>Created {0} · edited {1}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="343" />
      <source>Remove the tag “{0}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="364" />
      <source>Star</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/notes_widget.py" line="364" />
      <source>Unstar</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <location filename="src/cgt_desktop/ui/settings.py" line="84" />
      <source>Preferences</source>
      <translation>偏好设置</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/settings.py" line="87" />
      <source>English first</source>
      <translation>英文在前</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/settings.py" line="87" />
      <source>Chinese first</source>
      <translation>中文在前</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/settings.py" line="88" />
      <source>Both, side by side</source>
      <translation>中英并列</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/settings.py" line="92" />
      <source>Which name of a person, organization or place comes first in lists, pages and search results</source>
      <translation>在列表、页面和搜索结果中，人物、机构或地点的哪种名称在前</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/settings.py" line="98" />
      <source>Language of menus, buttons and labels (the corpus is always shown in both languages)</source>
      <translation>菜单、按钮和标签的语言（语料内容始终以双语显示）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/settings.py" line="101" />
      <source>Name display:</source>
      <translation>名称显示：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/settings.py" line="102" />
      <source>Interface language:</source>
      <translation>界面语言：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/settings.py" line="107" />
      <source>Changes apply at once.</source>
      <translation>更改立即生效。</translation>
    </message>
  </context>
  <context>
    <name>ReaderController</name>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="122" />
      <source>Repeated paragraph: repeats {paragraph}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ReaderPanel</name>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="381" />
      <source>No matches</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="383" />
      <source>{current} of {total}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="409" />
      <source>Swap sides</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="410" />
      <source>Put the translation on the left</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="414" />
      <source>Both languages</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="414" />
      <source>Original only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="415" />
      <source>Translation only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="418" />
      <source>Sync scrolling</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="419" />
      <source>Scroll both columns together</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="420" />
      <source>A+</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="421" />
      <source>Larger text (Ctrl+=)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="422" />
      <source>A−</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="423" />
      <source>Smaller text (Ctrl+-)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="424" />
      <source>Find</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="425" />
      <source>Find in both languages (Ctrl+F)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="426" />
      <source>Find in document (both languages)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="427" />
      <source>Previous</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="428" />
      <source>Next</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="429" />
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="435" />
      <source>Show boilerplate ({count})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="436" />
      <source>Page furniture: ads, notices, app prompts, tag lists</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="440" />
      <source>Original</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="440" />
      <source>Translation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="445" />
      <source>Original · {language}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="446" />
      <source>Translation · {language} · project translation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="454" />
      <source>No document open</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="455" />
      <source>Open a document from the Documents tab or a source link.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="463" />
      <source>outlet not stated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="466" />
      <source>date unknown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="468" />
      <source>(printed: {stated})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="470" />
      <source>Original language: {language}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="472" />
      <source>Project translation by {translator}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader.py" line="474" />
      <source>Date as printed: {stated}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SearchPopup</name>
    <message>
      <location filename="src/cgt_desktop/ui/search_popup.py" line="156" />
      <source>No results for “%1”. Try fewer or other words, pinyin, or an English term.</source>
      <translation>没有“%1”的结果。请尝试更少或其他的词、拼音或英文术语。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/search_popup.py" line="216" />
      <source>Search everything (Ctrl+K)</source>
      <translation>搜索全部（Ctrl+K）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/search_popup.py" line="217" />
      <source>Search names, descriptions and documents in Chinese, English or pinyin; ↑/↓ choose, Enter opens</source>
      <translation>用中文、英文或拼音搜索名称、简介和文献；↑/↓ 选择，回车打开</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="38" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="39" />
      <source>As stated</source>
      <translation>原文表述</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="41" />
      <source>Approximate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="41" />
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="42" />
      <source>computed from the text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="43" />
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="44" />
      <source>Source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="44" />
      <source>none</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="188" />
      <source>organizations</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="188" />
      <source>people</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="351" />
      <source>%1 of %2 events shown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="355" />
      <source>Events %1 – %2 (%3)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="357" />
      <source>Dated events (%3)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="359" />
      <source>Date unknown, not plotted (%1)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TimelinePanel</name>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="394" />
      <source>Lanes:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="398" />
      <source>by category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="398" />
      <source>by organization</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="398" />
      <source>by person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="401" />
      <source>Filter events (English or 中文)…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="402" />
      <source>Select period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="403" />
      <source>Drag across the plot to select a period (or Shift+drag any time)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="404" />
      <source>Clear period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="405" />
      <source>2008–2025</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline.py" line="406" />
      <source>Show the default years (Home key); ←/→ pan, +/− zoom</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
