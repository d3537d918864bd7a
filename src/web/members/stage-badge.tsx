import { Badge } from '@mantine/core';
import type { JourneyStage } from '../../core/members/journey-schemas.ts';
import { useMembersTexts } from './use-members-texts.ts';

export const stageColors: Record<JourneyStage, string> = {
  prospect: 'gray',
  information: 'gray',
  intake: 'cyan',
  support: 'cyan',
  cape: 'yellow',
  cesa: 'blue',
  associate: 'mutua',
  between_contracts: 'orange',
  exited: 'dark',
};

/** A stage as a coloured badge with its name (never colour alone). */
export function StageBadge({ stage, size = 'sm' }: { stage: JourneyStage; size?: 'sm' | 'md' | 'lg' }) {
  const { m } = useMembersTexts();
  return (
    <Badge color={stageColors[stage]} variant="light" size={size} style={{ textTransform: 'none' }}>
      {m(`stage.${stage}`)}
    </Badge>
  );
}
