import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCheck, IconFileUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type ImportField,
  importFieldNames,
  requiredImportFields,
} from '../../core/members/check-member-import.ts';
import { api } from '../app/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { StageBadge } from './stage-badge.tsx';
import { useMembersTexts } from './use-members-texts.ts';

type Report = {
  header: string[];
  mapping: Record<string, string | null>;
  totalLines: number;
  validLines: number;
  issues: {
    line: number | null;
    column: string | null;
    field: string | null;
    code: string;
    message: string;
  }[];
  preview: { line: number; displayName: string; email: string; stage: string; activityCode: string | null }[];
};

/** The file's bytes as base64, untouched: the server detects a wrong encoding rather than guessing. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The import wizard: choose a file, check the column mapping, read every bad line with its reason, then
 * import everything at once (or nothing).
 */
export function ImportMembersPage() {
  const { m } = useMembersTexts();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileBase64, setFileBase64] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null> | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [done, setDone] = useState<{ imported: number; activities: number } | null>(null);
  const check = useMutation({
    mutationFn: async (body: { fileBase64: string; mapping?: Record<string, string | null> }) =>
      api<Report>('POST', '/members/import/check', { body }),
    onSuccess: (r) => {
      setReport(r);
      setMapping(r.mapping);
    },
  });
  const commit = useMutation({
    mutationFn: () =>
      api<{ imported: number; activities: number }>('POST', '/members/import', {
        body: { fileBase64, mapping: mapping ?? undefined },
      }),
    onSuccess: (r) => {
      setDone(r);
      void queryClient.invalidateQueries({ queryKey: ['members'] });
    },
  });
  const start = async () => {
    if (!file) return;
    const b64 = await toBase64(file);
    setFileBase64(b64);
    setDone(null);
    check.mutate({ fileBase64: b64 });
  };
  const reset = () => {
    setFile(null);
    setFileBase64(null);
    setMapping(null);
    setReport(null);
    setDone(null);
    check.reset();
    commit.reset();
  };
  const active = done ? 3 : report ? (report.issues.length === 0 ? 2 : 1) : 0;
  const columns = (report?.header ?? []).map((h) => ({ value: h, label: h }));
  return (
    <>
      <PageHeader title={m('import.title')} description={m('import.description')} />
      <Stepper active={active} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label={m('import.step1')} />
        <Stepper.Step label={m('import.step2')} />
        <Stepper.Step label={m('import.step3')} />
        <Stepper.Step label={m('import.step4')} />
      </Stepper>
      <Stack gap="lg">
        <Paper withBorder p="md">
          <Group align="flex-end" wrap="wrap">
            <FileInput
              label={m('import.file')}
              description={m('import.fileHint')}
              placeholder={m('import.filePlaceholder')}
              accept=".csv,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                setReport(null);
                setDone(null);
              }}
              leftSection={<IconFileUpload size={16} />}
              style={{ flex: '1 1 18rem' }}
              clearable
            />
            <Button onClick={start} disabled={!file} loading={check.isPending && !report}>
              {m('import.check')}
            </Button>
          </Group>
        </Paper>
        <ErrorAlert error={check.error} />
        {report && mapping && !done && (
          <>
            <Paper withBorder p="md">
              <Title order={2} size="h4">
                {m('import.mapping')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {m('import.mappingHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {importFieldNames.map((f: ImportField) => (
                  <Select
                    key={f}
                    label={`${m(`importField.${f}`)}${requiredImportFields.includes(f) ? ` (${m('import.required')})` : ''}`}
                    placeholder={m('import.noColumn')}
                    data={columns}
                    value={mapping[f] ?? null}
                    onChange={(v) => setMapping({ ...mapping, [f]: v })}
                    clearable
                  />
                ))}
              </SimpleGrid>
              <Group justify="flex-end" mt="md">
                <Button
                  variant="default"
                  loading={check.isPending}
                  onClick={() => fileBase64 && check.mutate({ fileBase64, mapping })}
                >
                  {m('import.recheck')}
                </Button>
              </Group>
            </Paper>
            <Paper withBorder p="md">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  {report.issues.length ? m('import.issues') : m('import.preview')}
                </Title>
                <Text size="sm" fw={600} aria-live="polite">
                  {m('import.lines', { valid: report.validLines, total: report.totalLines })}
                </Text>
              </Group>
              {report.issues.length > 0 ? (
                <Stack gap="sm">
                  <Alert color="red" variant="light">
                    {m('import.blocked')}
                  </Alert>
                  <Table.ScrollContainer minWidth={520}>
                    <Table striped>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{m('import.line')}</Table.Th>
                          <Table.Th>{m('import.column')}</Table.Th>
                          <Table.Th>{m('import.problem')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {report.issues.map((i) => (
                          <Table.Tr key={`${i.line}-${i.column}-${i.code}-${i.message}`}>
                            <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                              {i.line ?? m('import.fileProblem')}
                            </Table.Td>
                            <Table.Td>{i.column ?? '—'}</Table.Td>
                            <Table.Td>{i.message}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Stack>
              ) : (
                <Stack gap="sm">
                  <Alert color="mutua" variant="light" icon={<IconCheck size={18} />}>
                    {m('import.allGood')}
                  </Alert>
                  <Table.ScrollContainer minWidth={480}>
                    <Table>
                      <Table.Tbody>
                        {report.preview.map((p) => (
                          <Table.Tr key={p.line}>
                            <Table.Td>{p.line}</Table.Td>
                            <Table.Td>{p.displayName}</Table.Td>
                            <Table.Td>{p.email}</Table.Td>
                            <Table.Td>
                              <StageBadge stage={p.stage as never} />
                            </Table.Td>
                            <Table.Td ff="monospace">{p.activityCode ?? ''}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  <ErrorAlert error={commit.error} />
                  <Group justify="flex-end">
                    <Button onClick={() => commit.mutate()} loading={commit.isPending}>
                      {m('import.commit', { count: report.validLines })}
                    </Button>
                  </Group>
                </Stack>
              )}
            </Paper>
          </>
        )}
        {done && (
          <Alert color="mutua" icon={<IconCheck size={18} />} title={m('import.done', done)}>
            <Group gap="md" mt="xs">
              <Anchor component={Link} to="/members?referent=all">
                {m('list.title')}
              </Anchor>
              <Anchor component="button" type="button" onClick={reset}>
                {m('import.again')}
              </Anchor>
            </Group>
          </Alert>
        )}
      </Stack>
    </>
  );
}
