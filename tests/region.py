"""A small region of our own for the comparison rules (issue 22): six departments of 青石县,
each with its 政府信息公开工作年度报告 for 2023 and for 2024, written as text (tables as rows
of cells between "|") and as Word documents (real tables, merged header cells).

What is planted, and nothing else (tests/test_region.py reads every finding):
- 青石县教育局 2024: 上年结转 of 商业企业 is 1, last year's 结转下年度继续办理 0 (X001);
- 青石县卫生健康局 2024: 行政规范性文件 现行有效 26, where 2023's 18 + 5 − 1 make 22 (X002);
- 青石县交通运输局 2024: its （三）政府信息管理 paragraph is 2023's with new numbers (X003);
- 青石县农业农村局 and 青石县人民政府办公室 2024 share their （四）平台建设 paragraph (X004, both);
- every report holds the format's own sentences and the same stock paragraph (with its own
  name in it): boilerplate, never reported;
- 青石县市场监督管理局: both years agree, so no comparison finding;
- for the review's summary: 市场监督管理局 2024 lacks its 六、其他需要报告的事项 part (S012),
  卫生健康局 2023 was signed after the 1月31日 deadline (D006), and 交通运输局 2023's table
  三 does not add up in its 总计 column (T201, T203).

As PDF (form "pdf"), the same lines drawn with reportlab as an export draws them: each table
ruled, on a page of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

from .table_helpers import NOTE, REQUESTS, RESULTS, _docx_active, _docx_requests, _docx_review

YEARS = (2023, 2024)
MARKET, EDUCATION, HEALTH, TRANSPORT, AGRICULTURE, OFFICE = (
    "青石县市场监督管理局", "青石县教育局", "青石县卫生健康局", "青石县交通运输局", "青石县农业农村局",
    "青石县人民政府办公室")
ISSUERS = (MARKET, EDUCATION, HEALTH, TRANSPORT, AGRICULTURE, OFFICE)
FILES = {MARKET: "市场监管局", EDUCATION: "教育局", HEALTH: "卫生健康局", TRANSPORT: "交通运输局",
         AGRICULTURE: "农业农村局", OFFICE: "县政府办"}
SHORT = {MARKET: "我局", EDUCATION: "我局", HEALTH: "我委", TRANSPORT: "我局", AGRICULTURE: "我局", OFFICE: "我办"}


def intro(issuer: str, year: int) -> str:
    """The format's own sentences: what the report is compiled under, its parts, its period,
    where to download it, whom to ask."""
    return (f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开"
            f"工作年度报告格式》要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请"
            f"情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告"
            f"所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。本报告电子版可在青石县人民政府门户"
            f"网站下载。如对本报告有疑问，请与{issuer}联系（电话：0000-1234567）。")


def stock(issuer: str) -> str:
    """The paragraph every report of the region opens with, its own name in it: the policy
    formulae (stock phrases of the type) and the county's common wording, learnt as boilerplate."""
    return (f"{SHORT[issuer]}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，认真落实"
            "党中央、国务院关于全面推进政务公开的决策部署，严格执行《条例》规定。按照县政府办公室的统一部署，"
            f"{SHORT[issuer]}将政务公开工作纳入年度重点工作，明确分管负责同志和责任科室，形成主要负责同志亲自抓、"
            "分管负责同志具体抓、业务科室抓落实的工作格局。")


# Each report's own paragraphs: overview, （一）主动公开, （二）依申请公开, （三）政府信息管理,
# （四）平台建设, 五、存在的主要问题及改进情况.
SHARED_PLATFORM = ("全县统一的政务公开平台于10月完成迁移，本单位专栏按照县政府办公室制定的栏目标准重新设置为"
                   "机构职能、政策文件、规划计划、财政资金、重点领域五类，历史信息全部核对后迁入新平台，"
                   "迁移期间未出现信息丢失和链接失效。")
