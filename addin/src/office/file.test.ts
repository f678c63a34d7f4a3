import { baseName } from './file';

describe('baseName', () => {
  it.each([
    ['C:\\Users\\工會\\Documents\\11503_04595257_accounting.xlsx', '11503_04595257_accounting.xlsx'],
    ['/Users/union/Documents/115_04595257_application.xlsx', '115_04595257_application.xlsx'],
    ['https://contoso.sharepoint.com/sites/x/Shared%20Documents/11506_04595257_accounting.xlsx?web=1', '11506_04595257_accounting.xlsx'],
    ['https://d.docs.live.net/abc/%E7%8F%BE%E9%87%91.xlsx', '現金.xlsx'],
    ['', ''],
  ])('%s → %s', (url, name) => expect(baseName(url)).toBe(name));
});
