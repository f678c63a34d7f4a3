// The open workbook as .xlsx bytes (getFileAsync Compressed, read slice by slice) and its file name for uploads and file.name.
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SLICE_SIZE = 4 * 1024 * 1024;

/** "C:\\帳\\11503_04595257_accounting.xlsx", "https://x.sharepoint.com/.../a%20b.xlsx?web=1" → the base name. */
export const baseName = (url: string): string => {
  const path = url.split(/[?#]/)[0] ?? '';
  const last = path.split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
};

/** The document's file name, or '' for a workbook never saved. */
export const documentFileName = (): string => {
  try {
    return baseName(Office.context.document.url ?? '');
  } catch {
    return '';
  }
};

const asPromise = <T>(start: (done: (r: Office.AsyncResult<T>) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => {
    start((r) => {
      if (r.status === Office.AsyncResultStatus.Succeeded) resolve(r.value);
      else reject(new Error(r.error?.message ?? 'Office 無法讀取檔案'));
    });
  });

const toBytes = (data: unknown): Uint8Array => (data instanceof Uint8Array ? data : Uint8Array.from(data as ArrayLike<number>));

/** The whole workbook as Office hands it to add-ins (save first: that is what the reviewer will get), as an .xlsx Blob. */
export const readDocumentFile = async (): Promise<Blob> => {
  const file = await asPromise<Office.File>((done) =>
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_SIZE }, done),
  );
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i += 1) {
      const slice = await asPromise<Office.Slice>((done) => file.getSliceAsync(i, done));
      parts.push(toBytes(slice.data));
    }
    return new Blob(parts as BlobPart[], { type: XLSX_TYPE });
  } finally {
    // Office allows only two open files per document: always close
    await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
  }
};
