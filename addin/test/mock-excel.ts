// An office-addin-mock object model over an OfficeWorkbookModel: worksheets, names, used ranges and ranges answer
// load()/sync() like Office.js (a property read before load + sync is an error string), and every context.sync() is counted.
import { OfficeMockObject } from 'office-addin-mock';
import { clearRange, colLetters, dateSerial, type ModelSheet, type OfficeWorkbookModel, rangeData, usedRange, writeValues, type OfficeScalar } from './office-model/model';

// office-addin-mock imports office-addin-manifest only for its OfficeApp enum, and that package pulls in an ESM-only
// dependency (strip-bom) that jest's CommonJS runtime cannot require on Node 20: give it the enum alone.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

export interface Selection {
  readonly sheet: string;
  readonly address: string;
}

export interface MockExcel {
  /** Assign to globalThis.Excel. */
  readonly Excel: { run: (...args: unknown[]) => Promise<unknown> };
  readonly model: OfficeWorkbookModel;
  readonly syncs: () => number;
  /** Every Range requested with getRange (reads and writes), in order. */
  readonly rangeRequests: { sheet: string; address: string }[];
  /** The properties of every Range load, in order (a values-only re-read loads no formulas). */
  readonly rangeLoads: string[];
  readonly selections: Selection[];
  readonly activated: string[];
  /** onChanged handlers by sheet name. */
  readonly changeHandlers: Map<string, ((event: unknown) => Promise<void> | void)[]>;
  resetCounts(): void;
}

type Mock = OfficeMockObject & Record<string, unknown>;

const stripItems = (props: string): string =>
  props
    .split(',')
    .map((p) => p.trim().replace(/^items\//, ''))
    .join(',');

export interface MockOptions {
  /** Like Excel on the web's 5 MB response limit: a sync loading more range cells than this fails. */
  readonly maxCellsPerSync?: number;
}

export const mockExcel = (model: OfficeWorkbookModel, options: MockOptions = {}): MockExcel => {
  let syncs = 0;
  let pendingCells = 0;
  let pendingError: unknown = null;
  const registry: Mock[] = [];
  const writable: { mock: Mock; sheet: ModelSheet; address: string; settled: unknown }[] = [];
  const rangeRequests: { sheet: string; address: string }[] = [];
  const rangeLoads: string[] = [];
  const selections: Selection[] = [];
  const activated: string[] = [];
  const changeHandlers = new Map<string, ((event: unknown) => Promise<void> | void)[]>();
  const track = (m: OfficeMockObject): Mock => {
    registry.push(m as Mock);
    return m as Mock;
  };

  const rangeMock = (sheet: ModelSheet, address: string): Mock => {
    rangeRequests.push({ sheet: sheet.name, address });
    const data = rangeData(sheet, address);
    const mock = track(
      new OfficeMockObject({
        address: `${sheet.name}!${data.address}`,
        values: data.values,
        formulas: data.formulas,
        numberFormat: data.numberFormat,
        valueTypes: data.valueTypes,
        select: () => selections.push({ sheet: sheet.name, address: data.address }),
        clear: () => clearRange(sheet, data.address),
      }),
    );
    writable.push({ mock, sheet, address: data.address, settled: mock.values });
    const load = mock.load.bind(mock);
    mock.load = (props: string) => {
      pendingCells += data.values.length * (data.values[0]?.length ?? 0);
      rangeLoads.push(props);
      return load(props);
    };
    return mock;
  };

  const sheetMock = (sheet: ModelSheet): Mock =>
    track(
      new OfficeMockObject({
        name: sheet.name,
        visibility: sheet.visibility,
        getUsedRange: () => {
          const u = usedRange(sheet);
          const address = `${colLetters(u.columnIndex + 1)}${u.rowIndex + 1}:${colLetters(u.columnIndex + u.columnCount)}${u.rowIndex + u.rowCount}`;
          return track(new OfficeMockObject({ ...u, address: `${sheet.name}!${address}`, clear: () => clearRange(sheet, address) }));
        },
        getRange: (address: string) => rangeMock(sheet, address),
        activate: () => activated.push(sheet.name),
        onChanged: {
          add: (handler: (event: unknown) => Promise<void> | void) => {
            changeHandlers.set(sheet.name, [...(changeHandlers.get(sheet.name) ?? []), handler]);
            return { remove: () => changeHandlers.set(sheet.name, (changeHandlers.get(sheet.name) ?? []).filter((h) => h !== handler)) };
          },
        },
      }),
    );

  const sheets = new Map(model.sheets.map((s) => [s.name, sheetMock(s)]));
  const names = model.names.map((n) => track(new OfficeMockObject({ name: n.name, type: n.type, value: n.value })));

  const collection = (items: Mock[], extra: Record<string, unknown> = {}) => ({
    items,
    load(this: Mock, props: string) {
      OfficeMockObject.prototype.load.call(this, 'items');
      for (const item of items) item.load(stripItems(props));
      return this;
    },
    ...extra,
  });

  const context = new OfficeMockObject({
    workbook: {
      worksheets: collection([...sheets.values()], {
        getItem: (name: string) => {
          const found = sheets.get(name);
          if (found !== undefined) return found;
          // like Office.js: a proxy now, the failure at the next sync
          pendingError = Object.assign(new Error(`The requested resource doesn't exist: ${name}`), { code: 'ItemNotFound' });
          return sheetMock({ name, visibility: 'Visible', cells: {} });
        },
      }),
      names: collection(names),
      // worksheet functions evaluated by Excel: DATE answers in the workbook's date system
      functions: {
        date: (year: number, month: number, day: number) => track(new OfficeMockObject({ value: dateSerial(year, month, day, model.date1904) })),
      },
    },
    async sync(this: Mock) {
      syncs += 1;
      const cells = pendingCells;
      pendingCells = 0;
      const failure = pendingError;
      pendingError = null;
      if (failure !== null) throw failure;
      if (options.maxCellsPerSync !== undefined && cells > options.maxCellsPerSync) {
        throw Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' });
      }
      // Range.values assigned since the last sync are writes: apply them to the model
      for (const w of writable) {
        const v = w.mock.values;
        if (Array.isArray(v) && v !== w.settled) writeValues(w.sheet, w.address, v as OfficeScalar[][]);
      }
      await OfficeMockObject.prototype.sync.call(this);
      for (const m of registry) await m.sync();
      // office-addin-mock updates loaded properties in un-awaited callbacks: let them all run
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const w of writable) w.settled = w.mock.values;
    },
  }) as Mock;

  const Excel = {
    run: async (...args: unknown[]) => {
      const batch = args[args.length - 1] as (ctx: unknown) => Promise<unknown>;
      return batch(context);
    },
  };

  return {
    Excel,
    model,
    syncs: () => syncs,
    rangeRequests,
    rangeLoads,
    selections,
    activated,
    changeHandlers,
    resetCounts: () => {
      syncs = 0;
      rangeRequests.length = 0;
      rangeLoads.length = 0;
    },
  };
};
