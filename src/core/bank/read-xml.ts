import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../errors/app-error.ts';

/** Elements that may repeat in a CAMT.053 or OFX file: always read as arrays, even when there is one. */
const repeated = new Set([
  'Stmt',
  'Bal',
  'Ntry',
  'NtryDtls',
  'TxDtls',
  'Ustrd',
  'Strd',
  'STMTTRNRS',
  'STMTTRN',
  'CCSTMTTRNRS',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Amounts and references stay text: "00123" is a reference, not 123, and cents are read exactly.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => repeated.has(name),
});

/**
 * Parses XML after checking it is well formed, so a truncated download is refused with the line where it
 * breaks instead of yielding a statement with lines missing (issue 9, bad input "a truncated XML").
 */
export function readXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // Elements left open at the end of the file: the file stops short, at its last line.
    const unclosed = valid.err.code === 'InvalidXml' && valid.err.line === 1 && text.includes('\n');
    const line = unclosed ? text.trimEnd().split('\n').length : valid.err.line;
    throw new AppError('BANK_FILE_TRUNCATED', { line });
  }
  return parser.parse(text) as Record<string, unknown>;
}
