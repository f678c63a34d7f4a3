// A table read from an import file, row by row: CSV (any supported encoding) or one sheet of an XLSX workbook.
import { reasonText, type Reason } from '@portfund/shared-rules';
import { type CellValue } from '@portfund/shared-rules';
import { type TextEncoding } from './decode';

export interface SourceRow {
  /** 1-based physical row: the sheet row of an XLSX, the record number of a CSV. Row 1 is the header. */
  readonly line: number;
  readonly cells: readonly CellValue[];
}

export interface TableSource {
  readonly format: 'csv' | 'xlsx';
  readonly encoding: TextEncoding | null;
  /** The sheet read (XLSX), known once rows() has started. */
  sheet(): string | null;
  /** Rows in order; blank rows may be left out. Can be iterated again (an all-or-nothing import reads twice). */
  rows(): AsyncIterable<SourceRow>;
}

/** The file turned out unreadable part-way (a CSV quote never closed, a corrupt sheet): nothing of it is applied. */
export class TableReadError extends Error {
  constructor(readonly reason: Reason) {
    super(reasonText(reason));
  }
}

/** More columns than any import has by far: a wrong file, refused before it fills memory. */
export const MAX_COLUMNS = 500;
