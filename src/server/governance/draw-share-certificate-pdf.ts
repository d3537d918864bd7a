import { formatCents } from '../../core/money/format-cents.ts';
import { renderGovernancePdf } from './render-governance-pdf.ts';

const frDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export type CertificateFacts = {
  cooperativeName: string;
  legalFormLabel: string;
  certificateNumber: number;
  movementNumber: number;
  associateNumber: number;
  associateName: string;
  shares: number;
  nominalCents: bigint;
  subscribedOn: string;
  paidOn: string;
  totalShares: number;
};

/** The numbered certificate of shares paid up (parts sociales nominatives, cae-domain.md §3.3). */
export function drawShareCertificatePdf(f: CertificateFacts): Promise<Uint8Array> {
  return renderGovernancePdf(
    {
      title: `Certificat de parts sociales n° ${f.certificateNumber}`,
      author: f.cooperativeName,
      createdAt: new Date(`${f.paidOn}T12:00:00.000Z`),
    },
    (w) => {
      w.paragraph(f.cooperativeName, { bold: true, size: 12 });
      w.paragraph(f.legalFormLabel, { grey: true });
      w.space(24);
      w.title(`Certificat de parts sociales n° ${f.certificateNumber}`);
      w.paragraph(
        `${f.cooperativeName} certifie que ${f.associateName}, associé·e inscrit·e au registre sous le n° ${f.associateNumber}, a souscrit et entièrement libéré les parts sociales suivantes :`,
      );
      w.space();
      w.field('Nombre de parts', String(f.shares));
      w.field('Valeur nominale', formatCents(f.nominalCents));
      w.field('Montant libéré', formatCents(f.nominalCents * BigInt(f.shares)));
      w.field('Date de souscription', frDate(f.subscribedOn));
      w.field('Date de libération', frDate(f.paidOn));
      w.field('Mouvement au registre des parts', `n° ${f.movementNumber}`);
      w.field('Parts détenues après ce mouvement', String(f.totalShares));
      w.space(16);
      w.paragraph(
        'Les parts sociales sont nominatives et indivisibles ; elles ne sont pas négociables. Le capital est variable : en cas de départ, le remboursement se fait à la valeur nominale diminuée de la part des pertes, fixée à la clôture de l’exercice du départ, dans les conditions prévues par les statuts.',
        { grey: true, size: 9 },
      );
    },
  );
}
