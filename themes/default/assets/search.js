// Search with Pagefind, run in the browser on the index the build made (output/pagefind/).
// Progressive: the form works as a plain GET form; this script reads it, searches as you type,
// and lists the papers found. Results are built as DOM nodes from text: nothing is parsed as HTML.
const root = document.querySelector("[data-search-root]");
if (root) start(root);

const fields = ["q", "topic", "year", "author", "code", "sort"];

// The page's words, in the site's language: data-text-* attributes of the search root, which
// search.liquid fills from the theme's strings; {name} stands for a value. English when a theme's
// own search page has none.
const english = {
  unavailable: "Search is not available on this copy of the site.",
  prompt: "Type words of a title or an abstract, or choose a topic, a year or an author.",
  foundNone: "No paper found.",
  foundOne: "1 paper found.",
  foundMany: "{count} papers found.",
  foundSome: "{count} papers found, {shown} shown.",
  more: "More results ({next} of the {left} left)",
  firstTrending: "First trending {date}",
  code: "Code",
};
function text(root, name, values = {}) {
  const key = "text" + name[0].toUpperCase() + name.slice(1);
  const words = root.dataset[key] ?? english[name];
  return words.replace(/\{(\w+)\}/g, (whole, value) => (value in values ? String(values[value]) : whole));
}

async function start(root) {
  const form = root.querySelector("form");
  const status = root.querySelector("[data-search-status]");
  const list = root.querySelector("[data-search-results]");
  const more = root.querySelector("[data-search-more]");
  let pagefind;
  try {
    pagefind = await import(root.dataset.pagefind + "pagefind.js");
    await pagefind.options({ baseUrl: root.dataset.base });
  } catch (error) {
    status.textContent = text(root, "unavailable");
    return;
  }

  const params = new URLSearchParams(location.search);
  for (const name of fields) {
    if (!params.has(name)) continue;
    const field = form.elements[name];
    if (field.type === "checkbox") field.checked = params.get(name) === field.value; else field.value = params.get(name);
  }

  // Results come PAGE at a time: each page fetches only its own papers' fragments, so a first
  // query costs what it did when 30 were all a reader could see, and "More results" reaches the rest.
  const PAGE = 30;
  let latest = 0;
  let results = [];
  async function run() {
    const ticket = ++latest;
    const query = form.elements.q.value.trim();
    const filters = {};
    for (const name of ["topic", "year", "author"]) if (form.elements[name].value) filters[name] = form.elements[name].value;
    if (form.elements.code.checked) filters.code = "yes";
    const sort = form.elements.sort.value === "newest" ? { date: "desc" } : undefined;
    keepInAddress(query);
    if (!query && Object.keys(filters).length === 0) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = text(root, "prompt");
      return;
    }
    const search = await pagefind.search(query || null, { filters, sort });
    if (ticket !== latest) return; // a newer search has started
    results = search.results;
    list.replaceChildren();
    await showMore(ticket);
  }

  async function showMore(ticket) {
    const from = list.children.length;
    const shown = await Promise.all(results.slice(from, from + PAGE).map((result) => result.data()));
    if (ticket !== latest) return;
    list.append(...shown.map((data) => render(root, data)));
    const count = results.length;
    const listed = list.children.length;
    status.textContent = count === 0 ? text(root, "foundNone") : count === 1 ? text(root, "foundOne")
      : text(root, listed < count ? "foundSome" : "foundMany", { count, shown: listed });
    more.hidden = listed >= count;
    more.textContent = text(root, "more", { next: Math.min(PAGE, count - listed), left: count - listed });
  }

  function keepInAddress(query) {
    const address = new URL(location.href);
    for (const name of fields) {
      const field = form.elements[name];
      const value = name === "q" ? query : field.type === "checkbox" ? (field.checked ? field.value : "") : field.value;
      if (value) address.searchParams.set(name, value); else address.searchParams.delete(name);
    }
    history.replaceState(null, "", address);
  }

  more.addEventListener("click", () => showMore(latest));

  let timer;
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  form.addEventListener("change", () => run());
  form.elements.q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  run();
}

function render(root, data) {
  const item = document.createElement("li");
  item.className = "card";
  const heading = document.createElement("h2");
  heading.className = "card-title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "card-meta";
  const facts = [];
  if (data.meta.upvotes) facts.push(`▲ ${data.meta.upvotes}`);
  if (data.meta.date) facts.push(text(root, "firstTrending", { date: data.meta.date }));
  if (data.filters?.code) facts.push(text(root, "code"));
  meta.textContent = facts.join(" · ");
  const excerpt = document.createElement("p");
  excerpt.className = "card-summary";
  excerpt.append(...highlighted(data.excerpt));
  item.append(heading, meta, excerpt);
  return item;
}

// Pagefind's excerpt is escaped text with the matches wrapped in <mark>: keep the marks, decode the rest as text.
function highlighted(excerpt) {
  const decode = (text) => new DOMParser().parseFromString(`<!doctype html><body>${text}`, "text/html").body.textContent;
  const parts = [];
  const pattern = /<mark>(.*?)<\/mark>/g;
  let last = 0;
  for (const match of excerpt.matchAll(pattern)) {
    parts.push(decode(excerpt.slice(last, match.index)));
    const mark = document.createElement("mark");
    mark.textContent = decode(match[1]);
    parts.push(mark);
    last = match.index + match[0].length;
  }
  parts.push(decode(excerpt.slice(last)));
  return parts;
}
