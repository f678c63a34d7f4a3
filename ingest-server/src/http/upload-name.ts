// The name a client gave an uploaded file, made safe to store and show: the last path segment, without control characters
// (NUL cannot be stored in PostgreSQL text) and bounded in length. The visible name is kept; nothing is rewritten.

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;
const MAX_LENGTH = 200;

export const safeUploadName = (original: string, fallback = 'upload.xlsx'): string => {
  const withoutControls = original.replace(CONTROL_CHARS, '');
  // both separators: a Windows browser may send C:\Users\…\file.xlsx
  const lastSegment = withoutControls.split(/[/\\]/).pop() ?? '';
  const trimmed = Array.from(lastSegment.trim()).slice(-MAX_LENGTH).join('');
  return trimmed === '' || trimmed === '.' || trimmed === '..' ? fallback : trimmed;
};
