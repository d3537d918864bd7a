import type { MajorityRule } from '../../core/governance/assembly-rules.ts';
import type { ResolutionTally } from '../../core/governance/tally-resolution.ts';
import { renderGovernancePdf } from './render-governance-pdf.ts';

const frDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const modes: Record<string, string> = {
  present: 'Présent·e',
  remote: 'À distance',
  postal: 'Vote par correspondance',
  represented: 'Représenté·e',
  blankProxy: 'Pouvoir en blanc (au président)',
  absent: 'Absent·e',
};
const bases: Record<MajorityRule['base'], string> = {
  votesCast: 'des voix exprimées',
  presentOrRepresented: 'des associé·es présent·es ou représenté·es',
  allAssociates: 'de tou·tes les associé·es',
};

export function describeMajority(m: MajorityRule): string {
  return `${m.strict ? 'plus de' : 'au moins'} ${m.fraction.num}/${m.fraction.den} ${bases[m.base]}`;
}

export type MinutesFacts = {
  cooperativeName: string;
  legalFormLabel: string;
  title: string;
  type: 'ordinary' | 'extraordinary';
  call: 'first' | 'second';
  meetingOn: string;
  startsAt: string;
  place: string;
  onlineUrl: string;
  noticeSentOn: string;
  quorum: { num: number; den: number };
  proxyCap: number;
  closedAt: Date;
  attendance: { number: number; name: string; mode: string; holder: string | null; college: string }[];
  resolutions: {
    position: number;
    title: string;
    body: string;
    secret: boolean;
    majority: MajorityRule;
    result: ResolutionTally;
  }[];
};

/**
 * The minutes of a general assembly (R225-106 for an SA; cae-domain.md §3.2): the assembly, its notice,
 * the attendance sheet (present, remote, postal, represented and by whom), the quorum, and for each
 * resolution its majority rule, the votes and whether it was adopted. Written once at the close, hashed.
 */
export function drawMinutesPdf(f: MinutesFacts): Promise<Uint8Array> {
  return renderGovernancePdf(
    { title: `Procès-verbal – ${f.title}`, author: f.cooperativeName, createdAt: f.closedAt },
    (w) => {
      w.paragraph(f.cooperativeName, { bold: true, size: 12 });
      w.paragraph(f.legalFormLabel, { grey: true });
      w.space(12);
      w.title(
        `Procès-verbal de l’assemblée générale ${f.type === 'ordinary' ? 'ordinaire' : 'extraordinaire'}`,
      );
      w.paragraph(f.title, { bold: true });
      w.space();
      w.field(
        'Convocation',
        `${f.call === 'first' ? 'première' : 'deuxième'} convocation, envoyée le ${frDate(f.noticeSentOn)}`,
      );
      w.field('Date', `${frDate(f.meetingOn)}${f.startsAt ? ` à ${f.startsAt}` : ''}`);
      w.field('Lieu', [f.place, f.onlineUrl ? `en ligne (${f.onlineUrl})` : ''].filter(Boolean).join(' et '));
      w.field(
        'Quorum requis',
        f.quorum.num === 0 ? 'aucun' : `${f.quorum.num}/${f.quorum.den} des associé·es`,
      );
      w.field('Pouvoirs par associé·e', `au plus ${f.proxyCap}`);

      w.heading('Feuille de présence');
      const widths = [40, 190, 135, 130];
      w.row(['N°', 'Associé·e', 'Participation', 'Pouvoir donné à'], widths, { bold: true });
      for (const a of f.attendance)
        w.row(
          [
            String(a.number),
            a.college ? `${a.name} (${a.college})` : a.name,
            modes[a.mode] ?? a.mode,
            a.holder ?? '',
          ],
          widths,
        );
      const counted = f.attendance.filter((a) => a.mode !== 'absent').length;
      w.space(4);
      w.paragraph(
        `${counted} associé·e(s) sur ${f.attendance.length} présent·es, à distance, par correspondance ou représenté·es.`,
        { grey: true },
      );

      w.heading('Résolutions');
      for (const r of f.resolutions) {
        w.heading(`${r.position}. ${r.title}`);
        if (r.body) w.paragraph(r.body);
        w.field('Majorité requise', describeMajority(r.majority));
        w.field('Scrutin', r.secret ? 'secret' : 'à main levée (nominatif)');
        const q = r.result.quorum;
        w.field(
          'Quorum',
          `${q.participants} participant·es sur ${q.eligible}, ${q.needed} requis : ${q.reached ? 'atteint' : 'non atteint'}`,
        );
        const c = r.result.counts;
        w.field(
          'Votes',
          `pour ${c.yes}, contre ${c.no}, abstentions ${c.abstain}, blancs ou nuls ${c.blank} (exprimés : ${r.result.votesCast})`,
        );
        w.paragraph(r.result.adopted ? 'Résolution adoptée.' : 'Résolution rejetée.', { bold: true });
      }
      w.space(16);
      w.paragraph(
        `Procès-verbal établi par Mutua à la clôture de l’assemblée, le ${frDate(f.closedAt.toISOString().slice(0, 10))}. Son empreinte SHA-256 est conservée ; il ne peut plus être modifié.`,
        { grey: true, size: 9 },
      );
    },
  );
}
