// The lintlaw serve page: no framework, no build step. Everything the server sends is
// put in the page as text (textContent), never as HTML.
"use strict";

const MAX_UPLOAD = 20 * 1024 * 1024;  // the server's limit (lintlaw/serve/app.py)
const TOKEN = new URLSearchParams(location.search).get("token") || "";
const CATEGORIES = {
  structure: "结构", placeholder: "模板残留", consistency: "前后一致", number: "数字",
  date: "日期", punctuation: "标点", wording: "用语", residue: "网页残留", table: "统计表",
  layout: "版式", comparison: "对照比较",
};
const SEVERITIES = { error: "错误", warning: "警告", info: "提示" };
const RANK = { error: 3, warning: 2, info: 1 };
// The annotated copies `lintlaw check --annotate` writes, by the reader that read the file.
const ANNOTATED = {
  docx: { label: "下载带批注的 Word 文档", suffix: ".lintlaw.docx" },
  pdf: { label: "下载带批注的 PDF", suffix: ".lintlaw.pdf" },
};

const state = { name: "", bytes: null, result: null, unsafe: new Set(), selected: null, review: null };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

function api(path, params, body) {
  const query = new URLSearchParams({ token: TOKEN, ...params });
  const options = body ? { method: "POST", body } : {};
  return fetch(`/api/${path}?${query}`, options);
}

async function errorOf(response) {
  try { return (await response.json()).error; } catch (e) { return `服务器错误（${response.status}）`; }
}

function showError(message) {
  $("error").textContent = message || "";
  $("error").hidden = !message;
}

// --- input ---

async function checkFile(file) {
  if (file.size > MAX_UPLOAD) {
    showError(`lintlaw: ${file.name}: 文件太大（${(file.size / 1024 / 1024).toFixed(1)} MB），上限是 20 MB`);
    return;
  }
  await checkBytes(file.name, new Uint8Array(await file.arrayBuffer()));
}

// Several files: checked together (POST /api/review, the files one after the other in the
// body, their names and sizes in the query), as `lintlaw check --format html` checks them.
async function reviewFiles(files) {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_UPLOAD) {
    showError(`lintlaw: ${files[0].name} 等 ${files.length} 个文件太大（合计 ${(total / 1024 / 1024).toFixed(1)} MB），上限是 20 MB`);
    return;
  }
  showError("");
  const parts = await Promise.all(files.map(async (file) => new Uint8Array(await file.arrayBuffer())));
  const body = new Uint8Array(total);
  let at = 0;
  for (const part of parts) { body.set(part, at); at += part.length; }
  const listed = JSON.stringify(files.map((file, i) => [file.name, parts[i].length]));
  const response = await api("review", { files: listed }, body);
  if (!response.ok) {
    showError(await errorOf(response));
    return;
  }
  const reviewed = await response.json();
  state.review = { summary: reviewed.summary, files: reviewed.files.map((result, i) => ({ result, bytes: parts[i] })) };
  drawReview();
  showFile(0);
}

function showFile(index) {
  const file = state.review.files[index];
  state.name = file.result.name;
  state.bytes = file.bytes;
  state.unsafe = new Set();
  state.selected = null;
  state.result = file.result;
  for (const row of document.querySelectorAll("#review-table tbody tr")) {
    row.classList.toggle("selected", row.dataset.file === file.result.name);
  }
  show();
}

function drawReview() {
  const review = state.review;
  $("review").hidden = false;
  $("review-note").textContent = `${review.files.length} 个文件，${review.summary.length} 份报告；点击一行查看该文件的问题，点击列名排序`;
  const text = (value) => (value === null || value === undefined ? "" : String(value));
  const rows = review.summary.map((row) => {
    const copied = row.copied === null ? "" : row.copied.toFixed(6);
    const cells = [
      ["issuer", text(row.issuer), row.issuer || "（未识别）"], ["year", text(row.year), text(row.year) || "—"],
      ["type", row.type, row.type], ["file", row.file, row.file + (row.number ? `（第${row.number + 1}篇）` : "")],
      ["errors", text(row.errors), text(row.errors)], ["warnings", text(row.warnings), text(row.warnings)],
      ["infos", text(row.infos), text(row.infos)], ["missing", text(row.missing), row.missing || ""],
      ["relations", text(row.relations), row.relations || ""], ["late", row.late ? "1" : "0", row.late ? "逾期" : ""],
      ["copied", copied, row.copied === null ? "—" : `${Math.round(100 * row.copied)}%`],
      ["last-year", text(row.last_year), row.last_year || "—"],
    ];
    const index = review.files.findIndex((file) => file.result.name === row.file);
    return el("tr", { "data-file": row.file, onclick: () => showFile(index) },
      ...cells.map(([cls, value, shown]) => el("td", { class: cls, "data-value": value }, shown)));
  });
  $("review-table").tBodies[0].replaceChildren(...rows);
}

