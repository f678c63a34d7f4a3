// A fake Excel host for the UI tests, run in the page before the task pane: window.Office and window.Excel over an
// in-memory workbook (fetched from window.__FAKE_WORKBOOK_URL__). Like Office.js, load(), writes, select() and clear()
// take effect at context.sync(). window.__fakeExcel records selections, activations and syncs and simulates user edits.
import {
  clearRange,
  colLetters,
  dateSerial,
  type ModelSheet,
  type OfficeScalar,
  type OfficeWorkbookModel,
  rangeData,
  type RangeData,
  usedRange,
  valueTypeOf,
  writeValues,
} from '../office-model/model';

type Handler = (event: unknown) => Promise<void> | void;

interface FakeWindow {
  __FAKE_WORKBOOK_URL__?: string;
  /** Count the bytes of every loaded property (the benchmark's payload sizes; off in the UI tests). */
  __FAKE_COUNT_BYTES__?: boolean;
  /** With byte counting: refuse a response larger than this many bytes, as Excel on the web does over 5 MB. */
  __FAKE_PAYLOAD_LIMIT__?: number;
  /** Writes to _marks fail at context.sync(), as when Excel refuses them. */
  __FAKE_FAIL_MARKS__?: boolean;
  __FAKE_FILE_URL__?: string;
  __fakeExcel?: unknown;
  Office?: unknown;
  Excel?: unknown;
}

const w = window as unknown as FakeWindow;
let model: OfficeWorkbookModel = { url: '', sheets: [], names: [] };
const selections: { sheet: string; address: string }[] = [];
const activated: string[] = [];
const handlers = new Map<string, Handler[]>();
let syncs = 0;
/** Bytes of the loaded properties as JSON: in the batch being built, and the largest one answered (Excel on the web's limit is 5 MB). */
const payload = { pending: 0, largest: 0, total: 0, refused: 0 };
const utf8 = new TextEncoder();

const loaded = fetch(w.__FAKE_WORKBOOK_URL__ ?? '/fake/workbook.json')
  .then((r) => r.json() as Promise<OfficeWorkbookModel>)
  .then((m) => {
    model = m;
  });

/** A write to the given sheet as Excel would apply it at sync — or its refusal, for _marks when told to fail. */
const written = (sheetName: string, write: () => void) => () => {
  if (w.__FAKE_FAIL_MARKS__ === true && sheetName === '_marks') throw Object.assign(new Error('無法寫入此工作表'), { code: 'GeneralException' });
  write();
};

const sheetNamed = (name: string): ModelSheet => {
  const sheet = model.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw Object.assign(new Error(`The requested resource doesn't exist: ${name}`), { code: 'ItemNotFound' });
  return sheet;
};

class Context {
  private queue: (() => void)[] = [];
  readonly workbook: unknown;
  constructor() {
    this.workbook = { worksheets: worksheets(this), names: names(this), functions: functions(this) };
  }
  later(work: () => void): void {
    this.queue.push(work);
  }
  async sync(): Promise<void> {
    syncs += 1;
    await Promise.resolve();
    payload.pending = 0;
    for (const work of this.queue.splice(0)) work();
    if (w.__FAKE_PAYLOAD_LIMIT__ !== undefined && payload.pending > w.__FAKE_PAYLOAD_LIMIT__) {
      payload.refused += 1;
      throw Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' });
    }
    payload.largest = Math.max(payload.largest, payload.pending);
    payload.total += payload.pending;
  }
}

