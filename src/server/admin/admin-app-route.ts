// The admin UI (issue 10, point 7): /admin/ opens the Preact page built into dist/admin/ (src/admin-app/), which logs
// in and changes everything through the admin JSON API. /admin leads there; the first, server-rendered page stays at
// /admin/classic until the new screens cover it.

import type { FastifyInstance } from 'fastify';
import { ADMIN_APP_CSP } from '../http/security-headers.ts';

/** `served`: the built pages are served (STATIC_DIR); without them only the redirect is there. */
export function adminAppRoutes(app: FastifyInstance, options: { served: boolean }): void {
  // 302, not 301: a browser keeps a 301 for good, and /admin may yet mean something else
  app.get('/admin', async (_req, reply) => reply.redirect('/admin/', 302));
  if (!options.served) return;
  // the page itself holds no data (it asks the API once logged in): anyone may load it, and it shows the login
  app.get('/admin/', { helmet: { contentSecurityPolicy: ADMIN_APP_CSP } }, async (_req, reply) => reply.sendFile('admin/index.html'));
  // the file's own address would be sent by the static files, under the staff app's looser CSP: one address only
  app.get('/admin/index.html', async (_req, reply) => reply.redirect('/admin/', 302));
}
