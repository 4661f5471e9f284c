/**
 * Passphrase rules (NIST SP 800-63B §5.1.1.2: a length floor and a check against commonly used
 * secrets, no composition rules). 10 characters is the floor the access issue sets.
 */
export const PASSPHRASE_MIN = 10;
export const PASSPHRASE_MAX = 200;

/** A short list of passphrases seen most often in breach corpora, folded to lower case. */
const COMMON = new Set([
  '1234567890',
  '12345678910',
  '123456789012',
  '0987654321',
  '1111111111',
  '0000000000',
  'password123',
  'password1234',
  'passwordpassword',
  'password12',
  'password!1',
  'qwertyuiop',
  'qwerty12345',
  'qwerty123456',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'asdfghjkl1',
  'abcdefghij',
  'abc1234567',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'welcome2026',
  'changeme123',
  'administrator',
  'admin12345',
  'football123',
  'sunshine123',
  'princess123',
  'trustno1234',
  'correcthorsebatterystaple',
  'pacewise123',
  'pacewise2026',
  'clinic12345',
  'physio12345',
  'exercise123',
]);

/** Why a passphrase cannot be used, in a clinician's words; null when it can. */
export function passphraseProblem(passphrase: string, login?: string | null): string | null {
  if (passphrase.length < PASSPHRASE_MIN) return `Passphrase must have at least ${PASSPHRASE_MIN} characters`;
  if (passphrase.length > PASSPHRASE_MAX) return `Passphrase must have at most ${PASSPHRASE_MAX} characters`;
  const folded = passphrase.toLowerCase().replace(/\s+/g, '');
  if (COMMON.has(folded)) return 'Passphrase is on the list of commonly used passphrases: choose another';
  if (/^(.)\1+$/.test(folded)) return 'Passphrase repeats one character: choose another';
  if (login && folded.includes(login.trim().toLowerCase()) && login.trim().length >= 3) {
    return 'Passphrase must not contain the sign-in name';
  }
  return null;
}

/** The quick-unlock PIN: 4 to 8 digits. */
export function pinProblem(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'PIN must be digits only (no letters or spaces)';
  if (pin.length < 4 || pin.length > 8) return 'PIN must have 4 to 8 digits';
  return null;
}

/** Idle time before the app locks itself: clinic policy, 5 minutes by default, 1–60. */
export const IDLE_LOCK_DEFAULT_MINUTES = 5;
export const IDLE_LOCK_RANGE = { min: 1, max: 60 } as const;

/**
 * The window reports the clinician's activity at most this often. The main process locks once no
 * report has come for the idle time plus this much again: a report can be up to one interval older
 * than the last keystroke, and the window's own timer (which saves a draft first) must lock first.
 */
export const ACTIVITY_REPORT_MS = 15_000;

/** Failed PIN attempts before the full passphrase is needed. */
export const PIN_ATTEMPTS = 5;

/**
 * Slowing down guessing at the sign-in screen (clinic policy; no source sets these figures): after
 * `freeAttempts` failed sign-ins in a row for one sign-in name, each further try waits, starting at
 * `firstWaitSeconds` and doubling with each failure, up to SIGN_IN_MAX_WAIT_SECONDS.
 */
export interface SignInPolicy {
  freeAttempts: number;
  firstWaitSeconds: number;
}
export const SIGN_IN_POLICY_DEFAULT: SignInPolicy = { freeAttempts: 5, firstWaitSeconds: 30 };
export const SIGN_IN_ATTEMPTS_RANGE = { min: 3, max: 20 } as const;
export const SIGN_IN_FIRST_WAIT_RANGE = { min: 5, max: 300 } as const;
export const SIGN_IN_MAX_WAIT_SECONDS = 15 * 60;

/** How long the next try for a name must wait after `failures` failed sign-ins in a row (seconds; 0: none). */
export function signInWaitSeconds(policy: SignInPolicy, failures: number): number {
  if (failures < policy.freeAttempts) return 0;
  const doublings = Math.min(failures - policy.freeAttempts, 20);
  return Math.min(policy.firstWaitSeconds * 2 ** doublings, SIGN_IN_MAX_WAIT_SECONDS);
}

/** "45 seconds", "2 minutes", "1 minute 30 seconds". */
export function spokenDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return part(rest, 'second');
  return rest === 0 ? part(minutes, 'minute') : `${part(minutes, 'minute')} ${part(rest, 'second')}`;
}

/** The policy in a clinician's words, as the sign-in screen and Settings say it. */
export function describeSignInPolicy(policy: SignInPolicy): string {
  return (
    `After ${policy.freeAttempts} failed sign-ins in a row for one sign-in name, each further try waits: ` +
    `${spokenDuration(policy.firstWaitSeconds)} at first, twice as long after each failure, at most ` +
    `${spokenDuration(SIGN_IN_MAX_WAIT_SECONDS)} (clinic policy).`
  );
}
