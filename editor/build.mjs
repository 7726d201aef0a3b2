// Bundles the editor: hashed, immutable assets under assets/ and an index.html that names them.
// The body editor (CodeMirror) is a separate chunk loaded when a story opens, so the story list
// comes up on the first load's bytes alone. Prints the first load's compressed size.
import * as esbuild from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const outArg = process.argv.find((a) => a.startsWith('--out='));
const out = path.resolve(outArg ? outArg.slice('--out='.length) : 'dist');
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const result = await esbuild.build({
  entryPoints: ['src/main.js'],
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: ['es2022'],
  outdir: out,
  entryNames: 'assets/[name]-[hash]',
  chunkNames: 'assets/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

const outputs = result.metafile.outputs;
const entry = Object.entries(outputs).find(([, o]) => o.entryPoint === 'src/main.js');
const relative = (file) => path.relative(out, path.resolve(file)).split(path.sep).join('/');
const script = relative(entry[0]);
const style = relative(entry[1].cssBundle);

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Newsroom editor</title>
<link rel="stylesheet" href="${style}">
<script type="module" src="${script}"></script>
</head>
<body>
<div id="app"><p class="boot">Newsroom editor…</p></div>
</body>
</html>
`;
await writeFile(path.join(out, 'index.html'), html);

// what the first load fetches: the page, its script with the chunks it imports statically, its style
const firstLoad = new Set([script, style]);
for (const imp of entry[1].imports) if (imp.kind === 'import-statement') firstLoad.add(relative(imp.path));
let raw = Buffer.byteLength(html);
let gzip = gzipSync(html, { level: 9 }).length;
for (const file of firstLoad) {
  const bytes = await readFile(path.join(out, file));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
// what opening a story adds: the chunks loaded on demand (the body editor)
let later = 0;
for (const file of Object.keys(outputs)) {
  const name = relative(file);
  if (name.endsWith('.js') && !firstLoad.has(name)) later += gzipSync(await readFile(path.join(out, name)), { level: 9 }).length;
}
console.log(
  `editor built into ${out}: first load ${(gzip / 1024).toFixed(1)} KiB gzip (${(raw / 1024).toFixed(1)} KiB raw, ` +
    `${firstLoad.size + 1} files); opening a story adds ${(later / 1024).toFixed(1)} KiB gzip`,
);
