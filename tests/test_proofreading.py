"""Punctuation (P), wording (W) and residue (R) rules: positions, messages and the traps."""

import pytest

from .helpers import findings


@pytest.mark.parametrize("text, expected", [
    ("开展”学宪法“活动。", [("P001", 1, 3, "「”」前面没有对应的前半个（应与「“」成对）")]),
    ("学习《中华人民共和国宪法。", [("P001", 1, 3, "「《」没有配对的后半个（应与「》」成对）")]),
    ("印发《关于印发《甲办法》的通知》。",
     [("P002", 1, 8, "书名号内的书名号应改用单书名号〈〉：《甲办法》")]),
    ("依法行政，，不断提高。", [("P003", 1, 5, "标点“，，”重复")]),
    ("学习宪法、民法典……等法律。", [("P004", 1, 9, "“……”：省略号、顿号不与“等”连用")]),
    ("开展“12。4”国家宪法日活动。", [("P005", 1, 6, "以月日命名的节日，月和日之间用间隔号“·”，不用“。”")]),
    ("《纲要（2021-2025年）》", [("P006", 1, 5, "年份起止用浪纹线或一字线，“2021-2025”应写作“2021—2025”")]),
    ("学习《宪法》、《民法典》。", [("P007", 1, 7, "相邻的书名号或引号之间通常不用顿号")]),
    ("全年,市教育局召开会议。", [("P009", 1, 3, "半角“,”夹在中文里，应为全角“，”")]),
    ("全年,市教育局召开会议,研究部署;组织学习,开展培训,取得成效。",
     [("P008", 1, 3, "全文有 5 处半角标点（, ;）夹在中文里，多半是从网页复制时转换的；应改为全角")]),
])
def test_punctuation_findings(all_rules, text, expected):
    assert findings(text, all_rules, select=["punctuation"]) == expected


@pytest.mark.parametrize("text", [
    "开展“学宪法 讲宪法”活动，学习《关于印发〈甲办法〉的通知》。",
    "他说：“我们要……”“八五”普法——全面启动。",
    "满意率达12.4%，第12.4条，共1,234人，比例为3:1。",
    "发布日期：2025-01-21，电话：023-58123456。",
    "等级保护、等次评定。",
    "学习《宪法》《民法典》和“放管服”“最多跑一次”。",
])
def test_punctuation_traps(all_rules, text):
    assert findings(text, all_rules, select=["punctuation"]) == []


@pytest.mark.parametrize("text, expected", [
    ("截止2024年底，共办理35件。", [("W001", 1, 1, "表示“到某时为止”应写“截至”，不是“截止”")]),
    ("推进法制政府建设。", [("W002", 1, 3, "“法制政府”应为“法治政府”")]),
    ("配备法制副校长。", [("W003", 1, 3, "“法制副校长”现称“法治副校长”")]),
    ("加强法制教育。", [("W005", 1, 3, "“法制”现一般写作“法治”：“法治宣传教育”“法治教育”“法治观念”")]),
    ("根据《法治政府建设与责任落实督查工作规定》。",
     [("W006", 1, 4, "文件名称有误：应为《法治政府建设与责任落实督察工作规定》（督察，不是督查）")]),
    ("贯彻习法治思想。", [("W007", 1, 3, "“习”后面的提法不完整，应为“习近平新时代中国特色社会主义思想”或“习近平法治思想”")]),
    ("以新时代中国特色社会主义思想为指导。", [("W008", 1, 2, "“新时代中国特色社会主义思想”前缺少“习近平”")]),
    ("不断的提高水平。", [("W010", 1, 1, "“不断的”后面是动词，修饰动词应用“地”")]),
    ("其它事项。", [("W011", 1, 1, "“其它”一般写作“其他”")]),
    ("依照《中华人民共和国行政监察法》开展监督。",
     [("W013", 1, 3, "《中华人民共和国行政监察法》已废止：2018年3月20日《中华人民共和国监察法》施行时废止")]),
    ("学习《家庭教育创促进法》。", [("W013", 1, 3, "《家庭教育创促进法》疑为《家庭教育促进法》")]),
    # As far as a name may be: one character replaced in a short name, two in a long one.
    ("学习《国家安金法》。", [("W013", 1, 3, "《国家安金法》疑为《国家安全法》")]),
    ("学习《公职人员攻务外分法》。", [("W013", 1, 3, "《公职人员攻务外分法》疑为《公职人员政务处分法》")]),
    ("学习《法治政府建没实施纲要（2021—2025年）》。",
     [("W013", 1, 3, "《法治政府建没实施纲要（2021—2025年）》疑为《法治政府建设实施纲要（2021—2025年）》")]),
])
def test_wording_findings(all_rules, text, expected):
    assert findings(text, all_rules, select=["wording"]) == expected


