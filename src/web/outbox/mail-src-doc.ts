/**
 * The mail's HTML for a sandboxed iframe: links open in a new tab (inside the frame they would be
 * refused by the app's frame-ancestors policy), and nothing is fetched from elsewhere.
 */
export function mailSrcDoc(html: string): string {
  const head =
    '<base target="_blank"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">' +
    // Long links wrap instead of widening the frame (phones).
    '<style>body{overflow-wrap:anywhere}</style>';
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (m) => `${m}${head}`);
  if (/<html[^>]*>/i.test(html)) return html.replace(/<html[^>]*>/i, (m) => `${m}<head>${head}</head>`);
  return `<!doctype html><html><head>${head}</head><body>${html}</body></html>`;
}
