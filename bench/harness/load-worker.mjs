// Load generator, run in a worker thread so that it does not share the event loop of the server it measures.
// Sends a fixed number of GET requests over `concurrency` keep-alive connections and reports each latency.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { origin, path, headers, requests, concurrency } = workerData;
const url = new URL(path, origin);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function get() {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: url.pathname + url.search, headers },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            ms: performance.now() - start,
            body: res.statusCode === 200 ? '' : Buffer.concat(chunks).toString('utf8').slice(0, 300),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const latencies = new Float64Array(requests);
let next = 0;
let failures = 0;
let firstFailure = null;

async function client() {
  while (next < requests) {
    const i = next++;
    const r = await get();
    latencies[i] = r.ms;
    if (r.status !== 200) {
      failures++;
      firstFailure ??= `HTTP ${r.status} ${r.body}`;
    }
  }
}

try {
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, client));
  const elapsedMs = performance.now() - start;
  parentPort.postMessage({ latencies, elapsedMs, failures, firstFailure }, [latencies.buffer]);
} catch (error) {
  parentPort.postMessage({ error: String(error?.stack ?? error) });
} finally {
  agent.destroy();
}
