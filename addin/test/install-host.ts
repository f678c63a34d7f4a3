// Puts fakes where the add-in looks for Office.js: globalThis.Excel and globalThis.Office.
import { type MockExcel } from './mock-excel';

export interface FakeOffice {
  readonly context: {
    readonly requirements: { isSetSupported(name: string, version?: string): boolean };
    readonly document: { url: string; getFileAsync?: (...args: unknown[]) => void };
  };
  readonly FileType: { readonly Compressed: string };
  readonly AsyncResultStatus: { readonly Succeeded: string; readonly Failed: string };
}

const globals = globalThis as unknown as { Excel?: unknown; Office?: unknown };

/** A common-API Office object: requirement sets up to maxExcelApi, the document's URL. */
export const fakeOffice = (url: string, maxExcelApi = '1.9', extra: Partial<FakeOffice['context']['document']> = {}): FakeOffice => ({
  context: {
    requirements: {
      isSetSupported: (name, version = '1.1') =>
        name === 'ExcelApi' ? Number(version) <= Number(maxExcelApi) : name === 'CompressedFile',
    },
    document: { url, ...extra },
  },
  FileType: { Compressed: 'compressed' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
});

export const installHost = (excel: MockExcel | null, office: FakeOffice | null): void => {
  globals.Excel = excel?.Excel;
  globals.Office = office ?? undefined;
};

export const uninstallHost = (): void => {
  delete globals.Excel;
  delete globals.Office;
};
