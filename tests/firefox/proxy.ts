import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import type { SiteServer } from '../e2e/site-server';

/**
 * A local HTTP proxy for Firefox, which has no host-resolver switch: every `CONNECT host:443` is
 * tunnelled to the site server, so `https://www.instagram.com/` reaches it with its Host header
 * intact. A plain `http://` request is answered by the site server's own handler.
 */
export class SiteProxy {
  private server!: Server;
  /** Open tunnels, both ends: a CONNECT socket leaves the HTTP server's keeping once answered. */
  private readonly tunnels = new Set<Socket>();
  port = 0;

  constructor(private readonly site: SiteServer) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      // A proxied request names the whole address: http://host/path.
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'unknown'}`);
      req.url = url.pathname + url.search;
      req.headers.host = url.host;
      this.site.handle(req, res);
    });
    this.server.on('connect', (_req, client: Socket, head) => {
      const upstream = connect(this.site.port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const socket of [client, upstream]) {
        this.tunnels.add(socket);
        socket.on('close', () => this.tunnels.delete(socket));
      }
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    // A browser that is gone can leave a tunnel open, and `close` waits for every socket.
    for (const socket of this.tunnels) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
