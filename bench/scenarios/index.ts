import type { Scenario } from '../harness/bench-types.ts';
import { bankImport } from './bank-import.ts';
import { contributionRun } from './contribution-run.ts';
import { governanceVotes } from './governance-votes.ts';
import { httpSessionCheck } from './http-session-check.ts';
import { ledgerFec } from './ledger-fec.ts';
import { ledgerPosting } from './ledger-posting.ts';
import { ledgerTreasuryRead } from './ledger-treasury-read.ts';
import { membersImport } from './members-import.ts';
import { membersQueries } from './members-queries.ts';
import { payrollEngine } from './payroll-engine.ts';
import { salesIssue } from './sales-issue.ts';
import { startup } from './startup.ts';

/** Every benchmark scenario, in the order they run. A new scenario: one file in this folder plus one line here. */
export const scenarios: Scenario[] = [
  httpSessionCheck,
  startup,
  payrollEngine,
  governanceVotes,
  ledgerPosting,
  ledgerTreasuryRead,
  ledgerFec,
  contributionRun,
  membersQueries,
  membersImport,
  salesIssue,
  bankImport,
];
