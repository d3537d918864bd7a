import { api } from '../app/api-client.ts';

/** The governance API as the screens use it (the answers are described in src/server/governance). */
export type Fraction = { num: number; den: number };
export type MajorityRule = {
  fraction: Fraction;
  strict: boolean;
  base: 'votesCast' | 'presentOrRepresented' | 'allAssociates';
};
export type VoteChoice = 'yes' | 'no' | 'abstain' | 'blank';
export type AttendanceMode = 'present' | 'remote' | 'postal' | 'represented' | 'blankProxy';

export type Associate = {
  id: string;
  number: number;
  memberId: string | null;
  userId: string | null;
  name: string;
  email: string | null;
  category: 'employee' | 'other';
  college: string;
  admittedOn: string;
  admissionDecision: string;
  exitedOn: string | null;
  exitReason: string | null;
  exitDecision: string | null;
  shares: number;
  capitalCents: number;
};
export type Subscription = {
  id: string;
  associateId: string;
  shares: number;
  nominalCents: number;
  amountCents: number;
  subscribedOn: string;
  status: 'subscribed' | 'paid' | 'cancelled';
  paidOn: string | null;
  entryId: string | null;
  certificateNumber: number | null;
};
export type Refund = {
  id: string;
  shares: number;
  exitOn: string;
  fixedOn: string | null;
  dueBy: string;
  status: 'awaitingClose' | 'fixed' | 'paid';
  amountCents: number | null;
  paidOn: string | null;
};
export type AssociateDetail = Associate & { subscriptions: Subscription[]; refund: Refund | null };
export type RatioCheck = {
  rule: 'employeeCapital' | 'employeeVotes' | 'largestHolder';
  applies: boolean;
  ok: boolean;
  valueBp: number | null;
  limit: Fraction;
  associateId?: string;
};
export type PlannedRefund = {
  id: string;
  associateId: string;
  exitOn: string;
  amountCents: number | null;
  payable: boolean;
  reason: 'amountNotFixed' | 'capitalFloor' | 'earlierRefundWaiting' | null;
  capitalAfterCents: number | null;
  floorCents: number;
  overdue: boolean;
  status: Refund['status'];
  fixedOn: string | null;
  dueBy: string;
};
export type Capital = {
  nominalCents: number;
  capitalCents: number;
  highestCents: number;
  floorCents: number;
  shares: number;
  ratios: RatioCheck[];
  refunds: PlannedRefund[];
};
export type ShareMovement = {
  number: number;
  associateId: string;
  associateNumber: number;
  name: string;
  kind: string;
  onDate: string;
  shares: number;
  capitalCents: number;
  cashCents: number;
  capitalAfterCents: number;
};
export type Settings = {
  legalForm: string;
  customized: boolean;
  settings: {
    rules: Record<
      'ordinary' | 'extraordinary',
      Record<'first' | 'second', { quorum: { fraction: Fraction }; majority: MajorityRule }>
    >;
    noticeDays: { first: number; second: number };
    proxyCap: number | null;
    remoteAttendance: boolean;
    postalVoting: boolean;
    nominalCents: number;
    minimumShares: number;
    refundYears: number;
    colleges: { key: string; label: string; weightBp: number }[];
  };
};
export type AssemblySummary = {
  id: string;
  title: string;
  type: 'ordinary' | 'extraordinary';
  call: 'first' | 'second';
  firstCallId: string | null;
  meetingOn: string;
  startsAt: string;
  place: string;
  onlineUrl: string;
  status: 'draft' | 'convened' | 'inSession' | 'closed' | 'cancelled';
  noticeSentOn: string | null;
  openedAt: string | null;
  closedAt: string | null;
};
export type Counts = Record<VoteChoice, number>;
export type Tally = {
  quorum: { reached: boolean; participants: number; eligible: number; needed: number };
  majority: MajorityRule;
  counts: Counts;
  votesCast: number;
  yesNeeded: number | null;
  yesBp: number | null;
  adopted: boolean;
};
export type Resolution = {
  id: string;
  position: number;
  title: string;
  body: string;
  majority: MajorityRule;
  backedByBoard: boolean;
  approvesAccounts: boolean;
  secret: boolean;
  status: 'pending' | 'open' | 'closed';
  ballots: number;
  result: Tally | null;
};
export type AttendanceRow = {
  associateId: string;
  number: number;
  name: string;
  college: string;
  notifiedBy: 'email' | 'post';
  mode: AttendanceMode | null;
  proxyHolderId: string | null;
};
export type Assembly = AssemblySummary & {
  rules: {
    quorum: { fraction: Fraction };
    majority: MajorityRule;
    proxyCap: number;
    remoteAttendance: boolean;
    postalVoting: boolean;
    noticeDays: number;
  } | null;
  documents: { name: string; sha256: string }[];
  minutesSha256: string | null;
  voters: number;
  participation: {
    present: number;
    remote: number;
    postal: number;
    represented: number;
    blankProxies: number;
    total: number;
  } | null;
  quorum: { needed: number; participants: number; eligible: number; reached: boolean } | null;
  resolutions: Resolution[];
  attendanceSheet: AttendanceRow[] | null;
};
export type MyBallot = {
  associateId: string;
  mode: AttendanceMode | null;
  proxyHolderId: string | null;
  represented: { id: string; name: string }[];
  cast: { resolutionId: string; associateId: string }[];
};
export type ResolutionInput = {
  title: string;
  body: string;
  majority: MajorityRule | null;
  secret: boolean;
  approvesAccounts: boolean;
  backedByBoard: boolean;
};
export type AssemblyInput = {
  title: string;
  type: 'ordinary' | 'extraordinary';
  call: 'first' | 'second';
  firstCallId: string | null;
  meetingOn: string;
  startsAt: string;
  place: string;
  onlineUrl: string;
  resolutions: ResolutionInput[];
};
export type Consultation = {
  id: string;
  title: string;
  proposal: string;
  options: string[];
  closesAt: string;
  participationQuorumBp: number;
  requiredShareBp: number;
  anonymous: boolean;
  status: 'draft' | 'open' | 'closed' | 'cancelled';
  eligible: number | null;
  participants: number;
  answered: boolean | null;
  result: {
    eligible: number;
    participants: number;
    abstentions: number;
    votesCast: number;
    votes: number[];
    participationBp: number | null;
    quorumReached: boolean;
    winner: number | null;
    result: 'adopted' | 'noQuorum' | 'tie' | 'belowRequiredShare' | 'noVotes';
  } | null;
  outcome: string | null;
};
export type ConsultationInput = {
  title: string;
  proposal: string;
  options: string[];
  closesAt: string;
  participationQuorumBp: number;
  requiredShareBp: number;
  anonymous: boolean;
};

