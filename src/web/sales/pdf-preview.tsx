import { Box, Paper, Text, Title } from '@mantine/core';
import { useSalesTexts } from './use-sales-texts.ts';

/**
 * The issued PDF as stored when it was issued (never regenerated), shown by the browser's own viewer.
 * `?inline=1` asks the server for a PDF it lets this application frame (the download stays an attachment).
 * Phones have no inline PDF viewer: they get the download button of the page instead.
 */
export function PdfPreview({ url, title }: { url: string; title: string }) {
  const { s } = useSalesTexts();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {s('invoice.preview')}
      </Title>
      <Text size="sm" c="dimmed" hiddenFrom="sm">
        {s('invoice.previewPhone')}
      </Text>
      <Box visibleFrom="sm">
        <iframe
          src={`${url}?inline=1`}
          title={s('invoice.previewOf', { title })}
          style={{ width: '100%', height: '80vh', minHeight: 480, border: 0, borderRadius: 4 }}
        />
      </Box>
    </Paper>
  );
}