// The summary sorts by the column whose header is clicked; again, the other way round.
function setUpReview() {
  for (const button of document.querySelectorAll("#review-table th button")) {
    button.addEventListener("click", () => {
      const th = button.parentElement;
      const column = [...th.parentElement.children].indexOf(th);
      const numeric = th.dataset.numeric === "1";
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      for (const other of document.querySelectorAll("#review-table th")) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const value = (tr) => tr.children[column].dataset.value;
      const body = $("review-table").tBodies[0];
      const sorted = [...body.rows].sort((a, b) => {
        const x = value(a), y = value(b);
        if (numeric) {
          if (x === "" || y === "") return (x === "") - (y === "");  // blanks last, either way
          return (Number(x) - Number(y)) * (ascending ? 1 : -1);
        }
        return x.localeCompare(y, "zh-CN") * (ascending ? 1 : -1);
      });
      sorted.forEach((tr) => body.append(tr));
    });
  }
}

function checkFiles(files) {
  if (files.length > 1) reviewFiles(files);
  else {
    $("review").hidden = true;
    state.review = null;
    checkFile(files[0]);
  }
}

async function checkBytes(name, bytes) {
  showError("");
  const response = await api("check", { name }, bytes);
  if (!response.ok) {
    showError(await errorOf(response));
    return;
  }
  state.name = name;
  state.bytes = bytes;
  state.unsafe = new Set();
  state.selected = null;
  state.result = await response.json();
  show();
}

function setUpInput() {
  const drop = $("drop");
  $("file").addEventListener("change", (event) => {
    if (event.target.files.length) checkFiles([...event.target.files]);
    event.target.value = "";
  });
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    if (event.dataTransfer.files.length) checkFiles([...event.dataTransfer.files]);
  });
  $("check-paste").addEventListener("click", () => {
    const bytes = new TextEncoder().encode($("paste").value);
    if (bytes.length > MAX_UPLOAD) {
      showError(`lintlaw: 粘贴的文字.txt: 文件太大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），上限是 20 MB`);
      return;
    }
    checkBytes("粘贴的文字.txt", bytes);
  });
}

// --- the report ---

function show() {
  const result = state.result;
  $("result").hidden = false;
  $("diff-box").hidden = true;
  $("detail").hidden = true;
  $("download-fixed").hidden = true;
  $("file-name").textContent = result.name;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity] += 1;
  $("summary").textContent = result.findings.length
    ? `发现 ${result.findings.length} 个问题（错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}）`
    : "未发现问题";
  $("fix").disabled = !result.editable;
  $("fix-note").textContent = result.editable ? ""
    : result.encoding === "pdf" ? "PDF 文件不能自动修复，只报告问题" : "Word 文档和网页不能自动修复，只报告问题";
  $("download-annotated").hidden = !ANNOTATED[result.encoding];
  if (ANNOTATED[result.encoding]) $("download-annotated").textContent = ANNOTATED[result.encoding].label;
  updateFixButton();
  const select = $("filter-category");
  select.replaceChildren(el("option", { value: "" }, "全部"));
  for (const category of Object.keys(groups())) {
    select.append(el("option", { value: category }, CATEGORIES[category] || category));
  }
  drawText();
  drawFindings();
  drawOutline();
  drawRates();
}

// Findings by category, in the order of the README's table of rule codes.
function groups() {
  const out = {};
  for (const category of Object.keys(CATEGORIES)) out[category] = [];
  for (const f of state.result.findings) (out[f.category] = out[f.category] || []).push(f);
  for (const category of Object.keys(out)) if (!out[category].length) delete out[category];
  return out;
}

function visible(finding) {
  const category = $("filter-category").value;
  const severities = [...document.querySelectorAll("#filter-severity input:checked")].map((i) => i.value);
  return (!category || finding.category === category) && severities.includes(finding.severity);
}

