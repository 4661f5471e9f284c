import type { accessChannels } from '../../shared/contract/access';
import * as access from '../services/access';
import { ApiError } from '../errors';
import { appState, requireClinician, setIdleLockMinutes, setSignInPolicy } from '../services/settings';
import type { HandlersFor } from './types';

/** Signing in, locking and switching change who holds the caseload: the launcher answers them. */
const atLaunch = (): never => {
  throw new ApiError('conflict', 'Pacewise answers this at start-up only.');
};

export const accessHandlers: HandlersFor<typeof accessChannels> = {
  'access.setUp': atLaunch,
  'access.existingClinicians': atLaunch,
  'access.secureExisting': atLaunch,
  'access.adoptBackup': atLaunch,
  'access.signIn': atLaunch,
  'access.recover': atLaunch,
  'access.lock': atLaunch,
  'access.activity': atLaunch,
  'access.unlock': atLaunch,
  'access.switchClinician': atLaunch,
  'access.setPin': (ctx, input) => access.setPin(ctx, requireClinician(ctx), input),
  'access.changePassphrase': (ctx, input) => access.changeOwnPassphrase(ctx, requireClinician(ctx), input),
  'access.addClinician': (ctx, input) => access.addClinicianAccount(ctx, requireClinician(ctx), input),
  'access.resetPassphrase': (ctx, input) => access.resetPassphrase(ctx, requireClinician(ctx), input),
  'access.setActive': (ctx, input) => access.setActive(ctx, requireClinician(ctx), input),
  'access.setRole': (ctx, input) => access.setRole(ctx, requireClinician(ctx), input),
  'access.setSignInPolicy': (ctx, input) => {
    setSignInPolicy(ctx, input, requireClinician(ctx));
    return appState(ctx);
  },
  'access.setIdleLock': (ctx, input) => {
    setIdleLockMinutes(ctx, input.minutes, requireClinician(ctx));
    return appState(ctx);
  },
};
