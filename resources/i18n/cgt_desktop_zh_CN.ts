<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>AlignmentActions</name>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="29" />
      <source>Split Pair</source>
      <translation>拆分句对</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="37" />
      <source>(nothing: all goes to the new pair)</source>
      <translation>（无：全部归入新句对）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="41" />
      <source>The first pair's original ends with</source>
      <translation>第一个句对的原文结束于</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="42" />
      <source>The first pair's translation ends with</source>
      <translation>第一个句对的译文结束于</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="65" />
      <source>Your Translation</source>
      <translation>您的译文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="68" />
      <source>Original</source>
      <translation>原文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="69" />
      <source>Your translation</source>
      <translation>您的译文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="110" />
      <source>Split pair</source>
      <translation>拆分句对</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="119" />
      <source>Write translation</source>
      <translation>撰写译文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="124" />
      <source>Delete imported document</source>
      <translation>删除导入的文档</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="126" />
      <source>Alignment</source>
      <translation>对齐</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="127" />
      <source>Merge with the Next Pair</source>
      <translation>与下一句对合并</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="128" />
      <source>Merge pairs</source>
      <translation>合并句对</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="129" />
      <source>Split This Pair…</source>
      <translation>拆分此句对…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="130" />
      <source>Move First Translation Sentence to the Pair Above</source>
      <translation>将首个译文句子移到上一句对</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="132" />
      <source>Move translation sentence</source>
      <translation>移动译文句子</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="133" />
      <source>Move Last Translation Sentence to the Pair Below</source>
      <translation>将末个译文句子移到下一句对</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="136" />
      <source>Confirm This Pair</source>
      <translation>确认此句对</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="137" />
      <source>Confirm pair</source>
      <translation>确认句对</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="138" />
      <source>Write the Translation…</source>
      <translation>撰写译文…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/alignment.py" line="140" />
      <source>Delete This Imported Document</source>
      <translation>删除此导入文档</translation>
    </message>
  </context>
  <context>
    <name>AnnotationsController</name>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="43" />
      <source>Yellow</source>
      <translation>黄色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="43" />
      <source>Green</source>
      <translation>绿色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="43" />
      <source>Blue</source>
      <translation>蓝色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="43" />
      <source>Pink</source>
      <translation>粉色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="44" />
      <source>Orange</source>
      <translation>橙色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="62" />
      <source>Highlight</source>
      <translation>高亮</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="68" />
      <source>Optional comment</source>
      <translation>可选评论</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="74" />
      <source>Select words above to highlight only them; otherwise the whole sentence is highlighted.</source>
      <translation>在上方选中词语可只高亮所选部分；不选则高亮整句。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="77" />
      <source>Colour:</source>
      <translation>颜色：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="78" />
      <source>Comment:</source>
      <translation>评论：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="175" />
      <source>&amp;New Note on This Item…</source>
      <translation>为当前条目新建笔记(&amp;N)…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="176" />
      <source>Write a note on the page or sentence shown (Ctrl+Shift+N)</source>
      <translation>为当前页面或所选句子写笔记（Ctrl+Shift+N）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="177" />
      <source>&amp;Highlight Sentence…</source>
      <translation>高亮句子(&amp;H)…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="178" />
      <source>Highlight the selected sentence of the reader (Ctrl+H)</source>
      <translation>高亮阅读器中选中的句子（Ctrl+H）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="179" />
      <source>Notes</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="182" />
      <source>Annotations</source>
      <translation>批注</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="183" />
      <source>Every note, highlight and tag; double-click one to open it</source>
      <translation>全部笔记、高亮和标签；双击打开</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="192" />
      <source>Open a page, or select a sentence in the reader, to write a note on it.</source>
      <translation>请先打开一个页面，或在阅读器中选中一句，再为其写笔记。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="198" />
      <source>&amp;Undo %1</source>
      <translation>撤销(&amp;U) %1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="199" />
      <source>&amp;Redo %1</source>
      <translation>重做(&amp;R) %1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="210" />
      <source>You have an unsaved note kept as a draft, on %1: the Annotations tab lists it (kind 'Unsaved drafts').</source>
      <translation>您有一条未保存的笔记已存为草稿（在 %1 上）：“批注”标签页中可见（类型“未保存的草稿”）。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="212" />
      <source>You have %2 unsaved notes kept as drafts, the newest on %1: the Annotations tab lists them (kind 'Unsaved drafts').</source>
      <translation>您有 %2 条未保存的笔记已存为草稿，最新一条在 %1 上：“批注”标签页中可见（类型“未保存的草稿”）。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="236" />
      <source>Open a page (or select a sentence in the reader) to write notes on it.</source>
      <translation>打开一个页面（或在阅读器中选中一句）即可为其写笔记。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="238" />
      <source>On: %1</source>
      <translation>对象：%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="242" />
      <source>Sentence %1</source>
      <translation>句子 %1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="255" />
      <source>Your unsaved note on %1 is kept as a draft: it reopens when you go back there (Annotations tab, kind 'Unsaved drafts').</source>
      <translation>您在 %1 上未保存的笔记已存为草稿：回到该条目时会重新打开（也可在“批注”标签页按类型“未保存的草稿”查看）。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="344" />
      <source>Delete highlight</source>
      <translation>删除高亮</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="361" />
      <source>Select a sentence in the reader to highlight it.</source>
      <translation>请先在阅读器中选中一句再高亮。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="378" />
      <source>Highlight with Comment…</source>
      <translation>高亮并添加评论…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/controller.py" line="385" />
      <source>Delete Highlight (%1)</source>
      <translation>删除高亮（%1）</translation>
    </message>
  </context>
  <context>
    <name>AnnotationsPanel</name>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="42" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="42" />
      <source>Highlight</source>
      <translation>高亮</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="42" />
      <source>Tag</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="43" />
      <source>Unsaved draft</source>
      <translation>未保存的草稿</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="47" />
      <source>Person</source>
      <translation>人物</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="47" />
      <source>Organization</source>
      <translation>机构</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="47" />
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="48" />
      <source>Event</source>
      <translation>事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="48" />
      <source>Policy</source>
      <translation>政策</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="48" />
      <source>Technology</source>
      <translation>技术</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="49" />
      <source>Figure</source>
      <translation>数据</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="49" />
      <source>Document</source>
      <translation>文献</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="49" />
      <source>Passage</source>
      <translation>段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="120" />
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="120" />
      <source>Text</source>
      <translation>全文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="120" />
      <source>Item</source>
      <translation>条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="120" />
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="121" />
      <source>Edited</source>
      <translation>编辑时间</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="152" />
      <source>Orphaned: {0}</source>
      <translation>已失去对象：{0}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="229" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="229" />
      <source>Redo</source>
      <translation>重做</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="291" />
      <source>Annotations</source>
      <translation>批注</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="292" />
      <source>Search notes and highlights</source>
      <translation>搜索笔记和高亮</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="293" />
      <source>Colour</source>
      <translation>颜色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="297" />
      <source>Search notes and highlights (中文 or English)…</source>
      <translation>搜索笔记和高亮（中文或英文）…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="299" />
      <source>Rename, merge, colour or delete the tag chosen in the tag filter</source>
      <translation>重命名、合并、着色或删除标签筛选中选中的标签</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="300" />
      <source>Rename tag…</source>
      <translation>重命名标签…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="300" />
      <source>Merge into another tag…</source>
      <translation>合并到另一个标签…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="301" />
      <source>Colour…</source>
      <translation>颜色…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="301" />
      <source>Delete tag</source>
      <translation>删除标签</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="306" />
      <source>All kinds</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="306" />
      <source>Notes</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="307" />
      <source>Highlights</source>
      <translation>高亮</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="308" />
      <source>Unsaved drafts</source>
      <translation>未保存的草稿</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="309" />
      <source>Any item</source>
      <translation>全部条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="311" />
      <source>Any time</source>
      <translation>任何时间</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="311" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="311" />
      <source>Past 7 days</source>
      <translation>过去 7 天</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="312" />
      <source>Past 30 days</source>
      <translation>过去 30 天</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="312" />
      <source>Past year</source>
      <translation>过去一年</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="318" />
      <source>Yellow</source>
      <translation>黄色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="318" />
      <source>Green</source>
      <translation>绿色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="318" />
      <source>Blue</source>
      <translation>蓝色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="318" />
      <source>Pink</source>
      <translation>粉色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="319" />
      <source>Orange</source>
      <translation>橙色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="320" />
      <source>Any colour</source>
      <translation>全部颜色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="322" />
      <source>Any tag</source>
      <translation>全部标签</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="343" />
      <source>No annotations match these filters.</source>
      <translation>没有符合筛选条件的批注。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="344" />
      <source>No annotations yet: write a note on any page, or highlight a sentence in the reader.</source>
      <translation>尚无批注：可在任一页面写笔记，或在阅读器中高亮句子。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="347" />
      <source>1 annotation</source>
      <translation>1 条批注</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="347" />
      <source>{0} annotations</source>
      <translation>{0} 条批注</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="359" />
      <source>Delete note</source>
      <translation>删除笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="359" />
      <source>Delete highlight</source>
      <translation>删除高亮</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="360" />
      <source>Discard draft</source>
      <translation>丢弃草稿</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="361" />
      <source>Untag</source>
      <translation>移除标签</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="365" />
      <source>Recolour highlight</source>
      <translation>更改高亮颜色</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="369" />
      <source>Edit comment</source>
      <translation>编辑评论</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="411" />
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="418" />
      <source>Edit comment…</source>
      <translation>编辑评论…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="419" />
      <source>Remove tag</source>
      <translation>移除标签</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="419" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="424" />
      <source>Highlight comment</source>
      <translation>高亮评论</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="424" />
      <source>Comment:</source>
      <translation>评论：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="431" />
      <source>Rename tag</source>
      <translation>重命名标签</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="431" />
      <source>New name for '{0}':</source>
      <translation>“{0}”的新名称：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="439" />
      <source>Merge tag</source>
      <translation>合并标签</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="439" />
      <source>Merge '{0}' into:</source>
      <translation>将“{0}”合并到：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/panel.py" line="448" />
      <source>Tag colour</source>
      <translation>标签颜色</translation>
    </message>
  </context>
  <context>
    <name>ConfirmsDiscard</name>
    <message>
      <location filename="src/cgt_desktop/ui/common/discard.py" line="49" />
      <source>Discard your changes?</source>
      <translation>放弃您的修改？</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/common/discard.py" line="50" />
      <source>What you typed in this form has not been saved. Discard it?</source>
      <translation>您在此表单中填写的内容尚未保存。要放弃吗？</translation>
    </message>
  </context>
  <context>
    <name>DetailView</name>
    <message>
      <location filename="src/cgt_desktop/ui/browse/detail_view.py" line="152" />
      <source>Select a row on the left to see its page here, or press Ctrl+K to search everything.</source>
      <translation>在左侧选择一行即可在此查看其页面，或按 Ctrl+K 搜索全部内容。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/detail_view.py" line="163" />
      <source>Nothing in the corpus has the id %1.</source>
      <translation>语料中没有 ID 为 %1 的条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/detail_view.py" line="235" />
      <source>Editor's rendering: the sources do not give this name</source>
      <translation>编者译名：来源中未给出此名称</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="136" />
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="136" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="138" />
      <source>not stated in the sources</source>
      <translation>来源中未提及</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="140" />
      <source>your own title</source>
      <translation>你自己的标题</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="141" />
      <source>the editors' title: no source prints one</source>
      <translation>编者所拟标题：来源中无此标题</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="144" />
      <source>editor's rendering, not attested in the sources</source>
      <translation>编者译名，来源中未见</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="166" />
      <source>imported by you from %1</source>
      <translation>由您从 %1 导入</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="166" />
      <source>your own entry</source>
      <translation>您自己的条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="183" />
      <source>%1 of %2</source>
      <translation>%1 / 共 %2 项</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="199" />
      <source>Also known as</source>
      <translation>别名</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="205" />
      <source>Description</source>
      <translation>简介</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="213" />
      <source>Events</source>
      <translation>事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="223" />
      <source>Key figures</source>
      <translation>关键数据</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="227" />
      <source>Your corrections</source>
      <translation>您的更正</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="258" />
      <source>%1 passages</source>
      <translation>%1 处</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="258" />
      <source>1 passage</source>
      <translation>1 处</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="259" />
      <source>imported by you</source>
      <translation>由您导入</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="261" />
      <source>Mentioned in</source>
      <translation>提及于</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="269" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="271" />
      <source>As stated</source>
      <translation>原文表述</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="273" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="274" />
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="278" />
      <source>Value as stated</source>
      <translation>原文数值</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="281" />
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="283" />
      <source>As of</source>
      <translation>截至</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="285" />
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="290" />
      <source>Scope</source>
      <translation>范围</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="294" />
      <source>About</source>
      <translation>关于</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="301" />
      <source>Outlet</source>
      <translation>媒体</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="301" />
      <source>not stated</source>
      <translation>未注明</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="302" />
      <source>Original language</source>
      <translation>原文语言</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="304" />
      <source>Read</source>
      <translation>阅读</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="304" />
      <source>Open in the reader</source>
      <translation>在阅读器中打开</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="324" />
      <source>since %1</source>
      <translation>%1起</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="326" />
      <source>until %1</source>
      <translation>至%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="341" />
      <source>Relations</source>
      <translation>关系</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="348" />
      <source>Show passage</source>
      <translation>查看段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="352" />
      <source>Copy id</source>
      <translation>复制编号</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="356" />
      <source>Sources</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="356" />
      <source>No passage cites this entry.</source>
      <translation>没有段落引用此条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="372" />
      <source>%1 more — show all</source>
      <translation>另有 %1 项 — 全部显示</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="392" />
      <source>Text</source>
      <translation>全文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="404" />
      <source>Passage</source>
      <translation>段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="410" />
      <source>In its paragraph</source>
      <translation>所在段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/page_html.py" line="411" />
      <source>Document</source>
      <translation>文献</translation>
    </message>
  </context>
  <context>
    <name>EntityTable</name>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="47" />
      <source>People</source>
      <translation>人物</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="47" />
      <source>Organizations</source>
      <translation>机构</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="47" />
      <source>Places</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="48" />
      <source>Events</source>
      <translation>事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="48" />
      <source>Policies</source>
      <translation>政策</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="48" />
      <source>Technologies</source>
      <translation>技术</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="49" />
      <source>Figures</source>
      <translation>数据</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="49" />
      <source>Documents</source>
      <translation>文献</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="49" />
      <source>Passages</source>
      <translation>段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="50" />
      <source>Person</source>
      <translation>人物</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="50" />
      <source>Organization</source>
      <translation>机构</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="50" />
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="51" />
      <source>Event</source>
      <translation>事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="51" />
      <source>Policy</source>
      <translation>政策</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="51" />
      <source>Technology</source>
      <translation>技术</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="52" />
      <source>Figure</source>
      <translation>数据</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="52" />
      <source>Document</source>
      <translation>文献</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="52" />
      <source>Passage</source>
      <translation>段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="58" />
      <source>English name</source>
      <translation>英文名</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="58" />
      <source>Chinese name</source>
      <translation>中文名</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="58" />
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="59" />
      <source>Sources</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="60" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="60" />
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="60" />
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="60" />
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="61" />
      <source>As of</source>
      <translation>截至</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="61" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="61" />
      <source>Outlet</source>
      <translation>媒体</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="61" />
      <source>Sentences</source>
      <translation>句数</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="68" />
      <source>Any category</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="68" />
      <source>Any unit</source>
      <translation>全部单位</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="69" />
      <source>Any language</source>
      <translation>全部语言</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="69" />
      <source>Any type</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="70" />
      <source>Any organization</source>
      <translation>全部机构</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="70" />
      <source>Any place</source>
      <translation>全部地点</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="71" />
      <source>Any year</source>
      <translation>全部年份</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="81" />
      <source>your own entry</source>
      <translation>您自己的条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="81" />
      <source>you corrected this entry</source>
      <translation>您更正过此条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="178" />
      <source>Click to sort by this column; click again to reverse</source>
      <translation>点击按此列排序；再次点击反向排序</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="230" />
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="230" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="376" />
      <source>You have no entries of this kind yet. Right-click a sentence in the reader to add one, or a page to correct it.</source>
      <translation>您还没有此类条目。在阅读器中右键单击句子可新建条目，在条目页面右键单击可更正条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="380" />
      <source>The reference corpus has no entries of this kind.</source>
      <translation>参考语料中没有此类条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="383" />
      <source>Nothing matches these filters. Change the filter text, choose other values above, or clear the filters.</source>
      <translation>没有符合筛选条件的条目。请修改筛选文字、在上方选择其他值，或清除筛选。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="387" />
      <source>This list is empty: the corpus has no entries of this kind yet.</source>
      <translation>此列表为空：语料中暂无此类条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="469" />
      <source>… %1 more: type in the filter box</source>
      <translation>…另有 %1 项：请在筛选框中输入</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="479" />
      <source>Filter %1 (Chinese, English or pinyin)…</source>
      <translation>筛选%1（中文、英文或拼音）…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="481" />
      <source>Type to keep only the rows that match</source>
      <translation>输入文字，只保留匹配的行</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="483" />
      <source>Show only rows with this value</source>
      <translation>只显示具有此值的行</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="484" />
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="485" />
      <source>Select a row to see its page; click a column header to sort</source>
      <translation>选择一行查看其页面；点击列标题排序</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="486" />
      <source>List of %1</source>
      <translation>%1列表</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/entity_table.py" line="487" />
      <source>Filter %1</source>
      <translation>筛选%1</translation>
    </message>
  </context>
  <context>
    <name>EntriesController</name>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="43" />
      <source>New Entry Citing This Sentence</source>
      <translation>新建引用此句的条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="46" />
      <source>New Relation Citing This Sentence…</source>
      <translation>新建引用此句的关系…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="51" />
      <source>The Link to “%1” Is Wrong Here</source>
      <translation>此处指向“%1”的链接有误</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="71" />
      <source>Cite for Your Entry</source>
      <translation>为您的条目添加引用</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="83" />
      <source>New %1</source>
      <translation>新建%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="84" />
      <source>Added your entry “%1”.</source>
      <translation>已添加您的条目“%1”。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="98" />
      <source>New Relation</source>
      <translation>新建关系</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="113" />
      <source>Unlink Mention</source>
      <translation>取消提及链接</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="122" />
      <source>Change Your Entry…</source>
      <translation>修改您的条目…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="123" />
      <source>Delete Your Entry</source>
      <translation>删除您的条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="125" />
      <source>Correct This Entry…</source>
      <translation>更正此条目…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="126" />
      <source>New Relation from This Entry…</source>
      <translation>从此条目新建关系…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="130" />
      <source>Remove Your Correction</source>
      <translation>移除您的更正</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="134" />
      <source>Relation marked wrong</source>
      <translation>已标记有误的关系</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="135" />
      <source>Remove Correction</source>
      <translation>移除更正</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="164" />
      <source>Change Your Entry</source>
      <translation>修改您的条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/controller.py" line="195" />
      <source>Correct Entry</source>
      <translation>更正条目</translation>
    </message>
  </context>
  <context>
    <name>EntryDialog</name>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="31" />
      <source>Person</source>
      <translation>人物</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="31" />
      <source>Organization</source>
      <translation>机构</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="31" />
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="32" />
      <source>Policy</source>
      <translation>政策</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="32" />
      <source>Technology</source>
      <translation>技术</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="32" />
      <source>Event</source>
      <translation>事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="33" />
      <source>Figure</source>
      <translation>数据</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="70" />
      <source>Change Your Entry</source>
      <translation>修改您的条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="70" />
      <source>New Entry</source>
      <translation>新建条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="77" />
      <source>English name</source>
      <translation>英文名</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="78" />
      <source>Chinese name</source>
      <translation>中文名</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="82" />
      <source>YYYY, YYYY-MM or YYYY-MM-DD; empty: not stated</source>
      <translation>YYYY、YYYY-MM 或 YYYY-MM-DD；留空：未说明</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="83" />
      <source>last day of a period (optional)</source>
      <translation>时间段的最后一天（可选）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="84" />
      <source>why the date is approximate, or what the source says</source>
      <translation>日期为何是约数，或来源原文如何表述</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="85" />
      <source>Approximate (say why in the note)</source>
      <translation>约数（请在说明中写明原因）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="87" />
      <source>as the source prints it, e.g. 8场大会报告</source>
      <translation>按来源原文填写，例如 8场大会报告</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="88" />
      <source>YYYY, YYYY-MM or YYYY-MM-DD (optional)</source>
      <translation>YYYY、YYYY-MM 或 YYYY-MM-DD（可选）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="89" />
      <source>Already in the corpus?</source>
      <translation>语料中已有？</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="91" />
      <source>Use This One Instead</source>
      <translation>改用此条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="92" />
      <source>Cite this passage for the entry selected above instead of adding another</source>
      <translation>为上面选中的条目引用此段落，而不是再新建一个</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="103" />
      <source>Kind:</source>
      <translation>类别：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="104" />
      <source>English name:</source>
      <translation>英文名：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="105" />
      <source>Chinese name:</source>
      <translation>中文名：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="106" />
      <source>Already there:</source>
      <translation>已有条目：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="107" />
      <source>Type:</source>
      <translation>类型：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="108" />
      <source>Date:</source>
      <translation>日期：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="109" />
      <source>Until:</source>
      <translation>截止：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="111" />
      <source>Date as stated:</source>
      <translation>原文日期表述：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="112" />
      <source>Date note:</source>
      <translation>日期说明：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="113" />
      <source>Value as stated:</source>
      <translation>原文数值：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="114" />
      <source>As of:</source>
      <translation>截至：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="115" />
      <source>English description:</source>
      <translation>英文简介：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="116" />
      <source>Chinese description:</source>
      <translation>中文简介：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="121" />
      <source>Cites: %1</source>
      <translation>引用：%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="128" />
      <source>Passage in English</source>
      <translation>英文段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="128" />
      <source>Passage in Chinese</source>
      <translation>中文段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="133" />
      <source>Select a name in the passage above to fill it in, in either language.</source>
      <translation>在上面的段落中选中名称即可填入，中英文均可。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="172" />
      <source>(not stated)</source>
      <translation>（未说明）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/dialog.py" line="246" />
      <source>Select one of the entries listed first.</source>
      <translation>请先选中列出的一个条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="43" />
      <source>Cited passage</source>
      <translation>引用的段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="66" />
      <source>New Relation</source>
      <translation>新建关系</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="67" />
      <source>The first entry (type to find it)</source>
      <translation>第一个条目（输入以查找）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="68" />
      <source>The other entry (type to find it)</source>
      <translation>另一个条目（输入以查找）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="72" />
      <source>Predicate</source>
      <translation>关系类型</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="83" />
      <source>From:</source>
      <translation>从：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="84" />
      <source>Relation:</source>
      <translation>关系：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="85" />
      <source>To:</source>
      <translation>到：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="86" />
      <source>Role (English):</source>
      <translation>职务/角色（英文）：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="87" />
      <source>Role (Chinese):</source>
      <translation>职务/角色（中文）：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="88" />
      <source>Since:</source>
      <translation>起始：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="90" />
      <source>Cites:</source>
      <translation>引用：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="91" />
      <source>Note:</source>
      <translation>说明：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="135" />
      <source>Correct “%1”</source>
      <translation>更正“%1”</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="139" />
      <source>What to correct</source>
      <translation>更正内容</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="145" />
      <source>Relation is wrong: %1</source>
      <translation>关系有误：%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="152" />
      <source>Your value</source>
      <translation>您的值</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="157" />
      <source>why (required when you cite nothing)</source>
      <translation>原因（不引用段落时必填）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="160" />
      <source>Correct:</source>
      <translation>更正：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="161" />
      <source>Reference:</source>
      <translation>参考数据：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="162" />
      <source>Your value:</source>
      <translation>您的值：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="169" />
      <source>The reference entry is kept as it is: its page shows your value beside it.</source>
      <translation>参考条目保持不变：其页面会在旁边显示您的值。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="186" />
      <source>The relation stays in the reference data, struck through on its pages.</source>
      <translation>该关系仍保留在参考数据中，在页面上以删除线显示。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/other_dialogs.py" line="189" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/picker.py" line="33" />
      <source>Type a name to find it…</source>
      <translation>输入名称以查找…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/picker.py" line="34" />
      <source>Find an entry</source>
      <translation>查找条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/picker.py" line="37" />
      <source>Matching entries</source>
      <translation>匹配的条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/entries/picker.py" line="61" />
      <source>yours</source>
      <translation>您的</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="104" />
      <source>Export PDF dossier</source>
      <translation>导出 PDF 档案</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="106" />
      <source>Dossier</source>
      <translation>档案</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="108" />
      <source>Entity profiles</source>
      <translation>条目简介</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="108" />
      <source>Relations</source>
      <translation>关系</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="109" />
      <source>Timeline figure and events</source>
      <translation>时间线图和事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="109" />
      <source>Figures</source>
      <translation>数据</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="110" />
      <source>Bilingual passages</source>
      <translation>双语段落</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="110" />
      <source>Notes and highlights</source>
      <translation>笔记和高亮</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="111" />
      <source>Numbered citations and source list</source>
      <translation>编号引文和来源列表</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="112" />
      <source>Include</source>
      <translation>包含</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="122" />
      <source>English and Chinese</source>
      <translation>英文和中文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="122" />
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="123" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="129" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="134" />
      <source>Title:</source>
      <translation>标题：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="135" />
      <source>Names:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="136" />
      <source>Page size:</source>
      <translation>页面尺寸：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="137" />
      <source>File:</source>
      <translation>文件：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="145" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="146" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="147" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="197" />
      <source>The selection is empty: add people, organizations, events, passages or a period (Ctrl+E) before exporting.</source>
      <translation>选择集为空：导出前请先添加人物、机构、事件、段落或时间段（Ctrl+E）。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="201" />
      <source>1 item in the selection.</source>
      <translation>选集中有 1 个条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="202" />
      <source>%1 items in the selection.</source>
      <translation>选集中有 %1 个条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="213" />
      <source>The selection is empty: there is nothing to export.</source>
      <translation>选择集为空：没有可导出的内容。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="217" />
      <source>Choose a file name for the PDF.</source>
      <translation>请为 PDF 选择文件名。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="227" />
      <source>Collecting the selection…</source>
      <translation>正在收集选择集…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="270" />
      <source>Writing the PDF…</source>
      <translation>正在写入 PDF…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="284" />
      <source>Saved %1 (%2 pages).</source>
      <translation>已保存 %1（%2 页）。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="302" />
      <source>Export cancelled; nothing was written.</source>
      <translation>导出已取消；未写入任何内容。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="316" />
      <source>Save the dossier as</source>
      <translation>档案另存为</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/pdf/dialog.py" line="317" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
  </context>
  <context>
    <name>IdleBackup</name>
    <message>
      <location filename="src/cgt_desktop/ui/shell/idle_backup.py" line="144" />
      <source>Backed up your notes</source>
      <translation>已备份你的笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/idle_backup.py" line="150" />
      <source>Could not back up your notes: %1</source>
      <translation>无法备份你的笔记：%1</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="103" />
      <source>Import Article</source>
      <translation>导入文章</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="107" />
      <source>optional: the same article in the other language</source>
      <translation>可选：同一篇文章的另一语言版本</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="109" />
      <source>the file's own title if empty</source>
      <translation>留空则使用文件自身的标题</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="111" />
      <source>YYYY, YYYY-MM or YYYY-MM-DD; unknown if empty</source>
      <translation>YYYY、YYYY-MM 或 YYYY-MM-DD；留空即日期未知</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="114" />
      <source>recorded, never opened</source>
      <translation>仅记录，不会打开</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="116" />
      <source>Find from the text</source>
      <translation>根据文本判断</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="119" />
      <source>Article</source>
      <translation>文章</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="120" />
      <source>Translation</source>
      <translation>译文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="121" />
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="122" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="123" />
      <source>Outlet</source>
      <translation>媒体</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="124" />
      <source>Web address</source>
      <translation>网址</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="125" />
      <source>Original language</source>
      <translation>原文语言</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="126" />
      <source>Text, HTML, PDF (with a text layer) or DOCX. The original is kept as it is; your translation is labelled as yours, and each pair gets a confidence you can check.</source>
      <translation>支持纯文本、HTML、带文本层的 PDF 或 DOCX。原文保持原样；您的译文标注为您提供，每一对句子都有可供核对的置信度。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="134" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="154" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="160" />
      <source>Choose a file</source>
      <translation>选择文件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="172" />
      <source>Choose the article's file first.</source>
      <translation>请先选择文章文件。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="183" />
      <source>Reading the article…</source>
      <translation>正在读取文章…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="189" />
      <source>Reading the translation…</source>
      <translation>正在读取译文…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="190" />
      <source>Loading the dictionary…</source>
      <translation>正在加载词典…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="190" />
      <source>Aligning the translation…</source>
      <translation>正在对齐译文…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="202" />
      <source>Cancelled; nothing was imported.</source>
      <translation>已取消，未导入任何内容。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="208" />
      <source>The import failed ({error}); nothing was saved.</source>
      <translation>导入失败（{error}），未保存任何内容。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="217" />
      <source>Import article</source>
      <translation>导入文章</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="218" />
      <source>The article could not be saved.</source>
      <translation>无法保存该文章。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="223" />
      <source>Imported 1 passage; {low} to check.</source>
      <translation>已导入 1 个段落对，其中 {low} 个需要核对。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="224" />
      <source>Imported {count} passages; {low} to check.</source>
      <translation>已导入 {count} 个段落对，其中 {low} 个需要核对。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="236" />
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/imports/dialog.py" line="254" />
      <source>{summary} Undo removes it again.</source>
      <translation>{summary}撤销可将其移除。</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="69" />
      <source>Restore from Backup</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="71" />
      <source>Backups</source>
      <translation>备份</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="82" />
      <source>Restore…</source>
      <translation>恢复…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="85" />
      <source>Your data as it is now is kept as a copy beside it, and cgt-desktop opens again with the backup you choose.</source>
      <translation>你现在的数据会另存一份副本，cgt-desktop 随后用你选择的备份重新打开。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="145" />
      <source>&amp;Export Annotations…</source>
      <translation>导出批注(&amp;E)…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="146" />
      <source>Write your notes, highlights, tags and own entries to a file</source>
      <translation>把你的笔记、高亮、标签和自建条目写入文件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="147" />
      <source>Im&amp;port Annotations…</source>
      <translation>导入批注(&amp;P)…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="148" />
      <source>Merge an annotations file into your data (importing twice adds nothing)</source>
      <translation>把批注文件合并到你的数据（重复导入不会重复添加）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="149" />
      <source>&amp;Back Up Now</source>
      <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="150" />
      <source>&amp;Restore from Backup…</source>
      <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="151" />
      <source>Open &amp;Data Folder</source>
      <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="152" />
      <source>Show the folder that holds your data, backups and exports</source>
      <translation>显示存放你的数据、备份和导出文件的文件夹</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="153" />
      <source>&amp;Print…</source>
      <translation>打印(&amp;P)…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="154" />
      <source>Print the page, the document in the reader, or the selection's dossier</source>
      <translation>打印当前页面、阅读器中的文献，或选集的资料汇编</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="184" />
      <source>Export Annotations</source>
      <translation>导出批注</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="184" />
      <source>Annotations (*.json)</source>
      <translation>批注 (*.json)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="188" />
      <source>Exporting your annotations…</source>
      <translation>正在导出你的批注…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="193" />
      <source>Could not write %1: %2. Nothing was exported.</source>
      <translation>无法写入 %1：%2。未导出任何内容。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="197" />
      <source>nothing yet</source>
      <translation>暂无内容</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="198" />
      <source>Exported to %1:
