import {
  Button,
  Card,
  FileButton,
  Group,
  Image,
  Input,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CooperativeIdentity,
  type CooperativeIdentityInput,
  type CooperativeView,
} from '../../core/cooperative/cooperative-identity.ts';
import { type LegalForm, legalFormLabel, legalForms } from '../../core/cooperative/legal-forms.ts';
import { fieldMessages } from '../../core/validation/field-messages.ts';
import { ApiError, api } from '../app/api-client.ts';
import { currentLocale } from '../app/i18n.ts';
import { logoSrc } from '../app/logo-src.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';

type FormValues = {
  legalName: string;
  legalForm: LegalForm;
  variableCapital: boolean;
  siren: string;
  rcsCity: string;
  vatNumber: string;
  address: { line1: string; line2: string; postalCode: string; city: string; country: 'FR' };
  email: string;
  phone: string;
  iban: string;
  bic: string;
  fiscalYearEnd: string;
};

const blank: FormValues = {
  legalName: '',
  legalForm: 'SCOP_SA',
  variableCapital: true,
  siren: '',
  rcsCity: '',
  vatNumber: '',
  address: { line1: '', line2: '', postalCode: '', city: '', country: 'FR' },
  email: '',
  phone: '',
  iban: '',
  bic: '',
  fiscalYearEnd: '12-31',
};

function toFormValues(c: CooperativeView): FormValues {
  return {
    legalName: c.legalName,
    legalForm: c.legalForm,
    variableCapital: c.variableCapital,
    siren: c.siren,
    rcsCity: c.rcsCity,
    vatNumber: c.vatNumber,
    address: { ...c.address, country: 'FR' },
    email: c.email,
    phone: c.phone,
    // Shown in groups of four, as printed on a RIB; the schema removes the spaces again.
    iban: c.iban.replace(/(.{4})(?=.)/g, '$1 '),
    bic: c.bic,
    fiscalYearEnd: c.fiscalYearEnd,
  };
}

