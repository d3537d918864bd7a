import { z } from 'zod';

/**
 * Legal forms a CAE can take (cae-domain.md §1.1, §3.1): a SCOP, SCIC or plain 1947-law cooperative,
 * as an SA, SAS or SARL. The printed label goes on every invoice (CGI ann. II art. 242 nonies A).
 */
export const legalForms = [
  'SCOP_SA',
  'SCOP_SAS',
  'SCOP_SARL',
  'SCIC_SA',
  'SCIC_SAS',
  'SCIC_SARL',
  'COOP_SA',
  'COOP_SAS',
  'COOP_SARL',
] as const;
export const LegalForm = z.enum(legalForms);
export type LegalForm = z.infer<typeof LegalForm>;

const company = {
  SA: 'société anonyme',
  SAS: 'société par actions simplifiée',
  SARL: 'société à responsabilité limitée',
};
const kind = {
  SCOP: 'Société coopérative et participative',
  SCIC: "Société coopérative d'intérêt collectif",
  COOP: 'Société coopérative',
};

/** "Société coopérative et participative, société anonyme à capital variable" */
export function legalFormLabel(form: LegalForm, variableCapital: boolean): string {
  const [k, c] = form.split('_') as [keyof typeof kind, keyof typeof company];
  return `${kind[k]}, ${company[c]}${variableCapital ? ' à capital variable' : ''}`;
}
