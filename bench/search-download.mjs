// What a reader's browser downloads for one search: the files the search page fetches from the moment
// it is opened with ?q=QUERY until its results are shown, with the cache off (a first visit), and their
// bytes as sent. Headless Chromium, driven over the DevTools protocol on a pipe (no package needed),
// loads the built site from a loopback server that counts what it sends and, as Netlify does, sends
// text (scripts, JSON, HTML, CSS) compressed with Brotli when the browser accepts it; Pagefind's own
// index files are gzip inside and go as they are.
//
//   node bench/search-download.mjs OUTPUT_DIR QUERY…     one line per query, then one JSON line
//
// Env: CHROMIUM (default /usr/bin/chromium). Never part of `dotnet test`: bench/run.sh runs it.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { brotliCompressSync } from "node:zlib";

const [root, ...queries] = process.argv.slice(2);
if (!root || queries.length === 0) {
  console.error("usage: node bench/search-download.mjs OUTPUT_DIR QUERY…");
  process.exit(2);
}

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };
let sent = [];
const server = createServer(async (request, response) => {
  let file = path.join(root, decodeURIComponent(new URL(request.url, "http://x").pathname));
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
    let bytes = await readFile(file);
    const headers = { "content-type": types[path.extname(file)] ?? "application/octet-stream" };
    if (types[path.extname(file)] && /\bbr\b/.test(request.headers["accept-encoding"] ?? "")) {
      bytes = brotliCompressSync(bytes);
      headers["content-encoding"] = "br";
    }
    response.writeHead(200, { ...headers, "content-length": bytes.length });
    response.end(bytes);
    sent.push({ url: new URL(request.url, "http://x").pathname, size: bytes.length });
    lastActivity = Date.now();
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

// The DevTools protocol on file descriptors 3 (to Chromium) and 4 (from it), messages ended by a NUL.
const chromium = spawn(process.env.CHROMIUM || "/usr/bin/chromium",
  ["--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
   "--disable-component-update", "--disable-sync", "about:blank"],
  { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });
const toChromium = chromium.stdio[3];
let pending = "", nextId = 0;
const waiting = new Map();
chromium.stdio[4].on("data", (chunk) => {
  pending += chunk.toString("utf8");
  let end;
  while ((end = pending.indexOf("\0")) >= 0) {
    const message = JSON.parse(pending.slice(0, end));
    pending = pending.slice(end + 1);
    if (message.id !== undefined && waiting.has(message.id)) {
      const { resolve, reject } = waiting.get(message.id);
      waiting.delete(message.id);
      message.error ? reject(new Error(message.error.message)) : resolve(message.result);
    }
  }
});
const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
  const id = ++nextId;
  waiting.set(id, { resolve, reject });
  toChromium.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + "\0");
});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let lastActivity = Date.now();

const results = [];
for (const query of queries) {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  await send("Network.enable", {}, sessionId);
  await send("Network.setCacheDisabled", { cacheDisabled: true }, sessionId);
  sent = [];
  await send("Page.navigate", { url: `${base}/search/?q=${encodeURIComponent(query)}` }, sessionId);
  let status = "";
  for (let tries = 0; tries < 600; tries++) {
    await sleep(50);
    const { result } = await send("Runtime.evaluate", {
      expression: "document.querySelector('[data-search-status]')?.textContent ?? ''", returnByValue: true }, sessionId);
    status = result.value;
    if (/found/.test(status) && Date.now() - lastActivity > 500) break;
  }
  await send("Target.closeTarget", { targetId });
  const byFile = sent.toSorted((a, b) => a.url.localeCompare(b.url));
  const search = byFile.filter((f) => f.url.includes("/pagefind/") || f.url.includes("/assets/search."));
  const total = search.reduce((sum, f) => sum + f.size, 0);
  const kinds = {};
  for (const f of search) {
    const kind = f.url.startsWith("/assets/") ? "assets/search.js" : f.url.replace(/.*\/pagefind\//, "").replace(/_[0-9a-f]+\./, "_*.");
    kinds[kind] = kinds[kind] ?? { files: 0, bytes: 0 };
    kinds[kind].files++;
    kinds[kind].bytes += f.size;
  }
  results.push({ query, status, files: search.length, bytes: total, kinds });
  console.log(`search-download q=${JSON.stringify(query)} files=${search.length} kb=${(total / 1024).toFixed(0)} status=${JSON.stringify(status)}`);
  for (const [kind, { files, bytes: size }] of Object.entries(kinds)) console.log(`  ${kind}: ${files} files, ${(size / 1024).toFixed(1)} KB`);
}
console.log(JSON.stringify(results.map(({ query, files, bytes }) => ({ query, files, bytes }))));
chromium.kill();
server.close();
process.exit(0);
