// Renders TeX to MathML with KaTeX, for generator build: reads a JSON array of
// {"tex": "...", "display": true|false} on stdin, writes a JSON array of MathML strings on stdout.
// MathML needs no script and no fonts in the browser. A formula KaTeX cannot parse comes back
// as an empty string, and the build keeps it as text.
import katex from "katex";

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) input += chunk;
const formulas = JSON.parse(input);
const rendered = formulas.map(({ tex, display }) => {
  try {
    return katex.renderToString(tex, { output: "mathml", displayMode: display, throwOnError: true, strict: "ignore", trust: false, maxExpand: 1000 });
  } catch {
    return "";
  }
});
process.stdout.write(JSON.stringify(rendered));
