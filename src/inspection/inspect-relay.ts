import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/** The last inspection messages replayed to a viewer that connects late. */
const REPLAY = 200;

/** Where the viewer page loads the inspector UI from. */
export const STATELY_INSPECTOR_URL = 'https://stately.ai/inspect';
/** How long the UI has to say it is ready before the page explains why it may be blank. */
export const UI_LOAD_TIMEOUT_MS = 8000;

/**
 * A page that forwards the relay's messages to Stately's inspector UI in an iframe. The UI comes from the
 * internet: when it does not answer in time (offline, blocked), the page says so instead of staying blank.
 */
function viewerPage(wsUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>XState inspector</title>
<style>html,body,iframe{margin:0;width:100%;height:100%;border:0}
#offline{display:none;position:fixed;inset:0;padding:2em;font:16px/1.5 system-ui,sans-serif;background:#fff;color:#111}</style></head>
<body><iframe id="ui" src="${STATELY_INSPECTOR_URL}"></iframe>
<div id="offline" role="alert"><h1>The inspector could not load</h1>
<p>This page shows Stately's inspector, loaded from <code>${STATELY_INSPECTOR_URL}</code>: it needs internet access, and it did not answer.
Check the connection (or a proxy or firewall blocking stately.ai), then reload this page.</p>
<p>The relay is running (<code>${wsUrl}</code>): it keeps the last ${REPLAY} inspection events and replays them when the inspector connects.</p></div>
<script>
const ui = document.getElementById('ui'); const pending = []; let ready = false;
setTimeout(() => { if (!ready) document.getElementById('offline').style.display = 'block'; }, ${UI_LOAD_TIMEOUT_MS});
addEventListener('message', (e) => { if (e.data && e.data.type === '@statelyai.connected') { ready = true; document.getElementById('offline').style.display = 'none'; pending.splice(0).forEach((m) => ui.contentWindow.postMessage(m, '*')); } });
const ws = new WebSocket(${JSON.stringify(wsUrl)});
ws.onmessage = (e) => { const m = JSON.parse(e.data); ready ? ui.contentWindow.postMessage(m, '*') : pending.push(m); };
</script></body></html>`;
}

/** The relay's port is taken: said in one line, with what to do. */
export class InspectPortInUseError extends Error {
  override readonly name = 'InspectPortInUseError';
  constructor(readonly port: number) {
    super(
      `INSPECT=local: port ${port} on 127.0.0.1 is already in use (another npm start or npm run chat with INSPECT=local?): ` +
        'set INSPECT_PORT to a free port, or INSPECT_PORT=0 for any',
    );
  }
}

export interface InspectRelay {
  /** Open this in a browser to see the conversations. */
  readonly pageUrl: string;
  /** Where the process sends inspection events (and where other viewers may connect). */
  readonly wsUrl: string;
  close(): Promise<void>;
}

/**
 * A WebSocket relay on loopback only (Stately's own server listens on every interface): what one client sends,
 * every other client receives. The server's inspector is one client, the viewer page another.
 *
 * @example
 * const relay = await startInspectRelay(8079); // http://127.0.0.1:8079
 */
export async function startInspectRelay(port: number): Promise<InspectRelay> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(viewerPage(wsUrl));
  });
  const recent: string[] = [];
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new InspectPortInUseError(port) : error));
    server.listen(port, '127.0.0.1', resolve);
  });
  // Attached once listening: the WebSocket server re-emits the HTTP server's errors, a port clash included.
  const relay = new WebSocketServer({ server });
  relay.on('connection', (socket) => {
    for (const message of recent) socket.send(message);
    socket.on('message', (data) => {
      const message = data.toString();
      recent.push(message);
      if (recent.length > REPLAY) recent.shift();
      for (const client of relay.clients) if (client !== socket && client.readyState === WebSocket.OPEN) client.send(message);
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const wsUrl = `ws://127.0.0.1:${bound}`;
  return {
    pageUrl: `http://127.0.0.1:${bound}`,
    wsUrl,
    async close() {
      for (const client of relay.clients) client.terminate();
      relay.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
