import type { assessmentsChannels } from '../../shared/contract/assessments';
import type { HandlersFor } from './types';

export const assessmentsHandlers: HandlersFor<typeof assessmentsChannels> = {};
