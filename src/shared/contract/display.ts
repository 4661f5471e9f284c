import { z } from 'zod';
import { dateOrders, type DateDisplay } from '../dates';
import { channel } from './define';
import { choice } from './fields';

/** The clinic's saved date format; null until someone chooses one (then the computer's locale decides). */
export interface ClinicDateFormat {
  saved: DateDisplay | null;
}

export const displayChannels = {
  'display.dateFormat': channel(z.object({}).strict()).returns<ClinicDateFormat>(),
  'display.setDateFormat': channel(
    z.object({
      /** Null goes back to following this computer's locale. */
      format: z.object({ order: choice('date order', dateOrders), monthNames: z.boolean() }).nullable(),
    }),
  ).returns<ClinicDateFormat>(),
} as const;
