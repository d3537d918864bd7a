import { Badge } from '@mantine/core';
import type { AssemblySummary, Consultation, Resolution } from './governance-api.ts';
import { useGovernanceTexts } from './use-governance-texts.ts';

const assemblyColors: Record<AssemblySummary['status'], string> = {
  draft: 'gray',
  convened: 'blue',
  inSession: 'orange',
  closed: 'green',
  cancelled: 'red',
};

/** An assembly's status in words and colour. */
export function AssemblyStatusBadge({ status }: { status: AssemblySummary['status'] }) {
  const { g } = useGovernanceTexts();
  return (
    <Badge variant="light" color={assemblyColors[status]} style={{ flexShrink: 0 }}>
      {g(`assemblyStatus.${status}`)}
    </Badge>
  );
}

const voteColors: Record<Resolution['status'], string> = { pending: 'gray', open: 'orange', closed: 'blue' };

/** A resolution's vote: not open yet, open, or closed (then its result). */
export function ResolutionBadge({ resolution }: { resolution: Resolution }) {
  const { g } = useGovernanceTexts();
  if (resolution.status === 'closed' && resolution.result)
    return (
      <Badge variant="filled" color={resolution.result.adopted ? 'green' : 'red'} style={{ flexShrink: 0 }}>
        {resolution.result.adopted ? g('result.adopted') : g('result.rejected')}
      </Badge>
    );
  return (
    <Badge variant="light" color={voteColors[resolution.status]} style={{ flexShrink: 0 }}>
      {g(`voteStatus.${resolution.status}`)}
    </Badge>
  );
}

const consultationColors: Record<Consultation['status'], string> = {
  draft: 'gray',
  open: 'orange',
  closed: 'green',
  cancelled: 'red',
};

export function ConsultationStatusBadge({ status }: { status: Consultation['status'] }) {
  const { g } = useGovernanceTexts();
  return (
    <Badge variant="light" color={consultationColors[status]} style={{ flexShrink: 0 }}>
      {g(`consultationStatus.${status}`)}
    </Badge>
  );
}
