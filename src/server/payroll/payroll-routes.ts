import { OpenAPIHono, type z } from '@hono/zod-openapi';
import { defaultPayrollSettings } from '../../core/payroll/payroll-settings.ts';
import { SalarySimulation, SalarySimulationRequest } from '../../core/payroll/salary-simulation-schemas.ts';
import { defineRoute, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { sharedSalaryCalculator } from './shared-salary-calculator.ts';
import { simulateSalary } from './simulate-salary.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

export const payrollRoutes = new OpenAPIHono<HttpEnv>().openapi(
  defineRoute('authenticated', {
    method: 'post',
    path: '/payroll/simulate',
    tags: ['Payroll'],
    summary: 'Simulate a monthly salary with the official French social rules (modele-social)',
    description:
      'From a gross salary, a net salary before income tax or an employer cost: gross, net social, net before income tax, net taxable, employer cost and every contribution line, in integer cents, for the month given. Without settings, the documented defaults are used (and echoed).',
    request: { body: { ...json(SalarySimulationRequest), required: true } },
    responses: {
      200: { description: 'The salary', ...json(SalarySimulation) },
      ...problemResponses,
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const simulation = await simulateSalary(
      sharedSalaryCalculator(),
      body.settings ?? defaultPayrollSettings,
      body,
    );
    return c.json(simulation, 200);
  },
);
