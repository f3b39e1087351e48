// Serves the static export on 127.0.0.1 only.
// Usage: node scripts/serve.mjs [port] [folder]; the folder defaults to out/.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const port = Number(process.argv[2] ?? 3000);
const root = join(fileURLToPath(new URL('..', import.meta.url)), process.argv[3] ?? 'out', '/');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

if (!existsSync(root)) {
  console.error(`${root} not found: run \`npm run build\` first.`);
  process.exit(1);
}

function resolveFile(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const path = normalize(join(root, decoded));
  if (!path.startsWith(root)) return null;
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  if (existsSync(index)) return index;
  if (existsSync(`${path}.html`)) return `${path}.html`;
  return null;
}

// Node's default 16 KB header limit answers an empty 431 to long permalinks; the URL parser
// caps a query at 8192 characters, so 64 KB leaves room for percent-encoding and headers.
const maxHeaderBytes = 64 * 1024;

const server = createServer({ maxHeaderSize: maxHeaderBytes }, (request, response) => {
  let file = null;
  try {
    file = resolveFile(request.url ?? '/');
  } catch {
    file = null;
  }
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    const notFound = join(root, '404.html');
    if (existsSync(notFound)) createReadStream(notFound).pipe(response);
    else response.end('Not found');
    return;
  }
  const type = types[extname(file)] ?? 'application/octet-stream';
  // Cross-origin isolation makes Chromium's performance.now() step 5 µs instead of 100 µs,
  // which /live's step timings (about 1 ms each) need. Every resource of the site is
  // same-origin, so require-corp blocks nothing.
  const headers = {
    'content-type': type,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  };
  // Like a production host: hashed build files are cached for good, and text is gzipped.
  if ((request.url ?? '').startsWith('/_next/static/')) headers['cache-control'] = 'public, max-age=31536000, immutable';
  const compressible = /^(text\/|application\/json|image\/svg)/.test(type);
  if (compressible && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    response.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
    createReadStream(file).pipe(createGzip()).pipe(response);
    return;
  }
  response.writeHead(200, headers);
  createReadStream(file).pipe(response);
});

// Node replies to a request over the header limit with an empty 431, which a browser shows
// as a blank page. This page explains why the link did not open.
const tooLongPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Link too long</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>This link is too long to open</h1>
<p>The request is larger than the ${maxHeaderBytes / 1024} KB this server accepts. A permalink
of the explainer is a few hundred characters; open <a href="/playground/">the playground</a>
and copy its link again.</p></body></html>`;

server.on('clientError', (error, socket) => {
  if (!socket.writable) return;
  console.error(`rejected a request from ${socket.remoteAddress}: ${error.code ?? error.message}`);
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const body = Buffer.from(tooLongPage);
    socket.end(
      `HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${tooLongPage}`,
    );
    return;
  }
  socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}/`);
});
