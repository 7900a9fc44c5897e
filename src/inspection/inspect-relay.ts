import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/** The last inspection messages replayed to a viewer that connects late. */
const REPLAY = 200;

/** A page that forwards the relay's messages to Stately's inspector UI in an iframe. */
function viewerPage(wsUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Inspecteur XState</title>
<style>html,body,iframe{margin:0;width:100%;height:100%;border:0}</style></head>
<body><iframe id="ui" src="https://stately.ai/inspect"></iframe><script>
const ui = document.getElementById('ui'); const pending = []; let ready = false;
addEventListener('message', (e) => { if (e.data && e.data.type === '@statelyai.connected') { ready = true; pending.splice(0).forEach((m) => ui.contentWindow.postMessage(m, '*')); } });
const ws = new WebSocket(${JSON.stringify(wsUrl)});
ws.onmessage = (e) => { const m = JSON.parse(e.data); ready ? ui.contentWindow.postMessage(m, '*') : pending.push(m); };
</script></body></html>`;
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
  const relay = new WebSocketServer({ server });
  const recent: string[] = [];
  relay.on('connection', (socket) => {
    for (const message of recent) socket.send(message);
    socket.on('message', (data) => {
      const message = data.toString();
      recent.push(message);
      if (recent.length > REPLAY) recent.shift();
      for (const client of relay.clients) if (client !== socket && client.readyState === WebSocket.OPEN) client.send(message);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
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
