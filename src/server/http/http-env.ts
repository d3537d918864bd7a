import type { Locale } from '../../core/i18n/locale.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import type { SessionUser } from '../people/sessions.ts';

export type HttpEnv = {
  Variables: {
    ctx: AppContext;
    locale: Locale;
    ipAddress: string | null;
    session: SessionUser | null;
    actor: Actor;
  };
};