TRANSPORT_MANAGEMENT = ("严格落实信息发布前保密审查和合法性审核，实行起草科室初审、办公室复审、分管领导终审"
                        "的三级审核机制，全年审核拟公开信息{n}条，未发生泄密和不当公开事件；同时对现行有效的"
                        "规范性文件开展评估，清理后在门户网站集中公布目录。")
TEXTS = {
    (MARKET, 2023): [
        "2023年，我局围绕优化营商环境和守护食品药品安全两条主线推进政务公开，全年主动公开信息412条，"
        "行政许可和行政处罚信息均在作出决定之日起七个工作日内公示。",
        "重点公开食品安全监督抽检结果、特种设备安全监察信息和价格监督检查情况，全年发布抽检结果公告"
        "24期，对不合格产品的核查处置情况逐一公开，方便公众查询。",
        "全年收到政府信息公开申请19件，申请内容主要涉及企业登记档案和行政处罚决定，均在法定期限内答复，"
        "未发生因答复不当被纠错的情况。",
        "建立信息公开台账，对拟公开信息逐条登记发布时间、审核人员和公开方式，每季度由法规科抽查一次，"
        "发现问题当即整改，全年整改不规范信息5条。",
        "对局门户网站栏目进行梳理，合并重复栏目3个，新增企业信用信息查询入口，网站全年访问量较上年明显"
        "增加，网民留言全部在五个工作日内回复。",
        "一是部分基层所发布信息的格式不够统一；二是政策解读的形式比较单一。下一步将制定基层所信息发布"
        "模板，并增加图解、短视频等解读形式。",
    ],
    (MARKET, 2024): [
        "2024年，我局把政务公开融入市场监管执法全过程，全年主动公开信息463条，双随机抽查的计划、结果"
        "和后续处理情况全部向社会公开，接受企业和群众监督。",
        "围绕群众关心的校园食品安全和电梯安全，开设专题栏目发布检查通报12期，对检查中发现的问题单位和"
        "整改结果同步公开，推动问题整改到位。",
        "全年受理政府信息公开申请23件，较上年有所增加，其中涉及行政处罚案卷的申请占一半以上，我局在答复"
        "中逐项说明依据，并告知申请人救济途径。",
        "修订信息公开工作规程，明确各科室的公开职责和时限，把公开工作纳入年度绩效考核，对迟报、漏报"
        "信息的科室予以通报，全年通报2次。",
        "完成门户网站适老化和无障碍改造，上线政策文件智能检索功能，企业可按行业、事项和发布时间查找"
        "需要的文件，平均查找时间明显缩短。",
        "一是政策解读与群众关切的结合还不够紧密；二是信息公开队伍人员变动较多。下一步将建立解读需求"
        "征集机制，并加强业务培训。",
    ],
    (EDUCATION, 2023): [
        "2023年，我局聚焦义务教育招生、学生资助和校园安全等社会关注事项，全年主动公开信息287条，招生"
        "政策、学区划分和录取结果均提前向社会公布。",
        "在招生季开设专题页面，集中发布中小学招生工作方案和各校招生计划，并通过家长群、学校公众号同步"
        "推送，全年相关页面浏览量超过十万人次。",
        "全年收到政府信息公开申请14件，主要涉及学位分配和教师招聘，均按期答复，其中部分公开2件，对不予"
        "公开的内容逐一说明理由。",
        "建立教育信息公开目录并动态更新，对全县中小学办学条件、收费项目和标准进行集中公示，公示期间"
        "收到的群众意见已全部回复。",
        "整合局网站与教育公众号的发布流程，实现一次审核、多端发布，全年通过公众号发布政务信息156条，"
        "较上年增加三成。",
        "一是个别学校公示信息更新不及时；二是依申请公开答复文书的规范性有待提高。下一步将开展专项检查，"
        "并统一答复文书格式。",
    ],
    (EDUCATION, 2024): [
        "2024年，我局以办好人民满意的教育为目标推进政务公开，全年主动公开信息316条，重点做好课后服务、"
        "营养改善计划和校舍建设项目的信息公开。",
        "课后服务收费标准和服务内容在各校公示栏和局网站同步公布，营养改善计划的资金使用和供餐企业名单"
        "按学期公开，接受家长监督。",
        "全年收到政府信息公开申请17件，申请人多为学生家长，关注点集中在学位安排和转学政策，我局均在法定"
        "期限内答复，并电话回访申请人。",
        "对2020年以来发布的教育政策文件开展清理，废止和宣布失效的文件目录已在网站公布，现行有效文件"
        "统一标注有效状态。",
        "在局网站开设教育热线问答栏目，把群众咨询较多的问题及答复整理公开，全年公开问答二百余条，减少了"
        "重复咨询。",
        "一是部分政策解读专业性强、群众不易理解；二是学校层面的公开工作发展不平衡。下一步将推行图文解读，"
        "并把学校公开情况纳入督导评估。",
    ],
    (HEALTH, 2023): [
        "2023年，我委围绕深化医药卫生体制改革和疾病预防控制推进政务公开，全年主动公开信息354条，医疗"
        "机构执业登记和卫生监督执法信息全部按时公开。",
        "按月公开全县传染病疫情概况，及时发布健康提示和预防接种安排，在流感高发季节每周更新门诊接诊"
        "情况，引导群众有序就医。",
        "全年收到政府信息公开申请21件，涉及医疗纠纷处理、医疗机构资质等内容，均依法答复，对属于其他"
        "机关掌握的信息告知了申请人联系方式。",
        "规范卫生健康领域公开目录，明确医疗服务价格、医保定点机构等事项的公开主体，由办公室统一把关"
        "发布内容，全年未发生错发漏发。",
        "在委网站开设健康科普栏目，邀请县医院专家撰写科普文章，全年发布科普文章64篇，部分文章被市级"
        "媒体转载。",
        "一是基层医疗机构信息公开意识不强；二是公开内容与群众就医需求的衔接不够。下一步将组织乡镇卫生院"
        "开展培训，并增加便民就医信息。",
    ],
    (HEALTH, 2024): [
        "2024年，我委以群众就医需求为导向推进政务公开，全年主动公开信息389条，重点公开医疗服务价格、"
        "紧密型县域医共体建设和基本公共卫生服务项目进展。",
        "医共体各成员单位的服务项目、专家坐诊时间和转诊流程在委网站集中公布，并在乡镇卫生院张贴，方便"
        "群众就近了解就医信息。",
        "全年收到政府信息公开申请25件，较上年增加4件，申请内容多与医疗费用和医疗机构执业信息有关，全部"
        "在法定期限内办结，未引发行政复议。",
        "按照规范性文件管理要求，对委属规范性文件逐件评估，评估后继续有效的文件在网站集中公布，并对"
        "已失效文件作出明确标注。",
        "优化委网站办事指南，对医师执业注册、母婴保健技术服务许可等事项逐项列明材料清单和办理时限，"
        "群众办事一次说清、一次办好。",
        "一是部分办事指南更新滞后于政策调整；二是公开信息的可读性还需提高。下一步将建立办事指南动态"
        "更新机制，并优化页面表达。",
    ],
    (TRANSPORT, 2023): [
        "2023年，我局聚焦交通基础设施建设和运输市场监管推进政务公开，全年主动公开信息268条，重点工程"
        "项目的招标、施工和验收信息全部按规定公开。",
        "及时公布农村公路建设计划和年度完成情况，对群众反映较多的道路维修问题，在网站开设进展公示栏，"
        "逐条公开处理结果。",
        "全年收到政府信息公开申请9件，主要涉及道路征地补偿和客运线路调整，均在法定期限内答复。",
        TRANSPORT_MANAGEMENT.format(n=201),
        "对局网站进行集约化改造，接入县政府网站集约化平台，完成历史栏目迁移，网站运行安全稳定，全年"
        "未发生网络安全事件。",
        "一是重点项目信息更新频率不够；二是依申请公开工作人员业务水平参差不齐。下一步将建立项目信息"
        "月报制度，并加强人员培训。",
    ],
    (TRANSPORT, 2024): [
        "2024年，我局围绕交通强县建设推进政务公开，全年主动公开信息295条，新开工项目的建设规模、资金"
        "来源和建设单位在开工前向社会公布。",
        "城乡公交一体化改革方案公布前，通过网站和公交站点公开征求意见，收到意见建议46条，采纳情况和"
        "理由在方案公布时一并说明。",
        "全年收到政府信息公开申请12件，其中6件涉及公路建设征地，我局会同乡镇逐件核实后答复，答复内容"
        "附有相关批复文件的公开链接。",
        TRANSPORT_MANAGEMENT.format(n=236),
        "在局网站上线出租车和网约车服务质量信誉考核结果查询，乘客可按车牌号查看考核等级，督促运输企业"
        "提升服务水平。",
        "一是征求意见后的反馈还不够及时；二是网站部分栏目内容较少。下一步将规定征求意见反馈时限，并"
        "整合内容较少的栏目。",
    ],
    (AGRICULTURE, 2023): [
        "2023年，我局围绕粮食安全和乡村振兴推进政务公开，全年主动公开信息331条，耕地地力保护补贴、农机"
        "购置补贴等惠农资金的发放对象和标准全部公开。",
        "在各村公示栏和局网站同步公示惠农补贴发放名单，公示期满无异议后再行发放，公示期间受理群众咨询"
        "38次，均当场答复。",
        "全年收到政府信息公开申请11件，申请人主要关注土地承包经营权确权和农业项目资金，均在法定期限内"
        "答复。",
        "建立农业农村领域基层政务公开标准目录，把涉农补贴、农村集体资产管理等事项逐项明确到乡镇，全县"
        "十二个乡镇全部按目录公开。",
        "升级局网站农业技术服务栏目，集中发布病虫害预警和农技指导信息，在春耕和秋收期间每周更新一次，"
        "为农户提供及时服务。",
        "一是村级公开内容还不够规范；二是惠农政策的解读需要更加通俗。下一步将开展村级公开栏专项检查，"
        "并制作通俗易懂的政策明白纸。",
    ],
    (AGRICULTURE, 2024): [
        "2024年，我局以高标准农田建设和农村人居环境整治为重点推进政务公开，全年主动公开信息357条，"
        "建设项目的选址、投资和施工单位在施工前公示。",
        "高标准农田建设项目竣工后，组织受益村的群众代表参与验收，验收结论和资金决算情况在项目所在村"
        "公示十日，接受群众监督。",
        "全年收到政府信息公开申请13件，多涉及农村土地流转和项目补助，我局逐件研究后答复，其中2件依法"
        "告知申请人向乡镇人民政府申请。",
        "严格执行政府信息公开保密审查制度，涉农数据在公开前由业务科室和办公室双人核对，全年未出现"
        "数据错误和泄露问题。",
        SHARED_PLATFORM,
        "一是项目公示的形式比较单一；二是部分乡镇公开信息更新不及时。下一步将推行项目公示二维码，"
        "并加强对乡镇的督促指导。",
    ],
    (OFFICE, 2023): [
        "2023年，我办作为全县政务公开工作主管部门，统筹推进全县政务公开工作，县政府网站全年发布信息"
        "1856条，县政府常务会议审议的事项会后及时公开。",
        "组织编制县政府部门主动公开基本目录，对各部门的公开事项、公开时限和公开方式作出统一规定，并"
        "按季度对部门网站开展检查通报。",
        "全年以县人民政府名义收到政府信息公开申请28件，均在法定期限内答复，其中因政府信息不存在作出"
        "告知的4件。",
        "规范县政府文件的公开属性认定，文件在起草时即明确公开属性，印发后二十个工作日内在网站公开，"
        "全年公开县政府及办公室文件63件。",
        "完成县政府网站内容保障考核，对各部门栏目的更新情况按月排名通报，督促部门及时更新，全县网站"
        "栏目更新率较上年提高。",
        "一是部分部门对政务公开工作重视不够；二是政策解读质量参差不齐。下一步将把政务公开纳入部门"
        "年度考核，并开展解读质量评议。",
    ],
    (OFFICE, 2024): [
        "2024年，我办围绕县委、县政府中心工作统筹全县政务公开，县政府网站全年发布信息2013条，重大行政"
        "决策事项在决策前向社会公开征求意见。",
        "全年组织重大行政决策事项公开征求意见7次，征求意见稿、起草说明和意见采纳情况完整公开，"
        "群众参与的积极性明显提高。",
        "全年以县人民政府名义收到政府信息公开申请31件，均按期答复，没有因答复不当引起的行政复议和"
        "行政诉讼。",
        "开展全县政务公开工作业务培训两期，各部门和乡镇的政务公开工作人员一百余人参加，培训内容覆盖"
        "公开属性认定、依申请公开答复和保密审查。",
        SHARED_PLATFORM,
        "一是基层政务公开的标准化程度还不高；二是公开平台的互动功能有待加强。下一步将推进基层公开标准"
        "目录全覆盖，并完善网站互动交流功能。",
    ],
}
HEADINGS = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）平台建设"]
PROBLEMS_HEADING, OTHER_HEADING = "五、存在的主要问题及改进情况", "六、其他需要报告的事项"
OTHER = "本机关全年未收取政府信息公开信息处理费。"

