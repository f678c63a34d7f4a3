// The password policy: length, letters and digits, never the user name, and nothing from the breached-password list or
// easily guessed (keyboard rows, words with a year) — with a reason code for each refusal.
import { PASSWORD_PROBLEM_LABELS } from '@portfund/api-contract';
import { passwordProblem } from './password-policy';

const owner = { username: 'union-x' };

describe('the password policy', () => {
  it.each([
    ['short1', 'too_short'],
    ['onlyletterslong', 'letters_and_digits'],
    ['1234567890123', 'letters_and_digits'],
    ['Password12', 'common'],
    ['password123', 'common'],
    ['qwerty1234', 'common'],
    ['Qwerty12345', 'common'],
    ['1qaz2wsx3edc', 'common'],
    ['abc123abc123', 'guessable'],
    ['Taiwan2026', 'guessable'],
    ['Portfund2026', 'guessable'],
  ] as const)('refuses %s (%s)', (password, problem) => {
    expect(passwordProblem(password, owner)).toBe(problem);
  });

  it('refuses the user name itself or any password containing it, whatever the case', () => {
    expect(passwordProblem('Union-X2026', owner)).toBe('contains_username');
    expect(passwordProblem('accountant7', { username: 'Accountant7' })).toBe('contains_username');
    expect(passwordProblem('my-UNION-X-ledger-42', owner)).toBe('contains_username');
  });

  it('refuses a password built on the display name or the e-mail name', () => {
    expect(passwordProblem('Chenmeiling1975', { username: 'acct01', display_name: 'chenmeiling' })).not.toBeNull();
    expect(passwordProblem('wanglihua2024', { username: 'acct02', email: 'wanglihua@example.tw' })).not.toBeNull();
  });

  it.each(['Harbour-ledger-2031-kite', 'v7Tq9mPz2wLx', 'Portfund2026pw', 'glassy trombone 4 lanterns'])('accepts %s', (password) => {
    expect(passwordProblem(password, owner)).toBeNull();
  });

  it('has a zh-TW reason for every refusal', () => {
    for (const text of Object.values(PASSWORD_PROBLEM_LABELS)) expect(text).toMatch(/密碼/);
  });
});
