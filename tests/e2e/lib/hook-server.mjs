// A web hook receiver on 127.0.0.1: records every request (path, headers, JSON body) and answers with what
// `respond(request)` returns ({ status, body }); 204 when it returns nothing.
import http from 'node:http';
import { after } from 'node:test';
import { freePort } from './server.mjs';

export async function startHookServer(respond = () => undefined) {
  const port = await freePort();
  const received = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', async () => {
      let body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      const request = { method: req.method, path: req.url, headers: req.headers, body };
      received.push(request);
      const answer = (await respond(request)) ?? { status: 204 };
      res.writeHead(answer.status, answer.body === undefined ? {} : { 'Content-Type': 'application/json' });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  after(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${port}`, received };
}

/** A Jsonnet template as a base64:// URL, the way a kratos.yml embeds a web hook body. */
export function base64Jsonnet(source) {
  return `base64://${Buffer.from(source, 'utf8').toString('base64')}`;
}