function drawText() {
  const findings = state.result.findings;
  const pieces = state.result.segments.map((segment) => {
    if (!segment.ids.length) return document.createTextNode(segment.t);
    const span = el("span", { "data-ids": segment.ids.join(" "), "data-start": segment.s }, segment.t);
    span.className = segment.t ? "hl" : "caret";
    span.addEventListener("click", () => {
      const shown = segment.ids.filter((id) => visible(findings[id]));
      if (shown.length) select(shown[0], false);
    });
    return span;
  });
  $("text").replaceChildren(...pieces);
  paintHighlights();
}

// Each highlight takes the colour of the most severe finding on it that the filters show.
function paintHighlights() {
  const findings = state.result.findings;
  for (const span of document.querySelectorAll("#text [data-ids]")) {
    const shown = span.dataset.ids.split(" ").map(Number).filter((id) => visible(findings[id]));
    span.classList.remove("error", "warning", "info", "off");
    if (!shown.length) { span.classList.add("off"); continue; }
    const worst = shown.map((id) => findings[id].severity).sort((a, b) => RANK[b] - RANK[a])[0];
    span.classList.add(worst);
  }
}

function drawFindings() {
  const box = $("findings");
  box.replaceChildren();
  for (const [category, list] of Object.entries(groups())) {
    const shown = list.filter(visible);
    if (!shown.length) continue;
    const group = el("div", { class: "group", "data-category": category },
      el("h3", {}, `${CATEGORIES[category] || category} `, el("span", { class: "count" }, `${shown.length}`)));
    for (const f of shown) {
      const badge = f.fix ? el("span", { class: f.fix.safe ? "badge" : "badge unsafe" },
        f.fix.safe ? "可安全修复" : "修复需复核") : null;
      const item = el("button", { type: "button", class: `finding ${f.severity}`, "data-id": f.id,
        onclick: () => select(f.id, true) },
        el("span", { class: "code" }, f.code), f.message, badge,
        el("div", { class: "where" }, `第${f.line}行第${f.column}列 · ${SEVERITIES[f.severity]} · ${f.name}`));
      group.append(item);
    }
    box.append(group);
  }
  if (!box.children.length) box.append(el("p", { class: "dim" }, state.result.findings.length ? "筛选条件下没有问题" : "未发现问题"));
}

function scrollToOffset(offset) {
  let target = null;
  for (const node of document.querySelectorAll("#text [data-start]")) {
    if (Number(node.dataset.start) <= offset) target = node; else break;
  }
  (target || $("text")).scrollIntoView({ block: "center" });
}

async function select(id, scroll) {
  const f = state.result.findings[id];
  state.selected = id;
  for (const node of document.querySelectorAll(".current, .finding.selected")) {
    node.classList.remove("current", "selected");
  }
  const spans = [...document.querySelectorAll("#text [data-ids]")]
    .filter((span) => span.dataset.ids.split(" ").map(Number).includes(id));
  spans.forEach((span) => span.classList.add("current"));
  if (scroll && spans.length) spans[0].scrollIntoView({ block: "center" });
  const item = document.querySelector(`.finding[data-id="${id}"]`);
  if (item) { item.classList.add("selected"); if (!scroll) item.scrollIntoView({ block: "nearest" }); }

  $("detail").hidden = false;
  $("detail-title").textContent = `${f.code} ${f.name}`;
  $("detail-message").textContent = f.message;
  $("detail-where").textContent = `第${f.line}行第${f.column}列 · ${SEVERITIES[f.severity]} · ${CATEGORIES[f.category] || f.category}`;
  drawFixDetail(f);
  delete $("detail").dataset.rule;
  $("detail-explanation").textContent = "…";
  $("detail-authority").textContent = "";
  const response = await api("rule", { code: f.code });
  if (state.selected !== id) return;
  if (!response.ok) { $("detail-explanation").textContent = await errorOf(response); return; }
  const rule = await response.json();
  $("detail-explanation").textContent = rule.explanation;
  $("detail-authority").textContent = rule.authority;
  $("detail").dataset.rule = rule.code;  // shown: the rule's text is in place
}

function drawFixDetail(f) {
  const box = $("detail-fix");
  box.replaceChildren();
  if (!f.fix) return;
  const changes = f.fix.edits.map((e) => e.content ? `改为“${e.content}”` : "删除").join("；");
  box.append(el("p", {}, `${f.fix.safe ? "安全修复" : "需人工复核的修复"}：${changes}`));
  if (!f.fix.safe && state.result.editable) {
    const box2 = el("input", { type: "checkbox", id: "choose-unsafe" });
    box2.checked = state.unsafe.has(f.id);
    box2.addEventListener("change", () => {
      if (box2.checked) state.unsafe.add(f.id); else state.unsafe.delete(f.id);
      updateFixButton();
    });
    box.append(el("label", {}, box2, " 修复时也应用这一处（请先确认）"));
  }
}

