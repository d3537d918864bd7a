import { describe, expect, it } from 'vitest';
import { mailSrcDoc } from './mail-src-doc.ts';

describe('mailSrcDoc', () => {
  it('makes links open outside the frame and forbids loading anything, whatever the shape of the HTML', () => {
    for (const html of [
      '<!doctype html><html><head><title>x</title></head><body><a href="https://a.example">a</a></body></html>',
      '<html><body><p>Bonjour</p></body></html>',
      '<p>Bonjour</p>',
    ]) {
      const doc = mailSrcDoc(html);
      expect(doc).toContain('<base target="_blank">');
      expect(doc).toContain("default-src 'none'");
      // In the head, before any content.
      expect(doc.indexOf('<base')).toBeLessThan(doc.indexOf('<body'));
    }
  });
});
