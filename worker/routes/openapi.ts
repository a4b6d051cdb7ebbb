import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { openApiDocument } from '../openapi/document';
import { docsPage } from '../openapi/docs-page';

let cached: { doc: ReturnType<typeof openApiDocument>; html: string } | undefined;
const built = () => {
  if (!cached) {
    const doc = openApiDocument();
    cached = { doc, html: docsPage(doc) };
  }
  return cached;
};

/** The integration API described for partners: OpenAPI 3.1 from the routes' own zod schemas, and a page to read it. */
export const openApiRoutes = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(built().doc))
  .get('/docs', (c) => {
    // The page loads nothing: its styles are inline, it runs no script.
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(built().html);
  });
