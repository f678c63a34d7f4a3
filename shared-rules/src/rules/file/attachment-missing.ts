// file.attachment_missing: an application is the workbook plus two PDFs, the meeting minutes and the subsidy rules (seed 004 §1.2(二)3).
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';

export const ATTACHMENT_KINDS = ['meeting', 'method'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The file name the seed asks for (it spells the minutes "metting"; "meeting" is accepted too, see name.ts). */
export const attachmentFileName = (kind: AttachmentKind, year: number | string, ubn: string): string =>
  `${String(year).padStart(3, '0')}_${ubn}_${kind === 'meeting' ? 'metting' : 'method'}.pdf`;

/** One finding per attachment the application of this union and year does not have yet; none when both are there. */
export const attachmentMissingFindings = (present: ReadonlySet<AttachmentKind>, year: number | string, ubn: string): Finding[] =>
  ATTACHMENT_KINDS.filter((kind) => !present.has(kind)).map((kind) =>
    makeFinding('file.attachment_missing', {}, { part: `attachment.${kind}`, attachment: kind, expected: attachmentFileName(kind, year, ubn) }),
  );
