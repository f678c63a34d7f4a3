// Extraction: a checked workbook snapshot → plain data (the server stores it; reports are SQL over it).
import { createContext } from '../check/context';
import { Form } from '../form/form';
import { identifyTemplate } from '../rules/template/identify';
import { type WorkbookSnapshot } from '../snapshot/types';
import { extractApplication } from './application';
import { extractCashbook } from './cashbook';
import { type WorkbookData } from './types';

export * from './types';

/** Null when the workbook is not one of our templates. */
export const extractWorkbook = (snapshot: WorkbookSnapshot): WorkbookData | null => {
  const identified = identifyTemplate(snapshot);
  if (!identified.ok) return null;
  const ctx = createContext(identified.def, new Form(identified.def, snapshot), {});
  return identified.def.kind === 'cashbook' ? extractCashbook(ctx) : extractApplication(ctx);
};
