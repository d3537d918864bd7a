/** Shared by playwright.config.ts and the journeys. */
export const e2ePort = 3210;
export const e2eBaseUrl = `http://localhost:${e2ePort}`;
export const e2eDemoPassword = 'e2e-demo-password-2026';
export const demoAdmin = { email: 'admin@demo.mutua.coop', name: 'Alex Admin' };
export const demoMember = { email: 'camille@demo.mutua.coop', name: 'Camille Martin' };
