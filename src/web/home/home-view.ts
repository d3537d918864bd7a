/** GET /api/home: each section is null when the person's roles do not show it. */
export type HomeView = {
  cooperativeName: string;
  cooperativeReady: boolean;
  people: {
    total: number;
    active: number;
    byRole: Record<string, number>;
    pendingInvitations: number;
  } | null;
  mail: { queued: number; failed: number; delivered: number } | null;
  recentActivity: { id: number; at: string; actorLabel: string; action: string; objectType: string }[] | null;
};

export type IntegrityReport = {
  ok: boolean;
  checkedAt: string;
  checks: { name: string; ok: boolean; details: string[] }[];
};
