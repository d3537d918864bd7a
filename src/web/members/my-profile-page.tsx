import { Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../app/api-client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { MemberFileForm } from './member-file-form.tsx';
import { membersApi } from './members-api.ts';
import { RestrictedDataPanel } from './restricted-data-panel.tsx';
import { useMembersTexts } from './use-members-texts.ts';

/** "Mon profil": the member corrects their own file and public profile, and sees their social data. */
export function MyProfilePage() {
  const { m } = useMembersTexts();
  const file = useQuery({ queryKey: ['my-member'], queryFn: membersApi.mine });
  const header = <PageHeader title={m('myProfile.title')} description={m('myProfile.description')} />;
  if (file.isPending) return <PageLoader />;
  if (file.error)
    return (
      <>
        {header}
        {file.error instanceof ApiError && file.error.status === 404 ? (
          <EmptyState title={m('myJourney.noFile')}>{m('myJourney.noFileHint')}</EmptyState>
        ) : (
          <ErrorAlert error={file.error} />
        )}
      </>
    );
  return (
    <>
      {header}
      <Stack gap="lg">
        <Paper withBorder p="md">
          <MemberFileForm member={file.data} mode="self" />
        </Paper>
        <Paper withBorder p="md">
          <RestrictedDataPanel memberId="mine" canEdit />
        </Paper>
      </Stack>
    </>
  );
}
