import { passwordHash, templatePasswordHash, TEMPLATE_SHEET_PASSWORD, workbookProtectionXml } from './protection';

describe('template protection', () => {
  it('hashes the password the way exceljs (and Excel) do', () => {
    // exceljs's own implementation of the ECMA-376 password hash, as a reference
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const encryptor = require('exceljs/lib/utils/encryptor') as {
      convertPasswordToHash(password: string, algorithm: string, salt: string, spinCount: number): string;
    };
    const salt = Buffer.from('0123456789abcdef').toString('base64');
    expect(passwordHash('秘密 pass', salt, 1000)).toBe(encryptor.convertPasswordToHash('秘密 pass', 'SHA512', salt, 1000));
  });

  it('uses one fixed salt, so every build protects with the same bytes', () => {
    const h = templatePasswordHash();
    expect(h.hashValue).toBe(passwordHash(TEMPLATE_SHEET_PASSWORD, h.saltValue, h.spinCount));
    expect(workbookProtectionXml()).toContain(`workbookHashValue="${h.hashValue}"`);
    expect(workbookProtectionXml()).toContain('lockStructure="1"');
  });
});
