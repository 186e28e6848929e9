import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { tempDir } from './temp';

export interface SeenRequest {
  host: string;
  path: string;
}

/**
 * A local HTTPS server that stands in for every real site. The browser maps all host names to
 * it, so `https://www.instagram.com/` arrives here with its Host header intact; `requests` lets
 * a test prove that a stopped site was never contacted.
 */
export class SiteServer {
  readonly requests: SeenRequest[] = [];
  private server!: Server;
  private certDir = '';
  port = 0;

  /** Pages by path, for hosts that need more than the default page. */
  readonly pages = new Map<string, string>();

  /**
   * In-page links on every default page. They change the route the way a single-page site
   * does, with `history.pushState` and no page load.
   */
  spaLinks: { text: string; href: string }[] = [];

  async start(): Promise<void> {
    const dir = tempDir('br-cert-');
    this.certDir = dir;
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    this.server = createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (req, res) => this.handle(req, res),
    );
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Answers one request, and records it. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    this.requests.push({ host, path });
    if (path === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(this.pages.get(path.split('?')[0] ?? '/') ?? defaultPage(host, path, this.spaLinks));
  }

  /** Requests that reached `host` or any of its subdomains. */
  requestsTo(domain: string): SeenRequest[] {
    return this.requests.filter((r) => r.host === domain || r.host.endsWith(`.${domain}`));
  }

  async stop(): Promise<void> {
    // `close` waits for every connection; one a browser left open would hold the run's teardown.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.certDir) rmSync(this.certDir, { recursive: true, force: true });
  }
}

const clean = (text: string) => text.replace(/[<>&"]/g, '');

/** A page that says where it is, and behaves like a single-page site for its in-page links. */
function defaultPage(host: string, path: string, links: { text: string; href: string }[]): string {
  const nav = links.map((l) => `<a data-spa href="${clean(l.href)}">${clean(l.text)}</a>`).join(' ');
  return `<!doctype html><html lang="en"><link rel="icon" href="data:,"><title>${clean(host + path)}</title>
<h1>Site page</h1><nav>${nav}</nav><p id="where">${clean(host + path)}</p>
<script>
  const render = () => { document.getElementById('where').textContent = location.host.replace(/:\\d+$/, '') + location.pathname + location.search; };
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-spa]');
    if (!a) return;
    e.preventDefault();
    history.pushState({}, '', a.getAttribute('href'));
    render();
  });
  addEventListener('popstate', render);
</script></html>`;
}

/**
 * Playwright fixtures for both browsers' suites: one site server per worker, and `server`, the
 * same server with its request log and pages cleared for each test.
 */
export const siteTest = base.extend<{ server: SiteServer }, { siteServer: SiteServer }>({
  siteServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern
    async ({}, use) => {
      const server = new SiteServer();
      await server.start();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],

  server: async ({ siteServer }, use) => {
    siteServer.requests.length = 0;
    siteServer.pages.clear();
    siteServer.spaLinks = [];
    await use(siteServer);
  },
});
