// The reading list: papers saved, marked read, noted and highlighted, kept in this browser's
// localStorage and sent nowhere. Progressive: every page works without it, and its controls exist
// only once it runs. Every word it shows comes from the page (a <template> and data-* attributes of
// the theme), so a translated theme needs no change here. Text is set as text, never parsed as HTML.

// One list per site: two archives on one host (user.github.io/a/ and /b/) keep theirs apart.
const base = new URL("../", import.meta.url).pathname;
const KEY = "paper-trail:reading:" + base;
const FORMAT = "paper-trail-reading-list";
const LIMIT = { text: 500, note: 2000, authors: 200, highlights: 50 };

const storage = available();

// Storage can be missing or refused (a locked-down browser): then no control is shown at all.
function available() {
  try {
    localStorage.setItem(KEY + ":test", "1");
    localStorage.removeItem(KEY + ":test");
    return localStorage;
  } catch {
    return null;
  }
}

function load() {
  try {
    return clean(JSON.parse(storage.getItem(KEY)));
  } catch {
    return clean(null);
  }
}

function store(state) {
  for (const [slug, paper] of Object.entries(state.papers))
    if (!paper.saved && !paper.read && !paper.note) delete state.papers[slug];
  try {
    storage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Full or refused: the list in memory still works on this page.
  }
}

// A list as stored or imported, kept to what this script writes: anything else (a hand-edited
// file, another site's) is dropped, and an address is a path of this site, never a script link.
function clean(data) {
  const state = { papers: Object.create(null), highlights: [] };
  if (!data || typeof data !== "object") return state;
  const text = (value, max) => (typeof value === "string" ? value.slice(0, max) : "");
  for (const [slug, paper] of Object.entries(data.papers ?? {})) {
    if (!paper || typeof paper !== "object" || slug.length > LIMIT.text) continue;
    const href = text(paper.href, LIMIT.text);
    state.papers[slug] = {
      title: text(paper.title, LIMIT.text) || slug,
      href: href.startsWith("/") && !href.startsWith("//") ? href : base + "papers/" + encodeURIComponent(slug) + "/",
      authors: Array.isArray(paper.authors) ? paper.authors.slice(0, LIMIT.authors).map((a) => text(a, LIMIT.text)) : [],
      day: /^\d{4}-\d{2}-\d{2}$/.test(text(paper.day, 11)) ? paper.day : "",
      saved: typeof paper.saved === "string" && /^[\d:.TZ+-]{10,30}$/.test(paper.saved) && !isNaN(Date.parse(paper.saved)) ? paper.saved : "",
      read: paper.read === true,
      note: text(paper.note, LIMIT.note),
      bib: text(paper.bib, LIMIT.note * 4),
    };
  }
  if (Array.isArray(data.highlights))
    state.highlights = data.highlights.map((h) => text(h, LIMIT.text).trim()).filter(Boolean).slice(0, LIMIT.highlights);
  return state;
}

