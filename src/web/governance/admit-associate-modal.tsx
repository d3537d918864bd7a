import { Checkbox, Modal, NumberInput, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MemberSummary } from '../../core/members/member-schemas.ts';
import { ApiError, api, queryString } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { localToday } from '../members/format-day.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { type AssociateDetail, governanceApi, type Settings } from './governance-api.ts';
import { useGovernanceTexts } from './use-governance-texts.ts';

/** Admits an associate: a member of the cooperative (found by name) or an outside person. */
export function AdmitAssociateModal({
  opened,
  onClose,
  settings,
  onAdmitted,
}: {
  opened: boolean;
  onClose: () => void;
  settings: Settings['settings'] | undefined;
  onAdmitted: (a: AssociateDetail) => void;
}) {
  const { g, euros } = useGovernanceTexts();
  const me = useCurrentPerson();
  const canSearchMembers = hasPermission(me, 'members.read');
  const queryClient = useQueryClient();
  const [who, setWho] = useState<'member' | 'outside'>(canSearchMembers ? 'member' : 'outside');
  const [search, setSearch] = useState('');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [category, setCategory] = useState<'employee' | 'other'>('employee');
  const [college, setCollege] = useState<string | null>(null);
  const [admittedOn, setAdmittedOn] = useState(localToday());
  const [decision, setDecision] = useState('');
  const [shares, setShares] = useState<number | string>(settings?.minimumShares ?? 1);
  const [consent, setConsent] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const members = useQuery({
    queryKey: ['governance', 'member-search', search],
    queryFn: () =>
      api<{ items: MemberSummary[] }>('GET', `/members${queryString({ q: search, pageSize: 20 })}`),
    enabled: opened && who === 'member' && canSearchMembers,
    placeholderData: keepPreviousData,
  });
  const admit = useMutation({
    mutationFn: () =>
      governanceApi.admit({
        memberId: who === 'member' ? memberId : null,
        name: who === 'outside' ? name : '',
        email: who === 'outside' && email ? email : null,
        category,
        college: college ?? '',
        emailNoticeConsent: consent,
        admittedOn,
        admissionDecision: decision,
        shares: Number(shares),
      }),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: ['governance'] });
      onAdmitted(a);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError)
        setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.path, e.message])));
    },
  });
  const nominal = settings?.nominalCents ?? 0;
  const colleges = settings?.colleges ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={g('admit.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          admit.mutate();
        }}
      >
        <Stack gap="sm">
          {canSearchMembers && (
            <SegmentedControl
              value={who}
              onChange={(v) => setWho(v as 'member' | 'outside')}
              data={[
                { value: 'member', label: g('admit.member') },
                { value: 'outside', label: g('admit.outside') },
              ]}
              aria-label={g('admit.who')}
            />
          )}
          {who === 'member' ? (
            <Select
              label={g('admit.memberLabel')}
              placeholder={g('admit.memberPlaceholder')}
              searchable
              required
              data={(members.data?.items ?? []).map((m) => ({
                value: m.id,
                label: `${m.displayName}${m.trades[0] ? ` — ${m.trades[0]}` : ''}`,
              }))}
              value={memberId}
              onChange={setMemberId}
              onSearchChange={setSearch}
              nothingFoundMessage={g('admit.noMember')}
              error={errors.memberId}
            />
          ) : (
            <>
              <TextInput
                label={g('admit.name')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
              />
              <TextInput
                label={g('admit.email')}
                type="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={errors.email}
              />
            </>
          )}
          <Select
            label={g('admit.category')}
            data={[
              { value: 'employee', label: g('category.employee') },
              { value: 'other', label: g('category.other') },
            ]}
            value={category}
            onChange={(v) => setCategory((v as 'employee' | 'other') ?? 'employee')}
            allowDeselect={false}
          />
          {colleges.length > 0 && (
            <Select
              label={g('admit.college')}
              required
              data={colleges.map((c) => ({ value: c.key, label: c.label }))}
              value={college}
              onChange={setCollege}
              error={errors.college}
            />
          )}
          <TextInput
            type="date"
            label={g('admit.admittedOn')}
            required
            value={admittedOn}
            onChange={(e) => setAdmittedOn(e.currentTarget.value)}
            error={errors.admittedOn}
          />
          <TextInput
            label={g('admit.decision')}
            description={g('admit.decisionHint')}
            required
            value={decision}
            onChange={(e) => setDecision(e.currentTarget.value)}
            error={errors.admissionDecision}
          />
          <NumberInput
            label={g('admit.shares')}
            description={g('admit.sharesHint', {
              nominal: euros(nominal),
              minimum: settings?.minimumShares ?? 1,
              total: euros(nominal * (Number(shares) || 0)),
            })}
            min={1}
            allowDecimal={false}
            required
            value={shares}
            onChange={setShares}
            error={errors.shares}
          />
          <Checkbox
            label={g('admit.consent')}
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
          />
          <ErrorAlert error={Object.keys(errors).length === 0 ? admit.error : null} />
          <SubmitButton loading={admit.isPending}>{g('admit.submit')}</SubmitButton>
        </Stack>
      </form>
    </Modal>
  );
}
