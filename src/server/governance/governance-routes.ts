import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import {
  AdmitAssociateRequest,
  AnswerConsultationRequest,
  AssemblyRequest,
  AttendanceRequest,
  CastVoteRequest,
  CloseConsultationRequest,
  ConsultationRequest,
  ExitAssociateRequest,
  FixRefundsRequest,
  GiveProxyRequest,
  PayRefundRequest,
  PaySubscriptionRequest,
  PostalVoteRequest,
  SubscribeSharesRequest,
} from '../../core/governance/governance-schemas.ts';
import { defaultGovernanceSettings, GovernanceSettings } from '../../core/governance/governance-settings.ts';
import { legalFloorRules } from '../../core/governance/legal-floor-rules.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import { readFile } from '../files/store-file.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { addAssemblyDocument, documentMaxBytes } from './add-assembly-document.ts';
import { admitAssociate } from './admit-associate.ts';
import { castPostalVotes, castVote } from './cast-vote.ts';
import { closeAssembly } from './close-assembly.ts';
import {
  answerConsultation,
  cancelConsultation,
  closeConsultation,
  createConsultation,
  listConsultations,
  openConsultation,
  readConsultation,
} from './consultations.ts';
import { conveneAssembly } from './convene-assembly.ts';
import { createAssembly, updateAssembly } from './create-assembly.ts';
import { exitAssociate } from './exit-associate.ts';
import { fixRefunds } from './fix-refunds.ts';
import { assemblyDocuments, assemblyMinutes } from './governance-tables.ts';
import {
  certificateOf,
  listAssociates,
  listShareMovements,
  readAssociate,
  readMyShares,
  refundView,
  subscriptionView,
} from './list-associates.ts';
import { loadGovernance } from './load-governance.ts';
import { payRefund } from './pay-refund.ts';
import { paySubscription } from './pay-subscription.ts';
import { listAssemblies, listAssemblyVoters, readAssembly, readMyBallot } from './read-assembly.ts';
import { readCapital } from './read-capital.ts';
import { giveProxy, ownAssociateId, recordAttendance } from './record-attendance.ts';
import { cancelAssembly, closeResolutionVote, openAssembly, openResolutionVote } from './run-assembly.ts';
import { subscribeShares } from './subscribe-shares.ts';
import { toJson } from './to-json.ts';
import { updateGovernanceSettings } from './update-governance-settings.ts';

const Loose = z.record(z.string(), z.unknown());
const ok = (description: string) => ({
  200: { description, ...json(Loose) },
  ...problemResponses,
  404: { description: 'Not found' },
  409: { description: 'Refused in this state' },
});
const created = (description: string) => ({
  201: { description, ...json(Loose) },
  ...problemResponses,
  404: { description: 'Not found' },
  409: { description: 'Refused in this state' },
});
const list = (description: string) => ({
  200: { description, ...json(z.array(Loose)) },
  ...problemResponses,
});
const Id = z.object({ id: z.uuid() });
const tags = ['Governance'];
const pdf = (bytes: Uint8Array, name: string, sha256: string) =>
  new Response(bytes as unknown as BodyInit, {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${name}"`,
      // The stored hash, so that anyone can check the file they received.
      'x-content-sha256': sha256,
    },
  });