# Table 三 per report: new, carried over, carried forward (six applicant columns each); the
# results are every request not carried forward, spread so that every relation of the format holds.
REQUEST_VALUES = {
    (MARKET, 2023): ((15, 3, 0, 0, 1, 0), (1, 0, 0, 0, 0, 0), (2, 0, 0, 0, 0, 0)),
    (MARKET, 2024): ((18, 3, 0, 1, 1, 0), (2, 0, 0, 0, 0, 0), (1, 1, 0, 0, 0, 0)),
    (EDUCATION, 2023): ((12, 2, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0), (1, 0, 0, 0, 0, 0)),
    (EDUCATION, 2024): ((15, 1, 0, 0, 1, 0), (1, 1, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0)),  # 商业企业 1: last year 0
    (HEALTH, 2023): ((17, 3, 0, 1, 0, 0), (2, 0, 0, 0, 0, 0), (3, 0, 0, 0, 0, 0)),
    (HEALTH, 2024): ((21, 2, 0, 1, 1, 0), (3, 0, 0, 0, 0, 0), (1, 0, 0, 0, 0, 0)),
    (TRANSPORT, 2023): ((8, 1, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0)),
    (TRANSPORT, 2024): ((10, 2, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0), (1, 0, 0, 0, 0, 0)),
    (AGRICULTURE, 2023): ((10, 1, 0, 0, 0, 0), (1, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0)),
    (AGRICULTURE, 2024): ((12, 1, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0)),
    (OFFICE, 2023): ((24, 2, 0, 1, 1, 0), (2, 0, 0, 0, 0, 0), (3, 0, 0, 0, 0, 0)),
    (OFFICE, 2024): ((27, 2, 0, 1, 1, 0), (3, 0, 0, 0, 0, 0), (2, 0, 0, 0, 0, 0)),
}
# Table 二 per report: 行政规范性文件 issued, repealed, in force; then 行政许可, 行政处罚, 行政强制.
ACTIVE_VALUES = {
    (MARKET, 2023): ((3, 1, 12), (860, 74, 6)), (MARKET, 2024): ((2, 2, 12), (912, 81, 4)),
    (EDUCATION, 2023): ((4, 0, 20), (35, 0, 0)), (EDUCATION, 2024): ((3, 6, 17), (41, 1, 0)),
    (HEALTH, 2023): ((2, 1, 18), (420, 36, 0)), (HEALTH, 2024): ((5, 1, 26), (455, 30, 1)),  # 18+5−1 = 22
    (TRANSPORT, 2023): ((1, 0, 9), (230, 57, 12)), (TRANSPORT, 2024): ((2, 1, 10), (251, 62, 9)),
    (AGRICULTURE, 2023): ((2, 0, 11), (118, 9, 0)), (AGRICULTURE, 2024): ((1, 1, 11), (126, 12, 0)),
    (OFFICE, 2023): ((6, 2, 45), (0, 0, 0)), (OFFICE, 2024): ((7, 3, 49), (0, 0, 0)),
}
SIGNED = {(HEALTH, 2023): "2024年3月5日"}  # else the January after the year
BROKEN_TOTAL = {(TRANSPORT, 2023): "10"}  # 一、本年新收's 总计 as written (the columns add up to 9)


