// Findings are plain data (SPEC §7): every check in Excel, the CLI and the server yields this one shape.
import { type FindingCode } from './catalogue';
import { type FindingParams } from './params';

export type Severity = 'error' | 'warning';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet?: string;
  /** A1 address, e.g. "C7". */
  readonly cell?: string;
  /** Imports: 1-based data row. */
  readonly row?: number;
  /** Defined name or column header. */
  readonly field?: string;
  /** The message's named params: plain JSON, sub-codes for reasons (what the server stores; the text is rendered from them). */
  readonly params: FindingParams;
  /** zh-TW: what is wrong and what to do, rendered from the catalogue by renderFinding. */
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  /** zh-TW explanation of the rule (from the catalogue). */
  readonly help?: string;
}

/** A finding as the server stores and serves it: from the workbook check or from reconciliation with other filings. */
export interface StoredFinding extends Omit<Finding, 'code'> {
  /** A code of the catalogue (kept as text: a stored finding may outlive a catalogue change). */
  readonly code: string;
  readonly source: 'check' | 'recon';
}

export interface FindingSummary {
  readonly errors: number;
  readonly warnings: number;
}

export const summarize = (findings: readonly Finding[]): FindingSummary => {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors += 1;
    else warnings += 1;
  }
  return { errors, warnings };
};
