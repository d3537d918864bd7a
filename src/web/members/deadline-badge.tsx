import { Badge } from '@mantine/core';
import { useMembersTexts } from './use-members-texts.ts';

/** A due date with its distance in days: red when overdue, orange within 30 days; just the date once done. */
export function DeadlineBadge({
  dueOn,
  daysLeft,
  done,
}: {
  dueOn: string;
  daysLeft: number;
  done?: boolean;
}) {
  const { days, day } = useMembersTexts();
  const color = done
    ? 'gray'
    : daysLeft < 0
      ? 'red'
      : daysLeft <= 30
        ? 'orange'
        : daysLeft <= 90
          ? 'yellow'
          : 'gray';
  return (
    <Badge
      color={color}
      variant={daysLeft < 0 && !done ? 'filled' : 'light'}
      style={{ textTransform: 'none' }}
    >
      {done ? day(dueOn) : `${day(dueOn)} · ${days(daysLeft)}`}
    </Badge>
  );
}
