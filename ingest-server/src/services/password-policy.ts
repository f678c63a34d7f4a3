// The password policy, applied wherever a password is set (user creation, an admin's reset, one's own change, the
// bootstrap administrator): 10+ characters with letters and digits, never the user name or containing it, and not
// guessable — zxcvbn-ts with its common-password (breach-list) and English dictionaries and keyboard patterns.
import { ZxcvbnFactory, type OptionsType } from '@zxcvbn-ts/core';
import { type PasswordProblem } from '@portfund/api-contract';

/** What the estimator takes from the language packages. */
interface Language {
  readonly dictionary: NonNullable<OptionsType['dictionary']>;
  readonly adjacencyGraphs: NonNullable<OptionsType['graphs']>;
}

export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn's score 3 of 4: "safely unguessable", about 10^8 guesses or more (Dropbox's and OWASP's advice). */
export const MIN_SCORE = 3;

// words of this application and this ministry an attacker would try first
const APP_WORDS = ['portfund', 'welfare', 'union', 'labor', 'labour', 'ministry', 'mol', 'admin', 'taiwan', 'port', 'harbor', 'harbour'];

// the estimate takes ~0.1–1 s of CPU, growing with the length: its first 32 characters are what is estimated (a longer
// password is not weaker for the rest), so a long pasted text cannot hold the event loop for seconds
const ESTIMATED_LENGTH = 32;

let factory: ZxcvbnFactory | undefined;
// the dictionaries are loaded and ranked once, at the first password checked: never at start-up (loading the two
// language packages inflates their word lists, ~0.24 s of CPU) or in the CLI
const estimator = (): ZxcvbnFactory => {
  if (factory !== undefined) return factory;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, not at import */
  const common = require('@zxcvbn-ts/language-common') as Language;
  const english = require('@zxcvbn-ts/language-en') as Pick<Language, 'dictionary'>;
  /* eslint-enable @typescript-eslint/no-require-imports */
  factory = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    maxLength: ESTIMATED_LENGTH,
  });
  return factory;
};

/** The account the password is for: its name (and, when known, display name and e-mail), which the password must not echo. */
export interface PasswordOwner {
  readonly username: string;
  readonly display_name?: string | null | undefined;
  readonly email?: string | null | undefined;
}

/** Why a password is refused for this user, or null when it meets the policy. */
export const passwordProblem = (password: string, owner: PasswordOwner): PasswordProblem | null => {
  if (Array.from(password).length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'letters_and_digits';
  const name = owner.username.trim().toLowerCase();
  if (name !== '' && password.toLowerCase().includes(name)) return 'contains_username';
  const personal = [name, owner.display_name ?? '', (owner.email ?? '').split('@')[0] ?? ''].filter((w) => w.length >= 3);
  const result = estimator().check(password, [...personal, ...APP_WORDS]);
  if (result.score >= MIN_SCORE) return null;
  // mostly one entry of the breached-password list (with a capital or digits around it): say so plainly
  const leaked = result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName.startsWith('passwords') && m.token.length >= password.length - 4);
  return leaked ? 'common' : 'guessable';
};