function start() {
  let state = load();
  const articles = [...document.querySelectorAll("article[data-paper]")];
  const controls = document.getElementById("reading-controls");
  document.querySelectorAll("[data-reading-nav]").forEach((item) => (item.hidden = false));

  // A card gets a star to save it (in the rank column, so a long list grows by no line); a paper
  // page gets both buttons under its title. Either gets a line of marks, shown when one applies.
  if (controls) articles.forEach((article, i) => {
    const heading = article.querySelector("h1, .card-title");
    if (!heading) return;
    heading.id ||= "reading-" + i;
    const parts = controls.content.cloneNode(true);
    const paperPage = article.matches(".paper");
    const buttons = parts.querySelector(paperPage ? ".reading-controls" : ".reading-star");
    const marks = parts.querySelector(".reading-marks");
    for (const button of buttons.matches("button") ? [buttons] : buttons.querySelectorAll("button")) {
      button.setAttribute("aria-describedby", heading.id);
      button.addEventListener("click", () => toggle(article, button.dataset.reading));
    }
    if (paperPage) marks.querySelector("[data-reading=read-mark]").remove(); // its button says so
    heading.after(marks);
    if (paperPage) heading.after(buttons); else article.prepend(buttons);
  });

  function toggle(article, what) {
    const slug = article.dataset.paper;
    const paper = (state.papers[slug] ??= { ...describe(article), saved: "", read: false, note: "", bib: "" });
    if (what === "save") {
      paper.saved = paper.saved ? "" : new Date().toISOString();
      Object.assign(paper, describe(article));
    } else paper.read = !paper.read;
    store(state);
    mark();
  }

  function mark() {
    const terms = state.highlights.map(matcher);
    for (const article of articles) {
      const paper = state.papers[article.dataset.paper];
      const pressed = { save: !!paper?.saved, read: !!paper?.read };
      for (const button of article.querySelectorAll("button[data-reading]"))
        button.setAttribute("aria-pressed", pressed[button.dataset.reading]);
      article.classList.toggle("is-saved", pressed.save);
      article.classList.toggle("is-read", pressed.read);
      const hit = terms.length > 0 && matches(article, terms);
      article.classList.toggle("is-hit", hit);
      const marks = article.querySelector(".reading-marks");
      if (!marks) continue;
      for (const [name, shown] of [["read-mark", pressed.read], ["hit", hit]]) {
        const mark = marks.querySelector(`[data-reading=${name}]`);
        if (mark) mark.hidden = !shown;
      }
      marks.hidden = !marks.querySelector("span:not([hidden])");
    }
  }

  mark();
  const page = document.querySelector("[data-saved-root]");
  const saved = page ? savedPage(page, () => state, (next) => { state = next; store(state); mark(); }) : null;
  // Another tab changed the list: show its marks here too.
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY) return;
    state = load();
    mark();
    saved?.render();
  });
}

// What the saved page lists of a paper, read from the card or the paper page as rendered.
function describe(article) {
  const paperPage = article.matches(".paper");
  const heading = article.querySelector(paperPage ? "h1" : ".card-title a");
  return {
    title: (paperPage && heading.dataset.title) || plain(heading),
    href: paperPage ? location.pathname : new URL(heading.href).pathname,
    authors: article.dataset.authors ? article.dataset.authors.split("; ") : [],
    day: article.dataset.day ?? "",
    ...(paperPage ? { bib: article.querySelector("pre.bibtex")?.textContent ?? "" } : {}),
  };
}

// Text of an element without the TeX annotations of its formulas.
function plain(element) {
  const copy = element.cloneNode(true);
  copy.querySelectorAll("annotation").forEach((a) => a.remove());
  return copy.textContent.trim();
}

function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// A word or name matches as a whole: "gan" marks "GAN training", not "organ".
function matcher(term) {
  const escaped = fold(term).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, "u");
}

// The words a highlight looks in: title, abstract and authors (not the topics a card also names).
const searched = new WeakMap();
function matches(article, terms) {
  if (!searched.has(article)) {
    const abstract = article.querySelector(".card-abstract, .abstract")?.cloneNode(true);
    abstract?.querySelectorAll("summary, h2, .card-topics").forEach((e) => e.remove());
    const title = article.querySelector("h1, .card-title")?.textContent ?? "";
    searched.set(article, fold([title, abstract?.textContent ?? "", article.dataset.authors ?? ""].join("\n")));
  }
  return terms.some((term) => term.test(searched.get(article)));
}

