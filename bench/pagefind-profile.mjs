// Where Pagefind's time goes on a built site (issue 25): the ways of making the same index, each in a
// fresh Pagefind service, timed by the wall clock, one after the other:
//   read     reading the paper pages from disk, nothing else (what any HTML route pays first);
//   html     addDirectory over the paper pages, then writeFiles into an empty folder: what the build's
//            `pagefind --site … --glob papers/*/index.html` does, through the Node API;
//   memory   the same pages given as strings (addHTMLFile): parsing and indexing without the reads;
//   records  one addCustomRecord per paper (title, authors and abstract as text, the same meta,
//            filters and sort), then writeFiles: indexing from the build's own records, no HTML;
//   over     the records again, written over the `records` index (a night's unchanged fragments).
// Pagefind's service is one process for add and write alike, so `add` and `write` split each figure.
// Pages and records are sent all at once (one message each, not waiting for each answer).
//
//   node bench/pagefind-profile.mjs SITE_DIR WORK_DIR       one line per way, then a `pagefind …` line
//
// Needs the repository's node_modules (npm ci). Never part of `dotnet test`; run it under the bench lock.
import { readFile, readdir, rm, mkdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [site, work] = process.argv.slice(2);
if (!site || !work) {
  console.error("usage: node bench/pagefind-profile.mjs SITE_DIR WORK_DIR");
  process.exit(2);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const pagefind = await import(pathToFileURL(path.join(root, "node_modules", "pagefind", "lib", "index.js")).href);

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const papers = path.join(site, "papers");
const pages = (await readdir(papers)).sort().map((slug) => ({ slug, file: path.join(papers, slug, "index.html") }));

// read: every paper page from disk.
let start = process.hrtime.bigint();
for (const page of pages) page.html = await readFile(page.file, "utf8");
const read = seconds(start);

// A paper page's search record, as the build could hand it over: the text Pagefind reads from the page's
// data-pagefind-body less its data-pagefind-ignore parts, and the same meta, filters and sort.
const text = (html) => html.replace(/<[^>]*>/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, " ").trim();
function record({ slug, html }) {
  const body = html.slice(html.indexOf("data-pagefind-body"));
  const title = text(/<h1>([\s\S]*?)<\/h1>/.exec(body)[1]);
  const authors = /<div class="authors">([\s\S]*?)<\/div>/.exec(body)?.[1] ?? "";
  const abstract = (/<section class="abstract"[^>]*>([\s\S]*?)<\/section>/.exec(body)?.[1] ?? "").replace(/<h2[^>]*>[\s\S]*?<\/h2>/, "");
  const date = /data-pagefind-meta="date:([^"]*)"/.exec(body)?.[1] ?? "";
  const topics = [...body.matchAll(/data-pagefind-filter="topic">([^<]*)</g)].map((m) => text(m[1]));
  return {
    url: `/papers/${slug}/`,
    content: `${title}. ${text(authors)}. ${text(abstract)}`,
    language: "en",
    meta: { title, date },
    filters: { year: [date.slice(0, 4)], topic: topics },
    sort: { date },
  };
}
const records = pages.map(record);

async function way(name, add, output, clear = true) {
  if (clear) await rm(output, { recursive: true, force: true });
  await mkdir(output, { recursive: true });
  const { index } = await pagefind.createIndex({});
  let start = process.hrtime.bigint();
  await add(index);
  const added = seconds(start);
  start = process.hrtime.bigint();
  const { errors } = await index.writeFiles({ outputPath: output });
  const wrote = seconds(start);
  if (errors.length) throw new Error(`${name}: ${errors.join("; ")}`);
  await index.deleteIndex();
  const files = (await readdir(output, { recursive: true })).length;
  console.log(`${name.padEnd(8)} add ${added.toFixed(2)} s  write ${wrote.toFixed(2)} s  total ${(added + wrote).toFixed(2)} s  (${files} files)`);
  return { added, wrote };
}

const html = await way("html", (index) => index.addDirectory({ path: site, glob: "papers/*/index.html" }), path.join(work, "html"));
const memory = await way("memory", async (index) => {
  await Promise.all(pages.map((page) => index.addHTMLFile({ url: `/papers/${page.slug}/`, content: page.html })));
}, path.join(work, "memory"));
const custom = await way("records", async (index) => {
  await Promise.all(records.map((r) => index.addCustomRecord(r)));
}, path.join(work, "records"));
const over = await way("over", async (index) => {
  await Promise.all(records.map((r) => index.addCustomRecord(r)));
}, path.join(work, "records"), false);
await pagefind.close();

const f = (x) => x.toFixed(2);
console.log(`read     ${f(read)} s (${pages.length} pages)`);
console.log(`pagefind pages=${pages.length} read_s=${f(read)} html_add_s=${f(html.added)} html_write_s=${f(html.wrote)}`
  + ` memory_add_s=${f(memory.added)} memory_write_s=${f(memory.wrote)} records_add_s=${f(custom.added)} records_write_s=${f(custom.wrote)}`
  + ` over_add_s=${f(over.added)} over_write_s=${f(over.wrote)}`);