@pytest.mark.parametrize("text", [
    "截止到2024年底，报名截止日期为3月1日。",
    "落实重大执法决定法制审核制度，健全法制机构。",
    "学习《关于加强法制宣传教育的决议》。",
    "组织干部学习法治思想读本，深入学习习近平法治思想。",
    "作用得到充分的发挥，发挥积极的推动作用，采取积极的手段。",
    "学习《教育法》《体育法》《中华人民共和国民法典》《浙江省实施〈中华人民共和国教师法〉办法》。",
    "落实《甲市法治政府建设实施方案（2021—2025年）》《习近平法治思想学习纲要》。",
    "学习《国家安金税法》《公职人员攻务外分类法》。",  # one edit too many
])
def test_wording_traps(all_rules, text):
    assert findings(text, all_rules, select=["wording"]) == []


def test_stale_formulations_depend_on_the_report_year(all_rules):
    body = "被法制日报报道。深入学习全面依法治国新理念新思想新战略。\n"
    assert [c for c, *_ in findings("甲市2024年度法治政府建设情况报告\n" + body, all_rules,
                                    select=["W004", "W009"])] == ["W004", "W009"]
    assert findings("甲市2019年度法治政府建设情况报告\n" + body, all_rules, select=["W004", "W009"]) == []


@pytest.mark.parametrize("text, expected", [
    ("您当前位置：首页 > 政务公开\n发布日期：2025-01-21\n甲市2024年度法治政府建设情况报告\n",
     [("R001", 1, 1, "网页残留（第1—2行）：“您当前位置：首页 > 政务公开”不是报告正文")]),
    ("深化四 清单改革，推进依法行政。", [("R002", 1, 4, "中文之间有多余的空格")]),
    ("全年办理锟斤拷件。", [("R003", 1, 5, "乱码“锟斤拷”：文字在编码转换中损坏了")]),
    ("组织全市学校学校开展晨读。", [("R004", 1, 5, "“学校学校”：词语“学校”重复了")]),
])
def test_residue_findings(all_rules, text, expected):
    assert findings(text, all_rules, select=["residue"]) == expected


@pytest.mark.parametrize("text", [
    "参加“学宪法 讲宪法”活动，好好研究研究，推行一课一名师。",
    "局  长  张  三",
    "（此件公开发布）",
    "天天向上，人人参与。",
])
def test_residue_traps(all_rules, text):
    assert findings(text, all_rules, select=["residue"]) == []


def test_broken_paragraph(all_rules):
    text = "全年共开展普法宣传活动30场，\n覆盖群众5000余人次。\n主要做法如下：\n一是加强学习；\n二是完善制度。\n"
    assert findings(text, all_rules, select=["R005"]) == [
        ("R005", 1, 15, "段落在“活动30场，”后断行，下一行“覆盖群众50”是同一句话的后半部分")]


def test_mojibake_of_unseen_characters_gives_code_points():
    from lintlaw.engine.ruleset import load_rules, select_rules
    from lintlaw.engine.linter import lint
    from lintlaw.text.source import Source

    rules = select_rules(load_rules([]), ["R003", "W009"], None)
    text = "甲市2021年度法治政府建设情况报告\n文字\ue000乱码，深入学习全面依法治国新理念新思想新战略。\n"
    found = [(d.code, d.message) for d in lint(Source(path="r.txt", text=text), rules)]
    assert found == [
        ("R003", "乱码 U+E000：文字在编码转换中损坏了"),
        ("W009", "“全面依法治国新理念新思想新战略”：2020年11月中央全面依法治国工作会议后，这一提法统一为“习近平法治思想”"),
    ]


def test_quoted_sums_up_long_unseen_runs():
    from lintlaw.engine.shown import quoted

    assert quoted("锟斤拷") == "“锟斤拷”"
    assert quoted("\ue000\ue001\ue002\ue003") == " U+E000 U+E001 U+E002 等 4 个字符"
