// Loaded lazily by PasswordField: the server's own password policy (browser-safe), so the
// meter and the server never disagree about what is strong enough.
import { checkPassword } from '../../server/auth/password-policy';

export const checkStrength = (password: string, inputs: string[]) => checkPassword(password, inputs);
