import { checkEmail, readEmail } from './email';
import { failureOf, HOSTILE, reasonOf, valueOf } from './test-helpers';

describe('checkEmail', () => {
  it.each(['union@example.com.tw', 'a.b+c@mail.example.org', 'x@y.zz', 'O\'Neil@example.com'])('accepts %s', (s) => {
    expect(valueOf(checkEmail(s))).toBe(s);
  });
  it.each([
    ['', '未填電子信箱'],
    ['union example.com', '不可含空白'],
    ['a b@example.com', '不可含空白'],
    ['union.example.com', '須恰有一個「@」'],
    ['a@b@example.com', '須恰有一個「@」'],
    ['union@localhost', '「@」後的網域須含「.」，例如 example.com.tw'],
    ['.union@example.com', '「@」前的帳號格式錯誤'],
    ['un..ion@example.com', '「@」前的帳號格式錯誤'],
    ['@example.com', '「@」前的帳號格式錯誤'],
    ['union@-example.com', '「@」後的網域格式錯誤'],
    ['union@example..com', '「@」後的網域格式錯誤'],
    ['union@example.c', '「@」後的網域格式錯誤'],
    ['工會@example.com', '不可含中文、全形或其他非英數字元'],
  ])('refuses %j (%s)', (s, reason) => {
    expect(failureOf(checkEmail(s))).toMatchObject({ code: 'contact.email_format' });
    expect(reasonOf(checkEmail(s))).toBe(reason);
  });
  it('suggests the address without paste leftovers', () => {
    expect(failureOf(checkEmail('mailto:union@example.com')).params.suggestion).toBe('union@example.com');
    expect(failureOf(checkEmail('union@example.com.')).params.suggestion).toBe('union@example.com');
  });
  it('reports full-width characters with the half-width address', () => {
    expect(failureOf(checkEmail('union＠example.com'))).toEqual({
      ok: false,
      code: 'cell.fullwidth',
      params: { actual: 'union＠example.com', suggestion: 'union@example.com' },
    });
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => checkEmail(s)).not.toThrow();
    expect(checkEmail(`${'a'.repeat(300)}@example.com`).ok).toBe(false);
  });
});

describe('readEmail', () => {
  it('reads text, blank is null, other cells are refused', () => {
    expect(valueOf(readEmail(' union@example.com '))).toBe('union@example.com');
    expect(valueOf(readEmail(''))).toBeNull();
    expect(failureOf(readEmail(12)).code).toBe('contact.email_format');
  });
});