def requests_rows(issuer: str, year: int) -> dict[str, str]:
    """Table 三's numbers by row key, seven per row (as table_helpers.REQUESTS writes them)."""
    new, carried, forward = REQUEST_VALUES[(issuer, year)]
    done = [n + c - f for n, c, f in zip(new, carried, forward)]
    rows = {key: [0] * 6 for _g, _l, key, _n in REQUESTS}
    rows["new"], rows["carried-over"], rows["carried-forward"] = list(new), list(carried), list(forward)
    for column, count in enumerate(done):  # 予以公开 most, the rest spread over a few results
        rows["partly-published"][column] = count // 5
        rows["unable-not-held"][column] = count // 4
        rows["not-processed-repeated"][column] = count // 10
        rows["published"][column] = count - count // 5 - count // 4 - count // 10
    results = [key for _g, _l, key, _n in REQUESTS[2:-2]]
    rows["results-total"] = [sum(rows[key][c] for key in results) for c in range(6)]
    written = {key: " ".join(str(n) for n in [*row, sum(row)]) for key, row in rows.items()}
    if (issuer, year) in BROKEN_TOTAL:
        numbers = written["new"].split()
        written["new"] = " ".join([*numbers[:6], BROKEN_TOTAL[(issuer, year)]])
    return written