function savedPage(root, current, update) {
  const words = root.dataset;
  const status = root.querySelector("[data-saved-status]");
  const list = root.querySelector("[data-saved-list]");
  const sort = root.querySelector("[data-saved-sort]");
  const item = root.querySelector("template[data-saved-item]");
  const terms = root.querySelector("[data-highlight-terms]");
  root.querySelector("[data-saved-tools]").hidden = false;

  const entries = () => Object.entries(current().papers)
    .filter(([, paper]) => paper.saved)
    .sort(([, a], [, b]) => (sort.value === "day" ? b.day.localeCompare(a.day) : 0) || b.saved.localeCompare(a.saved) || a.title.localeCompare(b.title));

  function say(text) {
    status.textContent = text;
  }

  function render() {
    const shown = entries();
    list.replaceChildren(...shown.map(([slug, paper], i) => entry(slug, paper, i)));
    say(shown.length === 0 ? words.empty : shown.length === 1 ? words.countOne : words.countMany.replace("{n}", shown.length));
    terms.value = current().highlights.join("\n");
  }

  function entry(slug, paper, i) {
    const node = item.content.firstElementChild.cloneNode(true);
    const field = (name) => node.querySelector(`[data-field=${name}]`);
    const title = field("title");
    title.href = paper.href;
    title.textContent = paper.title;
    title.id = "saved-" + i;
    field("day").textContent = paper.day;
    field("day").dateTime = paper.day;
    field("authors").textContent = paper.authors.join(", ");
    const note = field("note");
    note.value = paper.note;
    note.setAttribute("aria-describedby", title.id);
    note.addEventListener("input", () => change(slug, (p) => (p.note = note.value.slice(0, LIMIT.note))));
    const read = field("read");
    read.setAttribute("aria-pressed", paper.read);
    read.setAttribute("aria-describedby", title.id);
    read.addEventListener("click", () => {
      change(slug, (p) => (p.read = !p.read));
      read.setAttribute("aria-pressed", current().papers[slug]?.read === true);
    });
    const remove = field("remove");
    remove.setAttribute("aria-describedby", title.id);
    remove.addEventListener("click", () => {
      change(slug, (p) => (p.saved = ""));
      render();
      // Focus stays in the list: on the entry that took this one's place, else on the order.
      (list.children[Math.min(i, list.children.length - 1)]?.querySelector("a") ?? sort).focus();
    });
    return node;
  }

  function change(slug, edit) {
    const state = current();
    if (state.papers[slug]) edit(state.papers[slug]);
    update(state);
  }

  // Each entry as its paper page shows it now (the key is the archive's), else as it was when saved.
  async function bibtex() {
    const state = current();
    let missing = false;
    const texts = await Promise.all(entries().map(async ([slug, paper]) => {
      try {
        const response = await fetch(paper.href);
        if (!response.ok) throw new Error(response.status);
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const bib = page.querySelector("pre.bibtex")?.textContent;
        if (bib) state.papers[slug].bib = bib;
      } catch {
        // Offline, or the paper is gone: the entry kept when it was saved, if any.
      }
      missing ||= !state.papers[slug].bib;
      return state.papers[slug].bib;
    }));
    update(state);
    download("saved-papers.bib", "application/x-bibtex", texts.filter(Boolean).join("\n\n") + "\n");
    if (missing) say(words.fetchFailed);
  }

  async function copyLinks() {
    const links = entries().map(([, paper]) => new URL(paper.href, location.href).href).join("\n");
    try {
      await navigator.clipboard.writeText(links);
      say(words.copied);
    } catch {
      say(words.copyFailed);
    }
  }

  function exportList() {
    const { papers, highlights } = current();
    download("reading-list.json", "application/json", JSON.stringify({ format: FORMAT, version: 1, papers, highlights }, null, 2) + "\n");
  }

  // An import adds to the list here: what both have, the file's version wins; nothing is lost.
  async function importList(file) {
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch {
      data = null;
    }
    if (data?.format !== FORMAT) return say(words.notAList);
    const incoming = clean(data);
    const state = current();
    Object.assign(state.papers, incoming.papers);
    state.highlights = [...new Set([...state.highlights, ...incoming.highlights])].slice(0, LIMIT.highlights);
    update(state);
    render();
    say(words.imported);
  }

  // Nothing of the list stays in the browser.
  function clear() {
    if (!confirm(words.confirmClear)) return;
    update(clean(null));
    storage.removeItem(KEY);
    render();
  }

  function saveHighlights() {
    const state = current();
    state.highlights = [...new Set(terms.value.split("\n").map((t) => t.trim()).filter(Boolean))].slice(0, LIMIT.highlights);
    update(state);
    say(words.highlightsSaved);
  }

  const actions = { bib: bibtex, links: copyLinks, export: exportList, clear, highlights: saveHighlights };
  root.querySelectorAll("[data-saved-action]").forEach((button) =>
    button.addEventListener("click", () => actions[button.dataset.savedAction]()));
  sort.addEventListener("change", render);
  const picker = root.querySelector("[data-saved-import]");
  picker.addEventListener("change", () => {
    if (picker.files[0]) importList(picker.files[0]);
    picker.value = "";
  });
  render();
  return { render };
}

function download(name, type, text) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// Last, so that every constant above is set when it runs.
if (storage) start();
