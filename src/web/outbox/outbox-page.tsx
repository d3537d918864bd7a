import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Code,
  Grid,
  Group,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, queryString } from '../app/api-client.ts';
import { formatDateTime, formatRelative } from '../app/format.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { extractLinks } from './extract-links.ts';
import { mailSrcDoc } from './mail-src-doc.ts';

type EmailSummary = {
  id: string;
  toAddress: string;
  toName: string;
  subject: string;
  template: string;
  status: 'queued' | 'sent' | 'outbox' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};
type EmailDetail = EmailSummary & { textBody: string; htmlBody: string };

const statusColor: Record<EmailSummary['status'], string> = {
  queued: 'yellow',
  sent: 'green',
  outbox: 'blue',
  failed: 'red',
};

function StatusBadge({ status }: { status: EmailSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={statusColor[status]}>
      {t(`mailStatus.${status}`)}
    </Badge>
  );
}

/** Every e-mail Mutua sent or queued; without SMTP they stay here and admins read them. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? '';
  const selected = params.get('mail');
  const [search, setSearch] = useState(to);
  const set = (changes: Record<string, string | null>, replace = true) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace },
    );
  const mails = useQuery({
    queryKey: ['outbox', { to }],
    queryFn: () => api<EmailSummary[]>('GET', `/outbox${queryString({ to, limit: 200 })}`),
  });
  const keptHere = mails.data?.some((m) => m.status === 'outbox');

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <Stack gap="md">
        {keptHere && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('outbox.noSmtp')}
          </Alert>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            set({ to: search.trim().toLowerCase() || null, mail: null });
          }}
        >
          <Group gap="sm" align="flex-end">
            <TextInput
              label={t('outbox.recipient')}
              placeholder={t('outbox.recipientPlaceholder')}
              type="email"
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 16rem' }}
            />
            <Button type="submit" variant="light">
              {t('common.filter')}
            </Button>
            {to && (
              <Button
                variant="subtle"
                onClick={() => {
                  setSearch('');
                  set({ to: null, mail: null });
                }}
              >
                {t('common.clearFilters')}
              </Button>
            )}
          </Group>
        </form>
        <ErrorAlert error={mails.error} />
        {mails.isPending ? (
          <PageLoader />
        ) : !mails.data || mails.data.length === 0 ? (
          <EmptyState title={to ? t('outbox.noMatch', { to }) : t('outbox.empty')}>
            {t('outbox.emptyHint')}
          </EmptyState>
        ) : (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }} display={{ base: selected ? 'none' : 'block', md: 'block' }}>
              <Card withBorder p={0} radius="md">
                <Box mah={{ md: '70vh' }} style={{ overflowY: 'auto' }}>
                  <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {mails.data.map((m) => (
                      <li key={m.id}>
                        <UnstyledButton
                          onClick={() => set({ mail: m.id }, false)}
                          aria-current={m.id === selected ? 'true' : undefined}
                          w="100%"
                          p="sm"
                          style={{
                            display: 'block',
                            borderBottom: '1px solid var(--mantine-color-gray-3)',
                            background: m.id === selected ? 'var(--mantine-color-mutua-0)' : undefined,
                          }}
                        >
                          <Text size="sm" fw={600} truncate="end">
                            {m.subject}
                          </Text>
                          <Text size="xs" c="dimmed" truncate="end">
                            {m.toName ? `${m.toName} <${m.toAddress}>` : m.toAddress}
                          </Text>
                          <Group justify="space-between" wrap="nowrap" gap="xs" mt={4}>
                            <StatusBadge status={m.status} />
                            <Text
                              size="xs"
                              c="dimmed"
                              style={{ whiteSpace: 'nowrap' }}
                              title={formatDateTime(m.createdAt)}
                            >
                              {formatRelative(m.createdAt)}
                            </Text>
                          </Group>
                        </UnstyledButton>
                      </li>
                    ))}
                  </Stack>
                </Box>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }} display={{ base: selected ? 'block' : 'none', md: 'block' }}>
              {selected ? (
                <MailReader id={selected} onBack={() => set({ mail: null })} />
              ) : (
                <Card withBorder radius="md" p="xl">
                  <Text c="dimmed" ta="center" size="sm">
                    {t('outbox.pickOne')}
                  </Text>
                </Card>
              )}
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </>
  );
}

function MailReader({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const mail = useQuery({
    queryKey: ['outbox', 'mail', id],
    queryFn: () => api<EmailDetail>('GET', `/outbox/${id}`),
  });
  return (
    <Card
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'lg' }}
      component="article"
      aria-labelledby="mail-subject"
    >
      <Button
        variant="subtle"
        leftSection={<IconArrowLeft size={16} />}
        onClick={onBack}
        hiddenFrom="md"
        mb="sm"
        px={4}
      >
        {t('outbox.backToList')}
      </Button>
      {mail.isPending ? (
        <PageLoader />
      ) : mail.error ? (
        <ErrorAlert error={mail.error} />
      ) : (
        <Stack gap="sm">
          <Title order={2} fz="h4" id="mail-subject">
            {mail.data.subject}
          </Title>
          <Box>
            <StatusBadge status={mail.data.status} />
            <Text size="sm" mt={6}>
              <Text span c="dimmed">
                {t('outbox.to')}{' '}
              </Text>
              {mail.data.toName ? `${mail.data.toName} <${mail.data.toAddress}>` : mail.data.toAddress}
            </Text>
            <Text size="sm">
              <Text span c="dimmed">
                {t('outbox.date')}{' '}
              </Text>
              {formatDateTime(mail.data.createdAt)}
            </Text>
            {mail.data.lastError && (
              <Text size="sm" c="red.8">
                {t('outbox.lastError', { attempts: mail.data.attempts })} {mail.data.lastError}
              </Text>
            )}
          </Box>
          <MailLinks text={mail.data.textBody} />
          <Tabs defaultValue="html" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="html">{t('outbox.html')}</Tabs.Tab>
              <Tabs.Tab value="text">{t('outbox.text')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              <iframe
                title={t('outbox.htmlFrame', { subject: mail.data.subject })}
                srcDoc={mailSrcDoc(mail.data.htmlBody)}
                // No scripts, no access to this page: the mail is shown, never run.
                sandbox="allow-popups allow-popups-to-escape-sandbox"
                referrerPolicy="no-referrer"
                style={{
                  width: '100%',
                  height: 440,
                  border: '1px solid var(--mantine-color-gray-3)',
                  borderRadius: 8,
                  background: '#fff',
                }}
              />
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {mail.data.textBody}
              </Code>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Card>
  );
}

/** The links of the mail, clickable here: a tester follows an invitation without a mail client. */
function MailLinks({ text }: { text: string }) {
  const { t } = useTranslation();
  const links = extractLinks(text);
  if (links.length === 0) return null;
  return (
    <Alert color="mutua" variant="light" title={t('outbox.links')}>
      <Stack gap={4}>
        {links.map((href) => (
          <Anchor key={href} href={href} size="sm" style={{ wordBreak: 'break-all' }} data-testid="mail-link">
            {href}
          </Anchor>
        ))}
      </Stack>
    </Alert>
  );
}
