// Load generator of the governance-votes scenario, in a worker thread so that it does not share the event loop
// of the server it measures. Each voter sends one POST with their own session cookie and CSRF token, over
// `concurrency` keep-alive connections; every answer must be 201 (a vote recorded), else the run fails.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { origin, path, voters, concurrency } = workerData;
const url = new URL(path, origin);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function post(voter) {
  const body = JSON.stringify({ choice: voter.choice });
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request(
      {
        agent,
        method: 'POST',
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          cookie: `mutua_session=${voter.token}`,
          'x-csrf-token': voter.csrf,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            ms: performance.now() - start,
            body: Buffer.concat(chunks).toString('utf8').slice(0, 300),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const latencies = new Float64Array(voters.length);
let next = 0;
let failures = 0;
let firstFailure = null;

async function client() {
  while (next < voters.length) {
    const i = next++;
    const r = await post(voters[i]);
    latencies[i] = r.ms;
    if (r.status !== 201) {
      failures++;
      firstFailure ??= `HTTP ${r.status} ${r.body}`;
    }
  }
}

try {
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, voters.length) }, client));
  const elapsedMs = performance.now() - start;
  parentPort.postMessage({ latencies, elapsedMs, failures, firstFailure }, [latencies.buffer]);
} catch (error) {
  parentPort.postMessage({ error: String(error?.stack ?? error) });
} finally {
  agent.destroy();
}
