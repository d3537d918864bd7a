import type { Locale } from '../../core/i18n/locale.ts';

type Rendered = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(
  cooperativeName: string,
  paragraphs: string[],
  action: { label: string; url: string } | null,
) {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('');
  // Mails to a cooperative's clients carry a file, not a link: clients have no account.
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#2f6f4e;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(action.url)}</p>`
    : '';
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1a1b1e;max-width:560px;margin:auto;padding:24px">
<h1 style="font-size:20px;margin:0 0 24px">${escapeHtml(cooperativeName)}</h1>${body}
${button}</body></html>`;
}

export type MailTemplates = {
  invitation: {
    name: string;
    inviterName: string;
    cooperativeName: string;
    url: string;
    expiresDays: number;
  };
  passwordReset: { name: string; cooperativeName: string; url: string; expiresMinutes: number };
  /** Notice of a general assembly (issue 8): agenda and documents, sent to every associate who agreed. */
  assemblyNotice: {
    name: string;
    cooperativeName: string;
    title: string;
    type: 'ordinary' | 'extraordinary';
    call: 'first' | 'second';
    date: string;
    time: string;
    place: string;
    onlineUrl: string;
    agenda: string[];
    documents: string[];
    url: string;
  };
  /** An issued invoice or credit note sent to the client (issue 5 §9), its Factur-X PDF attached. */
  salesDocument: {
    cooperativeName: string;
    brandName: string;
    /** "Facture n° F2026-00001", "Avoir n° F2026-00002" */
    title: string;
    total: string;
    /** The due date in French, or null for a credit note. */
    dueDate: string | null;
    message: string | null;
  };
  /** A quote sent to the client: its reference, total and the date until which it holds. */
  salesQuote: {
    cooperativeName: string;
    brandName: string;
    reference: string;
    total: string;
    validUntil: string;
    message: string | null;
  };
  /** A reminder of an overdue invoice, with the late penalties computed on the day it goes. */
  salesReminder: {
    cooperativeName: string;
    brandName: string;
    number: string;
    issueDate: string;
    dueDate: string;
    daysLate: number;
    due: string;
    penaltyRate: string;
    penalty: string;
    /** The €40 recovery indemnity, for business clients only. */
    indemnity: string | null;
    iban: string;
    /** The payment reference printed on the invoice (its RF creditor reference), to quote on the transfer. */
    reference: string;
  };
  /** A draft invoice that support sent back to its author, with the reason (issue 5 §validation). */
  salesInvoiceReturned: {
    name: string;
    cooperativeName: string;
    reviewerName: string;
    clientName: string;
    total: string;
    reason: string;
    url: string;
  };
};

const templates: { [K in keyof MailTemplates]: Record<Locale, (v: MailTemplates[K]) => Rendered> } = {
  invitation: {
    fr: (v) => {
      const p = [
        `Bonjour ${v.name},`,
        `${v.inviterName} vous invite à rejoindre ${v.cooperativeName} sur Mutua.`,
        `Choisissez votre mot de passe en suivant ce lien, valable ${v.expiresDays} jours.`,
      ];
      return {
        subject: `Invitation à rejoindre ${v.cooperativeName}`,
        text: `${p.join('\n\n')}\n\n${v.url}\n`,
        html: layout(v.cooperativeName, p, { label: 'Accepter l’invitation', url: v.url }),
      };
    },
    en: (v) => {
      const p = [
        `Hello ${v.name},`,
        `${v.inviterName} invites you to join ${v.cooperativeName} on Mutua.`,
        `Choose your password by following this link, valid for ${v.expiresDays} days.`,
      ];
      return {
        subject: `Invitation to join ${v.cooperativeName}`,
        text: `${p.join('\n\n')}\n\n${v.url}\n`,
        html: layout(v.cooperativeName, p, { label: 'Accept the invitation', url: v.url }),
      };
    },
  },
  passwordReset: {
    fr: (v) => {
      const p = [
        `Bonjour ${v.name},`,
        'Vous avez demandé à changer votre mot de passe Mutua.',
        `Ce lien est valable ${v.expiresMinutes} minutes et ne sert qu’une fois. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.`,
      ];
      return {
        subject: 'Réinitialisation de votre mot de passe',
        text: `${p.join('\n\n')}\n\n${v.url}\n`,
        html: layout(v.cooperativeName, p, { label: 'Choisir un nouveau mot de passe', url: v.url }),
      };
    },
    en: (v) => {
      const p = [
        `Hello ${v.name},`,
        'You asked to change your Mutua password.',
        `This link is valid for ${v.expiresMinutes} minutes and works once. If you did not ask for it, ignore this message.`,
      ];
      return {
        subject: 'Resetting your password',
        text: `${p.join('\n\n')}\n\n${v.url}\n`,
        html: layout(v.cooperativeName, p, { label: 'Choose a new password', url: v.url }),
      };
    },
  },
  assemblyNotice: {
    fr: (v) => {
      const kind =
        v.type === 'ordinary' ? 'assemblée générale ordinaire' : 'assemblée générale extraordinaire';
      const call = v.call === 'first' ? 'sur première convocation' : 'sur deuxième convocation';
      const where = [v.place, v.onlineUrl ? `en ligne : ${v.onlineUrl}` : ''].filter(Boolean).join(' — ');
      const p = [
        `Bonjour ${v.name},`,
        `Vous êtes convoqué·e à l’${kind} de ${v.cooperativeName} (« ${v.title} »), ${call}, le ${v.date}${v.time ? ` à ${v.time}` : ''}. Lieu : ${where}.`,
        `Ordre du jour : ${v.agenda.join(' ; ')}.`,
        v.documents.length ? `Documents joints à la convocation : ${v.documents.join(', ')}.` : '',
        'Si vous ne pouvez pas venir, vous pouvez voter par correspondance lorsque les statuts le prévoient, ou donner pouvoir à un·e autre associé·e depuis Mutua.',
      ].filter(Boolean);
      return {
        subject: `Convocation : ${v.title} (${v.date})`,
        text: `${p.join('\n\n')}\n\n${v.url}\n`,
        html: layout(v.cooperativeName, p, { label: 'Voir l’assemblée et voter', url: v.url }),
      };
    },
    en: (v) => {
      const kind = v.type === 'ordinary' ? 'ordinary general assembly' : 'extraordinary general assembly';
      const call = v.call === 'first' ? 'on first call' : 'on second call';
      const where = [v.place, v.onlineUrl ? `online: ${v.onlineUrl}` : ''].filter(Boolean).join(' — ');
      const p = [
        `Hello ${v.name},`,
        `You are convened to the ${kind} of ${v.cooperativeName} (“${v.title}”), ${call}, on ${v.date}${v.time ? ` at ${v.time}` : ''}. Place: ${where}.`,
        `Agenda: ${v.agenda.join('; ')}.`,
        v.documents.length ? `Documents sent with this notice: ${v.documents.join(', ')}.` : '',
        'If you cannot come, you may vote by post where the statutes allow it, or give a proxy to another associate in Mutua.',
      ].filter(Boolean);
      return {
        subject: `Notice: ${v.title} (${v.date})`,
        text: `${p.join('\n\n')}\n\n${v.url}\n`,
        html: layout(v.cooperativeName, p, { label: 'See the assembly and vote', url: v.url }),
      };
    },
  },
  salesDocument: {
    fr: (v) => {
      const p = [
        'Bonjour,',
        `Vous trouverez ci-joint le document « ${v.title} » de ${v.brandName} (${v.cooperativeName}), d’un montant de ${v.total}${v.dueDate ? `, à régler au plus tard le ${v.dueDate}` : ''}.`,
        v.message ?? '',
        'Le fichier PDF joint contient aussi la facture électronique (Factur-X).',
        'Cordialement,',
        v.brandName,
      ].filter(Boolean);
      return {
        subject: `${v.title} — ${v.brandName}`,
        text: `${p.join('\n\n')}\n`,
        html: layout(v.cooperativeName, p, null),
      };
    },
    en: (v) => {
      const p = [
        'Hello,',
        `Please find attached “${v.title}” from ${v.brandName} (${v.cooperativeName}), for ${v.total}${v.dueDate ? `, due by ${v.dueDate}` : ''}.`,
        v.message ?? '',
        'The attached PDF also carries the electronic invoice (Factur-X).',
        'Kind regards,',
        v.brandName,
      ].filter(Boolean);
      return {
        subject: `${v.title} — ${v.brandName}`,
        text: `${p.join('\n\n')}\n`,
        html: layout(v.cooperativeName, p, null),
      };
    },
  },
  salesQuote: {
    fr: (v) => {
      const p = [
        'Bonjour,',
        `Vous trouverez ci-joint le devis n° ${v.reference} de ${v.brandName} (${v.cooperativeName}), d’un montant de ${v.total} TTC, valable jusqu’au ${v.validUntil}.`,
        v.message ?? '',
        'Pour l’accepter, il suffit de répondre à ce message ou de nous retourner le devis signé.',
        'Cordialement,',
        v.brandName,
      ].filter(Boolean);
      return {
        subject: `Devis n° ${v.reference} — ${v.brandName}`,
        text: `${p.join('\n\n')}\n`,
        html: layout(v.cooperativeName, p, null),
      };
    },
    en: (v) => {
      const p = [
        'Hello,',
        `Please find attached quote ${v.reference} from ${v.brandName} (${v.cooperativeName}), for ${v.total} incl. VAT, valid until ${v.validUntil}.`,
        v.message ?? '',
        'To accept it, simply reply to this message or send the quote back signed.',
        'Kind regards,',
        v.brandName,
      ].filter(Boolean);
      return {
        subject: `Quote ${v.reference} — ${v.brandName}`,
        text: `${p.join('\n\n')}\n`,
        html: layout(v.cooperativeName, p, null),
      };
    },
  },
  salesReminder: {
    fr: (v) => {
      const p = [
        'Bonjour,',
        `Sauf erreur de notre part, la facture n° ${v.number} du ${v.issueDate}, échue le ${v.dueDate}, reste impayée depuis ${v.daysLate} jours : ${v.due} restent dus.`,
        `Conformément à nos conditions et à l’article L441-10 du Code de commerce, des pénalités de retard au taux annuel de ${v.penaltyRate} courent depuis le lendemain de l’échéance : ${v.penalty} à ce jour.${v.indemnity ? ` S’y ajoute l’indemnité forfaitaire pour frais de recouvrement de ${v.indemnity}.` : ''}`,
        `Merci de régler ${v.due} par virement (IBAN ${v.iban}, référence ${v.reference}). Si votre règlement est déjà parti, ne tenez pas compte de ce message.`,
        'La facture est jointe à ce message.',
        'Cordialement,',
        v.brandName,
      ];
      return {
        subject: `Relance : facture n° ${v.number} échue le ${v.dueDate}`,
        text: `${p.join('\n\n')}\n`,
        html: layout(v.cooperativeName, p, null),
      };
    },
    en: (v) => {
      const p = [
        'Hello,',
        `Unless we are mistaken, invoice ${v.number} of ${v.issueDate}, due on ${v.dueDate}, has been unpaid for ${v.daysLate} days: ${v.due} remain due.`,
        `Under our terms and article L441-10 of the French Commercial Code, late-payment penalties at an annual rate of ${v.penaltyRate} run from the day after the due date: ${v.penalty} to date.${v.indemnity ? ` The fixed recovery indemnity of ${v.indemnity} is added.` : ''}`,
        `Please pay ${v.due} by transfer (IBAN ${v.iban}, reference ${v.reference}). If your payment is already on its way, please ignore this message.`,
        'The invoice is attached.',
        'Kind regards,',
        v.brandName,
      ];
      return {
        subject: `Reminder: invoice ${v.number} due on ${v.dueDate}`,
        text: `${p.join('\n\n')}\n`,
        html: layout(v.cooperativeName, p, null),
      };
    },
  },
  salesInvoiceReturned: {
    fr: (v) => {
      const p = [
        `Bonjour ${v.name},`,
        `${v.reviewerName} vous a renvoyé votre facture pour ${v.clientName} (${v.total}) : elle est de nouveau un brouillon.`,
        `Motif : ${v.reason}`,
        'Corrigez-la puis soumettez-la de nouveau à la validation.',
      ];
      return {
        subject: `Facture pour ${v.clientName} à revoir`,
        text: `${p.join('\n\n')}\n\n${v.url}\n`,
        html: layout(v.cooperativeName, p, { label: 'Ouvrir le brouillon', url: v.url }),
      };
    },
    en: (v) => {
      const p = [
        `Hello ${v.name},`,
        `${v.reviewerName} sent your invoice for ${v.clientName} (${v.total}) back to you: it is a draft again.`,
        `Reason: ${v.reason}`,
        'Correct it, then submit it for validation again.',
      ];
      return {
        subject: `Invoice for ${v.clientName} to review`,
        text: `${p.join('\n\n')}\n\n${v.url}\n`,
        html: layout(v.cooperativeName, p, { label: 'Open the draft', url: v.url }),
      };
    },
  },
};

export function renderMail<K extends keyof MailTemplates>(
  template: K,
  locale: Locale,
  vars: MailTemplates[K],
): Rendered {
  return templates[template][locale](vars);
}
