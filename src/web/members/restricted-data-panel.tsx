import {
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  benefitStatuses,
  type RestrictedView,
  UpdateRestrictedRequest,
} from '../../core/members/member-schemas.ts';
import { api } from '../app/api-client.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { membersApi } from './members-api.ts';
import { useMembersTexts } from './use-members-texts.ts';

type Values = {
  benefitStatus: string;
  benefitNote: string;
  disabilityRecognized: boolean;
  otherEmployment: string;
  socialSecurityNumber: string;
};

const toRequest = (v: Values) => ({ ...v, socialSecurityNumber: v.socialSecurityNumber.trim() || null });

/**
 * The restricted class: read only on demand, because every read is written to the audit log; corrected by
 * support staff and by the member.
 */
export function RestrictedDataPanel({ memberId, canEdit }: { memberId: string | 'mine'; canEdit: boolean }) {
  const { m } = useMembersTexts();
  const [shown, setShown] = useState(false);
  const queryClient = useQueryClient();
  const key = ['restricted', memberId];
  const data = useQuery({
    queryKey: key,
    queryFn: () => (memberId === 'mine' ? membersApi.myRestricted() : membersApi.restricted(memberId)),
    enabled: shown,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  return (
    <Stack gap="md">
      <Alert icon={<IconLock size={18} />} color="gray" variant="light" title={m('restricted.title')}>
        {m('restricted.explain')}
      </Alert>
      {!shown ? (
        <Group>
          <Button variant="light" onClick={() => setShown(true)}>
            {m('restricted.reveal')}
          </Button>
        </Group>
      ) : (
        <>
          <ErrorAlert error={data.error} />
          {data.data && (
            <RestrictedForm
              initial={data.data}
              memberId={memberId}
              canEdit={canEdit}
              onSaved={(saved) => queryClient.setQueryData(key, saved)}
              onHide={() => {
                setShown(false);
                queryClient.removeQueries({ queryKey: key });
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function RestrictedForm({
  initial,
  memberId,
  canEdit,
  onSaved,
  onHide,
}: {
  initial: RestrictedView;
  memberId: string | 'mine';
  canEdit: boolean;
  onSaved: (v: RestrictedView) => void;
  onHide: () => void;
}) {
  const { m } = useMembersTexts();
  const form = useForm<Values>({
    initialValues: { ...initial, socialSecurityNumber: initial.socialSecurityNumber ?? '' },
    validate: (values) => zodFormResolver(UpdateRestrictedRequest)(toRequest(values)),
    validateInputOnBlur: true,
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      api<RestrictedView>(
        'PUT',
        memberId === 'mine' ? '/me/member/restricted' : `/members/${memberId}/restricted`,
        {
          body: toRequest(values),
        },
      ),
    onSuccess: (saved) => {
      notifications.show({ color: 'mutua', message: m('restricted.saved') });
      onSaved(saved);
      form.resetDirty();
    },
    onError: (error) => showServerErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <fieldset disabled={!canEdit || save.isPending} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={m('restricted.benefitStatus')}
              data={benefitStatuses.map((b) => ({ value: b, label: m(`benefit.${b}`) }))}
              allowDeselect={false}
              {...form.getInputProps('benefitStatus')}
            />
            <TextInput
              label={m('restricted.socialSecurityNumber')}
              autoComplete="off"
              {...form.getInputProps('socialSecurityNumber')}
            />
          </SimpleGrid>
          <Textarea
            label={m('restricted.benefitNote')}
            autosize
            minRows={2}
            {...form.getInputProps('benefitNote')}
          />
          <Checkbox
            label={m('restricted.disabilityRecognized')}
            {...form.getInputProps('disabilityRecognized', { type: 'checkbox' })}
          />
          <TextInput label={m('restricted.otherEmployment')} {...form.getInputProps('otherEmployment')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onHide}>
              {m('restricted.hide')}
            </Button>
            {canEdit && (
              <SubmitButton loading={save.isPending} disabled={!form.isDirty()}>
                {m('member.save')}
              </SubmitButton>
            )}
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
