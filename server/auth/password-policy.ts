// The password policy as the server enforces it: the rules (password-rules.ts) against every
// word list, common passwords, English and Dutch. The browser's meter uses a lighter set;
// whatever it shows, this check decides.
import { type PasswordCheck, passwordChecker } from './password-rules';

export * from './password-rules';

// The word lists (megabytes, some 30 modules) load with the first password checked, not at start.
let checker: Promise<ReturnType<typeof passwordChecker>> | undefined;
const loadChecker = () => (checker ??= Promise.all([import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en'), import('@zxcvbn-ts/language-nl-be')])
  .then(([common, en, nl]) => passwordChecker(() => ({
    dictionary: {
      ...common.dictionary,
      ...en.dictionary,
      // language-nl-be (v3) names its lists without a language suffix; suffix them so they
      // can never shadow another language's list of the same name.
      ...Object.fromEntries(Object.entries(nl.dictionary).map(([name, words]) => [`${name}-nl`, words])),
    },
    graphs: common.adjacencyGraphs,
  }))));

/**
 * Checks a new password: at least MIN_PASSWORD_LENGTH characters and zxcvbn score ≥ 3 against
 * the common, English and Dutch dictionaries, with the user's own email/name penalised.
 */
export async function checkPassword(password: string, userInputs: readonly string[] = []): Promise<PasswordCheck> {
  return (await loadChecker())(password, userInputs);
}
