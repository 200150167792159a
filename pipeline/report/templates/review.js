// The review page: groups the edits the report embeds, filters and searches them,
// renders a page of groups at a time, and records accept/reject decisions for export.
"use strict";
(function () {
  // An edit row, as pipeline/report/html.py writes it.
  const F = { id: 0, line: 1, column: 2, code: 3, kind: 4, confidence: 5, before: 6,
    after: 7, left: 8, right: 9, wordBefore: 10, wordAfter: 11, message: 12 };
  const RESTYLES = new Set(["quotes", "whitespace"]); // grouped by the marks, not the words
  const PAGE = 50; // groups rendered at a time
  const HITS_SHOWN = 200; // occurrences listed when a group opens; "more" lists the rest
  const QUOTES = new Set(["\"", "'", "`", "\u00ab", "\u00bb", "\u2018", "\u2019", "\u201a",
    "\u201b", "\u201c", "\u201d", "\u201e", "\u201f", "\u2039", "\u203a", "\u00b4"]);
  const ZERO_WIDTH = new Set(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]);

  const summary = JSON.parse(document.getElementById("summary").textContent);
  const rules = summary.rules;
  const files = [];
  const edits = [];
  for (const block of document.querySelectorAll("script.file-edits")) {
    const file = JSON.parse(block.textContent);
    file.index = files.length;
    files.push(file);
    for (const row of file.edits) edits.push({ file: file, row: row });
  }

  const stageOf = (code) => (rules[code] || ["", ""])[1];
  const nameOf = (code) => (rules[code] || [code])[0];
  const kindName = { f: "fix", s: "suggestion", r: "rejected" };

  // --- groups: what an edit does, wherever it is ---------------------------------------
  const byKey = new Map();
  for (const edit of edits) {
    const row = edit.row;
    const code = row[F.code];
    const restyle = RESTYLES.has(stageOf(code));
    const from = restyle ? row[F.before] : row[F.wordBefore];
    const to = restyle ? row[F.after] : row[F.wordAfter];
    const key = code + "\u0000" + from + "\u0000" + to;
    let group = byKey.get(key);
    if (!group) {
      group = { key: key, code: code, from: from, to: to, edits: [], least: 1, index: 0 };
      byKey.set(key, group);
    }
    group.edits.push(edit);
    group.least = Math.min(group.least, row[F.confidence]);
  }
  // Least confident first; restyles (sure, and many) sink below the word repairs.
  const groups = Array.from(byKey.values()).sort(
    (a, b) => a.least - b.least || b.edits.length - a.edits.length ||
      (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  groups.forEach((g, i) => { g.index = i; });

  // --- decisions --------------------------------------------------------------------
  // Kept in the browser's storage for this page, so a reload does not lose a review.
  const STORE = "pipeline-decisions:" + location.pathname;
  const decisions = new Map(); // edit id -> "accept" | "reject"
  try {
    for (const [id, verdict] of Object.entries(JSON.parse(localStorage.getItem(STORE) || "{}"))) {
      decisions.set(id, verdict);
    }
  } catch (error) { /* storage off or unreadable: start afresh */ }
  function save() {
    try { localStorage.setItem(STORE, JSON.stringify(Object.fromEntries(decisions))); }
    catch (error) { /* storage off or full: the export still has every decision */ }
  }
  function stateOf(row) {
    const decided = decisions.get(row[F.id]);
    if (decided === "reject") return "rejected";
    if (decided === "accept") return "accepted";
    return row[F.kind] === "f" ? "applied" : row[F.kind] === "s" ? "suggested" : "rejected";
  }
  function decide(rows, verdict) {
    for (const row of rows) {
      if (decisions.get(row[F.id]) === verdict) decisions.delete(row[F.id]);
      else decisions.set(row[F.id], verdict);
    }
    save();
    showDecided();
  }
  function showDecided() {
    document.getElementById("decided").textContent =
      decisions.size + (decisions.size === 1 ? " decision" : " decisions");
  }
  function exportDecisions() {
    const body = { version: 1, decisions: Object.fromEntries(decisions) };
    const blob = new Blob([JSON.stringify(body, null, 1) + "\n"], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "decisions.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  // --- text, with every mark and invisible character made visible ----------------------
  const escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" };
  const escape = (text) => text.replace(/[&<>"]/g, (c) => escapes[c]);
  const hex = (c) => "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
  function mark(cls, title, shown) {
    return "<span class=\"mark " + cls + "\" title=\"" + title + "\">" + shown + "</span>";
  }
  // `changed`: inside an insertion or deletion, where a space and a quote are marked too.
  function visible(text, changed) {
    let out = "";
    for (const c of text) {
      if (c === " ") out += changed ? mark("space", "space", "\u2423") : " ";
      else if (c === "\t") out += mark("tab", "tab", "\u21e5");
      else if (c === "\n") out += mark("nl", "line break", "\u21b5");
      else if (c === "\r") out += mark("nl", "carriage return", "\u240d");
      else if (c === "\u00a0") out += mark("nbsp", "U+00A0 no-break space", "\u237d");
      else if (ZERO_WIDTH.has(c)) out += mark("zw", hex(c) + " zero width", hex(c));
      else if (/\s/.test(c)) out += mark("usp", hex(c) + " space", hex(c));
      else if (/[\u0000-\u001f\u007f-\u009f]/.test(c)) out += mark("ctl", hex(c), hex(c));
      else if (changed && QUOTES.has(c)) out += mark("quote", hex(c), escape(c));
      else out += escape(c);
    }
    return out;
  }
  function change(left, before, after, right) {
    return "<span class=\"change\"><span class=\"ctx\">" + visible(left, false) + "</span>" +
      (before ? "<del>" + visible(before, true) + "</del>" : "") +
      (after ? "<ins>" + visible(after, true) + "</ins>" : "") +
      "<span class=\"ctx\">" + visible(right, false) + "</span></span>";
  }
  function wordChange(from, to) { // the changed middle of two words, marked
    let head = 0;
    while (head < from.length && head < to.length && from[head] === to[head]) head++;
    let tail = 0;
    while (tail < from.length - head && tail < to.length - head &&
      from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
    return change(from.slice(0, head), from.slice(head, from.length - tail),
      to.slice(head, to.length - tail), from.slice(from.length - tail));
  }

  // --- filters -----------------------------------------------------------------------
  const $ = (id) => document.getElementById(id);
  function filters() {
    return {
      rule: $("f-rule").value, stage: $("f-stage").value, kind: $("f-kind").value,
      file: $("f-file").value.trim().toLowerCase(),
      least: parseFloat($("f-min").value || "0"), most: parseFloat($("f-max").value || "1"),
      text: $("f-search").value.trim().toLowerCase(),
    };
  }
  function editPasses(edit, f, groupMatches) {
    const row = edit.row;
    if (f.kind && kindName[row[F.kind]] !== f.kind) return false;
    if (f.file && !edit.file.path.toLowerCase().includes(f.file)) return false;
    if (row[F.confidence] < f.least || row[F.confidence] > f.most) return false;
    if (f.text && !groupMatches && !(edit.file.path + "\n" + row[F.message] + "\n" +
      row[F.left] + row[F.before] + row[F.right]).toLowerCase().includes(f.text)) return false;
    return true;
  }
  function shownGroups() {
    const f = filters();
    const out = [];
    for (const group of groups) {
      if (f.rule && group.code !== f.rule) continue;
      if (f.stage && stageOf(group.code) !== f.stage) continue;
      const groupMatches = !f.text || (group.from + "\n" + group.to + "\n" + group.code + " " +
        nameOf(group.code)).toLowerCase().includes(f.text);
      const hits = group.edits.filter((e) => editPasses(e, f, groupMatches));
      if (hits.length) out.push({ group: group, hits: hits });
    }
    return out;
  }

  // --- rendering ----------------------------------------------------------------------
  let shown = [];
  let rendered = 0;
  function groupHtml(entry) {
    const group = entry.group;
    const hits = entry.hits;
    const fileCount = new Set(hits.map((e) => e.file.index)).size;
    const suggestion = hits.some((e) => e.row[F.kind] === "s");
    return "<article class=\"group" + (suggestion ? " suggestion" : "") + "\" data-group=\"" +
      group.index + "\"><header class=\"item\"><span class=\"toggle\">\u25b8</span>" +
      wordChange(group.from, group.to) + "<span class=\"meta\">" + escape(group.code) + " " +
      escape(nameOf(group.code)) + " \u00b7 " + hits.length + (hits.length === 1 ? " hit" : " hits") +
      " in " + fileCount + (fileCount === 1 ? " file" : " files") + " \u00b7 least confidence " +
      group.least.toFixed(2) + "</span><span class=\"state group-state\"></span>" +
      "<button class=\"accept\">Accept</button><button class=\"reject\">Reject</button>" +
      "</header><ol class=\"hits\" hidden></ol></article>";
  }
  function hitHtml(edit) {
    const row = edit.row;
    const state = stateOf(row);
    return "<li class=\"hit item " + state + "\" data-id=\"" + escape(row[F.id]) + "\">" +
      "<span class=\"where\">" + escape(edit.file.path) + ":" + row[F.line] + ":" +
      row[F.column] + "</span>" + change(row[F.left], row[F.before], row[F.after], row[F.right]) +
      "<span class=\"conf\">" + row[F.confidence].toFixed(2) + "</span>" +
      "<span class=\"state " + state + "\">" + state + "</span>" +
      "<button class=\"accept\">Accept</button><button class=\"reject\">Reject</button>" +
      "<span class=\"why\">" + escape(row[F.message]) + "</span></li>";
  }
  function render() {
    shown = shownGroups();
    rendered = 0;
    $("groups").innerHTML = "";
    $("shown").textContent = shown.length + " groups, " +
      shown.reduce((n, e) => n + e.hits.length, 0) + " changes shown";
    renderMore();
  }
  function renderMore() {
    const next = shown.slice(rendered, rendered + PAGE);
    $("groups").insertAdjacentHTML("beforeend", next.map(groupHtml).join(""));
    for (const entry of next) refreshGroup(entry);
    rendered += next.length;
    $("more").hidden = rendered >= shown.length;
  }
  function entryOf(element) {
    const article = element.closest(".group");
    const index = Number(article.dataset.group);
    return { article: article, entry: shown.find((e) => e.group.index === index) };
  }
  function refreshGroup(entry) {
    const article = $("groups").querySelector("[data-group=\"" + entry.group.index + "\"]");
    if (!article) return;
    const states = new Set(entry.hits.map((e) => stateOf(e.row)));
    const label = states.size === 1 ? Array.from(states)[0] : "mixed";
    const badge = article.querySelector(".group-state");
    badge.textContent = label;
    badge.className = "state group-state " + label;
    article.classList.toggle("rejected", label === "rejected");
    const list = article.querySelector(".hits");
    if (!list.hidden) openGroup(article, entry, true);
  }
  function openGroup(article, entry, open) {
    const list = article.querySelector(".hits");
    list.hidden = !open;
    article.querySelector(".toggle").textContent = open ? "\u25be" : "\u25b8";
    if (!open) { list.innerHTML = ""; return; }
    const limit = Number(list.dataset.limit || HITS_SHOWN);
    list.innerHTML = entry.hits.slice(0, limit).map(hitHtml).join("") +
      (entry.hits.length > limit ? "<li class=\"more-hits\"><button>" +
        (entry.hits.length - limit) + " more</button></li>" : "");
  }

  // --- the counts at the top -----------------------------------------------------------
  function countsTable(title, rows, head) {
    return "<table><caption>" + title + "</caption><tr>" + head.map((h) => "<th>" + h + "</th>").join("") +
      "</tr>" + rows.map((r) => "<tr>" + r.map((c, i) =>
        "<td" + (i > 0 && typeof c === "number" ? " class=\"n\"" : "") + ">" +
        (typeof c === "number" ? c : escape(String(c))) + "</td>").join("") + "</tr>").join("") +
      "</table>";
  }
  function counts() {
    const perRule = new Map();
    const perStage = new Map();
    const perFile = new Map();
    for (const edit of edits) {
      const code = edit.row[F.code];
      const k = edit.row[F.kind];
      const slot = k === "f" ? 0 : k === "s" ? 1 : 2;
      for (const [map, key] of [[perRule, code], [perStage, stageOf(code)], [perFile, edit.file.path]]) {
        const held = map.get(key) || [0, 0, 0];
        held[slot]++;
        map.set(key, held);
      }
    }
    const ruleRows = Array.from(perRule).sort().map(([c, n]) => [c, nameOf(c), stageOf(c), ...n]);
    const stageRows = Array.from(perStage).sort().map(([s, n]) => [s, ...n]);
    const fileRows = Array.from(perFile).sort((a, b) => (b[1][0] + b[1][1]) - (a[1][0] + a[1][1]))
      .slice(0, 10).map(([p, n]) => [p, ...n]);
    const unlisted = files.reduce((n, f) => n + f.unlisted, 0);
    $("counts").innerHTML = (unlisted ? "<p>" + unlisted + (unlisted === 1 ? " more edit" : " more edits") +
      " of the largest files not listed here; report.json has every one.</p>" : "") +
      countsTable("by rule", ruleRows, ["rule", "name", "stage", "applied", "suggested", "rejected"]) +
      countsTable("by stage", stageRows, ["stage", "applied", "suggested", "rejected"]) +
      countsTable("most edited files (" + files.length + " with edits)", fileRows,
        ["file", "applied", "suggested", "rejected"]);
    const fill = (id, values) => {
      $(id).insertAdjacentHTML("beforeend", values.map((v) =>
        "<option value=\"" + escape(v) + "\">" + escape(v) + "</option>").join(""));
    };
    fill("f-rule", Array.from(perRule.keys()).sort());
    fill("f-stage", Array.from(perStage.keys()).sort());
    $("f-files").innerHTML = files.slice(0, 2000).map((f) =>
      "<option value=\"" + escape(f.path) + "\">").join("");
  }

  // --- keyboard and clicks --------------------------------------------------------------
  let current = null;
  function items() { return Array.from(document.querySelectorAll("#groups .item")); }
  function moveTo(item) {
    if (current) current.classList.remove("current");
    current = item;
    if (item) { item.classList.add("current"); item.scrollIntoView({ block: "nearest" }); }
  }
  function step(by) {
    let all = items();
    let at = current ? all.indexOf(current) : -1;
    if (by > 0 && at + by >= all.length && rendered < shown.length) {
      renderMore();
      all = items();
    }
    at = Math.max(0, Math.min(all.length - 1, at + by));
    moveTo(all[at] || null);
  }
  function rowsOf(item) {
    if (item.classList.contains("hit")) {
      const edit = edits.find((e) => e.row[F.id] === item.dataset.id);
      return edit ? [edit.row] : [];
    }
    const found = entryOf(item);
    return found.entry ? found.entry.hits.map((e) => e.row) : [];
  }
  function act(item, verdict) {
    decide(rowsOf(item), verdict);
    const id = item.classList.contains("hit") ? item.dataset.id : null;
    const found = entryOf(item);
    if (found.entry) refreshGroup(found.entry);
    if (id) moveTo(found.article.querySelector(".hit[data-id=\"" + CSS.escape(id) + "\"]"));
  }
  function toggle(item) {
    const found = entryOf(item);
    if (!found.entry) return;
    openGroup(found.article, found.entry, found.article.querySelector(".hits").hidden);
    moveTo(found.article.querySelector("header"));
  }
  $("groups").addEventListener("click", (event) => {
    const target = event.target;
    const item = target.closest(".item");
    if (target.closest(".more-hits")) {
      const found = entryOf(target);
      const list = found.article.querySelector(".hits");
      list.dataset.limit = String(Number(list.dataset.limit || HITS_SHOWN) + HITS_SHOWN);
      openGroup(found.article, found.entry, true);
    } else if (target.closest("button.accept") && item) act(item, "accept");
    else if (target.closest("button.reject") && item) act(item, "reject");
    else if (item && item.tagName === "HEADER") toggle(item);
    else if (item) moveTo(item);
  });
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("input, select, textarea") || event.ctrlKey || event.metaKey ||
      event.altKey) return;
    const key = event.key;
    if (key === "j" || key === "n") step(1);
    else if (key === "k" || key === "p") step(-1);
    else if ((key === "a" || key === "r") && current) act(current, key === "a" ? "accept" : "reject");
    else if ((key === "o" || key === "Enter") && current) toggle(current);
    else return;
    event.preventDefault();
  });
  for (const id of ["f-rule", "f-stage", "f-kind", "f-file", "f-min", "f-max", "f-search"]) {
    $(id).addEventListener("input", () => { current = null; render(); });
  }
  $("more").addEventListener("click", renderMore);
  $("export").addEventListener("click", exportDecisions);

  counts();
  showDecided();
  render();
  document.body.dataset.ready = "1";
  window.reviewReadyAt = performance.now();
})();
