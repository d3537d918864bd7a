import type { Role } from './roles.ts';

/**
 * What each role may do. Deny by default: a permission not listed for any of a person's roles is refused.
 * Per-activity rules (a member sees only their own activity) are checked by the use cases on top of this.
 */
export const permissionsByRole = {
  member: [
    'home.read',
    'cooperative.read',
    // Sales (issue 5): invoice for one's own activities (the use cases check the activity).
    'sales.use',
    // Members (issue 3): own file, journey and activities through /me routes; the directory.
    'members.self',
    'directory.read',
    // Governance (issue 8): vote, give a proxy, see one's shares (the use cases check the person is an associate).
    'governance.vote',
    // Expenses (issue 7): claims and supplier invoices of one's own activities (the use cases check the activity).
    'expenses.use',
  ],
  support: [
    'home.read',
    'cooperative.read',
    // Sales (issue 5): every activity's sales; validate members' invoices.
    'sales.use',
    'sales.all',
    'sales.validate',
    'people.read',
    // Members (issue 3): manage member files, journeys and activities; read the restricted class; import.
    'members.read',
    'members.manage',
    'members.restricted.read',
    'members.import',
    'activities.read',
    'activities.manage',
    'directory.read',
    // Governance (issue 8): vote when an associate.
    'governance.vote',
    // Payroll (issue 10): read salary plans, approve or reject them.
    'payroll.plans.read',
    'payroll.plans.decide',
    // Contribution (issue 6): the portfolio's dashboards and contributions.
    'contribution.read',
    // Expenses (issue 7): every activity's expenses; approve them (never one's own).
    'expenses.use',
    'expenses.all',
    'expenses.approve',
  ],
  accountant: [
    'home.read',
    'cooperative.read',
    // Sales (issue 5): every activity's sales (payments, credit notes).
    'sales.use',
    'sales.all',
    'integrity.verify',
    // Ledger (issue 4): read the books, post manual entries, close years and set the lock date, edit the chart.
    'ledger.read',
    'ledger.post',
    'ledger.close',
    'ledger.chart',
    // Members (issue 3): read member files and activities (not the restricted class).
    'members.read',
    'activities.read',
    'directory.read',
    // Governance (issue 8): read the associates register and the capital; vote when an associate.
    'governance.read',
    'governance.vote',
    // Payroll (issue 10): read salary plans; run the monthly payroll, export it, pay the net salaries.
    'payroll.plans.read',
    'payroll.runs.read',
    'payroll.runs.manage',
    // Expenses (issue 7): approve expenses (never one's own), pay them by SEPA batches.
    'expenses.use',
    'expenses.all',
    'expenses.approve',
    'expenses.pay',
    // Contribution (issue 6): read every activity's contributions; run the monthly contribution.
    'contribution.read',
    'contribution.run',
    // Bank (issue 9): import statements, match and reconcile them. Members never see bank lines.
    'bank.read',
    'bank.manage',
  ],
  manager: [
    'home.read',
    'cooperative.read',
    // Sales (issue 5): every activity's sales.
    'sales.use',
    'sales.all',
    'people.read',
    // Members (issue 3): read member files and activities (not the restricted class).
    'members.read',
    'activities.read',
    'directory.read',
    // Governance (issue 8): run the register, capital, assemblies and consultations; vote when an associate.
    'governance.read',
    'governance.manage',
    'governance.vote',
    // Payroll (issue 10): read salary plans and runs; approve advances on salaries the treasury cannot bear;
    // record the cooperative's payroll settings.
    'payroll.plans.read',
    'payroll.runs.read',
    'payroll.advances.approve',
    'payroll.settings.manage',
    // Expenses (issue 7): read every activity's expenses; set the double-approval threshold.
    'expenses.use',
    'expenses.all',
    'expenses.settings',
    // Contribution (issue 6): the cooperative's dashboard; edit the policy and exemptions; run the month.
    'contribution.read',
    'contribution.manage',
    'contribution.run',
  ],
  admin: [
    'home.read',
    'cooperative.read',
    // Sales (issue 5): every activity's sales; validate invoices.
    'sales.use',
    'sales.all',
    'sales.validate',
    'cooperative.update',
    'people.read',
    'people.invite',
    'people.manage',
    'audit.read',
    'outbox.read',
    'integrity.verify',
    'ledger.read',
    'ledger.post',
    'ledger.close',
    'ledger.chart',
    'members.read',
    'members.manage',
    'members.restricted.read',
    'members.import',
    'activities.read',
    'activities.manage',
    'directory.read',
    // Governance (issue 8).
    'governance.read',
    'governance.manage',
    'governance.vote',
    // Payroll (issue 10).
    'payroll.plans.read',
    'payroll.plans.decide',
    'payroll.runs.read',
    'payroll.runs.manage',
    'payroll.advances.approve',
    'payroll.settings.manage',
    // Expenses (issue 7).
    'expenses.use',
    'expenses.all',
    'expenses.approve',
    'expenses.pay',
    'expenses.settings',
    // Contribution (issue 6).
    'contribution.read',
    'contribution.manage',
    'contribution.run',
    // Bank (issue 9).
    'bank.read',
    'bank.manage',
  ],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof permissionsByRole)[Role][number];

export function can(personRoles: readonly Role[], permission: Permission): boolean {
  return personRoles.some((role) => (permissionsByRole[role] as readonly string[]).includes(permission));
}
