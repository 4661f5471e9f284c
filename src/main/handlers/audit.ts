import type { auditChannels } from '../../shared/contract/audit';
import { patientHistory } from '../services/auditHistory';
import type { HandlersFor } from './types';

export const auditHandlers: HandlersFor<typeof auditChannels> = {
  'audit.patientHistory': (ctx, input) => patientHistory(ctx, input),
};