def active_blocks(issuer: str, year: int) -> list:
    """Table 二 as table_helpers.ACTIVE lays it out, with this report's numbers."""
    (issued, repealed, in_force), (licensing, punishment, enforcement) = ACTIVE_VALUES[(issuer, year)]
    return [
        ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
         [("规章", ["0", "0", "0"]), ("行政规范性文件", [str(issued), str(repealed), str(in_force)])]),
        ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", [str(licensing)])]),
        ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", [str(punishment)]), ("行政强制", [str(enforcement)])]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["0"])]),
    ]


REVIEW_NUMBERS = "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"


def parts(issuer: str, year: int) -> list[tuple[str, object]]:
    """The report in order: ("p", a paragraph) or ("active" | "requests" | "review", None)."""
    own = TEXTS[(issuer, year)]
    out = [("title", f"{issuer}{year}年政府信息公开工作年度报告"), ("p", intro(issuer, year)),
           ("p", "一、总体情况"), ("p", own[0]), ("p", stock(issuer))]
    for heading, text in zip(HEADINGS, own[1:5]):
        out += [("p", heading), ("p", text)]
    out += [("p", "二、主动公开政府信息情况"), ("active", None),
            ("p", "三、收到和处理政府信息公开申请情况"), ("requests", None),
            ("p", "四、政府信息公开行政复议、行政诉讼情况"), ("review", None),
            ("p", PROBLEMS_HEADING), ("p", own[5])]
    if (issuer, year) != (MARKET, 2024):
        out += [("p", OTHER_HEADING), ("p", OTHER)]
    out += [("p", issuer), ("p", SIGNED.get((issuer, year), f"{year + 1}年1月20日"))]
    return out


