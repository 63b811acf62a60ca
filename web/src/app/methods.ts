// The text of the methods page (/methods), in both languages: each measure the app shows, what it
// computes, its formula as the code computes it (server/analytics/*), and where it comes from.
// The anchors are the ids the "?" links beside each measure point to (components/Explain.tsx).
import type { Lang } from "./i18n.ts";

export const METHOD_IDS = ["rates", "minfreq", "g2", "logratio", "collocates", "logdice", "sketchdiff", "mi", "t", "llr", "dp", "trend", "trends", "match", "formulas", "themes", "gdex", "similar", "draftcheck", "export", "coding"] as const;
export type MethodId = (typeof METHOD_IDS)[number];

export interface Method {
  title: string;
  body: string[];
  /** the formula, as plain text */
  formula?: string;
  refs?: string[];
}

const REF = {
  dunning: "Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence. Computational Linguistics 19(1), 61–74.",
  rayson: "Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling. Proceedings of the Workshop on Comparing Corpora, ACL 2000, 1–6.",
  hardie: "Hardie, A. (2014). Log Ratio — an informal introduction. ESRC Centre for Corpus Approaches to Social Science (CASS), Lancaster University.",
  evert: "Evert, S. (2008). Corpora and collocations. In A. Lüdeling & M. Kytö (eds.), Corpus Linguistics: An International Handbook, vol. 2, 1212–1248. Berlin: de Gruyter.",
  rychly: "Rychlý, P. (2008). A lexicographer-friendly association score. Proceedings of Recent Advances in Slavonic Natural Language Processing (RASLAN 2008), 6–9.",
  gries: "Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora. International Journal of Corpus Linguistics 13(4), 403–437.",
  kilgarriff: "Kilgarriff, A., Husák, M., McAdam, K., Rundell, M. & Rychlý, P. (2008). GDEX: Automatically finding good dictionary examples in a corpus. Proceedings of the XIII EURALEX International Congress, 425–432.",
  bh: "Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate: a practical and powerful approach to multiple testing. Journal of the Royal Statistical Society, Series B 57(1), 289–300.",
  sketch: "Kilgarriff, A., Rychlý, P., Smrž, P. & Tugwell, D. (2004). The Sketch Engine. Proceedings of the XI EURALEX International Congress, 105–116.",
  church: "Church, K. W. & Hanks, P. (1990). Word association norms, mutual information, and lexicography. Computational Linguistics 16(1), 22–29.",
};