export const governanceRoutes = new OpenAPIHono<HttpEnv>()
  // ---- Settings --------------------------------------------------------------------------------------
  .openapi(
    defineRoute('governance.read', {
      method: 'get',
      path: '/governance/settings',
      tags,
      summary: "The statutes' governance settings, the legal defaults and the loosest rules allowed",
      responses: ok('Settings'),
    }),
    async (c) => {
      const gov = await loadGovernance(c.get('ctx').db);
      return c.json(
        {
          legalForm: gov.legalForm,
          customized: gov.customized,
          settings: gov.settings,
          legalDefaults: defaultGovernanceSettings(gov.legalForm),
          floor: legalFloorRules(gov.legalForm),
        },
        200,
      );
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'put',
      path: '/governance/settings',
      tags,
      summary: "Save the statutes' settings (tighter than the law, never looser)",
      request: jsonBody(GovernanceSettings),
      responses: ok('Saved'),
    }),
    async (c) => {
      const gov = await updateGovernanceSettings(c.get('ctx'), c.get('actor'), c.req.valid('json'));
      return c.json({ legalForm: gov.legalForm, customized: gov.customized, settings: gov.settings }, 200);
    },
  )
  // ---- Associates register and capital -----------------------------------------------------------------
  .openapi(
    defineRoute('governance.read', {
      method: 'get',
      path: '/governance/associates',
      tags,
      summary: 'The associates register',
      request: { query: z.object({ status: z.enum(['active', 'exited', 'all']).default('active') }) },
      responses: list('Associates'),
    }),
    async (c) =>
      c.json(
        toJson(await listAssociates(c.get('ctx').db, c.req.valid('query'))) as Record<string, unknown>[],
        200,
      ),
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/associates',
      tags,
      summary: 'Admit an associate (decision, category, college, first subscription)',
      request: jsonBody(AdmitAssociateRequest),
      responses: created('Admitted'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { associate } = await admitAssociate(ctx, c.get('actor'), c.req.valid('json'));
      return c.json(toJson(await readAssociate(ctx.db, associate.id)) as Record<string, unknown>, 201);
    },
  )
  .openapi(
    defineRoute('governance.read', {
      method: 'get',
      path: '/governance/associates/{id}',
      tags,
      summary: 'One associate, with subscriptions and refund',
      request: { params: Id },
      responses: ok('Associate'),
    }),
    async (c) =>
      c.json(
        toJson(await readAssociate(c.get('ctx').db, c.req.valid('param').id)) as Record<string, unknown>,
        200,
      ),
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/associates/{id}/exit',
      tags,
      summary: "Record an associate's exit (their shares become a refund)",
      request: { params: Id, ...jsonBody(ExitAssociateRequest) },
      responses: ok('Exited'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id } = c.req.valid('param');
      await exitAssociate(ctx, c.get('actor'), id, c.req.valid('json'));
      return c.json(toJson(await readAssociate(ctx.db, id)) as Record<string, unknown>, 200);
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/associates/{id}/subscriptions',
      tags,
      summary: 'Subscribe whole shares',
      request: { params: Id, ...jsonBody(SubscribeSharesRequest) },
      responses: created('Subscribed'),
    }),
    async (c) => {
      const row = await subscribeShares(
        c.get('ctx'),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(toJson(subscriptionView(row)) as Record<string, unknown>, 201);
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/subscriptions/{id}/pay',
      tags,
      summary: 'Record the payment (D 512 / C 1013) and issue the numbered certificate',
      request: { params: Id, ...jsonBody(PaySubscriptionRequest) },
      responses: ok('Paid'),
    }),
    async (c) => {
      const row = await paySubscription(
        c.get('ctx'),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(toJson(subscriptionView(row)) as Record<string, unknown>, 200);
    },
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'get',
      path: '/governance/subscriptions/{id}/certificate',
      tags,
      summary: 'The share certificate (PDF): its owner, or a reader of the register',
      request: { params: Id },
      responses: { 200: { description: 'PDF' }, 404: { description: 'Not found' } },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const actor = c.get('actor');
      const s = await certificateOf(ctx.db, c.req.valid('param').id);
      if (!can(actor.roles, 'governance.read') && s.userId !== actor.userId) throw new AppError('NOT_FOUND');
      const file = await readFile(ctx.db, s.sha256!);
      return pdf(file!.bytes, `certificat-parts-${s.number}.pdf`, s.sha256!);
    },
  )
  .openapi(
    defineRoute('governance.read', {
      method: 'get',
      path: '/governance/share-movements',
      tags,
      summary: 'The register of share movements, with the capital after each',
      responses: list('Movements'),
    }),
    async (c) => c.json(toJson(await listShareMovements(c.get('ctx').db)) as Record<string, unknown>[], 200),
  )
  .openapi(
    defineRoute('governance.read', {
      method: 'get',
      path: '/governance/capital',
      tags,
      summary: 'Capital, highest capital and floor, legal ratios, refunds in order with the reason they wait',
      responses: ok('Capital'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(
        toJson(await readCapital(ctx.db, calendarDateOf(ctx.now()))) as Record<string, unknown>,
        200,
      );
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/refunds/fix',
      tags,
      summary: 'Fix the refunds of the year just closed (nominal minus the share of losses)',
      request: jsonBody(FixRefundsRequest),
      responses: list('Refunds fixed'),
    }),
    async (c) =>
      c.json(
        toJson(
          (await fixRefunds(c.get('ctx'), c.get('actor'), c.req.valid('json'))).map(refundView),
        ) as Record<string, unknown>[],
        200,
      ),
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/refunds/{id}/pay',
      tags,
      summary: 'Pay a refund (in order of departure, above the capital floor)',
      request: { params: Id, ...jsonBody(PayRefundRequest) },
      responses: ok('Paid'),
    }),
    async (c) =>
      c.json(
        toJson(
          refundView(
            await payRefund(c.get('ctx'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
          ),
        ) as Record<string, unknown>,
        200,
      ),
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'get',
      path: '/governance/me',
      tags,
      summary: 'My shares: my associate records, subscriptions, certificates, refund',
      responses: list('My shares'),
    }),
    async (c) =>
      c.json(toJson(await readMyShares(c.get('ctx').db, c.get('actor'))) as Record<string, unknown>[], 200),
  )
  // ---- Assemblies ----------------------------------------------------------------------------------------
  .openapi(
    defineRoute('governance.vote', {
      method: 'get',
      path: '/governance/assemblies',
      tags,
      summary: 'General assemblies, latest first (drafts for those who prepare them)',
      responses: list('Assemblies'),
    }),
    async (c) =>
      c.json(
        await listAssemblies(c.get('ctx').db, {
          includeDrafts: can(c.get('actor').roles, 'governance.manage'),
        }),
        200,
      ),
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/assemblies',
      tags,
      summary: 'Prepare an assembly and its agenda (each resolution with its majority rule)',
      request: jsonBody(AssemblyRequest),
      responses: created('Prepared'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await createAssembly(ctx, c.get('actor'), c.req.valid('json'));
      return c.json(
        toJson(await readAssembly(ctx.db, row.id, { manager: true })) as Record<string, unknown>,
        201,
      );
    },
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'get',
      path: '/governance/assemblies/{id}',
      tags,
      summary: 'An assembly live: attendance, quorum, votes (results once each vote is closed)',
      request: { params: Id },
      responses: ok('Assembly'),
    }),
    async (c) => {
      const manager = can(c.get('actor').roles, 'governance.manage');
      return c.json(
        toJson(await readAssembly(c.get('ctx').db, c.req.valid('param').id, { manager })) as Record<
          string,
          unknown
        >,
        200,
      );
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'put',
      path: '/governance/assemblies/{id}',
      tags,
      summary: 'Rewrite a prepared assembly and its agenda (before the notice)',
      request: { params: Id, ...jsonBody(AssemblyRequest) },
      responses: ok('Saved'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id } = c.req.valid('param');
      await updateAssembly(ctx, c.get('actor'), id, c.req.valid('json'));
      return c.json(
        toJson(await readAssembly(ctx.db, id, { manager: true })) as Record<string, unknown>,
        200,
      );
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/assemblies/{id}/documents',
      tags,
      summary: 'Attach a PDF document (raw body), named by ?name=',
      request: {
        params: Id,
        query: z.object({ name: z.string().min(1).max(200) }),
        body: {
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
          required: true,
        },
      },
      responses: created('Attached'),
    }),
    async (c) => {
      const length = Number(c.req.header('content-length') ?? 0);
      if (length > documentMaxBytes)
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'document', key: 'document.pdf' }] });
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(
        await addAssemblyDocument(
          c.get('ctx'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('query').name,
          bytes,
        ),
        201,
      );
    },
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'get',
      path: '/governance/assemblies/{id}/documents/{sha256}',
      tags,
      summary: 'A document sent with the notice',
      request: { params: z.object({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }) },
      responses: { 200: { description: 'PDF' }, 404: { description: 'Not found' } },
    }),
    async (c) => {
      const db = c.get('ctx').db;
      const { id, sha256 } = c.req.valid('param');
      const [doc] = await db
        .select()
        .from(assemblyDocuments)
        .where(and(eq(assemblyDocuments.assemblyId, id), eq(assemblyDocuments.sha256, sha256)));
      if (!doc) throw new AppError('NOT_FOUND');
      await readAssembly(db, id, { manager: can(c.get('actor').roles, 'governance.manage') });
      const file = await readFile(db, sha256);
      return pdf(file!.bytes, `${doc.name.replace(/[^\w.-]+/g, '_')}.pdf`, sha256);
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/assemblies/{id}/convene',
      tags,
      summary: 'Send the notice to every associate (refused when later than the legal delay)',
      request: { params: Id },
      responses: ok('Convened'),
    }),
    async (c) => c.json(await conveneAssembly(c.get('ctx'), c.get('actor'), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/assemblies/{id}/cancel',
      tags,
      summary: 'Cancel an assembly before it sits',
      request: { params: Id },
      responses: ok('Cancelled'),
    }),
    async (c) => {
      await cancelAssembly(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.json({ status: 'cancelled' }, 200);
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/assemblies/{id}/attendance',
      tags,
      summary: 'Record how an associate takes part (attendance sheet, proxies)',
      request: { params: Id, ...jsonBody(AttendanceRequest) },
      responses: ok('Recorded'),
    }),
    async (c) =>
      c.json(
        toJson(
          await recordAttendance(c.get('ctx'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        ) as Record<string, unknown>,
        200,
      ),
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'post',
      path: '/governance/assemblies/{id}/proxy',
      tags,
      summary: 'Give my proxy to another associate',
      request: { params: Id, ...jsonBody(GiveProxyRequest) },
      responses: ok('Proxy given'),
    }),
    async (c) =>
      c.json(
        toJson(
          await giveProxy(
            c.get('ctx'),
            c.get('actor'),
            c.req.valid('param').id,
            c.req.valid('json').holderAssociateId,
          ),
        ) as Record<string, unknown>,
        200,
      ),
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'post',
      path: '/governance/assemblies/{id}/postal-votes',
      tags,
      summary: 'Send my postal voting form (before the meeting)',
      request: { params: Id, ...jsonBody(PostalVoteRequest) },
      responses: created('Recorded'),
    }),
    async (c) =>
      c.json(
        await castPostalVotes(c.get('ctx'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'get',
      path: '/governance/assemblies/{id}/my-ballot',
      tags,
      summary: 'My voting rights at this assembly: my attendance, whom I represent, my ballots in',
      request: { params: Id },
      responses: ok('My ballot'),
    }),
    async (c) => {
      const db = c.get('ctx').db;
      const me = await ownAssociateId(db, c.get('actor'));
      return c.json(await readMyBallot(db, me, c.req.valid('param').id), 200);
    },
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'get',
      path: '/governance/assemblies/{id}/voters',
      tags,
      summary: 'The associates convened (number and name), for an associate choosing a proxy holder',
      request: { params: Id },
      responses: list('Voters'),
    }),
    async (c) => {
      const db = c.get('ctx').db;
      const me = await ownAssociateId(db, c.get('actor'));
      return c.json(await listAssemblyVoters(db, c.req.valid('param').id, me), 200);
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/assemblies/{id}/open',
      tags,
      summary: 'Open the session',
      request: { params: Id },
      responses: ok('In session'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id } = c.req.valid('param');
      await openAssembly(ctx, c.get('actor'), id);
      return c.json(
        toJson(await readAssembly(ctx.db, id, { manager: true })) as Record<string, unknown>,
        200,
      );
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/assemblies/{id}/close',
      tags,
      summary: 'Close the assembly: minutes drawn, hashed and sealed',
      request: { params: Id },
      responses: ok('Closed'),
    }),
    async (c) => c.json(await closeAssembly(c.get('ctx'), c.get('actor'), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'get',
      path: '/governance/assemblies/{id}/minutes',
      tags,
      summary: 'The minutes (PDF), with their SHA-256 in X-Content-SHA256',
      request: { params: Id },
      responses: { 200: { description: 'PDF' }, 404: { description: 'Not found' } },
    }),
    async (c) => {
      const db = c.get('ctx').db;
      const { id } = c.req.valid('param');
      const [m] = await db.select().from(assemblyMinutes).where(eq(assemblyMinutes.assemblyId, id));
      if (!m) throw new AppError('NOT_FOUND');
      const file = await readFile(db, m.sha256);
      return pdf(file!.bytes, `proces-verbal-${id}.pdf`, m.sha256);
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/resolutions/{id}/open',
      tags,
      summary: 'Open the vote on a resolution',
      request: { params: Id },
      responses: ok('Open'),
    }),
    async (c) => {
      await openResolutionVote(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.json({ status: 'open' }, 200);
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/resolutions/{id}/close',
      tags,
      summary: 'Close the vote and fix the result',
      request: { params: Id },
      responses: ok('Result'),
    }),
    async (c) =>
      c.json(
        toJson(await closeResolutionVote(c.get('ctx'), c.get('actor'), c.req.valid('param').id)) as Record<
          string,
          unknown
        >,
        200,
      ),
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'post',
      path: '/governance/resolutions/{id}/votes',
      tags,
      summary: 'Vote (once), for myself or for an associate I represent',
      request: { params: Id, ...jsonBody(CastVoteRequest) },
      responses: created('Vote recorded'),
    }),
    async (c) =>
      c.json(await castVote(c.get('ctx'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  // ---- Consultations ---------------------------------------------------------------------------------------
  .openapi(
    defineRoute('governance.vote', {
      method: 'get',
      path: '/governance/consultations',
      tags,
      summary: 'Consultations (results once closed)',
      responses: list('Consultations'),
    }),
    async (c) => {
      const db = c.get('ctx').db;
      const actor = c.get('actor');
      const associateId = await ownAssociateId(db, actor).catch(() => null);
      return c.json(
        toJson(
          await listConsultations(db, { includeDrafts: can(actor.roles, 'governance.manage'), associateId }),
        ) as Record<string, unknown>[],
        200,
      );
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/consultations',
      tags,
      summary: 'Prepare a consultation',
      request: jsonBody(ConsultationRequest),
      responses: created('Prepared'),
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await createConsultation(ctx, c.get('actor'), c.req.valid('json'));
      return c.json(
        toJson(await readConsultation(ctx.db, row.id, { includeDrafts: true, associateId: null })) as Record<
          string,
          unknown
        >,
        201,
      );
    },
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'get',
      path: '/governance/consultations/{id}',
      tags,
      summary: 'A consultation',
      request: { params: Id },
      responses: ok('Consultation'),
    }),
    async (c) => {
      const db = c.get('ctx').db;
      const actor = c.get('actor');
      const associateId = await ownAssociateId(db, actor).catch(() => null);
      return c.json(
        toJson(
          await readConsultation(db, c.req.valid('param').id, {
            includeDrafts: can(actor.roles, 'governance.manage'),
            associateId,
          }),
        ) as Record<string, unknown>,
        200,
      );
    },
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/consultations/{id}/open',
      tags,
      summary: 'Open a consultation to the associates',
      request: { params: Id },
      responses: ok('Open'),
    }),
    async (c) => {
      await openConsultation(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.json({ status: 'open' }, 200);
    },
  )
  .openapi(
    defineRoute('governance.vote', {
      method: 'post',
      path: '/governance/consultations/{id}/answers',
      tags,
      summary: 'Answer a consultation (once)',
      request: { params: Id, ...jsonBody(AnswerConsultationRequest) },
      responses: created('Answer recorded'),
    }),
    async (c) =>
      c.json(
        await answerConsultation(c.get('ctx'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/consultations/{id}/close',
      tags,
      summary: 'Close a consultation after its closing instant and write the outcome',
      request: { params: Id, ...jsonBody(CloseConsultationRequest) },
      responses: ok('Closed'),
    }),
    async (c) =>
      c.json(
        toJson(
          await closeConsultation(c.get('ctx'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        ) as Record<string, unknown>,
        200,
      ),
  )
  .openapi(
    defineRoute('governance.manage', {
      method: 'post',
      path: '/governance/consultations/{id}/cancel',
      tags,
      summary: 'Cancel a consultation',
      request: { params: Id },
      responses: ok('Cancelled'),
    }),
    async (c) => {
      await cancelConsultation(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.json({ status: 'cancelled' }, 200);
    },
  );
