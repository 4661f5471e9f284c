import type { auditChannels } from '../../shared/contract/audit';
import type { HandlersFor } from './types';

export const auditHandlers: HandlersFor<typeof auditChannels> = {};
