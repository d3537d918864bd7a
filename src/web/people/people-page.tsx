import { Button, Tabs } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { InvitationsTable } from './invitations-table.tsx';
import { InvitePersonModal } from './invite-person-modal.tsx';
import { PeopleTable } from './people-table.tsx';

/** People & access: accounts (filtered through the URL) and, for admins, invitations. */
export function PeoplePage() {
  const { t } = useTranslation();
  const me = useCurrentPerson();
  const [params, setParams] = useSearchParams();
  const canInvite = hasPermission(me, 'people.invite');
  const tab = canInvite && params.get('tab') === 'invitations' ? 'invitations' : 'people';
  const inviting = canInvite && params.get('invite') === '1';
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.description')}
        actions={
          canInvite ? (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => update({ invite: '1' })}>
              {t('people.invite')}
            </Button>
          ) : null
        }
      />
      {canInvite ? (
        <Tabs
          value={tab}
          onChange={(v) => update({ tab: v === 'invitations' ? 'invitations' : null })}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="people">{t('people.accounts')}</Tabs.Tab>
            <Tabs.Tab value="invitations">{t('people.invitations')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="people">
            <PeopleTable params={params} update={update} canManage={hasPermission(me, 'people.manage')} />
          </Tabs.Panel>
          <Tabs.Panel value="invitations">
            <InvitationsTable onInvite={() => update({ invite: '1' })} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <PeopleTable params={params} update={update} canManage={false} />
      )}
      {canInvite && (
        <InvitePersonModal
          opened={inviting}
          onClose={() => update({ invite: null })}
          onInvited={() => update({ invite: null, tab: 'invitations' })}
        />
      )}
    </>
  );
}
