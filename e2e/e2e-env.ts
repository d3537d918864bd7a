/** Shared by playwright.config.ts and the journeys. */
/** MUTUA_E2E_PORT moves the journeys' server when 3210 is taken. */
export const e2ePort = Number(process.env.MUTUA_E2E_PORT) || 3210;
export const e2eBaseUrl = `http://localhost:${e2ePort}`;
export const e2eDemoPassword = 'e2e-demo-password-2026';
export const demoAdmin = { email: 'admin@demo.mutua.coop', name: 'Alex Admin' };
export const demoMember = { email: 'camille@demo.mutua.coop', name: 'Camille Martin' };
