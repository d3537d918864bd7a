import { Paper, Title } from '@mantine/core';
import { useSalesTexts } from './use-sales-texts.ts';

/**
 * The issued PDF as stored when it was issued (never regenerated), shown by the browser's own viewer.
 * `?inline=1` asks the server for a PDF it lets this application frame (the download stays an attachment).
 */
export function PdfPreview({ url, title }: { url: string; title: string }) {
  const { s } = useSalesTexts();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {s('invoice.preview')}
      </Title>
      <iframe
        src={`${url}?inline=1`}
        title={s('invoice.previewOf', { title })}
        style={{ width: '100%', height: '80vh', minHeight: 480, border: 0, borderRadius: 4 }}
      />
    </Paper>
  );
}
