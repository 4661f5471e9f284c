import type { displayChannels } from '../../shared/contract/display';
import { clinicDateFormat, localTerms, setClinicDateFormat, setLocalTerms } from '../services/display';
import type { HandlersFor } from './types';

export const displayHandlers: HandlersFor<typeof displayChannels> = {
  'display.dateFormat': (ctx) => clinicDateFormat(ctx),
  'display.setDateFormat': (ctx, input) => setClinicDateFormat(ctx, input),
  'display.localTerms': (ctx) => localTerms(ctx),
  'display.setLocalTerms': (ctx, input) => setLocalTerms(ctx, input),
};