%2</source>
      <translation>已导出到 %1：
%2</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="202" />
      <source>Not in the file: 1 unsaved note draft. Save it as a note to take it along.</source>
      <translation>文件中未包含：1 条未保存的笔记草稿。请先将其保存为笔记再导出。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="204" />
      <source>Not in the file: %1 unsaved note drafts. Save them as notes to take them along.</source>
      <translation>文件中未包含：%1 条未保存的笔记草稿。请先将其保存为笔记再导出。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="215" />
      <source>Import Annotations</source>
      <translation>导入批注</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="216" />
      <source>Annotations (*.json);;All files (*)</source>
      <translation>批注 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="224" />
      <source>Could not back up your data first (%1). Nothing was imported.</source>
      <translation>无法先备份你的数据（%1）。未导入任何内容。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="227" />
      <source>Importing %1…</source>
      <translation>正在导入 %1…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="232" />
      <source>%1

Nothing was imported.</source>
      <translation>%1

未导入任何内容。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="240" />
      <source>%1: %2 added, %3 updated, %4 already here</source>
      <translation>%1：新增 %2，更新 %3，已存在 %4</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="243" />
      <source>%1 changed on both sides (the newer edit is shown, the other kept)</source>
      <translation>%1 项两边都有修改（显示较新的修改，另一版本保留）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="246" />
      <source>The file had nothing to import.</source>
      <translation>文件中没有可导入的内容。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="247" />
      <source>Merged %1:

