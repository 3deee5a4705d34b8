// The lintlaw serve page: no framework, no build step. Everything the server sends is
// put in the page as text (textContent), never as HTML.
"use strict";

const MAX_UPLOAD = 20 * 1024 * 1024;  // the server's limit (lintlaw/serve/app.py)
const TOKEN = new URLSearchParams(location.search).get("token") || "";
const SEVERITIES = { error: "错误", warning: "警告", info: "提示" };
const RANK = { error: 3, warning: 2, info: 1 };
// Why a file that is read, not written, has no fixes (a Word document's go into its reviewed copy).
const FIX_NOTES = { pdf: "PDF 文件不能自动修复，只报告问题", html: "网页不能自动修复，只报告问题" };
// The annotated copies `lintlaw check --annotate` writes, by the reader that read the file.
const ANNOTATED = {
  docx: { label: "下载带批注的 Word 文档", suffix: ".lintlaw.docx" },
  pdf: { label: "下载带批注的 PDF", suffix: ".lintlaw.pdf" },
};

// state.fixed: the file a fix gave ({name, bytes}): the fixed text file, or a Word document's reviewed copy.
// state.review: several files checked together ({summary, files: [{result, bytes, fixed}]}).
const state = { name: "", bytes: null, result: null, unsafe: new Set(), selected: null, fixed: null, review: null };
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
  announce(`已检查 ${files.length} 个文件，${state.review.summary.length} 份报告；第一个文件：${$("summary").textContent}`);
}

function showFile(index) {
  const file = state.review.files[index];
  state.name = file.result.name;
  state.bytes = file.bytes;
  state.unsafe = new Set();
  state.selected = null;
  state.result = file.result;
  state.fixed = file.fixed || null;
  for (const row of document.querySelectorAll("#review-table tbody tr")) {
    row.classList.toggle("selected", row.dataset.file === file.result.name);
  }
  showFixResult("");
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
  else checkFile(files[0]);
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
  state.fixed = null;
  state.result = await response.json();
  $("review").hidden = true;  // one file (chosen, dropped or pasted) replaces several checked together
  state.review = null;
  showFixResult("");
  show();
  announce(`已检查 ${name}：${$("summary").textContent}`);
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
  $("detail").hidden = true;
  $("file-name").textContent = result.name;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity] += 1;
  $("summary").textContent = result.findings.length
    ? `发现 ${result.findings.length} 个问题（错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}）`
    : "未发现问题";
  showFixState();
  updateFixButton();
  const select = $("filter-category");
  select.replaceChildren(el("option", { value: "" }, "全部"));
  for (const category of Object.keys(groups())) {
    select.append(el("option", { value: category }, categoryName(category)));
  }
  drawText();
  drawFindings();
  drawOutline();
  drawRates();
  drawPrintSheet();
}

function categoryName(category) {
  return state.result.categories[category] || category;
}

// Findings by category, in the order of lintlaw's categories (lintlaw/diagnostics.py).
function groups() {
  const out = {};
  for (const category of Object.keys(state.result.categories)) out[category] = [];
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
    if (segment.del !== undefined) return el("del", { class: "change" }, segment.del);
    if (!segment.ids.length) return segment.ins ? el("ins", { class: "change" }, segment.t) : document.createTextNode(segment.t);
    const span = el("span", { "data-ids": segment.ids.join(" "), "data-start": segment.s }, segment.t);
    span.className = segment.t ? "hl" : "caret";
    span.addEventListener("click", () => {
      const shown = segment.ids.filter((id) => visible(findings[id]));
      if (shown.length) select(shown[0], false);
    });
    return segment.ins ? el("ins", { class: "change" }, span) : span;
  });
  $("text").replaceChildren(...pieces);
  paintHighlights();
}

// Each highlight takes the colour of the most severe finding on it that the filters show;
// one only a Word document's layout findings are on is drawn lightly, since they may cover
// every paragraph.
function paintHighlights() {
  const findings = state.result.findings;
  for (const span of document.querySelectorAll("#text [data-ids]")) {
    const shown = span.dataset.ids.split(" ").map(Number).filter((id) => visible(findings[id]));
    span.classList.remove("error", "warning", "info", "off", "layout");
    if (!shown.length) { span.classList.add("off"); continue; }
    const worst = shown.map((id) => findings[id].severity).sort((a, b) => RANK[b] - RANK[a])[0];
    span.classList.add(worst);
    if (shown.every((id) => findings[id].category === "layout")) span.classList.add("layout");
  }
}