def text_lines(issuer: str, year: int) -> list[str]:
    """The report as text: its tables one row per line, the cells between "|"."""
    lines = []
    for kind, value in parts(issuer, year):
        if kind in ("title", "p"):
            lines.append(value)
        elif kind == "active":
            for heading, columns, rows in active_blocks(issuer, year):
                lines += [heading, "|".join(["信息内容", *columns])]
                lines += ["|".join([label, *numbers]) for label, numbers in rows]
        elif kind == "requests":
            numbers = requests_rows(issuer, year)
            lines += [f"{NOTE}|申请人情况", "自然人|法人或其他组织|总计", "商业企业|科研机构|社会公益组织|法律服务机构|其他"]
            for group, label, key, _n in REQUESTS:
                lines.append("|".join([cell for cell in (group, label) if cell] + numbers[key].split()))
        else:
            lines += ["行政复议|行政诉讼", "|".join([*RESULTS, "未经复议直接起诉", "复议后起诉"]), "|".join(RESULTS * 2),
                      "|".join(REVIEW_NUMBERS.split())]
    return lines


def file_name(issuer: str, year: int, suffix: str) -> str:
    return f"{year}年/{FILES[issuer]}{suffix}"


def write_region(folder: Path, form: str = "txt") -> list[Path]:
    """Every report of the region under folder/2023年 and folder/2024年, as .txt, .docx or .pdf;
    the paths, 2024's first (as a reviewer names this year's folder first)."""
    written = []
    for year in reversed(YEARS):
        (folder / f"{year}年").mkdir(parents=True, exist_ok=True)
        for issuer in ISSUERS:
            path = folder / file_name(issuer, year, "." + form)
            if form == "txt":
                path.write_text("\n".join(text_lines(issuer, year)) + "\n", encoding="utf-8")
            elif form == "docx":
                _write_docx(path, issuer, year)
            elif form == "pdf":
                _write_pdf(path, issuer, year)
            else:
                raise ValueError(f"no {form} form of the region yet")
            written.append(path)
    return written