%2

Your data before the import is backed up as %3.</source>
      <translation>已合并 %1：

%2

导入前的数据已备份为 %3。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="253" />
      <source>notes</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="253" />
      <source>highlights</source>
      <translation>高亮</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="253" />
      <source>tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="254" />
      <source>tagged items</source>
      <translation>已加标签的条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="254" />
      <source>stars</source>
      <translation>星标</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="254" />
      <source>own entries</source>
      <translation>自建条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="255" />
      <source>corrections</source>
      <translation>更正</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="261" />
      <source>Backing up your data…</source>
      <translation>正在备份你的数据…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="267" />
      <source>Back Up Now</source>
      <translation>立即备份</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="267" />
      <source>Could not back up your data: %1</source>
      <translation>无法备份你的数据：%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="270" />
      <source>Backed up your data to %1 (%2)</source>
      <translation>已将你的数据备份到 %1（%2）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="280" />
      <source>There are no backups yet in %1. File → Back Up Now makes one; cgt-desktop also makes one when you quit.</source>
      <translation>%1 中还没有备份。“文件 → 立即备份”可创建备份；退出 cgt-desktop 时也会自动备份。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="288" />
      <source>Replace your data with the backup %1? Your data as it is now is kept as a copy beside it, and cgt-desktop opens again.</source>
      <translation>用备份 %1 替换你的数据？你现在的数据会另存一份副本，cgt-desktop 随后重新打开。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="297" />
      <source>Open Data Folder</source>
      <translation>打开数据文件夹</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="297" />
      <source>Your data is in %1</source>
      <translation>你的数据位于 %1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="325" />
      <source>&lt;h3&gt;cgt-desktop %1&lt;/h3&gt;&lt;p&gt;An offline bilingual reference on China's cell and gene therapy ecosystem.&lt;/p&gt;&lt;p&gt;Reference data built %2.&lt;/p&gt;</source>
      <translation>&lt;h3&gt;cgt-desktop %1&lt;/h3&gt;&lt;p&gt;关于中国细胞与基因治疗生态的离线双语资料库。&lt;/p&gt;&lt;p&gt;参考数据生成于 %2。&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="328" />
      <source>Your data: %1</source>
      <translation>你的数据：%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="329" />
      <source>Reference database: %1</source>
      <translation>参考数据库：%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="330" />
      <source>Runs on</source>
      <translation>运行环境</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="331" />
      <source>Licences</source>
      <translation>许可证</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="332" />
      <source>cgt-desktop itself is MIT-licensed. It never opens a network connection.</source>
      <translation>cgt-desktop 本身采用 MIT 许可证。它从不建立网络连接。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/file_actions.py" line="336" />
      <source>About cgt-desktop</source>
      <translation>关于 cgt-desktop</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="213" />
      <source>China cell &amp; gene therapy reference</source>
      <translation>中国细胞与基因治疗资料库</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="214" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="215" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="216" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="217" />
      <source>&amp;Go</source>
      <translation>转到(&amp;G)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="218" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="219" />
      <source>&amp;Preferences…</source>
      <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="220" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="221" />
      <source>&amp;Copy</source>
      <translation>复制(&amp;C)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="222" />
      <source>&amp;Search Everything</source>
      <translation>搜索全部(&amp;S)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="223" />
      <source>&amp;Filter This List</source>
      <translation>筛选此列表(&amp;F)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="224" />
      <source>&amp;Back</source>
      <translation>后退(&amp;B)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="225" />
      <source>Back to the previous page (Alt+Left)</source>
      <translation>返回上一页（Alt+左方向键）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="226" />
      <source>&amp;Forward</source>
      <translation>前进(&amp;F)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="227" />
      <source>Forward to the next page (Alt+Right)</source>
      <translation>前往下一页（Alt+右方向键）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="228" />
      <source>Clear &amp;Period Filter</source>
      <translation>清除时间段筛选(&amp;P)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="229" />
      <source>&amp;Import Article…</source>
      <translation>导入文章(&amp;I)…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="230" />
      <source>Add an article of your own, with its translation if you have one (or drop the files on the window)</source>
      <translation>添加您自己的文章，如有译文可一并添加（也可将文件拖到窗口上）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="232" />
      <source>&amp;About cgt-desktop</source>
      <translation>关于 cgt-desktop(&amp;A)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="234" />
      <source>About &amp;Qt</source>
      <translation>关于 &amp;Qt</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="235" />
      <source>Navigation</source>
      <translation>导航</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="237" />
      <source>Views</source>
      <translation>视图</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="238" />
      <source>Search everything</source>
      <translation>搜索全部</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="240" />
      <source>Show all periods again</source>
      <translation>重新显示所有时间段</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="248" />
      <source>Page</source>
      <translation>页面</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="250" />
      <source>Timeline</source>
      <translation>时间线</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="251" />
      <source>Events on a time axis; select a period to filter every list</source>
      <translation>时间轴上的事件；选择一个时间段即可筛选所有列表</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="253" />
      <source>Loading the timeline…</source>
      <translation>正在载入时间线…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="255" />
      <source>Reader</source>
      <translation>阅读器</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="256" />
      <source>A source in its original language beside the project's translation</source>
      <translation>原文与本项目译文并排对照</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="259" />
      <source>Loading the reader…</source>
      <translation>正在加载阅读器…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="263" />
      <source>Annotations</source>
      <translation>批注</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/main_window.py" line="387" />
      <source>Nothing in the corpus has the id %1.</source>
      <translation>语料中没有 ID 为 %1 的条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/printing.py" line="65" />
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/printing.py" line="65" />
      <source>Open a page or a document to print it, or add items to the selection (Ctrl+E) to print their dossier.</source>
      <translation>打开一个页面或一篇文献即可打印；或把条目加入选集（Ctrl+E）以打印其资料汇编。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/printing.py" line="78" />
      <source>Printing the dossier…</source>
      <translation>正在打印资料汇编…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/status.py" line="59" />
      <source>Saved the timeline as {path}</source>
      <translation>时间线已保存为 {path}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/status.py" line="62" />
      <source>Copied the id {id}</source>
      <translation>已复制编号 {id}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/status.py" line="86" />
      <source>Showing %1 of %2 · %3</source>
      <translation>显示 %1 / %2 · %3</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/status.py" line="91" />
      <source>%1 entries in the corpus</source>
      <translation>语料共 %1 个条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/status.py" line="95" />
      <source>Period: %1 – %2</source>
      <translation>时间段：%1 – %2</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/status.py" line="129" />
      <source>%1 of %2 shown. Browse, sort and filter all entries of this kind.</source>
      <translation>显示 %1 / %2 条。浏览、排序和筛选此类全部条目。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/status.py" line="162" />
      <source>Orgs</source>
      <translation>机构</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/status.py" line="162" />
      <source>Tech</source>
      <translation>技术</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/status.py" line="162" />
      <source>Docs</source>
      <translation>文献</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/user_data.py" line="75" />
      <source>All entries</source>
      <translation>全部条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/user_data.py" line="76" />
      <source>Yours</source>
      <translation>您的</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/user_data.py" line="77" />
      <source>Reference only</source>
      <translation>仅参考数据</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/user_data.py" line="79" />
      <source>Show every entry, only yours (your own and those you corrected), or only the reference corpus's, in every list</source>
      <translation>在所有列表中显示全部条目、仅您的条目（您新建的和您更正过的），或仅参考语料的条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/user_data.py" line="82" />
      <source>Whose entries</source>
      <translation>条目来源</translation>
    </message>
  </context>
  <context>
    <name>NotesWidget</name>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="175" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="175" />
      <source>Redo</source>
      <translation>重做</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="210" />
      <source>Notes</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="211" />
      <source>Star this item</source>
      <translation>为此条目加星标</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="212" />
      <source>Add a tag…</source>
      <translation>添加标签…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="213" />
      <source>Add a tag</source>
      <translation>添加标签</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="214" />
      <source>Notes on this item</source>
      <translation>此条目的笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="215" />
      <source>Note text</source>
      <translation>笔记内容</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="216" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="217" />
      <source>Write a note (Markdown: **bold**, *italic*, - lists, [links](https://…))</source>
      <translation>写笔记（Markdown：**粗体**、*斜体*、- 列表、[链接](https://…)）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="218" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="219" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="220" />
      <source>New note</source>
      <translation>新建笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="221" />
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="222" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="244" />
      <source>Your unsaved note could not be kept ({0}); copy it or save it before you leave this item.</source>
      <translation>未能保留您未保存的笔记（{0}）；离开此条目前请复制或保存它。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="289" />
      <source>Created {0}, edited {1}</source>
      <translation>创建于 {0}，编辑于 {1}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="300" />
      <source>Unstar this item</source>
      <translation>取消此条目的星标</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="329" />
      <source>Discard this note?</source>
      <translation>丢弃这条笔记？</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="330" />
      <source>The text you wrote has not been saved. Discard it?</source>
      <translation>您写的内容尚未保存。要丢弃吗？</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="339" />
      <source>An empty note is not saved.</source>
      <translation>空笔记不会保存。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="349" />
      <source>Edit note</source>
      <translation>编辑笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="357" />
      <source>Delete note</source>
      <translation>删除笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="365" />
      <source>Tag '{0}'</source>
      <translation>标签“{0}”</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="369" />
      <source>Untag '{0}'</source>
      <translation>移除标签“{0}”</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="374" />
      <source>Add note</source>
      <translation>添加笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="398" />
      <source>Save or cancel the note you are writing first.</source>
      <translation>请先保存或取消正在写的笔记。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="409" />
      <source>Your unsaved note from {0} is back: save it, or cancel to discard it.</source>
      <translation>您在 {0} 未保存的笔记已恢复：可保存，或取消以丢弃。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="427" />
      <source>Your unsaved note could not be kept ({0}); it is still in the editor.</source>
      <translation>未能保留您未保存的笔记（{0}）；内容仍在编辑框中。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="464" />
      <source>No notes yet. Press 'New note' to write the first one.</source>
      <translation>尚无笔记。按“新建笔记”写下第一条。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="467" />
      <source>Created {0} · edited {1}</source>
      <translation>创建于 {0} · 编辑于 {1}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="478" />
      <source>Remove the tag '{0}'</source>
      <translation>移除标签“{0}”</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="499" />
      <source>Star</source>
      <translation>加星标</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/annotations/notes.py" line="499" />
      <source>Unstar</source>
      <translation>取消星标</translation>
    </message>
  </context>
  <context>
    <name>PageRenderer</name>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="27" />
      <source>English name</source>
      <translation>英文名</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="27" />
      <source>Chinese name</source>
      <translation>中文名</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="27" />
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="28" />
      <source>English description</source>
      <translation>英文简介</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="28" />
      <source>Chinese description</source>
      <translation>中文简介</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="28" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="29" />
      <source>Value as stated</source>
      <translation>原文数值</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="45" />
      <source>your correction</source>
      <translation>您的更正</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="45" />
      <source>reference:</source>
      <translation>参考数据：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="46" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="49" />
      <source>the reference value has changed since you corrected it</source>
      <translation>您更正后参考数据已有变化</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="56" />
      <source>you marked this wrong</source>
      <translation>您已标记为有误</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="58" />
      <source>(the reference no longer has it)</source>
      <translation>（参考数据中已不再有此项）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="67" />
      <source>A relation you marked wrong is no longer in the reference data.</source>
      <translation>您标记为有误的一条关系已不在参考数据中。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="68" />
      <source>%1 relations you marked wrong are no longer in the reference data.</source>
      <translation>您标记为有误的 %1 条关系已不在参考数据中。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="78" />
      <source>Relation marked wrong: %1</source>
      <translation>标记有误的关系：%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="85" />
      <source>cites</source>
      <translation>引用</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/browse/corrections_html.py" line="89" />
      <source>the reference no longer has this relation</source>
      <translation>参考数据中已不再有此关系</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <location filename="src/cgt_desktop/ui/shell/preferences_dialog.py" line="19" />
      <source>Preferences</source>
      <translation>偏好设置</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/preferences_dialog.py" line="22" />
      <source>English first</source>
      <translation>英文在前</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/preferences_dialog.py" line="22" />
      <source>Chinese first</source>
      <translation>中文在前</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/preferences_dialog.py" line="23" />
      <source>Both, side by side</source>
      <translation>中英并列</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/preferences_dialog.py" line="27" />
      <source>Which name of a person, organization or place comes first in lists, pages and search results</source>
      <translation>在列表、页面和搜索结果中，人物、机构或地点的哪种名称在前</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/preferences_dialog.py" line="33" />
      <source>Language of menus, buttons and labels (the corpus is always shown in both languages)</source>
      <translation>菜单、按钮和标签的语言（语料内容始终以双语显示）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/preferences_dialog.py" line="36" />
      <source>Name display:</source>
      <translation>名称显示：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/preferences_dialog.py" line="37" />
      <source>Interface language:</source>
      <translation>界面语言：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/shell/preferences_dialog.py" line="46" />
      <source>Changes apply when you press OK; nothing needs a restart.</source>
      <translation>按“确定”后生效，无需重启。</translation>
    </message>
  </context>
  <context>
    <name>ReaderController</name>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="99" />
      <source>Repeated paragraph: repeats {paragraph}</source>
      <translation>重复段落：重复 {paragraph}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="114" />
      <source>Translator's note: {note}</source>
      <translation>译者注：{note}</translation>
    </message>
  </context>
  <context>
    <name>ReaderPanel</name>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="415" />
      <source>No matches</source>
      <translation>无匹配</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="417" />
      <source>{current} of {total}</source>
      <translation>第 {current} 个，共 {total} 个</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="461" />
      <source>imported by you</source>
      <translation>由您导入</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="482" />
      <source>Document: original beside translation</source>
      <translation>文献：原文与译文对照</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="483" />
      <source>Documents</source>
      <translation>文献</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="484" />
      <source>Find in document</source>
      <translation>在文献中查找</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="485" />
      <source>Languages shown</source>
      <translation>显示的语言</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="486" />
      <source>Swap sides</source>
      <translation>交换左右</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="487" />
      <source>Put the translation on the left</source>
      <translation>把译文放在左侧</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="491" />
      <source>Both languages</source>
      <translation>双语</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="491" />
      <source>Original only</source>
      <translation>仅原文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="492" />
      <source>Translation only</source>
      <translation>仅译文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="495" />
      <source>Sync scrolling</source>
      <translation>同步滚动</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="496" />
      <source>Scroll both columns together</source>
      <translation>两栏一起滚动</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="497" />
      <source>A+</source>
      <translation>A+</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="498" />
      <source>Larger text (Ctrl+=)</source>
      <translation>放大文字（Ctrl+=）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="499" />
      <source>A−</source>
      <translation>A−</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="500" />
      <source>Smaller text (Ctrl+-)</source>
      <translation>缩小文字（Ctrl+-）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="501" />
      <source>Find</source>
      <translation>查找</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="502" />
      <source>Find in both languages (Ctrl+F)</source>
      <translation>在两种语言中查找（Ctrl+F）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="503" />
      <source>Find in document (both languages)</source>
      <translation>在文献中查找（两种语言）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="504" />
      <source>Previous</source>
      <translation>上一个</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="505" />
      <source>Next</source>
      <translation>下一个</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="506" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="512" />
      <source>Show boilerplate ({count})</source>
      <translation>显示页面杂项（{count}）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="513" />
      <source>Page furniture: ads, notices, app prompts, tag lists</source>
      <translation>页面杂项：广告、声明、应用提示、标签列表</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="517" />
      <source>Original</source>
      <translation>原文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="517" />
      <source>Translation</source>
      <translation>译文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="522" />
      <source>yours, aligned automatically</source>
      <translation>您提供，自动对齐</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="523" />
      <source>no translation yet: write one from a pair's menu</source>
      <translation>尚无译文：可在句对菜单中撰写</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="525" />
      <source>project translation</source>
      <translation>项目译文</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="527" />
      <source>Original · {language}</source>
      <translation>原文 · {language}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="528" />
      <source>Translation · {language} · {whose}</source>
      <translation>译文 · {language} · {whose}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="541" />
      <source>Choose a document to read</source>
      <translation>选择要阅读的文献</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="542" />
      <source>Each source shows in its original language beside the project's translation. You can also open one from a cited passage on any page.</source>
      <translation>每篇来源以原文与本项目译文并排显示。也可以在任意页面点击引用的段落打开。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="552" />
      <source>outlet not stated</source>
      <translation>媒体未注明</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="555" />
      <source>date unknown</source>
      <translation>日期不详</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="557" />
      <source>(printed: {stated})</source>
      <translation>（原文：{stated}）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="560" />
      <source>Imported by you from {file}</source>
      <translation>由您从 {file} 导入</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="562" />
      <source>{count} pairs to check</source>
      <translation>{count} 对需核对</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="564" />
      <source>Project translation by {translator}</source>
      <translation>项目译文，译者：{translator}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="565" />
      <source>Original language: {language}</source>
      <translation>原文语言：{language}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/panel.py" line="568" />
      <source>Date as printed: {stated}</source>
      <translation>原文日期：{stated}</translation>
    </message>
  </context>
  <context>
    <name>ReaderView</name>
    <message>
      <location filename="src/cgt_desktop/ui/reader/view.py" line="470" />
      <source>¶{paragraph}, sentence {sentence}</source>
      <translation>第{paragraph}段第{sentence}句</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/view.py" line="473" />
      <source>Aligned automatically, confidence {value:.2f}{check}</source>
      <translation>自动对齐，置信度 {value:.2f}{check}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/reader/view.py" line="474" />
      <source>: check this pair</source>
      <translation>：请核对这一对</translation>
    </message>
  </context>
  <context>
    <name>SearchPopup</name>
    <message>
      <location filename="src/cgt_desktop/ui/search/popup.py" line="153" />
      <source>Search everything (Ctrl+K)</source>
      <translation>搜索全部（Ctrl+K）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/search/popup.py" line="154" />
      <source>Search names, descriptions and documents in Chinese, English or pinyin; ↑/↓ choose, Enter opens</source>
      <translation>用中文、英文或拼音搜索名称、简介和文献；↑/↓ 选择，回车打开</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/search/popup.py" line="261" />
      <source>No results for “%1”. Did you mean:</source>
      <translation>未找到“%1”。您是否要找：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/search/popup.py" line="307" />
      <source>Show all %1 %2…</source>
      <translation>显示全部 %1 条%2…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/search/results.py" line="152" />
      <source>No results for “%1”. Try fewer or other words, pinyin, or an English term.</source>
      <translation>没有“%1”的结果。请尝试更少或其他的词、拼音或英文术语。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/search/results_page.py" line="69" />
      <source>Search: “%1” in %2</source>
      <translation>搜索：“%1”（%2）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/search/results_page.py" line="71" />
      <source>%1 results, best first.</source>
      <translation>共 %1 条结果，按相关度排序。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/search/results_page.py" line="72" />
      <source>The first %1 of %2 results, best first.</source>
      <translation>%2 条结果中的前 %1 条，按相关度排序。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/search/results_page.py" line="75" />
      <source>Nothing of this kind matches.</source>
      <translation>此类中没有匹配项。</translation>
    </message>
  </context>
  <context>
    <name>SelectionController</name>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="78" />
      <source>Add to &amp;Selection</source>
      <translation>加入选集(&amp;S)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="79" />
      <source>Add what is selected here to the selection for a PDF dossier (Ctrl+E)</source>
      <translation>将此处选中的内容加入选集，用于生成 PDF 资料集（Ctrl+E）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="80" />
      <source>&amp;Export to PDF…</source>
      <translation>导出为 PDF(&amp;E)…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="81" />
      <source>Export the selection as a bilingual PDF dossier</source>
      <translation>将选集导出为双语 PDF 资料集</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="82" />
      <source>Selection</source>
      <translation>选集</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="153" />
      <source>Nothing to add here: select a row, a page, a timeline period or a reader sentence first.</source>
      <translation>此处没有可加入的内容：请先选中一行、一个页面、一个时间轴时段或阅读器中的一句。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="157" />
      <source>Added 1 item to the selection.</source>
      <translation>已将 1 项加入选集。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="158" />
      <source>Added %1 items to the selection.</source>
      <translation>已将 %1 项加入选集。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="160" />
      <source>Already in the selection.</source>
      <translation>已在选集中。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="169" />
      <source>Export to PDF</source>
      <translation>导出为 PDF</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="170" />
      <source>The selection is empty. Add people, organizations, events, a timeline period or reader sentences with Ctrl+E (Edit → Add to Selection), then export again.</source>
      <translation>选集为空。请用 Ctrl+E（编辑 → 加入选集）添加人物、机构、事件、时间轴时段或阅读器中的句子，然后再导出。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="185" />
      <source>PDF saved: %1</source>
      <translation>PDF 已保存：%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="198" />
      <source>Selection: %1</source>
      <translation>选集：%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/controller.py" line="199" />
      <source>Items in the selection for the PDF dossier (Edit → Add to Selection, Ctrl+E)</source>
      <translation>选集中用于 PDF 资料集的条目（编辑 → 加入选集，Ctrl+E）</translation>
    </message>
  </context>
  <context>
    <name>SelectionPanel</name>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="52" />
      <source>(not in the data) %1</source>
      <translation>（数据中不存在）%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="57" />
      <source>Passage %1: %2</source>
      <translation>段落 %1：%2</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="60" />
      <source>Period %1 – %2</source>
      <translation>时间段 %1 – %2</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="65" />
      <source>Note: %1</source>
      <translation>笔记：%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="66" />
      <source>(note deleted) %1</source>
      <translation>（笔记已删除）%1</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="253" />
      <source>named selections need the user data</source>
      <translation>命名选择集需要用户数据</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="293" />
      <source>1 item selected</source>
      <translation>已选 1 个条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="293" />
      <source>%1 items selected</source>
      <translation>已选 %1 个条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="311" />
      <source>Nothing selected yet.
Press Ctrl+E on a person, organization, event, timeline period or reader passage to add it here.</source>
      <translation>尚未选择任何内容。
在人物、机构、事件、时间线时间段或阅读器段落上按 Ctrl+E，即可添加到这里。</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="314" />
      <source>Up</source>
      <translation>上移</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="317" />
      <source>Down</source>
      <translation>下移</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="319" />
      <source>Selection for the dossier</source>
      <translation>用于案卷的选集</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="320" />
      <source>Named selections</source>
      <translation>已命名的选集</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="321" />
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="322" />
      <source>Clear</source>
      <translation>清空</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="323" />
      <source>Export PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="324" />
      <source>Save as…</source>
      <translation>另存为…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="325" />
      <source>Load</source>
      <translation>载入</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="326" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="370" />
      <source>Save selection</source>
      <translation>保存选择集</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="370" />
      <source>Name:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/selection/panel.py" line="390" />
      <source>Add to selection</source>
      <translation>添加到选择集</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/controller.py" line="237" />
      <source>organizations</source>
      <translation>机构</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/controller.py" line="237" />
      <source>people</source>
      <translation>人物</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/event_list.py" line="35" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/event_list.py" line="36" />
      <source>As stated</source>
      <translation>原文表述</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/event_list.py" line="38" />
      <source>Approximate</source>
      <translation>近似</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/event_list.py" line="38" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/event_list.py" line="39" />
      <source>computed from the text</source>
      <translation>由文本推算</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/event_list.py" line="40" />
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/event_list.py" line="44" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/event_list.py" line="44" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/event_list.py" line="55" />
      <source>date not stated</source>
      <translation>未注明日期</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="211" />
      <source>%1 of %2 events shown</source>
      <translation>显示 %1 / %2 个事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="215" />
      <source>Events %1 – %2 (%3)</source>
      <translation>事件 %1 – %2（%3）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="217" />
      <source>Dated events (%3)</source>
      <translation>有日期的事件（%3）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="219" />
      <source>Date unknown, not plotted (%1)</source>
      <translation>日期不详，未绘制（%1）</translation>
    </message>
  </context>
  <context>
    <name>TimelinePanel</name>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="185" />
      <source>Export the timeline</source>
      <translation>导出时间线</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="186" />
      <source>The timeline was not exported: {why}</source>
      <translation>时间线未导出：{why}</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="194" />
      <source>SVG image (*.svg)</source>
      <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="194" />
      <source>PNG image (*.png)</source>
      <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="195" />
      <source>Export the timeline as</source>
      <translation>将时间线导出为</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="207" />
      <source>Laying out events…</source>
      <translation>正在布置事件…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="254" />
      <source>Lanes:</source>
      <translation>分道：</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="258" />
      <source>by category</source>
      <translation>按类别</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="258" />
      <source>by organization</source>
      <translation>按机构</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="258" />
      <source>by person</source>
      <translation>按人物</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="261" />
      <source>Filter events (English or 中文)…</source>
      <translation>筛选事件（英文或中文）…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="262" />
      <source>Select period</source>
      <translation>选择时间段</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="263" />
      <source>Drag across the plot to select a period (or Shift+drag any time)</source>
      <translation>在图上拖动以选择时间段（或随时按住 Shift 拖动）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="264" />
      <source>Clear period</source>
      <translation>清除时间段</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="265" />
      <source>2008–2025</source>
      <translation>2008–2025</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="266" />
      <source>Show the default years (Home key). In the plot: ←/→ pan, +/− zoom, Ctrl+←/→ go from event to event, Enter opens it</source>
      <translation>显示默认年份（Home 键）。在图中：←/→ 平移，+/− 缩放，Ctrl+←/→ 在事件间移动，Enter 打开</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="268" />
      <source>Timeline of events</source>
      <translation>事件时间线</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="269" />
      <source>Dated events</source>
      <translation>有日期的事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="270" />
      <source>Undated events</source>
      <translation>日期不详的事件</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="271" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="272" />
      <source>Save the view as it is shown (plot and legend) as an image</source>
      <translation>将当前视图（图表与图例）保存为图像</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="273" />
      <source>As PNG image…</source>
      <translation>PNG 图像…</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/panel.py" line="274" />
      <source>As SVG (vector) image…</source>
      <translation>SVG（矢量）图像…</translation>
    </message>
  </context>
  <context>
    <name>TimelinePlot</name>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/event_list.py" line="130" />
      <source>your own entry</source>
      <translation>您自己的条目</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/plot.py" line="254" />
      <source>exact day</source>
      <translation>确切日期</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/plot.py" line="255" />
      <source>month or year (any day in it)</source>
      <translation>月或年（其中任一天）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/plot.py" line="256" />
      <source>period (from–to)</source>
      <translation>时段（起止）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/plot.py" line="257" />
      <source>~ approximate (computed from the text)</source>
      <translation>~ 近似（据原文推算）</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/plot.py" line="264" />
      <source>approximate span</source>
      <translation>近似时段</translation>
    </message>
    <message>
      <location filename="src/cgt_desktop/ui/timeline/plot.py" line="265" />
      <source>linked to the selection</source>
      <translation>与所选条目相关</translation>
    </message>
  </context>
</TS>
