// Which file names are attachments (an application's two PDFs), without loading the PDF parser: `portfund check` of a
// workbook never needs pdf-lib, whose start-up alone costs ~0.15 s of CPU.
import { parseFileName } from '@portfund/shared-rules';

/** A file an upload or `portfund check` treats as an attachment: a PDF by its name (the bytes are judged by the gate). */
export const isAttachmentName = (name: string): boolean => {
  const parsed = parseFileName(name);
  return (parsed !== null && (parsed.kind === 'meeting' || parsed.kind === 'method')) || /\.pdf$/i.test(name);
};