export function CooperativeSettingsPage() {
  const { t } = useTranslation();
  const coop = useQuery({
    queryKey: ['cooperative'],
    queryFn: async () => {
      try {
        return await api<CooperativeView>('GET', '/cooperative');
      } catch (error) {
        // Not set up yet: the form starts empty.
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
  return (
    <>
      <PageHeader title={t('cooperative.title')} description={t('cooperative.description')} />
      {coop.isPending ? (
        <PageLoader />
      ) : coop.error ? (
        <ErrorAlert error={coop.error} />
      ) : (
        <Stack gap="lg">
          <IdentityForm current={coop.data} />
          {coop.data && <LogoCard current={coop.data} />}
        </Stack>
      )}
    </>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function IdentityForm({ current }: { current: CooperativeView | null }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<FormValues>({
    initialValues: current ? toFormValues(current) : blank,
    validate: zodFormResolver(CooperativeIdentity),
    validateInputOnBlur: true,
  });
  const save = useMutation({
    mutationFn: (body: CooperativeIdentityInput) => api<CooperativeView>('PUT', '/cooperative', { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['cooperative'], saved);
      void queryClient.invalidateQueries({ queryKey: ['brand'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      const values = toFormValues(saved);
      form.setValues(values);
      form.resetDirty(values);
      notifications.show({ color: 'mutua', message: t('cooperative.saved') });
    },
    onError: (error) => showServerErrors(form, error),
  });

  // Month names follow the UI language (re-rendered when it changes).
  const monthFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { month: 'long' });
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1).padStart(2, '0'),
    label: monthFormat.format(new Date(Date.UTC(2001, i, 15))),
  }));
  const days = Array.from({ length: 31 }, (_, i) => ({
    value: String(i + 1).padStart(2, '0'),
    label: String(i + 1),
  }));
  const [fyMonth = '12', fyDay = '31'] = form.values.fiscalYearEnd.split('-');
  const setFiscalYearEnd = (month: string, day: string) => {
    form.setFieldValue('fiscalYearEnd', `${month}-${day}`);
    form.validateField('fiscalYearEnd');
  };

  return (
    <form
      onSubmit={form.onSubmit((values) => save.mutate(CooperativeIdentity.parse(values)))}
      noValidate
      aria-label={t('cooperative.title')}
    >
      <Stack gap="lg">
        <ErrorAlert error={save.error} />
        <Section title={t('cooperative.identity')} id="coop-identity">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('cooperative.legalName')} required {...form.getInputProps('legalName')} />
            <Select
              label={t('cooperative.legalForm')}
              required
              allowDeselect={false}
              data={legalForms.map((f) => ({ value: f, label: t(`legalForms.${f}`) }))}
              {...form.getInputProps('legalForm')}
            />
          </SimpleGrid>
          <Switch
            mt="md"
            label={t('cooperative.variableCapital')}
            {...form.getInputProps('variableCapital', { type: 'checkbox' })}
          />
          <Text size="sm" c="dimmed" mt="xs">
            {t('cooperative.printedAs')}{' '}
            <Text span fs="italic" c="var(--mantine-color-text)">
              {legalFormLabel(form.values.legalForm, form.values.variableCapital)}
            </Text>
          </Text>
        </Section>

        <Section title={t('cooperative.registration')} id="coop-registration">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label={t('cooperative.siren')}
              description={t('cooperative.sirenHint')}
              required
              inputMode="numeric"
              {...form.getInputProps('siren')}
            />
            <TextInput label={t('cooperative.rcsCity')} required {...form.getInputProps('rcsCity')} />
            <TextInput
              label={t('cooperative.vatNumber')}
              description={t('cooperative.vatHint')}
              required
              {...form.getInputProps('vatNumber')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('cooperative.headOffice')} id="coop-address">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('cooperative.addressLine1')}
              required
              autoComplete="address-line1"
              {...form.getInputProps('address.line1')}
            />
            <TextInput
              label={t('cooperative.addressLine2')}
              autoComplete="address-line2"
              {...form.getInputProps('address.line2')}
            />
            <TextInput
              label={t('cooperative.postalCode')}
              required
              inputMode="numeric"
              autoComplete="postal-code"
              {...form.getInputProps('address.postalCode')}
            />
            <TextInput
              label={t('cooperative.city')}
              required
              autoComplete="address-level2"
              {...form.getInputProps('address.city')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('cooperative.contact')} id="coop-contact">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('fields.email')} type="email" required {...form.getInputProps('email')} />
            <TextInput label={t('cooperative.phone')} type="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
        </Section>

        <Section title={t('cooperative.bank')} id="coop-bank">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('cooperative.iban')} required {...form.getInputProps('iban')} />
            <TextInput label={t('cooperative.bic')} required {...form.getInputProps('bic')} />
          </SimpleGrid>
        </Section>

        <Section title={t('cooperative.fiscalYear')} id="coop-fiscal">
          <Input.Wrapper
            label={t('cooperative.fiscalYearEnd')}
            description={t('cooperative.fiscalYearEndHint')}
            error={form.errors.fiscalYearEnd}
            required
          >
            <Group gap="sm" mt={4} wrap="nowrap" maw={360}>
              <Select
                aria-label={t('cooperative.day')}
                data={days}
                value={fyDay}
                allowDeselect={false}
                onChange={(day) => day && setFiscalYearEnd(fyMonth, day)}
                w={96}
              />
              <Select
                aria-label={t('cooperative.month')}
                data={months}
                value={fyMonth}
                allowDeselect={false}
                onChange={(month) => month && setFiscalYearEnd(month, fyDay)}
                style={{ flex: 1 }}
              />
            </Group>
          </Input.Wrapper>
        </Section>

        <Group justify="flex-end">
          {form.isDirty() && (
            <Text size="sm" c="dimmed">
              {t('cooperative.unsaved')}
            </Text>
          )}
          <SubmitButton loading={save.isPending}>{t('common.save')}</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}

const logoTypes = ['image/png', 'image/jpeg', 'image/svg+xml'];
const logoMaxBytes = 512 * 1024;

function LogoCard({ current }: { current: CooperativeView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  const upload = useMutation({
    mutationFn: (f: File) =>
      api<CooperativeView>('PUT', '/cooperative/logo', { raw: f, contentType: f.type }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['cooperative'], saved);
      void queryClient.invalidateQueries({ queryKey: ['brand'] });
      setFile(null);
      notifications.show({ color: 'mutua', message: t('cooperative.logoSaved') });
    },
  });
  const choose = (f: File | null) => {
    upload.reset();
    setProblem(null);
    if (!f) return setFile(null);
    const locale = currentLocale();
    if (!logoTypes.includes(f.type)) return setProblem(fieldMessages['logo.type'][locale]);
    if (f.size > logoMaxBytes) return setProblem(fieldMessages['logo.size'][locale]);
    setFile(f);
  };
  const shown = preview ?? logoSrc(current.logoUrl);
  return (
    <Section title={t('cooperative.logo')} id="coop-logo">
      <Group align="flex-start" gap="lg">
        <Card withBorder w={180} h={120} p="xs" bg="var(--mantine-color-gray-0)">
          {shown ? (
            <Image src={shown} alt={t('cooperative.logoPreview')} h="100%" w="100%" fit="contain" />
          ) : (
            <Text size="sm" c="dimmed" ta="center" my="auto">
              {t('cooperative.noLogo')}
            </Text>
          )}
        </Card>
        <Stack gap="xs" style={{ flex: '1 1 14rem' }}>
          <Text size="sm" c="dimmed">
            {t('cooperative.logoHint')}
          </Text>
          {problem && (
            <Text size="sm" c="red.8" role="alert">
              {problem}
            </Text>
          )}
          <ErrorAlert error={upload.error} />
          <Group gap="xs">
            <FileButton onChange={choose} accept={logoTypes.join(',')}>
              {(props) => (
                <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
                  {t('cooperative.chooseLogo')}
                </Button>
              )}
            </FileButton>
            {file && (
              <Button loading={upload.isPending} onClick={() => upload.mutate(file)}>
                {t('cooperative.saveLogo')}
              </Button>
            )}
          </Group>
          {file && (
            <Text size="xs" c="dimmed">
              {file.name}
            </Text>
          )}
        </Stack>
      </Group>
    </Section>
  );
}
