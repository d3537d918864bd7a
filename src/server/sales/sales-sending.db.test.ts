import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditorReference, formatCreditorReference } from '../../core/bank/creditor-reference.ts';
import { computeLatePenaltyCents } from '../../core/sales/late-penalty.ts';
import { queryRows } from '../db/query-rows.ts';
import { readFile } from '../files/store-file.ts';
import { jobs } from '../jobs/jobs-tables.ts';
import { runDueJobs } from '../jobs/run-due-jobs.ts';
import { emailAttachments, emails } from '../mail/mail-tables.ts';
import { runSalesDailyJob, scheduleSalesDailyJob } from './run-sales-daily-job.ts';
import { invoiceSendings, invoices } from './sales-tables.ts';
import { companyClientInput, individualClientInput, invoiceDraft, setUpSales } from './sales-test-fixture.ts';
import { sendDueReminders } from './send-due-reminders.ts';

/**
 * Sending issued documents by e-mail with a trace, reminders of overdue invoices on the cooperative's
 * schedule with the late penalties, and the sales settings (issue 5 §9).
 */
let s: Awaited<ReturnType<typeof setUpSales>>;
let companyId: string;
let individualId: string;
let invoiceId: string;
const total = 144_000; // 2.5 × 480 € + 20 % VAT

async function issued(member: Awaited<ReturnType<typeof s.loggedIn>>, clientId: string) {
  const id = (await member.post('/sales/invoices', invoiceDraft(s.bois, clientId))).body.id;
  expect((await member.post(`/sales/invoices/${id}/issue`, {})).status).toBe(200);
  return id;
}

beforeAll(async () => {
  s = await setUpSales();
  const member = await s.loggedIn('member@test.coop');
  companyId = (await member.post(`/sales/activities/${s.bois}/clients`, companyClientInput)).body.id;
  individualId = (await member.post(`/sales/activities/${s.bois}/clients`, individualClientInput)).body.id;
  invoiceId = await issued(member, companyId);
}, 60_000);
afterAll(async () => {
  await s.ctx.close();
});

