// Every table, for Drizzle's typed queries. The tables themselves are created by the SQL in migrations/.
export * from '../activities/activities-tables.ts';
export * from '../audit/audit-tables.ts';
export * from '../bank/bank-tables.ts';
export * from '../contribution/contribution-tables.ts';
export * from '../cooperative/cooperative-tables.ts';
export * from '../expenses/expenses-tables.ts';
export * from '../files/files-tables.ts';
export * from '../governance/governance-tables.ts';
export * from '../jobs/jobs-tables.ts';
export * from '../ledger/ledger-tables.ts';
export * from '../mail/mail-tables.ts';
export * from '../members/members-tables.ts';
export * from '../payroll/payroll-run-tables.ts';
export * from '../payroll/payroll-tables.ts';
export * from '../people/people-tables.ts';
export * from '../sales/sales-tables.ts';