def _write_docx(path: Path, issuer: str, year: int) -> None:
    import docx

    document = docx.Document()
    for kind, value in parts(issuer, year):
        if kind in ("title", "p"):
            document.add_paragraph(value)
        elif kind == "active":
            _docx_active(document, active_blocks(issuer, year))
        elif kind == "requests":
            _docx_requests(document, requests_rows(issuer, year))
        else:
            _docx_review(document, REVIEW_NUMBERS)
    document.save(str(path))


_HEADING = re.compile(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）")


def _write_pdf(path: Path, issuer: str, year: int) -> None:
    """The report drawn as a PDF export draws it: paragraphs wrapped, each table ruled on a page
    of its own (tests/pdf_helpers.py)."""
    from .pdf_helpers import Pdf, active_cells, requests_cells, review_cells

    pdf = Pdf(numbers="- {n} -")
    tables = {"active": lambda: active_cells(active_blocks(issuer, year)),
              "requests": lambda: requests_cells(requests_rows(issuer, year)),
              "review": lambda: review_cells(REVIEW_NUMBERS)}
    report = parts(issuer, year)
    for index, (kind, value) in enumerate(report):
        if kind == "title":  # on two lines, as a long title is set
            pdf.title(issuer, value[len(issuer):])
        elif index >= len(report) - 2:  # the signature and its date
            pdf.right(value)
        elif kind == "p" and _HEADING.match(value):
            pdf.line(value)
        elif kind == "p":
            pdf.paragraph(value)
        else:
            cells, widths = tables[kind]()
            pdf.new_page()
            pdf.table(cells, widths, size=10.5 if kind == "active" else 9)
    pdf.save(path)