describe('sending issued documents', () => {
  it('e-mails the stored PDF to the client, keeps the trace and shows it in the invoice view', async () => {
    const member = await s.loggedIn('member@test.coop');
    const sent = await member.post(`/sales/invoices/${invoiceId}/send`, { message: 'Merci !' });
    expect(sent.status).toBe(201);
    const [row] = await s.ctx.db.select().from(invoices).where(eq(invoices.id, invoiceId));
    expect(sent.body.sendings).toEqual([
      expect.objectContaining({
        kind: 'document',
        toAddress: 'compta@menuiseries.example',
        fileSha256: row!.pdfSha256,
        emailStatus: 'queued',
      }),
    ]);
    const [attachment] = await s.ctx.db.select().from(emailAttachments);
    expect(attachment).toMatchObject({ filename: 'F2026-00001.pdf', fileSha256: row!.pdfSha256 });
    // The file sent is the one stored at issue: its hash is the hash of the stored bytes.
    const stored = await readFile(s.ctx.db, attachment!.fileSha256);
    expect(createHash('sha256').update(stored!.bytes).digest('hex')).toBe(row!.pdfSha256);
    const [mail] = await s.ctx.db.select().from(emails).where(eq(emails.id, attachment!.emailId));
    expect(mail!.subject).toBe('Facture n° F2026-00001 — Atelier Copeaux');
    expect(mail!.textBody).toMatch(/1\s440,00\s€/);
    expect(mail!.textBody).toContain('01/04/2026');
    expect(mail!.textBody).toContain('Merci !');
    expect(await runDueJobs(s.ctx)).toBeGreaterThan(0);
    const view = await member.get(`/sales/invoices/${invoiceId}`);
    expect(view.body.sendings[0].emailStatus).toBe('outbox');
    // To another address, given by hand.
    const other = await member.post(`/sales/invoices/${invoiceId}/send`, {
      to: 'Direction@Menuiseries.example',
    });
    expect(other.body.sendings.map((x: { toAddress: string }) => x.toAddress)).toEqual([
      'compta@menuiseries.example',
      'direction@menuiseries.example',
    ]);
    await runDueJobs(s.ctx);
    await expect(
      s.ctx.db.execute(sql`UPDATE invoice_sendings SET to_address = 'x@y.z' WHERE invoice_id = ${invoiceId}`),
    ).rejects.toThrow();
  });

  it('sends the PDF as an attachment through SMTP', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    (s.ctx.config as { smtpUrl: string | null }).smtpUrl = `smtp://127.0.0.1:${port}`;
    try {
      const member = await s.loggedIn('member@test.coop');
      await member.post(`/sales/invoices/${invoiceId}/send`, {});
      await runDueJobs(s.ctx);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(/Content-Type: application\/pdf; name=F2026-00001\.pdf/);
      expect(received[0]).toContain('Content-Disposition: attachment; filename=F2026-00001.pdf');
      const view = await member.get(`/sales/invoices/${invoiceId}`);
      expect(view.body.sendings.at(-1).emailStatus).toBe('sent');
    } finally {
      (s.ctx.config as { smtpUrl: string | null }).smtpUrl = null;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses a draft, a bad address, a client without address, another activity; changes nothing', async () => {
    const member = await s.loggedIn('member@test.coop');
    const before = (await s.ctx.db.select().from(invoiceSendings)).length;
    const draft = (await member.post('/sales/invoices', invoiceDraft(s.bois, companyId))).body.id;
    expect((await member.post(`/sales/invoices/${draft}/send`, {})).body.code).toBe('INVOICE_NOT_ISSUED');
    expect((await member.post(`/sales/invoices/${invoiceId}/send`, { to: 'pas une adresse' })).status).toBe(
      422,
    );
    expect((await member.post(`/sales/invoices/${invoiceId}/send`, { to: 42 })).status).toBe(422);
    expect((await member.post(`/sales/invoices/${invoiceId}/send`, { cc: 'a@b.c' })).status).toBe(422);
    const noMail = (
      await member.post(`/sales/activities/${s.bois}/clients`, { ...individualClientInput, email: null })
    ).body.id;
    const quiet = await issued(member, noMail);
    const refused = await member.post(`/sales/invoices/${quiet}/send`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CLIENT_EMAIL_MISSING');
    const other = await s.loggedIn('other@test.coop');
    expect((await other.post(`/sales/invoices/${invoiceId}/send`, {})).status).toBe(404);
    expect((await s.ctx.db.select().from(invoiceSendings)).length).toBe(before);
  });
});

describe('reminders', () => {
  let individualInvoice: string;
  let paidInvoice: string;

  it('sends nothing before the first step; then the 7-day reminder once, with the penalties and the indemnity', async () => {
    const member = await s.loggedIn('member@test.coop');
    individualInvoice = await issued(member, individualId);
    paidInvoice = await issued(member, companyId);
    await member.post(`/sales/invoices/${paidInvoice}/payments`, {
      amountCents: total,
      paidOn: '2026-03-05',
    });

    s.ctx.setNow('2026-04-07T09:00:00.000Z');
    expect((await sendDueReminders(s.ctx)).sent).toBe(0);
    s.ctx.setNow('2026-04-08T09:00:00.000Z');
    // The company invoice and the individual's (the client without address and the paid one get none).
    expect((await sendDueReminders(s.ctx)).sent).toBe(2);
    expect((await sendDueReminders(s.ctx)).sent).toBe(0);

    const [reminder] = await s.ctx.db
      .select()
      .from(invoiceSendings)
      .where(sql`${invoiceSendings.invoiceId} = ${invoiceId} AND ${invoiceSendings.kind} = 'reminder'`);
    // 1 440 € × (2.15 % + 10 points) × 7 / 365 = 3.36 €.
    const penalty = computeLatePenaltyCents({
      unpaidCents: total,
      dueDate: '2026-04-01',
      until: '2026-04-08',
    });
    expect(penalty).toBe(336);
    expect(reminder).toMatchObject({
      reminderDays: 7,
      dueCents: total,
      penaltyCents: 336,
      penaltyRateBp: 1215,
      indemnityCents: 4_000,
    });
    const [mail] = await s.ctx.db.select().from(emails).where(eq(emails.id, reminder!.emailId));
    expect(mail!.subject).toBe('Relance : facture n° F2026-00001 échue le 01/04/2026');
    expect(mail!.textBody).toContain('impayée depuis 7 jours');
    expect(mail!.textBody).toContain('12,15 %');
    expect(mail!.textBody).toMatch(/3,36\s€ à ce jour/);
    expect(mail!.textBody).toMatch(/40,00\s€/);
    // The transfer reference is the RF reference the invoice printed, so the bank line matches it.
    expect(mail!.textBody).toContain('référence RF');
    expect(mail!.textBody).toContain(formatCreditorReference(creditorReference('F2026-00001')!));
    const [individual] = await s.ctx.db
      .select()
      .from(invoiceSendings)
      .where(eq(invoiceSendings.invoiceId, individualInvoice));
    expect(individual!.indemnityCents).toBeNull();
    expect(
      await s.ctx.db.select().from(invoiceSendings).where(eq(invoiceSendings.invoiceId, paidInvoice)),
    ).toEqual([]);
  });

  it('sends the 30-day reminder on what remains after a partial payment; a paid invoice gets no more', async () => {
    const member = await s.loggedIn('member@test.coop');
    await member.post(`/sales/invoices/${individualInvoice}/payments`, {
      amountCents: total,
      paidOn: '2026-04-20',
    });
    await member.post(`/sales/invoices/${invoiceId}/payments`, { amountCents: 40_000, paidOn: '2026-04-20' });
    s.ctx.setNow('2026-05-01T09:00:00.000Z');
    expect((await sendDueReminders(s.ctx)).sent).toBe(1);
    const steps = await s.ctx.db
      .select()
      .from(invoiceSendings)
      .where(sql`${invoiceSendings.invoiceId} = ${invoiceId} AND ${invoiceSendings.kind} = 'reminder'`)
      .orderBy(invoiceSendings.sentAt);
    expect(steps.map((x) => [x.reminderDays, x.dueCents])).toEqual([
      [7, total],
      [30, total - 40_000],
    ]);
    // Penalties on what was due each day: 1 440 € to 20/04, then 1 040 €; computed on what is due today.
    expect(steps[1]!.penaltyCents).toBe(
      computeLatePenaltyCents({ unpaidCents: total - 40_000, dueDate: '2026-04-01', until: '2026-05-01' }),
    );
    const view = await (await s.loggedIn('member@test.coop')).get(`/sales/invoices/${invoiceId}`);
    expect(view.body.sendings.filter((x: { kind: string }) => x.kind === 'reminder')).toHaveLength(2);
  });

  it('runs as a daily job that schedules its next run, and follows the settings', async () => {
    s.ctx.setNow('2026-05-31T09:00:00.000Z');
    const admin = await s.loggedIn('admin@test.coop');
    const settings = (await admin.get('/sales/settings')).body;
    expect(settings).toMatchObject({
      reminderDays: [7, 30, 60],
      latePenaltyMarginBp: 1000,
      remindersEnabled: true,
    });
    // Off: nothing goes.
    expect((await admin.put('/sales/settings', { ...settings, remindersEnabled: false })).status).toBe(200);
    expect((await sendDueReminders(s.ctx)).sent).toBe(0);
    // A schedule of 45 days and a margin of 12 points: the 45-day step goes with 14.15 %.
    const saved = await admin.put('/sales/settings', {
      ...settings,
      reminderDays: [45, 7, 30],
      latePenaltyMarginBp: 1200,
    });
    expect(saved.body.reminderDays).toEqual([7, 30, 45]);
    s.ctx.setNow('2026-05-17T09:00:00.000Z');
    expect(await scheduleSalesDailyJob(s.ctx)).not.toBeNull();
    expect(await scheduleSalesDailyJob(s.ctx)).toBeNull();
    await runDueJobs(s.ctx);
    const [last] = await s.ctx.db
      .select()
      .from(invoiceSendings)
      .where(sql`${invoiceSendings.invoiceId} = ${invoiceId} AND ${invoiceSendings.reminderDays} = 45`);
    expect(last!.penaltyRateBp).toBe(1415);
    const next = await queryRows<{ run_at: Date; status: string }>(
      s.ctx.db,
      sql`SELECT run_at, status FROM jobs WHERE kind = 'sales.daily' ORDER BY id`,
    );
    expect(next.map((j) => j.status)).toEqual(['done', 'pending']);
    expect(new Date(next[1]!.run_at).toISOString()).toBe('2026-05-18T09:00:00.000Z');
    await runSalesDailyJob(s.ctx);
    expect((await s.ctx.db.select().from(jobs).where(eq(jobs.kind, 'sales.daily'))).length).toBe(3);
  });
});

describe('sales settings', () => {
  it('refuses a member, bad values and a numbering template that could repeat a number', async () => {
    const member = await s.loggedIn('member@test.coop');
    const admin = await s.loggedIn('admin@test.coop');
    const settings = (await admin.get('/sales/settings')).body;
    expect((await member.put('/sales/settings', settings)).status).toBe(403);
    for (const bad of [
      { ...settings, reminderDays: [7, 7] },
      { ...settings, reminderDays: [0] },
      { ...settings, latePenaltyMarginBp: -1 },
      { ...settings, latePenaltyMarginBp: '10' },
      { ...settings, quoteValidityDays: 0 },
      { ...settings, ecbRates: [{ semesterStart: '2026-03-01', rateBp: 200 }] },
      { ...settings, numbering: { template: 'F-{COUNTER}', reset: 'yearly', perActivity: false } },
      { ...settings, numbering: { template: 'F{YY}-{COUNTER}', reset: 'yearly', perActivity: false } },
      {
        ...settings,
        numbering: { template: 'F{YYYY}{COUNTER}{ACTIVITY}', reset: 'yearly', perActivity: true },
      },
      { ...settings, quoteNumbering: { template: 'D{COUNTER}', reset: 'monthly' } },
    ]) {
      const res = await admin.put('/sales/settings', bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
    }
    // Same template, counter never reset: it would print F2026-00001 again.
    const clash = await admin.put('/sales/settings', {
      ...settings,
      numbering: { ...settings.numbering, reset: 'never' },
    });
    expect(clash.status).toBe(422);
    expect(clash.body.code).toBe('NUMBERING_TEMPLATE_UNSAFE');
    // A new template that no issued number fits is safe.
    const fresh = await admin.put('/sales/settings', {
      ...settings,
      numbering: { template: 'FA{YYYY}-{COUNTER:6}', reset: 'never', perActivity: false },
    });
    expect(fresh.status).toBe(200);
    s.ctx.setNow('2026-05-17T09:00:00.000Z');
    const member2 = await s.loggedIn('member@test.coop');
    const id = (await member2.post('/sales/invoices', invoiceDraft(s.bois, companyId))).body.id;
    expect((await member2.post(`/sales/invoices/${id}/issue`, {})).body.number).toBe('FA2026-000001');
  });
});
