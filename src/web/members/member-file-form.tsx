import {
  Checkbox,
  Divider,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type MemberView,
  UpdateMemberRequest,
  UpdateMyMemberRequest,
} from '../../core/members/member-schemas.ts';
import type { PersonView } from '../../core/people/people-schemas.ts';
import { api, queryString } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { membersApi } from './members-api.ts';
import { useMembersTexts } from './use-members-texts.ts';

type Values = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  birthDate: string;
  trades: string[];
  skills: string[];
  iban: string;
  bic: string;
  profile: { published: boolean; headline: string; bio: string; showEmail: boolean };
  referentId: string | null;
  userId: string | null;
};

const fromView = (v: MemberView): Values => ({
  firstName: v.firstName,
  lastName: v.lastName,
  email: v.email ?? '',
  phone: v.phone,
  addressLine1: v.addressLine1,
  postalCode: v.postalCode,
  city: v.city,
  birthDate: v.birthDate ?? '',
  trades: v.trades,
  skills: v.skills,
  iban: v.iban ?? '',
  bic: v.bic ?? '',
  profile: v.profile,
  referentId: v.referent?.id ?? null,
  userId: v.userId,
});

function toRequest(v: Values, staff: boolean) {
  const blank = (s: string) => (s.trim() === '' ? null : s);
  const common = {
    firstName: v.firstName,
    lastName: v.lastName,
    email: blank(v.email),
    phone: v.phone,
    addressLine1: v.addressLine1,
    postalCode: v.postalCode,
    city: v.city,
    birthDate: blank(v.birthDate),
    trades: v.trades,
    skills: v.skills,
    iban: blank(v.iban),
    bic: blank(v.bic),
    profile: v.profile,
  };
  return staff ? { ...common, referentId: v.referentId, userId: v.userId } : common;
}

/**
 * A member file: identity, contact, trades and skills, public profile, bank details. Support staff also
 * set the referent (PATCH /members/:id); the member edits their own (PATCH /me/member), never their stage.
 */
export function MemberFileForm({ member, mode }: { member: MemberView; mode: 'staff' | 'self' | 'read' }) {
  const { m } = useMembersTexts();
  const queryClient = useQueryClient();
  const staff = mode === 'staff';
  const schema = staff ? UpdateMemberRequest : UpdateMyMemberRequest;
  const form = useForm<Values>({
    initialValues: fromView(member),
    validate: (values) => zodFormResolver(schema)(toRequest(values, staff)),
    validateInputOnBlur: true,
  });
  const referents = useQuery({
    queryKey: ['member-referents'],
    queryFn: membersApi.referents,
    enabled: staff,
  });
  const me = useCurrentPerson();
  const canPickAccount = staff && hasPermission(me, 'people.read');
  const [accountSearch, setAccountSearch] = useState('');
  const [accountQuery] = useDebouncedValue(accountSearch, 250);
  const accounts = useQuery({
    queryKey: ['people', 'pick-member', accountQuery],
    queryFn: () =>
      api<{ items: PersonView[] }>(
        'GET',
        `/people${queryString({ q: accountQuery, role: 'member', pageSize: 20 })}`,
      ),
    enabled: canPickAccount,
  });
  const accountOptions = [
    ...(member.userId && !accounts.data?.items.some((p) => p.id === member.userId)
      ? [{ value: member.userId, label: m('member.account') }]
      : []),
    ...(accounts.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.email}` })),
  ];
  const save = useMutation({
    mutationFn: (values: Values) =>
      api<MemberView>('PATCH', staff ? `/members/${member.id}` : '/me/member', {
        body: toRequest(values, staff),
      }),
    onSuccess: (saved) => {
      notifications.show({ color: 'mutua', message: m('member.saved') });
      queryClient.setQueryData(staff ? ['member', member.id, 'file'] : ['my-member'], saved);
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      form.setValues(fromView(saved));
      form.resetDirty();
    },
    onError: (error) => showServerErrors(form, error),
  });
  const readOnly = mode === 'read';
  const own = mode === 'self';
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <fieldset disabled={readOnly || save.isPending} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <ErrorAlert error={save.error} />
          <Title order={2} size="h4">
            {m('member.identity')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={m('fields.firstName')} required {...form.getInputProps('firstName')} />
            <TextInput label={m('fields.lastName')} required {...form.getInputProps('lastName')} />
            <TextInput label={m('fields.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={m('fields.phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput label={m('fields.addressLine1')} {...form.getInputProps('addressLine1')} />
            <Group grow gap="sm" align="flex-start">
              <TextInput
                label={m('fields.postalCode')}
                inputMode="numeric"
                {...form.getInputProps('postalCode')}
              />
              <TextInput label={m('fields.city')} {...form.getInputProps('city')} />
            </Group>
            <TextInput label={m('fields.birthDate')} type="date" {...form.getInputProps('birthDate')} />
            {canPickAccount && (
              <Select
                label={m('fields.account')}
                description={m('fields.accountHint')}
                placeholder={m('fields.noAccountLinked')}
                data={accountOptions}
                searchable
                searchValue={accountSearch}
                onSearchChange={setAccountSearch}
                clearable
                nothingFoundMessage="—"
                {...form.getInputProps('userId')}
              />
            )}
            {staff && (
              <Select
                label={m('fields.referent')}
                data={(referents.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
                clearable
                {...form.getInputProps('referentId')}
              />
            )}
          </SimpleGrid>
          <Divider />
          <Title order={2} size="h4">
            {m('member.tradesSkills')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput
              label={m('fields.trades')}
              description={m('fields.tagsHint')}
              {...form.getInputProps('trades')}
            />
            <TagsInput
              label={m('fields.skills')}
              description={m('fields.tagsHint')}
              {...form.getInputProps('skills')}
            />
          </SimpleGrid>
          <Divider />
          <Title order={2} size="h4">
            {m('member.profile')}
          </Title>
          <Checkbox
            label={own ? m('fields.published') : m('fields.publishedStaff')}
            {...form.getInputProps('profile.published', { type: 'checkbox' })}
          />
          <TextInput
            label={m('fields.headline')}
            maxLength={120}
            {...form.getInputProps('profile.headline')}
          />
          <Textarea
            label={m('fields.bio')}
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('profile.bio')}
          />
          <Checkbox
            label={own ? m('fields.showEmail') : m('fields.showEmailStaff')}
            {...form.getInputProps('profile.showEmail', { type: 'checkbox' })}
          />
          <Divider />
          <Title order={2} size="h4">
            {m('member.bank')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={m('fields.iban')} autoComplete="off" {...form.getInputProps('iban')} />
            <TextInput label={m('fields.bic')} autoComplete="off" {...form.getInputProps('bic')} />
          </SimpleGrid>
          {!readOnly && (
            <Group justify="flex-end">
              <SubmitButton loading={save.isPending} disabled={!form.isDirty()}>
                {m('member.save')}
              </SubmitButton>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
