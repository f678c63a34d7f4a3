import { attachmentMissingFindings } from './attachment-missing';

describe('file.attachment_missing', () => {
  it('names each missing PDF with the file name the seed asks for', () => {
    const findings = attachmentMissingFindings(new Set(), 115, '04595257');
    expect(findings.map((f) => [f.code, f.severity, f.params.attachment, f.expected])).toEqual([
      ['file.attachment_missing', 'error', 'meeting', '115_04595257_metting.pdf'],
      ['file.attachment_missing', 'error', 'method', '115_04595257_method.pdf'],
    ]);
    expect(findings[0]?.message).toBe('申請書缺少會員大會或理監事會議紀錄（PDF），請上傳「115_04595257_metting.pdf」');
  });

  it('names only the one still missing', () => {
    expect(attachmentMissingFindings(new Set(['meeting']), 115, '04595257').map((f) => f.params.attachment)).toEqual(['method']);
  });

  it('says nothing once both are there', () => {
    expect(attachmentMissingFindings(new Set(['meeting', 'method']), 115, '04595257')).toEqual([]);
  });
});