const pick = (data: RangeData | Record<string, unknown>, props: string, into: Record<string, unknown>): void => {
  for (const p of props.split(',').map((s) => s.trim().replace(/^items\//, ''))) {
    const value = (data as Record<string, unknown>)[p];
    into[p] = value;
    if (w.__FAKE_COUNT_BYTES__ === true) payload.pending += utf8.encode(JSON.stringify(value) ?? '').length;
  }
};

const range = (ctx: Context, sheetName: string, address: string) => {
  const state: Record<string, unknown> = {};
  const r = {
    load(props: string) {
      ctx.later(() => pick(rangeData(sheetNamed(sheetName), address), props, state));
      return r;
    },
    select() {
      ctx.later(() => selections.push({ sheet: sheetName, address }));
    },
    clear() {
      ctx.later(written(sheetName, () => clearRange(sheetNamed(sheetName), address)));
    },
    get values() {
      return state.values;
    },
    set values(v: unknown) {
      ctx.later(written(sheetName, () => writeValues(sheetNamed(sheetName), address, v as OfficeScalar[][])));
    },
    get formulas() {
      return state.formulas;
    },
    get numberFormat() {
      return state.numberFormat;
    },
    get valueTypes() {
      return state.valueTypes;
    },
  };
  return r;
};

const used = (ctx: Context, sheetName: string) => {
  const state: Record<string, unknown> = {};
  const bounds = () => {
    const u = usedRange(sheetNamed(sheetName));
    return `${colLetters(u.columnIndex + 1)}${u.rowIndex + 1}:${colLetters(u.columnIndex + u.columnCount)}${u.rowIndex + u.rowCount}`;
  };
  const u = {
    load(props: string) {
      ctx.later(() => pick({ ...usedRange(sheetNamed(sheetName)) }, props, state));
      return u;
    },
    clear() {
      ctx.later(written(sheetName, () => clearRange(sheetNamed(sheetName), bounds())));
    },
    get rowIndex() {
      return state.rowIndex;
    },
    get columnIndex() {
      return state.columnIndex;
    },
    get rowCount() {
      return state.rowCount;
    },
    get columnCount() {
      return state.columnCount;
    },
  };
  return u;
};

const worksheet = (ctx: Context, name: string, props: Record<string, unknown> = {}) => ({
  ...props,
  getUsedRange: () => used(ctx, name),
  getRange: (address: string) => range(ctx, name, address),
  activate: () => ctx.later(() => activated.push(name)),
  onChanged: {
    add: (handler: Handler) => {
      handlers.set(name, [...(handlers.get(name) ?? []), handler]);
      return { context: ctx, remove: () => handlers.set(name, (handlers.get(name) ?? []).filter((h) => h !== handler)) };
    },
  },
});

const worksheets = (ctx: Context) => {
  const c: { items?: unknown[]; load(props: string): unknown; getItem(name: string): unknown } = {
    load(props: string) {
      ctx.later(() => {
        c.items = model.sheets.map((s) => {
          const item: Record<string, unknown> = {};
          pick({ name: s.name, visibility: s.visibility }, props, item);
          return worksheet(ctx, s.name, item);
        });
      });
      return c;
    },
    getItem: (name: string) => worksheet(ctx, name),
  };
  return c;
};

const names = (ctx: Context) => {
  const c: { items?: unknown[]; load(props: string): unknown } = {
    load(props: string) {
      ctx.later(() => {
        c.items = model.names.map((n) => {
          const item: Record<string, unknown> = {};
          pick({ ...n }, props, item);
          return item;
        });
      });
      return c;
    },
  };
  return c;
};

/** Worksheet functions: DATE answers in the workbook's date system, like Excel. */
const functions = (ctx: Context) => ({
  date: (year: number, month: number, day: number) => {
    const state: { value?: number } = {};
    const result = {
      load() {
        ctx.later(() => {
          state.value = dateSerial(year, month, day, model.date1904);
        });
        return result;
      },
      get value() {
        return state.value;
      },
    };
    return result;
  },
});

const SUPPORTED_EXCEL_API = 1.9;

w.Excel = {
  run: async (...args: unknown[]) => {
    await loaded;
    const batch = args[args.length - 1] as (ctx: Context) => Promise<unknown>;
    return batch(new Context());
  },
};

const fileBytes = async (): Promise<Uint8Array> => new Uint8Array(await (await fetch(w.__FAKE_FILE_URL__ ?? '/fake/workbook.xlsx')).arrayBuffer());

w.Office = {
  HostType: { Excel: 'Excel' },
  FileType: { Compressed: 'compressed' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  onReady: async (callback?: (info: unknown) => void) => {
    await loaded;
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    callback?.(info);
    return info;
  },
  context: {
    requirements: {
      isSetSupported: (name: string, version = '1.1') => (name === 'ExcelApi' ? Number(version) <= SUPPORTED_EXCEL_API : name === 'CompressedFile'),
    },
    document: {
      get url() {
        return model.url;
      },
      getFileAsync: (_type: unknown, _options: unknown, done: (r: unknown) => void) => {
        void fileBytes().then((bytes) =>
          done({
            status: 'succeeded',
            value: {
              sliceCount: 1,
              getSliceAsync: (_i: number, cb: (r: unknown) => void) => cb({ status: 'succeeded', value: { data: Array.from(bytes) } }),
              closeAsync: (cb: () => void) => cb(),
            },
          }),
        );
      },
    },
  },
};

w.__fakeExcel = {
  selections,
  activated,
  syncs: () => syncs,
  /** Payload bytes since the last reset: the largest single response, all of them, and the responses refused as too large. */
  payload: () => ({ largest: payload.largest, total: payload.total, refused: payload.refused }),
  resetPayload: () => {
    payload.largest = 0;
    payload.total = 0;
    payload.refused = 0;
  },
  cells: (sheet: string) => sheetNamed(sheet).cells,
  watchedSheets: () => [...handlers].filter(([, list]) => list.length > 0).map(([name]) => name),
  /** A user edit: the value lands in the cell and every onChanged handler of that sheet fires. */
  edit: async (sheet: string, address: string, value: OfficeScalar) => {
    const cells = sheetNamed(sheet).cells;
    if (value === '') delete cells[address];
    else cells[address] = { value, valueType: valueTypeOf(value) };
    for (const h of handlers.get(sheet) ?? []) await h({ worksheetId: sheet, address, changeType: 'RangeEdited', source: 'Local' });
  },
};