export const governanceApi = {
  settings: () => api<Settings>('GET', '/governance/settings'),
  associates: (status: 'active' | 'exited' | 'all') =>
    api<Associate[]>('GET', `/governance/associates?status=${status}`),
  associate: (id: string) => api<AssociateDetail>('GET', `/governance/associates/${id}`),
  admit: (body: unknown) => api<AssociateDetail>('POST', '/governance/associates', { body }),
  exit: (id: string, body: unknown) =>
    api<AssociateDetail>('POST', `/governance/associates/${id}/exit`, { body }),
  subscribe: (id: string, body: unknown) =>
    api<Subscription>('POST', `/governance/associates/${id}/subscriptions`, { body }),
  paySubscription: (id: string, paidOn: string) =>
    api<Subscription>('POST', `/governance/subscriptions/${id}/pay`, { body: { paidOn } }),
  capital: () => api<Capital>('GET', '/governance/capital'),
  movements: () => api<ShareMovement[]>('GET', '/governance/share-movements'),
  fixRefunds: (body: unknown) => api<Refund[]>('POST', '/governance/refunds/fix', { body }),
  payRefund: (id: string, paidOn: string) =>
    api<Refund>('POST', `/governance/refunds/${id}/pay`, { body: { paidOn } }),
  mine: () => api<AssociateDetail[]>('GET', '/governance/me'),
  assemblies: () => api<AssemblySummary[]>('GET', '/governance/assemblies'),
  assembly: (id: string) => api<Assembly>('GET', `/governance/assemblies/${id}`),
  createAssembly: (body: AssemblyInput) => api<Assembly>('POST', '/governance/assemblies', { body }),
  updateAssembly: (id: string, body: AssemblyInput) =>
    api<Assembly>('PUT', `/governance/assemblies/${id}`, { body }),
  addDocument: (id: string, name: string, file: Blob) =>
    api<{ sha256: string; name: string }>(
      'POST',
      `/governance/assemblies/${id}/documents?name=${encodeURIComponent(name)}`,
      { raw: file, contentType: 'application/pdf' },
    ),
  convene: (id: string) =>
    api<{ sentOn: string; voters: number; emailed: number; byPost: unknown[] }>(
      'POST',
      `/governance/assemblies/${id}/convene`,
    ),
  cancel: (id: string) => api('POST', `/governance/assemblies/${id}/cancel`),
  attendance: (
    id: string,
    body: { associateId: string; mode: AttendanceMode; proxyHolderId: string | null },
  ) => api('POST', `/governance/assemblies/${id}/attendance`, { body }),
  giveProxy: (id: string, holderAssociateId: string) =>
    api('POST', `/governance/assemblies/${id}/proxy`, { body: { holderAssociateId } }),
  voters: (id: string) =>
    api<{ id: string; number: number; name: string }[]>('GET', `/governance/assemblies/${id}/voters`),
  postalVotes: (id: string, choices: { resolutionId: string; choice: VoteChoice }[]) =>
    api('POST', `/governance/assemblies/${id}/postal-votes`, { body: { choices } }),
  myBallot: (id: string) => api<MyBallot>('GET', `/governance/assemblies/${id}/my-ballot`),
  open: (id: string) => api<Assembly>('POST', `/governance/assemblies/${id}/open`),
  close: (id: string) => api<{ sha256: string }>('POST', `/governance/assemblies/${id}/close`),
  openVote: (id: string) => api('POST', `/governance/resolutions/${id}/open`),
  closeVote: (id: string) => api<Tally>('POST', `/governance/resolutions/${id}/close`),
  vote: (id: string, choice: VoteChoice, onBehalfOf: string | null) =>
    api('POST', `/governance/resolutions/${id}/votes`, { body: { choice, onBehalfOf } }),
  consultations: () => api<Consultation[]>('GET', '/governance/consultations'),
  consultation: (id: string) => api<Consultation>('GET', `/governance/consultations/${id}`),
  createConsultation: (body: ConsultationInput) =>
    api<Consultation>('POST', '/governance/consultations', { body }),
  openConsultation: (id: string) => api('POST', `/governance/consultations/${id}/open`),
  answer: (id: string, option: number | null) =>
    api('POST', `/governance/consultations/${id}/answers`, { body: { option } }),
  closeConsultation: (id: string, outcome: string) =>
    api('POST', `/governance/consultations/${id}/close`, { body: { outcome } }),
  cancelConsultation: (id: string) => api('POST', `/governance/consultations/${id}/cancel`),
};

export const minutesUrl = (id: string) => `/api/governance/assemblies/${id}/minutes`;
export const certificateUrl = (subscriptionId: string) =>
  `/api/governance/subscriptions/${subscriptionId}/certificate`;
export const documentUrl = (assemblyId: string, sha256: string) =>
  `/api/governance/assemblies/${assemblyId}/documents/${sha256}`;
