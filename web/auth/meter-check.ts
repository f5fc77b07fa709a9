// The password meter's check: the server's own rules (server/auth/password-rules.ts) against
// a light set of word lists, so a phone gets about a tenth of the server's dictionaries: the
// most common passwords (the build keeps the 10,000 most common, vite.config.ts), Dutch words
// and first names, and the keyboard layouts. The server checks against every list (English
// words and names too) and decides; with fewer lists the meter can be kinder than the server,
// never stricter (tests/install/meter.test.ts).
import adjacencyGraphs from '@zxcvbn-ts/language-common/dist/adjacencyGraphs.json.mjs';
import passwords from '@zxcvbn-ts/language-common/dist/passwords.json.mjs';
import boysFirstnames from '@zxcvbn-ts/language-nl-be/dist/boysFirstnames.json.esm.js';
import commonWords from '@zxcvbn-ts/language-nl-be/dist/commonWords.json.esm.js';
import girlsFirstnames from '@zxcvbn-ts/language-nl-be/dist/girlsFirstnames.json.esm.js';
import { passwordChecker } from '../../server/auth/password-rules';

// The same list names as the server's, so a match reads the same in both.
export const checkPassword = passwordChecker(() => ({
  dictionary: { 'passwords-common': passwords, 'commonWords-nl': commonWords, 'boysFirstnames-nl': boysFirstnames, 'girlsFirstnames-nl': girlsFirstnames },
  graphs: adjacencyGraphs,
}));
