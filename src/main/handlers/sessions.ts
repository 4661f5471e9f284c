import type { sessionsChannels } from '../../shared/contract/sessions';
import type { HandlersFor } from './types';

export const sessionsHandlers: HandlersFor<typeof sessionsChannels> = {};
