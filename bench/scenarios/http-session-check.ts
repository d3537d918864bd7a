import type { BenchRow, Scenario } from '../harness/bench-types.ts';
import { runLoad } from '../harness/run-load.ts';
import { benchDemoPassword, startAppInProcess } from '../harness/start-app-in-process.ts';
import { summarizeLatencies } from '../harness/summarize-latencies.ts';

const concurrency = 10;
const homePath = '/api/home';
const staticPath = '/api/docs/init.js';

/**
 * The cost of a session check: an authenticated GET of the home data (cookie → session lookup in the
 * database, then the home page's counts) against a static GET that touches neither the session nor the
 * database, on the same server, interleaved in rounds so that background noise hits both sides alike.
 */
export const httpSessionCheck: Scenario = {
  name: 'http-session-check',
  issue: 2,
  description: `value = GET ${homePath} logged in as the demo admin (session check + home queries); baseline = GET ${staticPath} (static, no session, no database); ${concurrency} keep-alive clients, latencies in ms.`,
  async run(env) {
    const requests = env.quick ? 2_000 : 5_000;
    const warmup = env.quick ? 200 : 500;
    const rounds = env.quick ? 2 : 5;
    const app = await startAppInProcess(await env.freshStorage());
    try {
      const cookie = await logInAsDemoAdmin(app.origin);
      const sides = {
        home: { path: homePath, headers: { cookie } },
        static: { path: staticPath, headers: {} },
      };
      env.progress(`warm-up: ${warmup} requests per side`);
      for (const side of Object.values(sides))
        await runLoad({ origin: app.origin, ...side, requests: warmup, concurrency });
      const measured = { home: [] as Float64Array[], static: [] as Float64Array[] };
      const elapsed = { home: 0, static: 0 };
      const perRound = Math.ceil(requests / rounds);
      for (let round = 0; round < rounds; round++) {
        env.progress(`round ${round + 1}/${rounds}: ${perRound} requests per side`);
        const order = round % 2 === 0 ? (['static', 'home'] as const) : (['home', 'static'] as const);
        for (const name of order) {
          const r = await runLoad({ origin: app.origin, ...sides[name], requests: perRound, concurrency });
          measured[name].push(r.latenciesMs);
          elapsed[name] += r.elapsedMs;
        }
      }
      const home = summarizeLatencies(concat(measured.home), elapsed.home);
      const base = summarizeLatencies(concat(measured.static), elapsed.static);
      const rows: BenchRow[] = [
        {
          metric: 'requests/s',
          unit: 'req/s',
          value: home.requestsPerSecond,
          baseline: base.requestsPerSecond,
        },
        { metric: 'p50 latency', unit: 'ms', value: home.p50, baseline: base.p50 },
        { metric: 'p99 latency', unit: 'ms', value: home.p99, baseline: base.p99 },
      ];
      return rows;
    } finally {
      await app.stop();
    }
  },
};

async function logInAsDemoAdmin(origin: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.mutua.coop', password: benchDemoPassword }),
  });
  const body = await res.text();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mutua_session='));
  if (res.status !== 200 || !cookie)
    throw new Error(`log-in as the demo admin failed: ${res.status} ${body}`);
  const value = cookie.split(';')[0]!;
  const home = await fetch(`${origin}${homePath}`, { headers: { cookie: value } });
  const view = (await home.json()) as { people?: unknown };
  if (home.status !== 200 || !view.people)
    throw new Error(`GET ${homePath} as the demo admin did not show the admin's home (${home.status})`);
  return value;
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