function drawFindings() {
  const box = $("findings");
  box.replaceChildren();
  for (const [category, list] of Object.entries(groups())) {
    const shown = list.filter(visible);
    if (!shown.length) continue;
    const group = el("div", { class: "group", "data-category": category },
      el("h3", {}, `${categoryName(category)} `, el("span", { class: "count" }, `${shown.length}`)));
    for (const f of shown) {
      const badge = f.fix ? el("span", { class: f.fix.safe ? "badge" : "badge unsafe" },
        f.fix.safe ? "可安全修复" : "修复需复核") : null;
      const item = el("button", { type: "button", class: `finding ${f.severity}`, "data-id": f.id, tabindex: "-1",
        onclick: () => select(f.id, true) },
        el("span", { class: "code" }, f.code), f.message, badge, placesBadge(f),
        el("div", { class: "where" }, `${f.place} · ${SEVERITIES[f.severity]} · ${f.name}`));
      group.append(item);
    }
    box.append(group);
  }
  if (!box.children.length) box.append(el("p", { class: "dim" }, state.result.findings.length ? "筛选条件下没有问题" : "未发现问题"));
  rovingStop();
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
  rovingStop();

  $("detail").hidden = false;
  $("detail-title").textContent = `${f.code} ${f.name}`;
  $("detail-message").textContent = f.message;
  $("detail-where").textContent = `${f.place} · ${SEVERITIES[f.severity]} · ${categoryName(f.category)}`
    + (f.places > 1 ? ` · 全文${f.places}处，均已在正文中标出` : "");
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
  box.append(el("p", {}, fixWords(f)));
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

function fixWords(f) {
  const changes = f.fix.edits.map((e) => e.content ? `改为“${e.content}”` : "删除").join("；");
  return `${f.fix.safe ? "安全修复" : "需人工复核的修复"}：${changes}`;
}

function placesBadge(f) {
  return f.places > 1 ? el("span", { class: "badge places", title: `全文${f.places}处，均已在正文中标出` },
    `全文${f.places}处`) : null;
}

function drawOutline() {
  const findings = state.result.findings;
  const breaks = (ids) => ids.map((id) => el("span", { class: "break" }, `✗ ${findings[id].code} ${findings[id].message}`));
  const section = (s) => el("li", {},
    el("button", { type: "button", class: "entry", onclick: () => scrollToOffset(s.start) },
      el("span", { class: "marker" }, s.marker), s.title, el("span", { class: "dim" }, `  ${s.place}`)),
    ...breaks(s.findings),
    s.children.length ? el("ul", {}, ...s.children.map(section)) : null);
  const list = el("ul", {});
  for (const report of state.result.reports) {
    const facts = [report.place,
      report.year ? `年度 ${report.year}${report.year_from ? `（取自${report.year_from}）` : ""}` : null,
      report.issuer ? `发布机构 ${report.issuer}` : null].filter(Boolean).join(" · ");
    list.append(el("li", {},
      el("button", { type: "button", class: "entry", onclick: () => scrollToOffset(report.start) }, el("strong", {}, `报告 ${report.title}`),
        el("span", { class: "dim" }, `  ${facts}`)),
      ...breaks(report.findings),
      el("ul", {}, ...report.sections.map(section))));
  }
  $("outline").replaceChildren(list);
}

// Checked rates first, those that do not add up at the top; the rates that could not be
// checked (no count or total in their sentence) folded away below.
function drawRates() {
  const box = $("rates");
  box.replaceChildren();
  const ORDER = { bad: 0, ok: 1 };
  for (const report of state.result.reports) {
    if (state.result.reports.length > 1) box.append(el("h3", {}, report.title));
    const checked = report.rates.filter((r) => r.status in ORDER).sort((a, b) => ORDER[a.status] - ORDER[b.status]);
    const unchecked = report.rates.filter((r) => !(r.status in ORDER));
    box.append(...checked.map(rateEntry));
    if (unchecked.length) {
      if (!checked.length) box.append(el("p", { class: "dim" }, "没有能核对的比率"));
      box.append(el("details", { class: "unchecked" },
        el("summary", {}, `未核对的比率 ${unchecked.length} 个`), ...unchecked.map(rateEntry)));
    }
  }
  if (!box.children.length) box.append(el("p", { class: "dim" }, "没有写明名称的比率"));
}

function rateEntry(rate) {
  return el("button", { type: "button", class: `entry rate ${rate.status}`, onclick: () => scrollToOffset(rate.start) },
    el("span", { class: "dim" }, `${rate.place} `), `${rate.rate}：`, el("span", { class: "status" }, rate.detail));
}

// --- fixes and downloads ---

function updateFixButton() {
  const n = state.unsafe.size;
  const every = state.result.revisable && $("unsafe-all").checked;
  $("fix").textContent = every ? "应用全部修复（含需复核的）" : n ? `应用安全修复及选中的 ${n} 处需复核修复` : "应用安全修复";
}

function download(name, blob) {
  const link = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

// The file is fixed on the server and checked again; the page then shows the fixed text, its
// findings and each change in place. A text file's fixed bytes are the file from then on; a
// Word document stays as it was, its fixes tracked changes in the reviewed copy offered.
async function applyFixes() {
  showError("");
  // A Word document's unsafe fixes go into its copy all or none (`check --fix --unsafe-fixes`):
  // each is a tracked change its reader accepts or rejects there.
  const unsafe = state.result.revisable ? ($("unsafe-all").checked ? "all" : "") : [...state.unsafe].join(",");
  const response = await api("fix", { name: state.name, unsafe }, state.bytes);
  if (!response.ok) { showError(await errorOf(response)); return; }
  const fixed = await response.json();
  if (!fixed.fixed) {
    showFixResult(`没有可以自动修复的问题，剩余 ${fixed.remaining} 个问题。`, false);
    return;
  }
  const bytes = Uint8Array.from(atob(fixed.data), (c) => c.charCodeAt(0));
  state.fixed = { name: fixed.name, bytes };
  if (state.result.editable) state.bytes = bytes;
  state.unsafe = new Set();
  state.selected = null;
  state.result = fixed.check;
  // One of several files checked together keeps its fixed state when another is shown and it
  // again (its comparison findings go: the fixed file is checked alone).
  const kept = state.review && state.review.files.find((file) => file.result.name === state.name);
  if (kept) Object.assign(kept, { result: state.result, bytes: state.bytes, fixed: state.fixed });
  show();
  showFixResult(state.result.revisable  // as `check --fix` says it
    ? `已把 ${fixed.fixed} 个问题的修复作为修订写入审阅副本 ${fixed.name}（${fixed.edits} 处修订），剩余 ${fixed.remaining} 个问题。`
    : `已修复 ${fixed.fixed} 个问题（${fixed.edits} 处改动），剩余 ${fixed.remaining} 个问题。`,
    state.result.segments.some((s) => s.del !== undefined || s.ins));  // a Word font or size is no text change
  if ($("fix").disabled) $("download-fixed").focus();  // a Word copy is made: the keyboard goes on from its download
}

function showFixResult(message, marked) {
  const box = $("fix-result");
  box.hidden = !message;
  box.replaceChildren(message, marked ? el("span", { class: "legend" }, "正文中",
    el("ins", { class: "change" }, "新写入的文字"), "和", el("del", { class: "change" }, "删去的文字"), "已标出。") : "");
  if (message) announce(message);
}

// What the fix button, its note and the downloads offer for the file shown.
function showFixState() {
  const result = state.result;
  const copyMade = Boolean(state.fixed) && result.revisable;
  $("fix").disabled = !(result.editable || result.revisable) || copyMade;
  const unsafeFixes = result.findings.filter((f) => f.fix && !f.fix.safe).length;
  $("unsafe-all-box").hidden = !result.revisable || copyMade || !unsafeFixes;
  $("unsafe-all").checked = false;
  $("unsafe-all-box").title = `${unsafeFixes} 处修复需人工复核（相当于 --unsafe-fixes）`;
  $("fix-note").textContent = result.editable || copyMade ? ""
    : result.revisable ? "修复将作为修订写入审阅副本" : FIX_NOTES[result.encoding] || FIX_NOTES.html;
  const annotated = ANNOTATED[result.encoding];
  $("download-annotated").hidden = !annotated || copyMade;
  if (annotated) $("download-annotated").textContent = annotated.label;
  $("download-fixed").hidden = !state.fixed;
  $("download-fixed").textContent = result.revisable ? "下载审阅副本（修订和批注）" : "下载修复后的文件";
}

async function downloadAnnotated() {
  const response = await api("annotate", { name: state.name }, state.bytes);
  if (!response.ok) { showError(await errorOf(response)); return; }
  const kind = ANNOTATED[state.result.encoding];
  download(state.name.replace(/\.(docx|pdf)$/i, "") + kind.suffix, await response.blob());
}

function setUpActions() {
  $("fix").addEventListener("click", applyFixes);
  $("unsafe-all").addEventListener("change", updateFixButton);
  $("download-fixed").addEventListener("click", () => download(state.fixed.name, new Blob([state.fixed.bytes])));
  $("download-annotated").addEventListener("click", downloadAnnotated);
  $("print").addEventListener("click", () => window.print());
  $("findings").addEventListener("keydown", moveInFindings);
  const refilter = () => { paintHighlights(); drawFindings(); drawPrintSheet(); };
  $("filter-category").addEventListener("change", refilter);
  for (const box of document.querySelectorAll("#filter-severity input")) box.addEventListener("change", refilter);
}

// --- keyboard: the list of findings is one tab stop, the arrow keys move through it ---

function findingButtons() {
  return [...document.querySelectorAll("#findings .finding")];
}

// The selected finding (else the first) is the one the Tab key reaches.
function rovingStop() {
  const buttons = findingButtons();
  const stop = buttons.find((b) => b.classList.contains("selected")) || buttons[0];
  for (const button of buttons) button.tabIndex = button === stop ? 0 : -1;
}

function moveInFindings(event) {
  const steps = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
  if (!(event.key in steps) || !event.target.classList.contains("finding")) return;
  event.preventDefault();
  const buttons = findingButtons();
  const next = buttons[Math.max(0, Math.min(buttons.length - 1, buttons.indexOf(event.target) + steps[event.key]))];
  next.focus();
  select(Number(next.dataset.id), true);
}

// --- announcements: what a screen reader says when a result arrives ---

function announce(message) {
  $("announce").textContent = message;
}

// --- the printed list: each finding shown with its words in their line ---

function drawPrintSheet() {
  const result = state.result;
  const today = new Date();
  const sections = Object.entries(groups()).flatMap(([category, list]) => {
    const shown = list.filter(visible);
    return shown.length ? [el("h2", {}, `${categoryName(category)}（${shown.length}）`), el("ol", {}, ...shown.map(printEntry))] : [];
  });
  const filtered = result.findings.filter(visible).length < result.findings.length;
  $("print-sheet").replaceChildren(
    el("h1", {}, `报告检查意见：${result.name}`),
    el("p", {}, `${$("summary").textContent}${filtered ? "；下列为筛选后的问题" : ""}。`
      + `检查日期：${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日（lintlaw）`),
    ...sections);
}

function printEntry(f) {
  const [before, words, after] = f.context;
  return el("li", { class: f.severity },
    el("div", {}, el("strong", {}, `${f.code}（${SEVERITIES[f.severity]}）`), ` ${f.place}`,
      f.places > 1 ? `，全文${f.places}处` : ""),
    el("div", {}, f.message),
    el("div", { class: "context" }, before, el("mark", {}, words || "‸"), after),
    f.fix ? el("div", { class: "dim" }, fixWords(f)) : null);
}

setUpInput();
setUpActions();
setUpReview();
if (!TOKEN) showError("地址中缺少口令：请使用 lintlaw serve 启动时显示的完整地址");
