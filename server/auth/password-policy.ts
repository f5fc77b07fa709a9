// The password policy as the server enforces it: the rules (password-rules.ts) against every
// word list, common passwords, English and Dutch. The browser's meter uses a lighter set;
// whatever it shows, this check decides.
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as nl from '@zxcvbn-ts/language-nl-be';
import { passwordChecker } from './password-rules';

export * from './password-rules';

/**
 * Checks a new password: at least MIN_PASSWORD_LENGTH characters and zxcvbn score ≥ 3 against
 * the common, English and Dutch dictionaries, with the user's own email/name penalised.
 */
export const checkPassword = passwordChecker(() => ({
  dictionary: {
    ...common.dictionary,
    ...en.dictionary,
    // language-nl-be (v3) names its lists without a language suffix; suffix them so they
    // can never shadow another language's list of the same name.
    ...Object.fromEntries(Object.entries(nl.dictionary).map(([name, words]) => [`${name}-nl`, words])),
  },
  graphs: common.adjacencyGraphs,
}));
