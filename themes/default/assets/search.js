// Search with Pagefind, run in the browser on the index the build made (output/pagefind/).
// Progressive: the form works as a plain GET form; this script reads it, searches as you type,
// and lists the papers found. Results are built as DOM nodes from text: nothing is parsed as HTML.
const root = document.querySelector("[data-search-root]");
if (root) start(root);

async function start(root) {
  const form = root.querySelector("form");
  const status = root.querySelector("[data-search-status]");
  const list = root.querySelector("[data-search-results]");
  let pagefind;
  try {
    pagefind = await import(root.dataset.pagefind + "pagefind.js");
    await pagefind.options({ baseUrl: root.dataset.base });
  } catch (error) {
    status.textContent = "Search is not available on this copy of the site.";
    return;
  }

  const params = new URLSearchParams(location.search);
  for (const name of ["q", "topic", "year", "sort"]) {
    if (params.has(name)) form.elements[name].value = params.get(name);
  }

  let latest = 0;
  async function run() {
    const ticket = ++latest;
    const query = form.elements.q.value.trim();
    const filters = {};
    if (form.elements.topic.value) filters.topic = form.elements.topic.value;
    if (form.elements.year.value) filters.year = form.elements.year.value;
    const sort = form.elements.sort.value === "newest" ? { date: "desc" } : undefined;
    keepInAddress(query);
    if (!query && !filters.topic && !filters.year) {
      list.replaceChildren();
      status.textContent = "Type words of a title or an abstract, or choose a topic or a year.";
      return;
    }
    const search = await pagefind.search(query || null, { filters, sort });
    const shown = await Promise.all(search.results.slice(0, 30).map((result) => result.data()));
    if (ticket !== latest) return; // a newer search has started
    const count = search.results.length;
    status.textContent = count === 0 ? "No paper found." : count === 1 ? "1 paper found." : `${count} papers found${count > 30 ? ", the first 30 shown" : ""}.`;
    list.replaceChildren(...shown.map(render));
  }

  function keepInAddress(query) {
    const address = new URL(location.href);
    for (const name of ["q", "topic", "year", "sort"]) {
      const value = name === "q" ? query : form.elements[name].value;
      if (value) address.searchParams.set(name, value); else address.searchParams.delete(name);
    }
    history.replaceState(null, "", address);
  }

  let timer;
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  form.addEventListener("change", () => run());
  form.elements.q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  run();
}

function render(data) {
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
  if (data.meta.date) meta.textContent = `First trending ${data.meta.date}`;
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
