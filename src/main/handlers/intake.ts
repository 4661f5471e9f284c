import type { intakeChannels } from '../../shared/contract/intake';
import type { HandlersFor } from './types';

export const intakeHandlers: HandlersFor<typeof intakeChannels> = {};
