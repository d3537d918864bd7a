import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  type ActivityView,
  activityKinds,
  CreateActivityRequest,
} from '../../core/activities/activity-schemas.ts';
import { api } from '../app/api-client.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { membersApi } from '../members/members-api.ts';
import { useMembersTexts } from '../members/use-members-texts.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';

type Values = {
  code: string;
  name: string;
  brand: string;
  trade: string;
  nafCode: string;
  kind: string;
  referentId: string | null;
};

const toRequest = (v: Values) => ({ ...v, nafCode: v.nafCode.trim() === '' ? null : v.nafCode });

/** Creates an activity: a final short code, a name, a trade, and a referent for a member activity. */
export function CreateActivityModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { m, t } = useMembersTexts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const referents = useQuery({
    queryKey: ['member-referents'],
    queryFn: membersApi.referents,
    enabled: opened,
  });
  const form = useForm<Values>({
    initialValues: {
      code: '',
      name: '',
      brand: '',
      trade: '',
      nafCode: '',
      kind: 'member',
      referentId: null,
    },
    validate: (values) => zodFormResolver(CreateActivityRequest)(toRequest(values)),
    validateInputOnBlur: true,
  });
  const create = useMutation({
    mutationFn: (v: Values) => api<ActivityView>('POST', '/activities', { body: toRequest(v) }),
    onSuccess: (a) => {
      notifications.show({ color: 'mutua', message: m('activities.created', { code: a.code }) });
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      form.reset();
      navigate(`/activities/${a.id}`);
    },
    onError: (error) => showServerErrors(form, error),
  });
  const close = () => {
    if (create.isPending) return;
    create.reset();
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={m('activities.createTitle')} size="lg">
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack gap="md">
          <ErrorAlert error={create.error} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={m('activities.code')}
              description={m('activities.codeHint')}
              required
              data-autofocus
              ff="monospace"
              {...form.getInputProps('code')}
            />
            <Select
              label={m('activities.kind')}
              data={activityKinds.map((k) => ({ value: k, label: m(`activityKind.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <TextInput label={m('activities.name')} required {...form.getInputProps('name')} />
            <TextInput label={m('activities.brand')} {...form.getInputProps('brand')} />
            <TextInput label={m('activities.trade')} {...form.getInputProps('trade')} />
            <TextInput
              label={m('activities.nafCode')}
              placeholder="74.10Z"
              {...form.getInputProps('nafCode')}
            />
          </SimpleGrid>
          <Select
            label={m('activities.referent')}
            data={(referents.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            required={form.values.kind === 'member'}
            clearable
            {...form.getInputProps('referentId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <SubmitButton loading={create.isPending}>{m('activities.create')}</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
