// One file through the whole offline check: input-safety gate → snapshot (the lean reader) → shared rules.
import { createHash } from 'node:crypto';
import {
  checkWorkbook,
  makeFinding,
  summarize,
  type Finding,
  type FindingSummary,
  type Reason,
  type WorkbookKind,
  type WorkbookSnapshot,
  useKnownFingerprints,
  useSha256,
} from '@portfund/shared-rules';
import { readerReasons } from '../gate/reasons';
import { openWorkbookBytes, WORKBOOK_LIMITS, type GateLimits } from '../gate/input-gate';
import { readWorkbook, readWorkbookEntries } from '../read/read-workbook';
import { ReadLimitError } from '../read/sheet';
import { XmlError } from '../read/xml';

// the template fingerprint through node's native SHA-256 (the same digest as shared-rules' pure one, ~10× faster)
// in batches of lines: neither one call per line nor the whole text (~100 MB for a 20,000-row book) at once
const HASH_BATCH = 2048;
useSha256((lines) => {
  const hash = createHash('sha256');
  let batch: string[] = [];
  let first = true;
  const flush = (): void => {
    hash.update(`${first ? '' : '\n'}${batch.join('\n')}`, 'utf8');
    first = false;
    batch = [];
  };
  for (const line of lines) {
    batch.push(line);
    if (batch.length === HASH_BATCH) flush();
  }
  if (batch.length > 0 || first) flush();
  return hash.digest('hex');
});

// set by ingest-server/build.mjs in the bundles (CLI, check worker): the fingerprints of every template version at its
// default sizes, computed from the same sources; under tsx (no bundle) they are computed when first needed
declare const PORTFUND_KNOWN_FINGERPRINTS: Readonly<Record<string, string>> | undefined;
if (typeof PORTFUND_KNOWN_FINGERPRINTS !== 'undefined') useKnownFingerprints(PORTFUND_KNOWN_FINGERPRINTS);

export interface FileCheck {
  readonly file: string;
  readonly kind: WorkbookKind | null;
  readonly templateVersion: string | null;
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
  /** False when the file could not be read at all (file.unreadable); the CLI exits 2. */
  readonly readable: boolean;
  /** The snapshot, for callers that extract data (the server); absent when unreadable. */
  readonly snapshot?: WorkbookSnapshot;
}

export interface CheckFileOptions {
  readonly limits?: GateLimits;
  readonly today?: string;
}

/** A file that could not be read at all: one file.unreadable finding with the reason. */
export const unreadable = (file: string, reason: Reason): FileCheck => {
  const findings = [makeFinding('file.unreadable', {}, reason)];
  return { file, kind: null, templateVersion: null, findings, summary: summarize(findings), readable: false };
};

/** A damaged part or one over a limit as a reason, never a stack trace. */
const readingFailure = (error: unknown): Reason => {
  if (error instanceof ReadLimitError) return error.reason;
  return error instanceof XmlError ? readerReasons.corruptXml : readerReasons.corrupt;
};

/** Reads bytes that passed the gate (tests that read a saved workbook without checking it). */
export const loadSnapshot = (bytes: Buffer): Promise<WorkbookSnapshot | Reason> => readWorkbook(bytes).catch(readingFailure);

export const checkFileBytes = async (bytes: Buffer, fileName: string, options: CheckFileOptions = {}): Promise<FileCheck> => {
  const gate = await openWorkbookBytes(bytes, options.limits ?? WORKBOOK_LIMITS, { allowList: true });
  if (!gate.ok) return unreadable(fileName, gate.reason);
  // the reader reads from the archive the gate opened and inspected
  const snapshot = await readWorkbookEntries(gate.zip).catch(readingFailure).finally(() => gate.zip.close());
  if ('reason' in snapshot) return unreadable(fileName, snapshot);
  const result = checkWorkbook(snapshot, { fileName, ...(options.today !== undefined ? { today: options.today } : {}) });
  return { file: fileName, ...result, readable: true, snapshot };
};
