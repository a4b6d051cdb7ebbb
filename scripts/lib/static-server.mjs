// Serves a built H5 app (dist/h5) the way a static host does: any path that is not a file gets
// index.html (the app routes in the browser), and text files go out gzipped (level 6, the usual
// default of static hosts) to a browser that accepts it. The load benchmark serves it gzipped,
// the end-to-end tests plain.
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from './api-server.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
const COMPRESSED = new Set(['.html', '.js', '.css', '.svg', '.json', '.ttf']);

/** The gzip a static host would send for `file` (level 6). */
export function gzipped(file) {
  return gzipSync(readFileSync(file), { level: 6 });
}

/**
 * @param {string} dir the build to serve
 * @param {{ gzip?: boolean }} options
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function serveStatic(dir, { gzip = true } = {}) {
  const port = await freePort();
  const cache = new Map();
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(dir, path.normalize(pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      file = path.join(dir, 'index.html');
    }
    const ext = path.extname(file);
    const headers = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      // Every visit is a first visit: nothing may come from a cache.
      'Cache-Control': 'no-store',
      Vary: 'Accept-Encoding',
    };
    let body;
    if (gzip && COMPRESSED.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      if (!cache.has(file)) cache.set(file, gzipped(file));
      body = cache.get(file);
      headers['Content-Encoding'] = 'gzip';
    } else {
      body = readFileSync(file);
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
