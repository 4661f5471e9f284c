import { ownPassphrasesChosen, TEST_CLINICIAN, TEST_CLINICIAN_SIGN_IN } from '../../src/main/testing';
import type { PacewiseApp } from '../fixtures';

/**
 * The administrator adds Jordan Lee, a clinician who has already chosen their own passphrase, and
 * hands the computer over to them through "Switch clinician": for scenarios about what a clinician
 * who is not an administrator may do (their first sign-in has its own scenario in access.spec.ts).
 */
export async function handOverToClinician(app: PacewiseApp): Promise<void> {
  await app.call('access.addClinician', TEST_CLINICIAN);
  ownPassphrasesChosen(app.dataDir);
  await app.page.getByRole('button', { name: /Signed in as Alex Morgan/ }).click();
  await app.page.getByRole('menuitem', { name: 'Switch clinician' }).click();
  await app.signIn(TEST_CLINICIAN_SIGN_IN);
}