function drawOutline() {
  const findings = state.result.findings;
  const breaks = (ids) => ids.map((id) => el("span", { class: "break" }, `✗ ${findings[id].code} ${findings[id].message}`));
  const section = (s) => el("li", {},
    el("span", { onclick: () => scrollToOffset(s.start) },
      el("span", { class: "marker" }, s.marker), s.title, el("span", { class: "dim" }, `  第${s.line}行`)),
    ...breaks(s.findings),
    s.children.length ? el("ul", {}, ...s.children.map(section)) : null);
  const list = el("ul", {});
  for (const report of state.result.reports) {
    const facts = [report.line ? `第${report.line}行` : null,
      report.year ? `年度 ${report.year}${report.year_from ? `（取自${report.year_from}）` : ""}` : null,
      report.issuer ? `发布机构 ${report.issuer}` : null].filter(Boolean).join(" · ");
    list.append(el("li", {},
      el("span", { onclick: () => scrollToOffset(report.start) }, el("strong", {}, `报告 ${report.title}`),
        el("span", { class: "dim" }, `  ${facts}`)),
      ...breaks(report.findings),
      el("ul", {}, ...report.sections.map(section))));
  }
  $("outline").replaceChildren(list);
}

function drawRates() {
  const box = $("rates");
  box.replaceChildren();
  for (const report of state.result.reports) {
    if (state.result.reports.length > 1) box.append(el("h3", {}, report.title));
    for (const rate of report.rates) {
      box.append(el("div", { class: `rate ${rate.status}`, onclick: () => scrollToOffset(rate.start) },
        el("span", { class: "dim" }, `第${rate.line}行 `), `${rate.rate}：`,
        el("span", { class: "status" }, rate.detail)));
    }
  }
  if (!box.children.length) box.append(el("p", { class: "dim" }, "没有写明名称的比率"));
}

// --- fixes and downloads ---

function updateFixButton() {
  const n = state.unsafe.size;
  $("fix").textContent = n ? `应用安全修复及选中的 ${n} 处需复核修复` : "应用安全修复";
}

function download(name, blob) {
  const link = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

async function applyFixes() {
  const response = await api("fix", { name: state.name, unsafe: [...state.unsafe].join(",") }, state.bytes);
  if (!response.ok) { showError(await errorOf(response)); return; }
  const fixed = await response.json();
  const bytes = Uint8Array.from(atob(fixed.data), (c) => c.charCodeAt(0));
  state.fixed = { name: fixed.name, bytes };
  $("diff-box").hidden = false;
  $("fix-result").textContent = fixed.fixed
    ? `已修复 ${fixed.fixed} 个问题（${fixed.edits} 处改动），剩余 ${fixed.remaining} 个问题。`
    : `没有可以自动修复的问题，剩余 ${fixed.remaining} 个问题。`;
  const lines = fixed.diff.split("\n").filter((line, i, all) => line || i < all.length - 1);
  $("diff").replaceChildren(...lines.map((line) => el("span", {
    class: line.startsWith("@@") ? "hunk" : line.startsWith("+") && !line.startsWith("+++") ? "add"
      : line.startsWith("-") && !line.startsWith("---") ? "del" : "" }, line)));
  $("download-fixed").hidden = false;
  $("diff-box").scrollIntoView({ block: "start" });
}

async function downloadAnnotated() {
  const response = await api("annotate", { name: state.name }, state.bytes);
  if (!response.ok) { showError(await errorOf(response)); return; }
  const kind = ANNOTATED[state.result.encoding];
  download(state.name.replace(/\.(docx|pdf)$/i, "") + kind.suffix, await response.blob());
}

function setUpActions() {
  $("fix").addEventListener("click", applyFixes);
  $("download-fixed").addEventListener("click", () => download(state.fixed.name, new Blob([state.fixed.bytes])));
  $("download-annotated").addEventListener("click", downloadAnnotated);
  const refilter = () => { paintHighlights(); drawFindings(); };
  $("filter-category").addEventListener("change", refilter);
  for (const box of document.querySelectorAll("#filter-severity input")) box.addEventListener("change", refilter);
}

setUpInput();
setUpActions();
setUpReview();
if (!TOKEN) showError("地址中缺少口令：请使用 lintlaw serve 启动时显示的完整地址");
