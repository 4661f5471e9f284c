import type { checkInChannels } from '../../shared/contract/checkIn';
import * as checkIn from '../services/sessions/checkIn';
import type { HandlersFor } from './types';

export const checkInHandlers: HandlersFor<typeof checkInChannels> = {
  'checkIn.start': (ctx, input) => checkIn.startCheckIn(ctx, input),
  'checkIn.stillHere': (ctx) => checkIn.stillHere(ctx),
  'checkIn.submit': (ctx, input) => checkIn.submitCheckIn(ctx, input),
  'checkIn.abandon': (ctx, input) => checkIn.abandonCheckIn(ctx, input),
  'checkIn.handBack': (ctx, input) => checkIn.handBack(ctx, input),
  'checkIn.reviewFlag': (ctx, input) => checkIn.reviewPatientFlag(ctx, input),
  'checkIn.settings': (ctx) => checkIn.checkInSettings(ctx),
  'checkIn.setIdleMinutes': (ctx, input) => checkIn.setCheckInIdleMinutes(ctx, input),
};