export const METHODS: Record<Lang, Record<MethodId, Method>> = {
  zh: {
    rates: {
      title: "每万字与每百万词",
      body: [
        "所有频率先按每万字给出：出现次数 ÷ 子语料正文字符数 × 10,000。字符数是清洗后正文的全部字符（含标点和段落之间的换行），也是所有偏移量的单位。",
        "每百万词放在旁边：出现次数 ÷ 子语料的词数 × 1,000,000。词是 jieba 用项目词典切出、含字母或数字的词（标点与空白不算，停用词算）。",
        "中文报告的长短用字数衡量最直观；每百万词便于和其他语料库软件的结果对照。",
      ],
      formula: "每万字 = f ÷ 字符数 × 10⁴　　每百万词 = f ÷ 词数 × 10⁶",
    },
    minfreq: {
      title: "最低频次",
      body: ["关键词对比中，一个词在 A、B 两侧合计出现少于这个次数就不列出。低频词的 G² 和对数比都不稳定：出现 1 次与 0 次的差别就能给出很大的对数比。"],
    },
    g2: {
      title: "G²（对数似然比）",
      body: [
        "衡量一个词在 A、B 两个子语料中的频率差异是否大于偶然。a、b 是该词在 A、B 中的次数，c、d 是 A、B 的词数。采用 Rayson 与 Garside（2000）的两格形式（UCREL 对数似然计算器的算法），不是 quanteda 的四格加 Williams 校正。",
        "符号表示方向：正值 = 在 A 中相对更常见，负值 = 在 B 中。G² ≥ 3.84 相当于 p < 0.05，≥ 6.63 相当于 p < 0.01，≥ 15.13 相当于 p < 0.0001（自由度 1）；同时检验成百上千个词时，应取更严的阈值。",
        "G² 说明差异是否可信，不说明差异有多大：大语料中很小的差异也会得到很大的 G²。大小看对数比。",
      ],
      formula: "E₁ = c(a+b)/(c+d)，E₂ = d(a+b)/(c+d)，G² = 2 [a ln(a/E₁) + b ln(b/E₂)]（0·ln0 记为 0）",
      refs: [REF.dunning, REF.rayson],
    },
    logratio: {
      title: "对数比（Log Ratio，效应量）",
      body: [
        "两侧相对频率之比的以 2 为底的对数（Hardie 2014）：1 表示在 A 中的频率是 B 的 2 倍，3 表示 8 倍，−1 表示在 B 中是 A 的 2 倍。",
        "一侧为 0 时以 0.5 代替，使只出现在一侧的词也有有限的效应量。“最小效应量”筛去 |对数比| 小于所选值的词。",
      ],
      formula: "Log Ratio = log₂( (a/c) ÷ (b/d) )",
      refs: [REF.hardie],
    },
    collocates: {
      title: "搭配词：窗口与计数",
      body: [
        "节点词每次出现的左右各若干个词位置构成窗口（标点和空白不占位置），窗口在句末（。！？；…或段落分隔）和报告首尾截止。重叠的窗口中一个位置只算一次。",
        "O = 窗口中出现搭配词 c 的位置数；W = 窗口覆盖的位置总数；f(n) = 节点词次数；f(c) = c 的次数；N = 子语料词数；期望 E = W·f(c)/N。",
      ],
      refs: [REF.evert],
    },
    logdice: {
      title: "logDice",
      body: [
        "Sketch Engine 的默认搭配度量（Rychlý 2008）：只看共现次数与两词各自的频率，与语料库大小无关，最大值 14。适合比较不同子语料中的搭配强度。",
        "写作页的搭配框架（/api/frames）：搭配词至少出现 rankMin 次（默认 3）才按 logDice 排序；更少的排在后面，按次数排列——只共现一两次的词（如“帮困送温暖”中的帮困）logDice 偶然偏高。动词按中心动词合并：一个词以语料中另一个被标为动词（v、vd、vi、vg）且至少两个字的词结尾时（深入开展、积极开展 → 开展；认真落实 → 落实），计入该中心动词并作为其形式列出；中心动词的 f(c) 为它本身及其所有形式在子语料中的次数之和。",
        "写作页的框架表默认按次数排列（sort=count）：写作者要的是与该词最常连用的说法，合并后的“开展”（含深入开展、积极开展）因此排在最前，logDice 照常列出以便比较；“按 logDice”切换回 Sketch Engine 的排序（也是 API 的默认值）。logDice 把高频动词排得较低，因为 f(c) 很大。",
      ],
      formula: "logDice = 14 + log₂( 2·O ÷ (f(n) + f(c)) )",
      refs: [REF.rychly],
    },
    sketchdiff: {
      title: "搭配对比（sketch difference）",
      body: [
        "Sketch Engine 的 sketch difference（Kilgarriff 等 2004）：同一个词在两个子语料中（如医院与机关、2015–2018 与 2019–2024），或两个词在同一子语料中（职代会与教代会），各关系（前面的动词、后接词、修饰语）的搭配词合成一张表。每一侧就是该侧的搭配框架（/api/frames，同一个选择函数），不另行计数。",
        "差值 = A 侧 logDice − B 侧 logDice。某一侧没有出现的搭配词，该侧按 0 计（logDice 0 表示几乎没有关联），所以只出现在一侧的搭配词，差值就是它在那一侧的 logDice。差值 ≥ 1（A 侧关联至少是 B 侧的两倍）偏向 A，≤ −1 偏向 B，其间为两者共有；颜色越深差值越大。",
        "至少一侧出现 rankMin 次（默认 3）的搭配词才参与排序；两侧都更少的排在后面。表中保留差值绝对值最大的行，从偏向 A 排到偏向 B，每侧给出 GDEX 评分最高的例句。",
      ],
      formula: "diff = logDice_A − logDice_B　（缺失一侧 logDice 记为 0）",
      refs: [REF.sketch, REF.rychly],
    },
    mi: {
      title: "MI（互信息）",
      body: ["观察共现与期望共现之比的对数（Church & Hanks 1990）。偏爱低频词：只共现一两次的罕见词也能得到很高的 MI，宜与最低频次一起看。"],
      formula: "MI = log₂(O ÷ E)",
      refs: [REF.church, REF.evert],
    },
    t: {
      title: "t 值",
      body: ["共现次数比期望多出多少，以 √O 为尺度（Evert 2008）。偏爱高频搭配，常把虚词排在前面；t ≥ 2 常被当作大致可信。"],
      formula: "t = (O − E) ÷ √O",
      refs: [REF.evert],
    },
    llr: {
      title: "LLR（搭配的对数似然比）",
      body: ["对“在窗口中 / 不在”ד是 c / 不是 c”的 2×2 位置表计算 G²（Dunning 1993）。O < E（两词相互回避）时记为负值。"],
      formula: "O₁₁ = O，O₁₂ = W − O，O₂₁ = f(c) − O，O₂₂ = N − W − f(c) + O；LLR = 2 Σ Oᵢⱼ ln(Oᵢⱼ/Eᵢⱼ)",
      refs: [REF.dunning, REF.evert],
    },
    dp: {
      title: "分布：每篇报告的次数",
      body: [
        "一个词的总频次可能来自少数几篇报告。“含该词的报告 / 报告数”说明它分布多广；词语分布中的数字可点开，列出对应的报告。",
        "Gries（2008）的 DP（离散度）把这一点压缩成一个数：0 表示均匀分布在各报告中（按报告长度），接近 1 表示集中在极少数报告。词频表的“离散度 DP”一栏按报告的词数计算。",
      ],
      formula: "DP = ½ Σᵢ | vᵢ/f − sᵢ |（vᵢ = 该词在第 i 篇的次数，f = 总次数，sᵢ = 第 i 篇占子语料的比例）",
      refs: [REF.gries],
    },
    trend: {
      title: "历年趋势：每个点依据的报告数",
      body: [
        "每个点标出该年的报告数 n。少于 3 篇报告的年份画为空心点且不与相邻年份连线：一篇报告的频率不能代表一年。没有报告的年份留空，不画穿过它的线。",
        "没有年份的报告不进入趋势，其数量在图上方说明。",
      ],
    },
    trends: {
      title: "升降词：斜率、置信区间与多重检验",
      body: [
        "每个词在每一年的频率是每万字出现次数（该年所选报告的出现次数 ÷ 该年报告的总字数 × 10000），出现次数由语料映像中每篇报告的词频行按年份相加（与词频表同一计数）。批量清单中的词语按“词语分布”的同一规则计数。",
        "只有报告数不少于“每年至少报告数”（默认 5）的年份参与拟合；少于这个数的年份列出但不计入：一两篇报告的频率不能代表一年。参与拟合的年份少于“至少年份数”（默认 5）时，不给出任何趋势。一个词在这些年份中出现少于 10 次，或只在少于 3 个年份出现，就不检验。",
        "斜率用加权最小二乘法求：以年份为自变量、每万字频率为因变量，权重为该年的字数（字数多的年份更可靠）。斜率的标准误由加权残差估计，而不是假定泊松分布：同一个词常集中在少数报告中，各年之间的波动远大于泊松分布所说的，残差如实反映这种波动。95% 置信区间用自由度为（年份数 − 2）的 t 分布：年份少时区间宽。",
        "同时检验成千上万个词，按 5% 的水平会有成百个纯属偶然的“趋势”，所以 p 值按 Benjamini–Hochberg 方法校正为 q（控制错误发现率）。一个词只有在 95% 区间不含 0 且 q ≤ 0.05 时才列为上升或下降；其余的按原因计数并在页面上说明。",
      ],
      formula: "b = Σ wᵢ(xᵢ − x̄)(yᵢ − ȳ) / Σ wᵢ(xᵢ − x̄)²   （x 年份，y 每万字频率，w 该年字数，x̄ ȳ 为加权均值）\ns² = Σ wᵢ(yᵢ − ȳ − b(xᵢ − x̄))² / (k − 2)   SE(b) = √(s² / Σ wᵢ(xᵢ − x̄)²)\n95% 区间 = b ± t₀.₉₇₅(k − 2) · SE(b)   p = P(|T| ≥ |b / SE(b)|)，T ~ t(k − 2)\nq：p 从小到大排第 i 位，q = min over j ≥ i of p₍ⱼ₎ · m / j（m 为检验的词数）",
      refs: [REF.bh],
    },
    match: {
      title: "分词匹配与子串匹配",
      body: [
        "分词匹配：查询词按 jieba（项目词典）切分，只匹配完全相同的词；切成多个词的查询只在这些词相邻时匹配。“帮扶”不会匹配“困难职工帮扶中心”内部。检索、语境索引和所有统计都用同一种匹配。",
        "子串匹配：在正文中找这串字符，不管词的边界，可以找到“在建工程”中的“工程”。",
        "同义词：若查询词是同义词集（corpus/synonyms.json）的键，默认也匹配其同义词，界面上列出实际匹配到的形式，可以关闭。",
      ],
    },
    formulas: {
      title: "套话模板",
      body: ["反复出现、中间有空位的固定说法（如“以……为抓手”“一是……二是……”）。列出模板、出现次数、所在报告数、各行业分布，以及填入空位最多的词。"],
    },
    themes: {
      title: "主题与主题词",
      body: ["每个主题是 corpus/themes.yaml 中的一组词（鼠标停在主题名上可看到）。一个主题的频率是这些词的出现次数之和（每万字）；报告数是至少提到其中一个词的报告。"],
    },
    gdex: {
      title: "佳例优先（GDEX 评分）",
      body: [
        "例句按一个 0 到 1 的分数排序，分数高的在前：KWIC 的“佳例优先”排序、写法聚类的例句与聚类顺序（同样常见的聚类之间）、搭配框架每一行的例句。评分借鉴 Sketch Engine 的 GDEX（Kilgarriff 等 2008），按工作报告的文体重新设定。",
        "满分 1，逐项扣分：不以句末标点（。！？；）结尾（标题）−0.5；以“一、”“（三）”“1.”“一是”等序号开头而其后不足 12 字（如“三是广泛开展劳动竞赛。”）−0.5，其后有完整内容 −0.1；短于 15 字 −0.3，长于 80 字 −0.2 至 −0.4；每个数字 −0.06（至多 −0.3）；年份、月日 −0.15；xx、××、**、空出的数字等占位符 −0.25；单位名称（……有限公司、……医院、……学校、……局，前面至少三个字）每个 −0.15（至多 −0.3）；以“此外、同时、另外、其中、这、该、为此”等承上启下的词开头 −0.2。给出该词的典型搭配词时，分数 = 0.85 × 上述分数 + 0.15 × 句中搭配词所占比例（至多计三个），只在分数相近的句子之间调整先后。",
        "同分的按原来的顺序（报告顺序）。评分只看句子本身的文字，可以复现：server/analytics/shared/gdex.ts。",
      ],
      refs: [REF.kilgarriff],
    },
    similar: {
      title: "相似句：说的是同一件事",
      body: [
        "候选句先按词的二元 TF-IDF 余弦加字的二元组（bigram）余弦打分（0.7 : 0.3；以草稿长度为枢轴的长度归一化，短句按它覆盖了草稿的多少计分）；草稿中四字以上的词在句中没有出现时，也按它包含的语料词计分，权重减半（女职工特殊权益 → 女职工、特殊、权益），最多计到原词的分数。",
        "再逐句乘以三个系数。跑题 × 0.4：句中没有草稿的任何一个关键词——关键词是草稿里最少见的词（idf 不低于最少见者的 75%，至多三个；“积极开展”这类副词加动词、虚词不算），在句子文字中查找，分词不同也算；长关键词的内部词有一半在句中也算——或者句子讲的是不足（不够、有待、差距……）而草稿不是。残句 × 0.5：没有句末标点的标题、只有一句短于 16 字的列项（“三是广泛开展劳动竞赛。”）、标题与下一句粘连、短于 GDEX 的长度下限。最后 × (0.75 + 0.25 × GDEX 分数)，让分数相近的句子中更好引用的在前。与草稿完全相同的句子仍为 1 分。",
        "检验：test/fixtures/similar-judged.json 中 19 条草稿（其中 5 条不参与调参），在自带语料上把出现在任一排序前 10 的句子逐句读过并判断（同一件事 + 可直接引用的完整句）。前 5 句的准确率（precision@5）为 0.811，原来的余弦排序为 0.432，本次修改前为 0.558；未参与调参的 5 条为 0.920。代码：server/analytics/similar.ts。",
      ],
      refs: [REF.kilgarriff],
    },
    draftcheck: {
      title: "整篇草稿的检查（结构、相似句、提法）",
      body: [
        "结构：草稿和语料报告的“部分”用同一规则识别。一级标题（一、 第一部分）和单独成行、没有句中标点的短标题，去掉序号、年份（20xx年）和占位符，截到第一个逗号、冒号或括号为止；剩下的核心不超过 14 字时按关键词归类，按以下顺序取第一个匹配的：存在的问题（问题、不足、差距、困难、缺点、短板、薄弱）、下一步打算（下一步、今后、明年、新的一年、打算、展望、设想）、指导思想（指导思想、总体要求、思路、目标、方针）、下一步打算（计划、安排、部署、对策、方向、任务、措施）、经验体会（体会、经验、启示、思考、做法）、工作回顾（回顾、总结、成绩、成效、亮点、工作情况、主要工作）。所以“存在问题及今后改进办法”算存在的问题，“主要工作打算”算下一步打算。较长的标题（加强民主管理，深化院务公开）是工作内容，不算部分；（一）及以下是部分中的条目。没有标题时，段首 100 字内的让步说法（但/也/还/仍……存在……问题/不足/差距，不足之处，还有……差距）算存在的问题；以“下一步、今后、新的一年、明年”开头、30 字内有“将、要、继续、重点”的段落算下一步打算。",
        "对照范围是同一行业、同一文种的报告；不足 3 篇时依次放宽为：同行业的工作总结与工作报告（二者都回顾一段时间的工作）、所有行业的同一文种、所有行业的总结与报告、全部报告，页面注明用了哪一级。每种部分给出有它的报告数与比例；至少一半的报告都有、草稿却没有的列为缺少，附至多 3 个例子（标题优先），点击在报告中打开到该处。",
        "每段最接近的句子：草稿的每个非标题段落（至多 40 段）用相似句的同一个算法（/api/similar）在该行业的报告中查找，每段 3 句。",
        "提法（计数覆盖全部报告）：同义词表（corpus/synonyms.json）中的词，若另一个成员的次数至少是它的 2 倍且不少于 3 次，列出那个更常用的说法（互相包含的成员，如送温暖与送温暖活动，不算替代）；有年份的报告按年份中位数分成前后两段（每段至少 10 篇才比较），前段至少 5 次、后段每万字频率不到前段一半且 G² ≥ 3.84 的词列为用法下降；语料中至多出现 1 次、又不在同义词表里的词列为罕见。只列数据支持的，并给出次数。",
        "草稿不保存：以 POST 请求体发送，不进网址、不写日志、不进结果缓存，算完即弃。代码：server/analytics/shared/sectionKinds.ts、server/analytics/draftCheck.ts。",
      ],
    },
    export: {
      title: "导出与来源说明",
      body: [
        "每个表格、列表和图表都可以导出全部结果（不只是屏幕上的行）：CSV（UTF-8 带 BOM，Excel 可直接打开；以 = + - @ 开头的文字单元格前加撇号，防止被当作公式执行；数字不变）、JSON（含来源说明）。",
        "来源说明记录：接口与参数（检索式、筛选条件、默认值）、语料版本（generation）与指纹（数据文件与人工更正的 sha256）、导出时间、行数。引用数字时请保存它。",
      ],
    },
    coding: {
      title: "分类标注与排除",
      body: [
        "在语境索引中为当前检索的每一行标注类别（如 实指 / 套话 / 无关）。一行由报告 id 与匹配在报告文本中的位置确定；标注随检索（词、匹配方式、筛选条件、搭配词、主题）保存在 data/codings.json，重建索引后仍在，已不在语料中的行列为“失效”，保留但不计入。",
        "类别分布按行业或年份统计当前所有行（不只本页）。在统计中排除某一类别时，该类别的每一行从其报告的次数中减去 1；次数减为 0 的报告不再算作含有该词；每万字等比率按减去后的次数计算。",
      ],
      formula: "count′(report) = count(report) − |{ 标为排除类别且仍在语料中的行 ∈ report }|;  docs′ = |{ report : count′ > 0 }|",
    },
  },
  en: {
    rates: {
      title: "Per 10k characters and per million words",
      body: [
        "Every rate is first given per 10,000 characters: occurrences ÷ characters of the subcorpus's clean text × 10,000. Characters are every character of the text (punctuation and the line breaks between paragraphs included), the unit of every offset.",
        "Per million words is beside it: occurrences ÷ words of the subcorpus × 1,000,000. Words are jieba tokens (project dictionary) with a letter or digit: punctuation and whitespace are not words, stopwords are.",
        "Characters are the natural length of a Chinese report; per million words compares with other corpus tools.",
      ],
      formula: "per 10k = f ÷ chars × 10⁴    per million = f ÷ words × 10⁶",
    },
    minfreq: {
      title: "Minimum count",
      body: ["In keyness, a word seen fewer times than this in A and B together is not listed. G² and log ratio are unstable for rare words: one occurrence against none gives a large log ratio."],
    },
    g2: {
      title: "G² (log-likelihood)",
      body: [
        "Whether a word's frequency differs between subcorpora A and B more than chance would make it. a, b are its counts in A and B; c, d the words of A and B. This is the two-cell form of Rayson & Garside (2000), as UCREL's log-likelihood wizard computes it, not quanteda's four-cell statistic with Williams' correction.",
        "The sign gives the direction: positive = relatively more frequent in A, negative = in B. G² ≥ 3.84 is p < 0.05, ≥ 6.63 p < 0.01, ≥ 15.13 p < 0.0001 (1 d.f.); testing hundreds of words at once calls for a stricter threshold.",
        "G² says whether a difference is reliable, not how large it is: in a large corpus a small difference gets a large G². For the size, read the log ratio.",
      ],
      formula: "E₁ = c(a+b)/(c+d), E₂ = d(a+b)/(c+d), G² = 2 [a ln(a/E₁) + b ln(b/E₂)] (0·ln 0 = 0)",
      refs: [REF.dunning, REF.rayson],
    },
    logratio: {
      title: "Log Ratio (effect size)",
      body: [
        "The binary log of the ratio of the relative frequencies (Hardie 2014): 1 means twice as frequent in A as in B, 3 eight times, −1 twice as frequent in B.",
        "A zero count is replaced by 0.5 so that a word found on one side only still has a finite effect size. The minimum effect filter drops words whose |log ratio| is below the chosen value.",
      ],
      formula: "Log Ratio = log₂( (a/c) ÷ (b/d) )",
      refs: [REF.hardie],
    },
    collocates: {
      title: "Collocates: windows and counts",
      body: [
        "A window is the given number of word positions each side of each occurrence of the node (punctuation and whitespace are not positions), cut at sentence ends (。！？；… or a paragraph break) and at the report's ends. A position covered by overlapping windows counts once.",
        "O = positions in windows holding the collocate c; W = positions the windows cover; f(n) = node occurrences; f(c) = c's occurrences; N = words of the subcorpus; expected E = W·f(c)/N.",
      ],
      refs: [REF.evert],
    },
    logdice: {
      title: "logDice",
      body: [
        "Sketch Engine's default collocation score (Rychlý 2008): co-occurrences against the two words' own frequencies, independent of corpus size, at most 14. Good for comparing collocations across subcorpora.",
        "In the writer's frames (/api/frames), a collocate is ranked by logDice only from rankMin occurrences (default 3); rarer rows follow, by count — a word seen once or twice with the term (帮困 in 帮困送温暖) scores a high logDice by chance. Verbs are grouped under their head verb: a word ending in another corpus word of at least two characters tagged as a verb (v, vd, vi, vg) counts under it and is listed as its form (深入开展, 积极开展 → 开展; 认真落实 → 落实); the head's f(c) is its own frequency plus its forms' in the subcorpus.",
        "The writing page orders its frames by count (sort=count): a writer wants the wording used most with the term, so the grouped 开展 (with 深入开展 and 积极开展 under it) comes first, its logDice shown beside; “by logDice” switches back to Sketch Engine's ranking (the API's default), which ranks a frequent verb lower because its f(c) is large.",
      ],
      formula: "logDice = 14 + log₂( 2·O ÷ (f(n) + f(c)) )",
      refs: [REF.rychly],
    },
    sketchdiff: {
      title: "Sketch difference",
      body: [
        "Sketch Engine's sketch difference (Kilgarriff et al. 2004): one term in two subcorpora (hospital vs agency, 2015–2018 vs 2019–2024) or two terms in one (职代会 vs 教代会), each relation's collocates (verbs before, words after, modifiers) in one table. Each side is that side's frames (/api/frames, the one selection function); nothing is counted a second way.",
        "diff = logDice on side A − logDice on side B. A collocate absent on one side scores 0 there (logDice 0: next to no association), so a collocate of one side only has that side's logDice as its difference. diff ≥ 1 (A's association at least twice B's) prefers A, ≤ −1 prefers B, in between both; the deeper the colour, the larger the difference.",
        "A collocate is ranked when it has rankMin occurrences (default 3) on at least one side; rows rarer on both sides follow. The table keeps the rows with the largest |diff|, from A-preferred to B-preferred, with each side's best example by GDEX.",
      ],
      formula: "diff = logDice_A − logDice_B   (an absent side's logDice counts as 0)",
      refs: [REF.sketch, REF.rychly],
    },
    mi: {
      title: "MI (mutual information)",
      body: ["The log of observed over expected co-occurrence (Church & Hanks 1990). It favours rare words — one or two co-occurrences of a rare word score high — so read it with a minimum count."],
      formula: "MI = log₂(O ÷ E)",
      refs: [REF.church, REF.evert],
    },
    t: {
      title: "t-score",
      body: ["How far co-occurrence exceeds expectation, scaled by √O (Evert 2008). It favours frequent pairs, often function words; t ≥ 2 is commonly read as roughly reliable."],
      formula: "t = (O − E) ÷ √O",
      refs: [REF.evert],
    },
    llr: {
      title: "LLR (log-likelihood of a collocation)",
      body: ["G² over the 2×2 table of positions, “in a window / not” × “c / not c” (Dunning 1993). Signed negative when O < E (the words avoid each other)."],
      formula: "O₁₁ = O, O₁₂ = W − O, O₂₁ = f(c) − O, O₂₂ = N − W − f(c) + O; LLR = 2 Σ Oᵢⱼ ln(Oᵢⱼ/Eᵢⱼ)",
      refs: [REF.dunning, REF.evert],
    },
    dp: {
      title: "Dispersion: counts per report",
      body: [
        "A word's total can come from a few reports. “Reports with it / reports” says how widely it is spread; the term breakdown's numbers open the reports they count.",
        "Gries' (2008) DP condenses this into one number: 0 = spread evenly over the reports (by their length), near 1 = concentrated in very few. The word list's DP column uses each report's word count as its size.",
      ],
      formula: "DP = ½ Σᵢ | vᵢ/f − sᵢ | (vᵢ = count in report i, f = total count, sᵢ = report i's share of the subcorpus)",
      refs: [REF.gries],
    },
    trend: {
      title: "Trends: the reports each point rests on",
      body: [
        "Each point shows n, the reports of that year. Years with fewer than 3 reports are hollow and not joined to their neighbours: one report's rate does not stand for a year. Years without reports stay empty and no line crosses them.",
        "Reports without a year are left out of the trend; how many there are is said above it.",
      ],
    },
    trends: {
      title: "Rising and falling words: slope, interval and multiple testing",
      body: [
        "A word's rate in a year is per 10,000 characters (its occurrences in that year's selected reports ÷ their characters × 10,000), summed by year from the per-report word counts the corpus image keeps (the word list's own count). Terms of a pasted list are counted as the term breakdown counts them.",
        "Only years with at least \"reports a year\" reports (default 5) are fitted; smaller years are listed but left out: one or two reports do not stand for a year. With fewer fitted years than \"years at least\" (default 5) nothing is called a trend. A word occurring fewer than 10 times in those years, or in fewer than 3 of them, is not tested.",
        "The slope is weighted least squares of the per-10k rate on the year, each year weighted by its characters (a large year tells more). Its standard error comes from the weighted residuals rather than a Poisson assumption: a word clusters in a few reports, so years vary far more than Poisson says, and the residuals measure that spread as it is. The 95% interval uses Student's t with (years − 2) degrees of freedom: wide when the years are few.",
        "Testing thousands of words at 5% would list hundreds of chance trends, so p is adjusted to q by Benjamini–Hochberg (the false discovery rate). A word is listed rising or falling only when its 95% interval excludes 0 and q ≤ 0.05; the others are counted by reason and the page says so.",
      ],
      formula: "b = Σ wᵢ(xᵢ − x̄)(yᵢ − ȳ) / Σ wᵢ(xᵢ − x̄)²   (x year, y rate per 10k, w the year's characters, x̄ ȳ weighted means)\ns² = Σ wᵢ(yᵢ − ȳ − b(xᵢ − x̄))² / (k − 2)   SE(b) = √(s² / Σ wᵢ(xᵢ − x̄)²)\n95% interval = b ± t₀.₉₇₅(k − 2) · SE(b)   p = P(|T| ≥ |b / SE(b)|), T ~ t(k − 2)\nq: with p ranked i-th of m, q = min over j ≥ i of p₍ⱼ₎ · m / j",
      refs: [REF.bh],
    },
    match: {
      title: "Word matching and substring matching",
      body: [
        "Word matching: the query is cut by jieba (project dictionary) and matches the same words only; a query cut into several words matches where they are adjacent. 帮扶 does not match inside 困难职工帮扶中心. Search, the concordance and every analytic match the same way.",
        "Substring matching: the string anywhere in the text, regardless of word boundaries: 工程 inside 在建工程.",
        "Synonyms: a query word that keys a synonym set (corpus/synonyms.json) also matches its synonyms by default; the forms actually matched are listed and can be switched off.",
      ],
    },
    formulas: {
      title: "Formulas",
      body: ["Fixed wordings with slots that recur (以…为抓手, 一是…二是…): the frame, its occurrences, the reports and sectors using it, and the words that most often fill the slots."],
    },
    themes: {
      title: "Themes and their terms",
      body: ["Each theme is a list of terms in corpus/themes.yaml (hover a theme's name to see them). A theme's rate is the occurrences of its terms summed (per 10k characters); its reports are those mentioning at least one of them."],
    },
    gdex: {
      title: "Best examples first (GDEX score)",
      body: [
        "Example sentences are ordered by a score from 0 to 1, best first: KWIC's \u201cbest examples\u201d sort, the examples of a phrasing cluster and the order of equally common clusters, and each frame row's example. The score follows Sketch Engine's GDEX (Kilgarriff et al. 2008), set for the genre of work reports.",
        "It starts at 1 and loses points: no sentence end (。！？；) — a heading — −0.5; a list marker (一、 （三） 1. 一是) with fewer than 12 characters after it (三是广泛开展劳动竞赛。) −0.5, with real content after it −0.1; shorter than 15 characters −0.3, longer than 80 −0.2 to −0.4; each numeral −0.06 (at most −0.3); a year or a month/day −0.15; a placeholder (xx, ××, **, a blank where a number was cut) −0.25; each unit name (…有限公司, …医院, …学校, …局, at least three characters before it) −0.15 (at most −0.3); an opener that points back (此外, 同时, 另外, 其中, 这, 该, 为此) −0.2. Given the term's typical collocates, the score is 0.85 × that + 0.15 × the share of them (up to three) in the sentence, which only reorders near ties.",
        "Ties keep their order (report order). The score reads only the sentence's own text and is reproducible: server/analytics/shared/gdex.ts.",
      ],
      refs: [REF.kilgarriff],
    },
    similar: {
      title: "Similar sentences: the same point",
      body: [
        "Candidates are first scored by the binary TF-IDF cosine of their words plus the cosine of their character bigrams (0.7 : 0.3; lengths normalised with the draft as pivot, so a short sentence scores by how much of the draft it covers). A draft word of four characters or more that a sentence lacks also counts through the corpus words inside it, at half weight and up to the word's own (女职工特殊权益 → 女职工, 特殊, 权益).",
        "Each candidate is then multiplied by three factors. Drift × 0.4: the sentence holds none of the draft's key terms — its rarest words (idf at least 75 % of the rarest, at most three; never a verb with its modifier such as 积极开展 nor a function word), looked for in the sentence's text so another segmentation still counts, a long key also counting when half the words inside it are there — or it states a shortcoming (不够, 有待, 差距 …) and the draft does not. Fragment × 0.5: a heading without a sentence end, a list item of one clause under 16 characters (三是广泛开展劳动竞赛。), a heading glued to the next sentence, or shorter than GDEX's length window. Finally × (0.75 + 0.25 × GDEX score), so among near ties the more quotable comes first. The identical sentence still scores 1.",
        "Checked on 19 drafts in test/fixtures/similar-judged.json (5 kept out of tuning): every sentence reaching any ranking's top 10 over the bundled corpus was read and judged (same point + a full sentence one could quote). precision@5 is 0.811, against 0.432 for plain cosine and 0.558 for the ranking before this one; 0.920 on the 5 drafts not tuned on. Code: server/analytics/similar.ts.",
      ],
      refs: [REF.kilgarriff],
    },
    draftcheck: {
      title: "Checking a whole draft (outline, similar sentences, formulations)",
      body: [
        "Outline: the draft's parts and the corpus reports' parts are found by one rule. Top-level headings (一、, 第一部分) and short lines of their own without sentence punctuation lose their numbering, years (20xx年) and placeholders and are cut at their first comma, colon or bracket; a core of at most 14 characters is a part, named by the first of these that matches: problems (问题, 不足, 差距, 困难, 缺点, 短板, 薄弱), next steps (下一步, 今后, 明年, 新的一年, 打算, 展望, 设想), guiding principles (指导思想, 总体要求, 思路, 目标, 方针), next steps (计划, 安排, 部署, 对策, 方向, 任务, 措施), lessons (体会, 经验, 启示, 思考, 做法), review (回顾, 总结, 成绩, 成效, 亮点, 工作情况, 主要工作). So 存在问题及今后改进办法 is a problems part and 主要工作打算 a next-steps part. A longer heading (加强民主管理，深化院务公开) is a topic, not a part; （一） and below are items of a part. Without a heading, a paragraph conceding problems in its first 100 characters (但/也/还/仍 … 存在 … 问题/不足/差距, 不足之处, 还有 … 差距) is a problems part, and one opening with 下一步, 今后, 新的一年 or 明年 with 将, 要, 继续 or 重点 within 30 characters a next-steps part.",
        "The draft is compared with the reports of its sector and type; with fewer than 3 of them the comparison widens, in this order, to the sector's 工作总结 and 工作报告 together (both review a period's work), the type in every sector, 总结 and 报告 in every sector, every report — the page says which. Each part is shown with the number and share of those reports that have it; a part at least half of them have and the draft lacks is missing, with up to 3 examples (headings first) that open the report at the part.",
        "Closest sentences: each paragraph of the draft that is not a heading (at most 40) is looked up with the similar-sentences analytic (/api/similar) among the sector's reports, 3 sentences each.",
        "Formulations, counted over every report: a word of the synonym list (corpus/synonyms.json) whose fellow member the corpus uses at least twice as often, and at least 3 times, is shown with that member (members holding one another, 送温暖 and 送温暖活动, are not alternatives); the dated reports are split at the median year into an earlier and a later half (compared only with at least 10 reports in each), and a word with at least 5 occurrences in the earlier half whose per-10k rate in the later half is below half of it, with G² ≥ 3.84, fell; a word the corpus has at most once and the synonym list lacks is rare. Only what the data carries is shown, with its counts.",
        "Nothing of the draft is kept: it is sent in a POST body, never in a URL, a log line or the result cache, and is dropped once answered. Code: server/analytics/shared/sectionKinds.ts, server/analytics/draftCheck.ts.",
      ],
    },
    export: {
      title: "Exports and their provenance",
      body: [
        "Every table, list and chart downloads in full (not just the rows on screen): CSV (UTF-8 with a BOM, opens in Excel; a text cell beginning with = + - @ gets a leading apostrophe so that a spreadsheet does not run it as a formula; numbers are untouched) and JSON (with its provenance).",
        "The provenance names the endpoint and its parameters (query, filters, defaults), the corpus generation and fingerprint (sha256 of the data files and the corrections), the time of export and the row count. Keep it beside any figure you cite.",
      ],
    },
    coding: {
      title: "Categorised concordances and exclusion",
      body: [
        "In the concordance each line of the query on screen can be given a category (e.g. 实指 / 套话 / 无关). A line is its report's id and the match's offset in the report's text; the coding is kept with the query (term, match, filters, collocate, theme) in data/codings.json and survives reindexing; a line no longer in the corpus is listed as stale, kept and not counted.",
        "The distribution counts every line of the concordance (not only the page's) by sector or year. Excluding a category subtracts one from its report's count for each of its lines; a report left with none no longer holds the term; rates are computed from the reduced counts.",
      ],
      formula: "count′(report) = count(report) − |{ lines of an excluded category still in the corpus, in report }|;  docs′ = |{ report : count′ > 0 }|",
    },
  },
};
