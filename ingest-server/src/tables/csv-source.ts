// CSV rows streamed through csv-parse with back-pressure: the bytes are decoded in 64 KB chunks on the way in, so a
// 100,000-row file is held neither as one string nor as parsed records. The delimiter (comma, TAB or semicolon) is
// taken from the header line.
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { CHUNK_BYTES, ICONV_NAMES, type TextEncoding } from './decode';
import { IMPORT_REASONS } from './reasons';
import { MAX_COLUMNS, TableReadError, type SourceRow, type TableSource } from './source';

const MAX_RECORD_CHARS = 1_000_000;

export const detectDelimiter = (firstLine: string): ',' | '\t' | ';' => {
  const count = (ch: string): number => firstLine.split(ch).length - 1;
  const [tabs, commas, semicolons] = [count('\t'), count(','), count(';')];
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
};

function* chunksOf(bytes: Buffer): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
}

/** The file's first line, decoded from its first chunk. */
const firstLineOf = (bytes: Buffer, encoding: TextEncoding): string => {
  const head = iconv.decode(bytes.subarray(0, CHUNK_BYTES), ICONV_NAMES[encoding]);
  const end = head.indexOf('\n');
  return end < 0 ? head : head.slice(0, end);
};

/** A CSV table over the bytes (after the BOM, offset), in an encoding detectEncoding found. */
export const csvSource = (bytes: Buffer, encoding: TextEncoding, offset = 0): TableSource => {
  const body = bytes.subarray(offset);
  return {
    format: 'csv',
    encoding,
    sheet: () => null,
    async *rows(): AsyncGenerator<SourceRow> {
      const parser = Readable.from(chunksOf(body))
        .pipe(iconv.decodeStream(ICONV_NAMES[encoding]))
        .pipe(parse({ delimiter: detectDelimiter(firstLineOf(body, encoding)), bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_RECORD_CHARS }));
      let line = 0;
      try {
        for await (const record of parser as AsyncIterable<string[]>) {
          line += 1;
          if (record.length > MAX_COLUMNS) throw new TableReadError(IMPORT_REASONS.tooManyColumns(MAX_COLUMNS));
          yield { line, cells: record };
        }
      } catch (error) {
        if (error instanceof TableReadError) throw error;
        if (error instanceof CsvError) {
          // the parser may fail before its parsed records were read: it counts them itself
          const records = (error as CsvError & { records?: unknown }).records;
          const at = typeof records === 'number' ? records + 1 : line + 1;
          if (error.code === 'CSV_MAX_RECORD_SIZE') throw new TableReadError(IMPORT_REASONS.recordTooLarge(at));
          throw new TableReadError(IMPORT_REASONS.csvSyntax(at, error.code === 'CSV_QUOTE_NOT_CLOSED'));
        }
        throw error;
      }
    },
  };
};
